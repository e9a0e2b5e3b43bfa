"""List, inspect and replay the messages waiting in `<queue>.dead`.

Listing takes every message without acking and then closes the channel, so the broker
puts them all back; replaying publishes a message to its original queue (confirmed)
before acking it in the dead queue, so a crash in between duplicates, never loses.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import amqp

from kit import bus


@dataclass(frozen=True)
class DeadMessage:
    message_id: str
    type: str | None
    attempts: int
    error: str | None
    reason: str | None
    body: bytes


def _describe(message: amqp.Message) -> DeadMessage:
    headers = message.properties.get("application_headers") or {}
    body = message.body if isinstance(message.body, bytes) else message.body.encode()
    try:
        event_type = json.loads(body).get("type")
    except (ValueError, AttributeError):
        event_type = None
    deaths = headers.get("x-death") or []
    reason = headers.get("x-first-death-reason") or (deaths[0].get("reason") if deaths else None)
    return DeadMessage(
        message_id=message.properties.get("message_id") or "",
        type=event_type,
        attempts=int(headers.get(bus.HEADER_ATTEMPTS, 0)),
        error=headers.get(bus.HEADER_ERROR),
        reason=str(reason) if reason else None,
        body=body,
    )


def _queue_name(queue: str) -> str:
    return queue if queue.endswith(".dead") else bus.dead_queue_name(queue)


def list_dead(amqp_url: str, queue: str, limit: int = 1000) -> list[DeadMessage]:
    conn = bus.connect(amqp_url)
    try:
        channel = conn.channel()
        found = []
        while len(found) < limit:
            message = channel.basic_get(_queue_name(queue), no_ack=False)
            if message is None:
                break
            found.append(_describe(message))
        channel.close()  # unacked messages go back to the queue
        return found
    finally:
        conn.release()


def replay(amqp_url: str, queue: str, message_ids: set[str] | None = None) -> int:
    """Send dead messages back to `queue` (all, or those with the given ids)."""
    main = queue[: -len(".dead")] if queue.endswith(".dead") else queue
    conn = bus.connect(amqp_url)
    try:
        getter = conn.channel()
        publisher = bus.ConfirmingPublisher(conn.channel(), conn, timeout=10.0)
        replayed = 0
        depth = getter.queue_declare(_queue_name(main), passive=True).message_count
        for _ in range(depth):
            message = getter.basic_get(_queue_name(main), no_ack=False)
            if message is None:
                break
            described = _describe(message)
            if message_ids is not None and described.message_id not in message_ids:
                continue
            headers = {k: v for k, v in (message.properties.get("application_headers") or {}).items() if not k.startswith("x-")}
            publisher.publish(
                [bus.Outgoing(exchange="", routing_key=main, body=described.body,
                              message_id=described.message_id, headers=headers)],
                mandatory=True,
            )
            getter.basic_ack(message.delivery_info["delivery_tag"])
            replayed += 1
        getter.close()
        return replayed
    finally:
        conn.release()
