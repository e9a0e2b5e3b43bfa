"""Fixtures of the fault tests: the whole suite on PostgreSQL stores, and a drill that
runs faults under traffic and reconciles after each."""
from __future__ import annotations

import uuid

import pytest

from tests.faults.harness import Drill, base_environment
from testkit.suite import RunningSuite, suite_environment


@pytest.fixture
def fault_databases(pg_cluster):
    """`fault_databases(name)`: a fresh database on the session cluster. The fault tests
    run on PostgreSQL stores, as deployed (once, whatever ZHUYU_TEST_DATABASES says)."""
    made: list[str] = []

    def make(name: str) -> str:
        db = f"f_{name}_{uuid.uuid4().hex[:10]}"
        made.append(db)
        return pg_cluster.create_database(db)

    yield make
    for db in made:
        pg_cluster.drop_database(db)


@pytest.fixture
def launch(tmp_path, fault_databases, amqp_url):
    """`launch(amqp_url=..., databases={name: url})` starts the suite (`zhuyu run`) with
    the session broker's vhost and fresh databases unless told otherwise; each suite is
    stopped at the end (tests that own a broker or cluster stop the suite first)."""
    started: list[RunningSuite] = []

    def start(amqp: str | None = None, databases: dict[str, str] | None = None) -> RunningSuite:
        chosen = databases or {}
        var = tmp_path / "var"
        env = suite_environment(base_environment(var, amqp or amqp_url), var,
                                lambda name: chosen.get(name) or fault_databases(name))
        running = RunningSuite(env, var, tmp_path / "suite.log")
        started.append(running)
        running.start()
        return running

    yield start
    for running in started:
        running.stop()


@pytest.fixture
def drill_for():
    made: list[Drill] = []

    def make(suite, pool_size: int = 8) -> Drill:
        drill = Drill(suite, suite.env["AMQP_URL"], pool_size)
        made.append(drill)
        drill.prepare()
        return drill

    yield make
    for drill in made:
        drill.close()
