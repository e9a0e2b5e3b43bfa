"""The store's pooled PostgreSQL connections: nothing is sent before a transaction on a
connection in steady use, and a connection the server dropped (as a restart drops every
one) is replaced: at checkout when it sat idle, else after the one transaction that met it
failed as "database unreachable" (a 503 in `kit.web`)."""
from __future__ import annotations

import time
import uuid

import psycopg
import pytest
import sqlalchemy as sa

from kit import db

pytestmark = pytest.mark.integration


@pytest.fixture
def database(pg_cluster):
    name = f"t_pool_{uuid.uuid4().hex[:10]}"
    url = pg_cluster.create_database(name)
    yield url
    pg_cluster.drop_database(name)


@pytest.fixture
def engine_for(database, monkeypatch):
    made: list[sa.Engine] = []

    def make(idle_seconds: float, pool_size: int = 2) -> tuple[sa.Engine, list]:
        monkeypatch.setenv("ZHUYU_DB_PING_IDLE_SECONDS", str(idle_seconds))
        monkeypatch.setenv("ZHUYU_DB_POOL_SIZE", str(pool_size))
        engine = db.make_engine(database)
        made.append(engine)
        pings: list = []
        ping = engine.dialect.do_ping

        def counted(dbapi_connection):
            pings.append(dbapi_connection)
            return ping(dbapi_connection)

        engine.dialect.do_ping = counted
        return engine, pings

    yield make
    for engine in made:
        engine.dispose()


def backend(engine: sa.Engine) -> int:
    with engine.begin() as conn:
        return conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()


def drop(database: str, *pids: int) -> None:
    """What a database restart does to a connection: the server ends its backend."""
    with psycopg.connect(database, autocommit=True) as admin:
        for pid in pids:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    time.sleep(0.2)


def test_a_connection_in_steady_use_is_not_pinged(engine_for):
    engine, pings = engine_for(idle_seconds=30)
    first = backend(engine)
    assert [backend(engine) for _ in range(20)] == [first] * 20
    assert pings == []


def test_a_connection_dropped_while_idle_is_replaced_at_checkout(engine_for, database):
    engine, pings = engine_for(idle_seconds=0.3)
    first = backend(engine)
    drop(database, first)
    time.sleep(0.3)
    second = backend(engine)  # no error: the ping found it gone and the pool made a new one
    assert second != first and len(pings) == 1
    assert backend(engine) == second and len(pings) == 1  # in use a moment ago: not pinged again


def test_a_connection_dropped_while_in_use_fails_one_transaction_and_every_pooled_one_is_replaced(engine_for, database):
    engine, pings = engine_for(idle_seconds=30)
    one, other = engine.connect(), engine.connect()  # two pooled connections
    pids = [c.exec_driver_sql("SELECT pg_backend_pid()").scalar() for c in (one, other)]
    one.close(), other.close()
    drop(database, *pids)
    with pytest.raises(db.UNAVAILABLE) as failed:  # kit.web answers it 503 with Retry-After
        backend(engine)
    assert failed.value.connection_invalidated
    one, other = engine.connect(), engine.connect()  # neither is one the server dropped
    fresh = [c.exec_driver_sql("SELECT pg_backend_pid()").scalar() for c in (one, other)]
    one.close(), other.close()
    assert not set(fresh) & set(pids) and pings == []
