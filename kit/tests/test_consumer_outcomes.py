"""What the consumer does with each kind of failure a handler raises, on a SQLite inbox
and with no broker: the outgoing messages are inspected, not sent."""
from __future__ import annotations

import uuid

import amqp
import pytest
import sqlalchemy as sa

from kit import bus, events
from kit.consumer import Consumer, _Delivery
from kit.db import Store
from kit.errors import DomainError, NotFound
from kit.messaging import messaging_tables
from kit.settings import common_settings


def _refuse(session, event):
    raise DomainError("INVALID_TRANSITION", "the rule says no")


def _missing(session, event):
    raise NotFound("elder", event.subject)


def _broken(session, event):
    raise KeyError("status")


def _fine(session, event):
    session.execute(sa.text("SELECT 1"))


@pytest.fixture
def consumer(tmp_path):
    metadata = sa.MetaData()
    tables = messaging_tables(metadata)
    store = Store(f"sqlite:///{tmp_path / 'consumer.db'}", tmp_path)
    metadata.create_all(store.engine)
    handlers = {"t.refused": _refuse, "t.missing": _missing, "t.broken": _broken, "t.fine": _fine}
    yield Consumer(store, tables, common_settings("test"), handlers, queue="test.events")
    store.dispose()


def delivery(tag: int, type_: str) -> _Delivery:
    body = events.encode(events.envelope(type=type_, source="/test", subject=str(uuid.uuid4()), data={},
                                         sequence=1, correlationid=None, traceparent=None))
    event = events.parse(body)
    return _Delivery(tag, amqp.Message(body, message_id=event.id), event)


def test_a_refused_event_is_dead_lettered_at_once_a_missing_record_and_a_bug_are_retried(consumer):
    batch = [delivery(1, "t.refused"), delivery(2, "t.missing"), delivery(3, "t.broken"), delivery(4, "t.fine")]
    failures = consumer._handle(batch)
    routes = {d.event.type: consumer._retry_or_dead(d) for d in failures}
    assert set(routes) == {"t.refused", "t.missing", "t.broken"}, "the fine event was handled"
    assert routes["t.refused"].exchange == bus.DEAD_EXCHANGE
    assert routes["t.refused"].headers[bus.HEADER_ERROR].startswith("INVALID_TRANSITION")
    assert routes["t.missing"].exchange == bus.RETRY_EXCHANGE
    assert routes["t.broken"].exchange == bus.RETRY_EXCHANGE
    with consumer.store.begin() as session:
        handled = session.execute(sa.select(consumer.tables.inbox.c.type)).scalars().all()
    assert handled == ["t.fine"]
