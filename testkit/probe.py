"""A throwaway consuming store for kit tests and the event benchmarks: messaging tables
plus an `effects` table that records each time a handler ran, so effects count exactly."""
from __future__ import annotations

import threading

import sqlalchemy as sa

from kit.consumer import Consumer
from kit.db import Store
from kit.messaging import messaging_tables
from kit.outbox import Outbox, Relay
from kit.settings import common_settings

metadata = sa.MetaData()
tables = messaging_tables(metadata)
effects = sa.Table(
    "effects",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(36), nullable=False),
    sa.Column("subject", sa.String(64), nullable=False),
)


def make_store(url: str) -> Store:
    store = Store(url, migrations=None)
    metadata.create_all(store.engine)
    return store


_record = effects.insert()


def record_effect(session, event) -> None:
    session.execute(_record, {"event_id": event.id, "subject": event.subject})


def record_effects(session, taken) -> None:
    """The same effect for a run of events, in one statement (for `kit.consumer.Many`)."""
    session.execute(_record, [{"event_id": event.id, "subject": event.subject} for event in taken])


def effect_counts(store: Store) -> dict[str, int]:
    with store.begin() as session:
        rows = session.execute(sa.select(effects.c.event_id, sa.func.count()).group_by(effects.c.event_id)).all()
    return {event_id: count for event_id, count in rows}


class Running:
    """Runs a relay or consumer in a thread until `stop()`."""

    def __init__(self, target):
        self.target = target
        self.event = threading.Event()
        self.thread = threading.Thread(target=target.run, args=(self.event,), daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.event.set()
        self.thread.join(timeout=20)
        assert not self.thread.is_alive(), "did not stop"


def settings(service: str = "probe"):
    return common_settings(service)


def producer(url: str) -> tuple[Store, Outbox]:
    store = make_store(url)
    return store, Outbox(tables, "/probe")


def relay(store: Store) -> Relay:
    return Relay(store, tables, settings())


def consumer(store: Store, handlers: dict, queue: str = "probe.events") -> Consumer:
    return Consumer(store, tables, settings(), handlers, queue=queue)
