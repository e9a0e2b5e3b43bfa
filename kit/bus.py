"""RabbitMQ topology and the two hot paths on it: batch publishing with confirms and
consuming with manual acks. kombu owns the connection; the py-amqp channel beneath it
is used directly where kombu would wait for each confirm one by one.

Topology (declared idempotently by every process that needs it):
- `zhuyu.events`  topic exchange, routing key = event type;
- `<svc>.events`  durable quorum queue per consuming service, bound to its types;
  after `delivery_limit` redeliveries (a crashing handler) the broker dead-letters it;
- `zhuyu.retry`   direct exchange → `<svc>.events.retry.<N>s` queues whose TTL sends the
  message back to `<svc>.events`: back-off without blocking the main queue;
- `zhuyu.dead`    direct exchange → `<svc>.events.dead`, where messages wait for a person.
"""
from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from typing import Iterable

import amqp
from kombu import Connection

EXCHANGE = "zhuyu.events"
RETRY_EXCHANGE = "zhuyu.retry"
DEAD_EXCHANGE = "zhuyu.dead"

HEADER_ATTEMPTS = "x-zhuyu-attempts"
HEADER_ERROR = "x-zhuyu-error"
HEADER_QUEUE = "x-zhuyu-queue"

# What a broken or refused broker connection raises on the py-amqp channel.
BROKER_ERRORS = (OSError, amqp.exceptions.AMQPError, amqp.exceptions.RecoverableConnectionError)


class PublishFailed(RuntimeError):
    """The broker refused (nack) or did not confirm a batch in time; nothing is marked sent."""


def connect(url: str, timeout: float = 5.0) -> Connection:
    conn = Connection(url, connect_timeout=timeout, heartbeat=30, transport_options={"confirm_publish": False})
    conn.connect()
    return conn


def declare_exchanges(channel: amqp.Channel) -> None:
    channel.exchange_declare(EXCHANGE, "topic", durable=True, auto_delete=False)
    channel.exchange_declare(RETRY_EXCHANGE, "direct", durable=True, auto_delete=False)
    channel.exchange_declare(DEAD_EXCHANGE, "direct", durable=True, auto_delete=False)


def retry_queue_name(queue: str, delay_seconds: int) -> str:
    return f"{queue}.retry.{delay_seconds}s"


def dead_queue_name(queue: str) -> str:
    return f"{queue}.dead"


def declare_consumer_queue(
    channel: amqp.Channel,
    queue: str,
    binding_keys: Iterable[str],
    retry_delays_seconds: Iterable[int],
    delivery_limit: int,
) -> None:
    declare_exchanges(channel)
    channel.queue_declare(
        queue,
        durable=True,
        auto_delete=False,
        arguments={
            "x-queue-type": "quorum",
            "x-delivery-limit": delivery_limit,
            "x-dead-letter-exchange": DEAD_EXCHANGE,
            "x-dead-letter-routing-key": queue,
            "x-dead-letter-strategy": "at-least-once",
            "x-overflow": "reject-publish",
        },
    )
    for key in binding_keys:
        channel.queue_bind(queue, EXCHANGE, key)
    dead = dead_queue_name(queue)
    channel.queue_declare(dead, durable=True, auto_delete=False, arguments={"x-queue-type": "quorum"})
    channel.queue_bind(dead, DEAD_EXCHANGE, queue)
    for delay in retry_delays_seconds:
        name = retry_queue_name(queue, delay)
        channel.queue_declare(
            name,
            durable=True,
            auto_delete=False,
            arguments={
                "x-queue-type": "quorum",
                "x-message-ttl": int(delay * 1000),
                "x-dead-letter-exchange": "",
                "x-dead-letter-routing-key": queue,
                "x-dead-letter-strategy": "at-least-once",
                "x-overflow": "reject-publish",
            },
        )
        channel.queue_bind(name, RETRY_EXCHANGE, name)


@dataclass(frozen=True)
class Outgoing:
    exchange: str
    routing_key: str
    body: bytes
    message_id: str
    headers: dict
    content_type: str = "application/cloudevents+json"
    correlation_id: str | None = None


class ConfirmingPublisher:
    """Publishes a batch, then waits once for the broker's confirms of the whole batch."""

    def __init__(self, channel: amqp.Channel, connection: Connection, timeout: float):
        self.channel = channel
        self.connection = connection
        self.timeout = timeout
        self._next_tag = 1
        self._acked_upto = 0
        self._nacked = False
        self._returned = False
        self._pending_single: set[int] = set()
        channel.events["basic_ack"].add(self._on_ack)
        channel.events["basic_nack"].add(self._on_nack)
        channel.events["basic_return"].add(self._on_return)
        channel.confirm_select()

    def _on_ack(self, delivery_tag: int, multiple: bool) -> None:
        # Acks can arrive out of order only for single tags; track the contiguous prefix.
        if multiple or delivery_tag == self._acked_upto + 1:
            self._acked_upto = max(self._acked_upto, delivery_tag)
        else:
            self._pending_single.add(delivery_tag)
        while self._acked_upto + 1 in self._pending_single:
            self._acked_upto += 1
            self._pending_single.discard(self._acked_upto)

    def _on_nack(self, delivery_tag: int, multiple: bool) -> None:
        self._nacked = True

    def _on_return(self, *args) -> None:
        self._returned = True

    def publish(self, messages: list[Outgoing], mandatory: bool = False) -> None:
        self._nacked = False
        self._returned = False
        for message in messages:
            msg = amqp.Message(
                message.body,
                content_type=message.content_type,
                delivery_mode=2,
                message_id=message.message_id,
                correlation_id=message.correlation_id,
                application_headers=message.headers,
            )
            self.channel.basic_publish(msg, exchange=message.exchange, routing_key=message.routing_key, mandatory=mandatory)
            self._next_tag += 1
        last = self._next_tag - 1
        deadline = time.monotonic() + self.timeout
        while self._acked_upto < last and not self._nacked:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise PublishFailed(f"no confirm within {self.timeout}s")
            try:
                self.connection.drain_events(timeout=min(remaining, 1.0))
            except socket.timeout:
                continue
        if self._nacked:
            raise PublishFailed("broker refused a message (nack)")
        if mandatory and self._returned:
            raise PublishFailed("a message was not routed to any queue")
