"""What the consumer does with each kind of failure a handler raises, on a SQLite inbox
and with no broker: the outgoing messages are inspected, not sent."""
from __future__ import annotations

import uuid

import amqp
import pytest
import sqlalchemy as sa

from kit import bus, events
from kit.consumer import Consumer, Many, _Delivery
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


def test_a_bulk_handler_gets_each_run_of_its_events_in_order_and_once(tmp_path):
    metadata = sa.MetaData()
    tables = messaging_tables(metadata)
    store = Store(f"sqlite:///{tmp_path / 'bulk.db'}", tmp_path)
    metadata.create_all(store.engine)
    calls: list[list[str]] = []
    bulk = Many(lambda session, taken: calls.append([e.id for e in taken]))
    single: list[str] = []
    consumer = Consumer(store, tables, common_settings("test"),
                        {"t.bulk": bulk, "t.other": lambda session, event: single.append(event.id)}, queue="test.events")
    batch = [delivery(1, "t.bulk"), delivery(2, "t.bulk"), delivery(3, "t.other"), delivery(4, "t.bulk"),
             delivery(5, "t.bulk"), delivery(6, "t.bulk")]
    ids = [d.event.id for d in batch]
    assert consumer._handle(batch) == []
    assert calls == [ids[0:2], ids[3:6]], "two runs, split where another handler's event came between"
    assert single == [ids[2]]
    assert consumer._handle(batch) == [] and len(calls) == 2, "a redelivered batch changes nothing"
    with store.begin() as session:
        assert session.execute(sa.select(sa.func.count()).select_from(tables.inbox)).scalar() == 6
    store.dispose()


def test_when_a_bulk_run_fails_its_events_are_handled_one_by_one_and_only_the_bad_one_is_set_aside(tmp_path):
    metadata = sa.MetaData()
    tables = messaging_tables(metadata)
    store = Store(f"sqlite:///{tmp_path / 'bulk.db'}", tmp_path)
    metadata.create_all(store.engine)
    batch = [delivery(1, "t.bulk"), delivery(2, "t.bulk"), delivery(3, "t.bulk")]
    bad = batch[1].event.id
    calls: list[list[str]] = []

    def handle(session, taken):
        if any(e.id == bad for e in taken):
            raise DomainError("INVALID_TRANSITION", "not this one")
        calls.append([e.id for e in taken])

    consumer = Consumer(store, tables, common_settings("test"), {"t.bulk": Many(handle)}, queue="test.events")
    failures = consumer._handle(batch)
    assert [d.event.id for d in failures] == [bad]
    assert calls == [[batch[0].event.id], [batch[2].event.id]]
    store.dispose()
