"""`zhuyu outbox republish`: send a producer's stored events again, so that a consumer
that lost its store can rebuild its read models from them.

The relay keeps every outbox row after publishing it (it only sets `sent_at`), so the
outbox is the producer's full event history. Rows are sent in outbox order (the `id`
column, which is also each aggregate's order), in batches confirmed by the broker.

With `to_queue`, events go through the default exchange straight into that one consumer
queue (routing key = queue name), filtered to the types the queue is bound to; the other
consumers see nothing. Without it they go to `zhuyu.events` as the relay sent them, and
every consumer drops what it already handled by event id (its inbox).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Iterator

import sqlalchemy as sa

from kit import bus, registry
from kit.db import Store
from kit.messaging import MessagingTables
from kit.types import utcnow
from ops.build import build

# Marks a republished message for whoever inspects a queue or a dead letter.
HEADER_REPUBLISHED = "zhuyu-republished"


@dataclass(frozen=True)
class Selection:
    """Which stored events: from an outbox position, since a time, of some types (topic
    patterns as in bindings: `*` one word, `#` any number of words)."""

    from_position: int | None = None
    since: datetime | None = None
    event_types: tuple[str, ...] = ()


@dataclass
class Result:
    published: int = 0
    first_position: int | None = None
    last_position: int | None = None
    skipped_types: int = 0
    unsent: int = 0
    types: dict[str, int] = field(default_factory=dict)


def topic_matches(pattern: str, routing_key: str) -> bool:
    """AMQP topic matching of one binding key against one routing key."""
    def match(p: list[str], k: list[str]) -> bool:
        if not p:
            return not k
        if p[0] == "#":
            return any(match(p[1:], k[i:]) for i in range(len(k) + 1))
        return bool(k) and (p[0] == "*" or p[0] == k[0]) and match(p[1:], k[1:])

    return match(pattern.split("."), routing_key.split("."))


def queue_bindings(queue: str) -> list[str] | None:
    """The binding keys of a service's consumer queue (`visits.events`), from its handlers;
    None for a queue this suite does not know."""
    for name in registry.SERVICES:
        service = build(name)
        try:
            if service.settings.queue == queue:
                return list(service.handlers)
        finally:
            service.store.dispose()
    return None


def stored_events(store: Store, tables: MessagingTables, selection: Selection,
                  batch_size: int = 500) -> Iterator[list[sa.Row]]:
    """Relayed outbox rows of the selection, in outbox order, a batch at a time."""
    outbox = tables.outbox
    after = (selection.from_position - 1) if selection.from_position is not None else 0
    while True:
        query = (sa.select(outbox.c.id, outbox.c.event_id, outbox.c.type, outbox.c.body)
                 .where(outbox.c.id > after, outbox.c.sent_at.is_not(None))
                 .order_by(outbox.c.id).limit(batch_size))
        if selection.since is not None:
            query = query.where(outbox.c.created_at >= selection.since)
        with store.begin() as session:
            rows = session.execute(query).all()
        if not rows:
            return
        yield rows
        after = rows[-1].id


def unsent_count(store: Store, tables: MessagingTables) -> int:
    outbox = tables.outbox
    with store.begin() as session:
        return session.execute(sa.select(sa.func.count()).where(outbox.c.sent_at.is_(None))).scalar_one()


def republish(store: Store, tables: MessagingTables, amqp_url: str, selection: Selection,
              to_queue: str | None = None, bindings: Iterable[str] | None = None,
              batch_size: int = 500, timeout: float = 10.0) -> Result:
    """Publish the selected events again; `bindings` limits them to the types a queue
    takes (with `to_queue`, the queue's own bindings when it belongs to a service)."""
    if to_queue is not None and bindings is None:
        bindings = queue_bindings(to_queue)
    bindings = list(bindings) if bindings is not None else None
    result = Result(unsent=unsent_count(store, tables))
    conn = bus.connect(amqp_url, timeout)
    try:
        channel = conn.channel()
        if to_queue is not None:
            try:
                channel.queue_declare(to_queue, passive=True)
            except bus.BROKER_ERRORS as exc:
                raise LookupError(f"no queue {to_queue!r} on the broker: start its consumer once, "
                                  "which declares it") from exc
        else:
            bus.declare_exchanges(channel)
        publisher = bus.ConfirmingPublisher(channel, conn, timeout)
        stamp = utcnow().isoformat()
        for rows in stored_events(store, tables, selection, batch_size):
            wanted = [row for row in rows if _wanted(row.type, selection.event_types, bindings)]
            result.skipped_types += len(rows) - len(wanted)
            if not wanted:
                continue
            publisher.publish([
                bus.Outgoing(
                    exchange="" if to_queue is not None else bus.EXCHANGE,
                    routing_key=to_queue if to_queue is not None else row.type,
                    body=bytes(row.body),
                    message_id=row.event_id,
                    headers={HEADER_REPUBLISHED: stamp},
                ) for row in wanted
            ], mandatory=to_queue is not None)
            result.published += len(wanted)
            result.first_position = result.first_position or wanted[0].id
            result.last_position = wanted[-1].id
            for row in wanted:
                result.types[row.type] = result.types.get(row.type, 0) + 1
    finally:
        conn.release()
    return result


def _wanted(event_type: str, patterns: tuple[str, ...], bindings: list[str] | None) -> bool:
    if patterns and not any(topic_matches(p, event_type) for p in patterns):
        return False
    return bindings is None or any(topic_matches(b, event_type) for b in bindings)
