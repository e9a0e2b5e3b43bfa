"""Idempotent consumer: the inbox row (keyed by event id) is written in the same
transaction as the handler's effect, so a redelivered event changes nothing.

Messages are handled in batches: each in its own savepoint, one commit for the batch,
then one ack for all of it. A handler that raises is sent to a delayed retry queue and,
after the last delay, to `<queue>.dead`; either publish is confirmed before the ack, so
nothing is lost and the main queue never blocks behind a poison message. When the
database itself is down the batch is kept unacked and retried until it commits.

What a handler raises decides what happens to its event (`kit.errors`):
- the store is unreachable: the whole batch is kept and handled again once it answers;
- `NotFound`: retried after each delay (what it names may arrive with a later event), then
  dead-lettered;
- any other `DomainError`, a rule refusing the event's effect: dead-lettered at once with
  its code, since the same event would be refused again;
- anything else (a bug, data the handler cannot read): retried, then dead-lettered.
"""
from __future__ import annotations

import logging
import socket
from collections import Counter
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

import amqp
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit import bus, context, events, metrics, tracing
from kit.db import UNAVAILABLE, Store
from kit.errors import DomainError, NotFound
from kit.messaging import MessagingTables
from kit.settings import CommonSettings

log = logging.getLogger("kit.consumer")



class Many:
    """A handler that takes a run of consecutive events of its types at once,
    `handle(session, events)`, to write them in bulk (one statement for the run instead of
    one per event). The consumer gives it each run in the order the events came; when a
    batch must be handled again event by event (one failed), a run of one."""

    def __init__(self, handle: Callable[[Session, list[events.Event]], None]):
        self.handle = handle

    def __call__(self, session: Session, event: events.Event) -> None:
        self.handle(session, [event])


Handler = Callable[[Session, events.Event], None]  # or a `Many`


@dataclass
class _Delivery:
    tag: int
    message: amqp.Message
    event: events.Event | None
    error: str | None = None
    final: bool = False  # no retry can change the outcome: straight to the dead letters


class Consumer:
    def __init__(
        self,
        store: Store,
        tables: MessagingTables,
        settings: CommonSettings,
        handlers: dict[str, Handler],
        queue: str | None = None,
    ):
        self.store = store
        self.tables = tables
        self.settings = settings
        self.handlers = handlers
        self.queue = queue or settings.queue
        self.handled = 0
        self.duplicates = 0
        self.failed = 0
        self._batch: list[_Delivery] = []
        self._conn = None
        self._channel: amqp.Channel | None = None
        self._publisher: bus.ConfirmingPublisher | None = None
        self._measure = metrics.instruments()
        self._log_events = log.isEnabledFor(logging.INFO)

    def declare(self, channel: amqp.Channel) -> None:
        bus.declare_consumer_queue(
            channel,
            self.queue,
            self.handlers.keys(),
            self.settings.retry_delays_seconds,
            self.settings.delivery_limit,
        )

    def run(self, stop: threading.Event) -> None:
        log.info("consumer started", extra={"queue": self.queue})
        backoff = 0.5
        while not stop.is_set():
            try:
                self._connect()
                backoff = 0.5
                self._loop(stop)
            except bus.BROKER_ERRORS + (bus.PublishFailed,) as exc:
                log.warning("broker unavailable, will retry", extra={"error": repr(exc), "retry_in": backoff})
                self._batch.clear()  # unacked messages come back with the new connection
                self._close()
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
        self._close()
        log.info("consumer stopped", extra={"handled": self.handled, "duplicates": self.duplicates})

    def _connect(self) -> None:
        self._conn = bus.connect(self.settings.amqp_url, self.settings.broker_timeout_seconds)
        consume = self._conn.default_channel
        self.declare(consume)
        consume.basic_qos(0, self.settings.consumer_prefetch, False)
        consume.basic_consume(self.queue, callback=self._on_message)
        self._channel = consume
        # Retries and dead letters go out on a channel of their own, with confirms.
        self._publisher = bus.ConfirmingPublisher(self._conn.channel(), self._conn, self.settings.broker_timeout_seconds)

    def _loop(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self._conn.drain_events(timeout=0.005 if self._batch else 0.5)
            except socket.timeout:
                if self._batch:
                    self._flush(stop)
                continue
            if len(self._batch) >= self.settings.consumer_batch_size:
                self._flush(stop)
        if self._batch:
            self._flush(stop)

    def _on_message(self, message: amqp.Message) -> None:
        tag = message.delivery_info["delivery_tag"]
        try:
            event = events.parse(message.body)
        except events.BadEvent as exc:
            self._batch.append(_Delivery(tag, message, None, error=f"bad event: {exc}"))
            return
        self._batch.append(_Delivery(tag, message, event))

    def _flush(self, stop: threading.Event) -> None:
        batch, self._batch = self._batch, []
        backoff = 0.2
        while True:
            try:
                failures = self._handle(batch)
                break
            except UNAVAILABLE as exc:
                if stop.is_set():
                    raise bus.PublishFailed("stopping with an uncommitted batch") from exc
                log.warning("database unavailable, batch kept", extra={"error": repr(exc)[:300], "retry_in": backoff})
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
        if failures:
            self._publisher.publish([self._retry_or_dead(d) for d in failures])
        self._channel.basic_ack(batch[-1].tag, multiple=True)

    def _handle(self, batch: list[_Delivery]) -> list[_Delivery]:
        """Handle a batch in one transaction. First optimistically, all handlers in one go;
        if any handler raises, again with a savepoint per message so that only the failing
        ones are set aside."""
        try:
            return self._handle_batch(batch, isolate=False)
        except UNAVAILABLE:
            raise
        except Exception:  # a handler failed: find which, keep the others' effects
            return self._handle_batch(batch, isolate=True)

    def _handle_batch(self, batch: list[_Delivery], isolate: bool) -> list[_Delivery]:
        failures: list[_Delivery] = []
        handled: list[events.Event] = []
        duplicates = 0
        inbox = self.tables.inbox
        ids = [d.event.id for d in batch if d.event is not None]
        run: tuple[Many, list[events.Event]] | None = None  # consecutive events of one bulk handler
        with self.store.begin() as session:
            seen = set(session.execute(sa.select(inbox.c.event_id).where(inbox.c.event_id.in_(ids))).scalars())
            for delivery in batch:
                event = delivery.event
                if event is None:
                    failures.append(delivery)
                    continue
                if event.id in seen:
                    duplicates += 1
                    continue
                seen.add(event.id)
                handler = self.handlers.get(event.type)
                context.correlation_id.set(event.correlationid)
                context.traceparent.set(event.traceparent)
                if handler is None:
                    handled.append(event)
                elif not isolate and isinstance(handler, Many):
                    if run and run[0] is not handler:
                        self._run_many(session, run)
                    run = run if run and run[0] is handler else (handler, [])
                    run[1].append(event)
                    handled.append(event)
                elif not isolate:
                    if run:
                        self._run_many(session, run)
                        run = None
                    with tracing.span(f"handle {event.type}", tracing.CONSUMER, {"messaging.message.id": event.id}):
                        handler(session, event)
                    handled.append(event)
                else:
                    try:
                        with session.begin_nested(), tracing.span(f"handle {event.type}", tracing.CONSUMER,
                                                                  {"messaging.message.id": event.id}):
                            handler(session, event)
                        handled.append(event)
                    except UNAVAILABLE:
                        raise
                    except DomainError as exc:
                        delivery.error = f"{exc.code}: {exc.detail}"[:1000]
                        delivery.final = not isinstance(exc, NotFound)
                        failures.append(delivery)
                        log.warning("event refused by a rule" if delivery.final else "event names what is not here yet",
                                    extra={"event_id": event.id, "event_type": event.type, "error": delivery.error})
                    except Exception as exc:  # a handler's bug or bad data: retry, then dead-letter
                        delivery.error = f"{type(exc).__name__}: {exc}"[:1000]
                        failures.append(delivery)
                        log.warning("handler failed",
                                    extra={"event_id": event.id, "event_type": event.type, "error": delivery.error})
            if run:
                self._run_many(session, run)
            if handled:
                now = datetime.now(timezone.utc)
                session.execute(inbox.insert(), [
                    {"event_id": e.id, "type": e.type, "source": e.source, "handled_at": now} for e in handled
                ])
        if self._log_events:
            for event in handled:  # after the commit: one line per event, in the event's trace
                context.correlation_id.set(event.correlationid)
                context.traceparent.set(event.traceparent)
                log.info("event handled", extra={"event_id": event.id, "event_type": event.type})
        context.correlation_id.set(None)
        context.traceparent.set(None)
        self._count(handled, duplicates)
        self.handled += len(handled)
        self.duplicates += duplicates
        self.failed += len(failures)
        return failures

    @staticmethod
    def _run_many(session: Session, run: tuple[Many, list[events.Event]]) -> None:
        handler, taken = run
        with tracing.span(f"handle {len(taken)} × {taken[0].type}", tracing.CONSUMER):
            handler.handle(session, taken)

    def _count(self, handled: list[events.Event], duplicates: int) -> None:
        by_type = Counter(event.type for event in handled)
        for event_type, count in by_type.items():
            self._measure.events_consumed.labels(self.settings.service, event_type, "handled").inc(count)
        if duplicates:
            self._measure.events_consumed.labels(self.settings.service, "", "duplicate").inc(duplicates)

    def _retry_or_dead(self, delivery: _Delivery) -> bus.Outgoing:
        message = delivery.message
        headers = dict(message.properties.get("application_headers") or {})
        attempts = int(headers.get(bus.HEADER_ATTEMPTS, 0)) + 1
        headers[bus.HEADER_ATTEMPTS] = attempts
        headers[bus.HEADER_ERROR] = delivery.error or ""
        headers[bus.HEADER_QUEUE] = self.queue
        delays = self.settings.retry_delays_seconds
        event_type = delivery.event.type if delivery.event is not None else "unreadable"
        if delivery.event is not None and not delivery.final and attempts <= len(delays):
            exchange = bus.RETRY_EXCHANGE
            routing_key = bus.retry_queue_name(self.queue, delays[attempts - 1])
            self._measure.events_retried.labels(self.settings.service, event_type).inc()
        else:
            self._measure.events_dead_lettered.labels(self.settings.service, event_type).inc()
            exchange, routing_key = bus.DEAD_EXCHANGE, self.queue
            log.error("event dead-lettered", extra={"queue": self.queue, "error": delivery.error, "attempts": attempts})
        props = message.properties
        return bus.Outgoing(
            exchange=exchange,
            routing_key=routing_key,
            body=message.body if isinstance(message.body, bytes) else message.body.encode(),
            message_id=props.get("message_id") or "",
            headers=headers,
            content_type=props.get("content_type") or events.CONTENT_TYPE,
            correlation_id=props.get("correlation_id"),
        )

    def _close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.release()
            except Exception:  # closing a broken connection may fail in many ways
                pass
        self._conn = None
        self._channel = None
        self._publisher = None
