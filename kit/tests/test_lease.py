"""The lease that elects one relay and one scheduler per store: held by one holder until
it expires, renewed in the store at most every half its time, never counted as held from
a transaction that did not commit."""
from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from kit.db import Store
from kit.outbox import Lease
from testkit import probe


@pytest.fixture
def store(database_urls):
    store = probe.make_store(database_urls("lease"))
    yield store
    store.dispose()


def writes(store: Store, lease: Lease) -> tuple[bool, int]:
    sent: list[str] = []

    def count(_conn, _cursor, statement, *_):
        sent.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", count)
    try:
        with store.begin() as session:
            held = lease.acquire(session)
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", count)
    return held, len([s for s in sent if s.lstrip().upper().startswith(("UPDATE", "INSERT"))])


def test_one_holder_renews_in_the_store_at_most_every_half_its_time(store):
    first, second = Lease(probe.tables.lease, "relay", ttl=1.0), Lease(probe.tables.lease, "relay", ttl=1.0)
    assert writes(store, first) == (True, 2)  # no row yet: the update finds none, the insert makes it
    assert writes(store, first) == (True, 0)  # held: nothing written
    assert writes(store, second)[0] is False
    time.sleep(0.6)
    assert writes(store, first) == (True, 1)  # past half its time: renewed
    assert writes(store, second)[0] is False
    time.sleep(1.2)  # the holder stopped renewing: it expired
    assert writes(store, second) == (True, 1)
    assert writes(store, first)[0] is False


def test_an_acquisition_rolled_back_is_not_held(store):
    lease, other = Lease(probe.tables.lease, "scheduler", ttl=30.0), Lease(probe.tables.lease, "scheduler", ttl=30.0)
    with pytest.raises(RuntimeError), store.begin() as session:
        assert lease.acquire(session)
        raise RuntimeError("the transaction fails after the lease was taken")
    assert writes(store, other) == (True, 2)  # nobody held it
    assert writes(store, lease)[0] is False  # and the first does not believe it does


def test_a_released_lease_is_free_at_once(store):
    lease, other = Lease(probe.tables.lease, "relay", ttl=30.0), Lease(probe.tables.lease, "relay", ttl=30.0)
    assert writes(store, lease)[0] is True
    with store.begin() as session:
        lease.release(session)
    assert writes(store, other)[0] is True
    assert writes(store, lease)[0] is False
