"""Transactional outbox: events are rows written in the same transaction as the change,
and a relay publishes them afterwards with publisher confirms.

The relay marks rows sent only after the broker confirmed them. Several relays may run:
a lease row elects one active relay at a time (the others wait), which keeps the
per-aggregate order; a relay that dies loses the lease after `relay_lease_seconds`.
A crash between confirm and marking re-sends a batch; consumers drop it by event id.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit import bus, context, event_schemas, events, metrics, wakeup
from kit.db import UNAVAILABLE, Store
from kit.messaging import MessagingTables
from kit.settings import CommonSettings

log = logging.getLogger("kit.outbox")


class Outbox:
    def __init__(self, tables: MessagingTables, source: str, schemas: dict | None = None, check: bool = False):
        self.tables = tables
        self.source = source
        # The producer's declared payloads (`services/<name>/events.py`); with `check`, an
        # event that is not what its type declares fails its transaction (tests set it).
        self.schemas = schemas or {}
        self.check = check
        # Statements built once: building them per event costs more than running them.
        self._insert = tables.outbox.insert()
        # As text it is compiled once, which SQLAlchemy's ON CONFLICT construct is not. On
        # PostgreSQL the same statement wakes the relay (`kit.wakeup`): a notification the
        # server delivers at commit, at no extra round trip; SQLite (3.35+) wakes it after
        # the commit instead.
        name = tables.sequence.name
        bump = f"ON CONFLICT (subject) DO UPDATE SET last = {name}.last + 1 RETURNING last"
        self._sequence = {
            "postgresql": sa.text(
                f"INSERT INTO {name} (subject, last) SELECT CAST(:subject AS VARCHAR), 1 "
                f"FROM (SELECT pg_notify('{wakeup.CHANNEL}', '')) AS wake WHERE true {bump}"),
            "sqlite": sa.text(f"INSERT INTO {name} (subject, last) VALUES (:subject, 1) {bump}"),
        }
        # On PostgreSQL the event is numbered and written in one statement (one round trip
        # instead of two): the body is sent in two parts around its sequence, which the
        # store puts in between as it numbers the event.
        self._numbered_insert = sa.text(
            f"WITH numbered AS ({self._sequence['postgresql'].text}) "
            f"INSERT INTO {tables.outbox.name} (event_id, type, subject, sequence, body, traceparent, created_at) "
            "SELECT :event_id, :type, :subject, numbered.last, "
            "CAST(:head AS BYTEA) || convert_to(CAST(numbered.last AS TEXT), 'UTF8') || CAST(:tail AS BYTEA), "
            ":traceparent, :created_at FROM numbered RETURNING sequence")

    def add(self, session: Session, type: str, subject: str, data: dict[str, Any], dataversion: int = 1,
            event_id: str | None = None) -> dict:
        """Record an event in the caller's transaction; it is published after commit.

        `event_id` is for events whose identity follows from what caused them (so that the
        same cause, met again when a read model is rebuilt, is the same event); by default
        every event is new.

        The per-aggregate sequence comes from a counter row that the transaction locks, so
        two transactions on the same aggregate are numbered in commit order.
        """
        if self.check:
            event_schemas.check(self.schemas, type, data)
        if session.get_bind().dialect.name == "postgresql":
            return self._add_numbered(session, type, subject, data, dataversion, event_id)
        sequence = self._next_sequence(session, subject)
        event = self._envelope(type, subject, data, sequence, dataversion, event_id)
        session.execute(self._insert, {
            "event_id": event["id"],
            "type": type,
            "subject": subject,
            "sequence": sequence,
            "body": events.encode(event),
            "traceparent": event["traceparent"],
            "created_at": datetime.now(timezone.utc),
        })
        return event

    def _envelope(self, type: str, subject: str, data: dict[str, Any], sequence: int, dataversion: int,
                  event_id: str | None) -> dict:
        return events.envelope(
            type=type,
            source=self.source,
            subject=subject,
            data=data,
            sequence=sequence,
            dataversion=dataversion,
            correlationid=context.correlation_id.get() or context.request_id.get(),
            traceparent=context.traceparent.get(),
            id=event_id,
        )

    def _add_numbered(self, session: Session, type: str, subject: str, data: dict[str, Any], dataversion: int,
                      event_id: str | None) -> dict:
        session.info[wakeup.WRITTEN] = True
        event = self._envelope(type, subject, data, 0, dataversion, event_id)
        head, tail = events.encode_around_sequence(event)
        event["sequence"] = session.execute(self._numbered_insert, {
            "subject": subject,
            "event_id": event["id"],
            "type": type,
            "head": head,
            "tail": tail,
            "traceparent": event["traceparent"],
            "created_at": datetime.now(timezone.utc),
        }).scalar_one()
        return event

    def _next_sequence(self, session: Session, subject: str) -> int:
        session.info[wakeup.WRITTEN] = True
        statement = self._sequence[session.get_bind().dialect.name]
        return session.execute(statement, {"subject": subject}).scalar_one()

    def backlog(self, session: Session) -> tuple[int, float | None]:
        """Unsent rows and the age in seconds of the oldest one."""
        outbox = self.tables.outbox
        count, oldest = session.execute(
            sa.select(sa.func.count(), sa.func.min(outbox.c.created_at)).where(outbox.c.sent_at.is_(None))
        ).one()
        if oldest is None:
            return count, None
        if oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=timezone.utc)
        return count, (datetime.now(timezone.utc) - oldest).total_seconds()


class Lease:
    """A row that at most one holder owns until it expires (leader election on any SQL store)."""

    def __init__(self, table: sa.Table, name: str, ttl: float):
        self.table = table
        self.name = name
        self.ttl = ttl
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        # Renewed at most every half `ttl`: until then the lease is this holder's without a
        # word to the store (nobody may take it before it expires), so a relay or scheduler
        # looking every 0.1 s writes and commits no row for it.
        self._renew_after = 0.0

    def acquire(self, session: Session) -> bool:
        now = time.time()
        if now < self._renew_after:
            return True
        self._renew_after = 0.0
        table = self.table
        result = session.execute(
            table.update()
            .where(table.c.name == self.name)
            .where(sa.or_(table.c.owner == self.owner, table.c.expires_at < now))
            .values(owner=self.owner, expires_at=now + self.ttl)
        )
        if result.rowcount:
            self._held_from(session, now)
            return True
        exists = session.execute(sa.select(table.c.name).where(table.c.name == self.name)).first()
        if exists:
            return False
        try:
            with session.begin_nested():
                session.execute(table.insert().values(name=self.name, owner=self.owner, expires_at=now + self.ttl))
        except sa.exc.IntegrityError:
            return False
        self._held_from(session, now)
        return True

    def _held_from(self, session: Session, now: float) -> None:
        """Counted as held from its commit on (a transaction rolled back renewed nothing)."""
        def committed(_session) -> None:
            self._renew_after = now + self.ttl / 2

        sa.event.listen(session, "after_commit", committed, once=True)

    def release(self, session: Session) -> None:
        self._renew_after = 0.0
        session.execute(
            self.table.update()
            .where(self.table.c.name == self.name, self.table.c.owner == self.owner)
            .values(expires_at=0.0)
        )


class Relay:
    """Publishes unsent outbox rows in id order, in batches, confirming each batch."""

    def __init__(self, store: Store, tables: MessagingTables, settings: CommonSettings):
        self.store = store
        self.tables = tables
        self.settings = settings
        self.lease = Lease(tables.lease, "outbox-relay", settings.relay_lease_seconds)
        self._conn = None
        self._publisher: bus.ConfirmingPublisher | None = None
        self.published = 0
        self._measure = metrics.instruments()
        self._waiter: wakeup.Waiter | None = None

    def run(self, stop: threading.Event) -> None:
        self._waiter = wakeup.Waiter.for_engine(self.store.engine)
        log.info("relay started", extra={"owner": self.lease.owner, "woken_by_store": self._waiter is not None})
        backoff = 0.5
        while not stop.is_set():
            try:
                sent = self.run_once()
                backoff = 0.5
                # Woken by the store, a batch that was not full leaves nothing behind that
                # is not already waking the relay again: it waits instead of looking at once.
                if sent == 0 or (self._waiter is not None and sent < self.settings.relay_batch_size):
                    self._idle(stop)
            except NotLeader:
                stop.wait(self.settings.relay_lease_seconds / 3)
            except (bus.PublishFailed, *bus.BROKER_ERRORS) as exc:
                log.warning("broker unavailable, will retry", extra={"error": repr(exc), "retry_in": backoff})
                self._close()
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
            except UNAVAILABLE as exc:
                log.warning("database unavailable, will retry", extra={"error": repr(exc)[:300], "retry_in": backoff})
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
        self._close()
        if self._waiter is not None:
            self._waiter.close()
        try:
            with self.store.begin() as session:
                self.lease.release(session)
        except UNAVAILABLE:
            pass
        log.info("relay stopped", extra={"published": self.published})

    def _idle(self, stop: threading.Event) -> None:
        """Until the store says an event committed (or, without a wake-up, for the poll
        interval); at most `relay_idle_seconds`, then the outbox is looked at anyway."""
        if self._waiter is None:
            stop.wait(self.settings.relay_poll_seconds)
            return
        deadline = time.monotonic() + self.settings.relay_idle_seconds
        while not stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0 or self._waiter.wait(min(left, 1.0)):  # a second at most: stop is seen
                return

    def run_once(self) -> int:
        outbox = self.tables.outbox
        with self.store.begin() as session:
            if not self.lease.acquire(session):
                raise NotLeader()
            rows = session.execute(
                sa.select(outbox.c.id, outbox.c.event_id, outbox.c.type, outbox.c.body)
                .where(outbox.c.sent_at.is_(None))
                .order_by(outbox.c.id)
                .limit(self.settings.relay_batch_size)
            ).all()
        if not rows:
            return 0
        self._publisher_or_connect().publish(
            [
                bus.Outgoing(
                    exchange=bus.EXCHANGE,
                    routing_key=row.type,
                    body=row.body,
                    message_id=row.event_id,
                    headers={},
                )
                for row in rows
            ]
        )
        with self.store.begin() as session:
            session.execute(
                outbox.update()
                .where(outbox.c.id.in_([row.id for row in rows]))
                .values(sent_at=datetime.now(timezone.utc))
            )
        self.published += len(rows)
        self._measure.events_published.labels(self.settings.service).inc(len(rows))
        return len(rows)

    def _publisher_or_connect(self) -> bus.ConfirmingPublisher:
        if self._publisher is None:
            self._conn = bus.connect(self.settings.amqp_url, self.settings.broker_timeout_seconds)
            channel = self._conn.default_channel
            bus.declare_exchanges(channel)
            self._publisher = bus.ConfirmingPublisher(channel, self._conn, self.settings.broker_timeout_seconds)
        return self._publisher

    def _close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.release()
            except Exception:  # closing a broken connection may fail in many ways
                pass
        self._conn = None
        self._publisher = None


class NotLeader(Exception):
    """Another relay holds the lease."""
