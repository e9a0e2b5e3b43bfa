"""Runs of events as the consumer hands them to a bulk handler (`kit.consumer.Many`), and
the rows they leave, for the services' read-model tests."""
from __future__ import annotations

import sqlalchemy as sa

from kit import events
from kit.consumer import Many
from tests.catalogue import checked


def registration_event(type_: str, subject: str, sequence: int, data: dict) -> events.Event:
    """An event as registration publishes it (its payload checked against the catalogue)."""
    return events.parse(events.encode(events.envelope(
        type=type_, source="/registration", subject=subject, data=checked(type_, data), sequence=sequence,
        correlationid=None, traceparent=None)))


def handle_run(svc, taken: list[events.Event]) -> None:
    """The run as the consumer gives it: one bulk handler for all its events' types, in one
    transaction."""
    handler = svc.handlers[taken[0].type]
    assert isinstance(handler, Many) and all(svc.handlers[e.type] is handler for e in taken)
    with svc.store.begin() as session:
        handler.handle(session, taken)


def rows(svc, table: sa.Table, *columns: str) -> dict:
    """The table's rows by id, as tuples of `columns`."""
    with svc.store.begin() as session:
        return {r.id: tuple(getattr(r, c) for c in columns) for r in session.execute(sa.select(table)).all()}
