"""No loss while one service's PostgreSQL is down: visits gets a cluster of its own,
which is stopped (immediate mode, as in a crash) for 15 s under a steady mix of requests
and started again. Meanwhile requests to visits get 503 (never 500), the other services
go on, the visits consumer keeps its batch until the store is back. Prints the table."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from kit import broker
from testkit.pg import Cluster

pytestmark = [pytest.mark.integration, pytest.mark.slow]
OUTAGE_SECONDS = 15
SERVICE = "visits"
VISIT_KINDS = {"check_in", "screening", "bath", "rest", "checkout"}


@pytest.fixture
def private_cluster(fault_databases):
    base = Path(tempfile.mkdtemp(prefix="zhuyu-fault-pg-"))
    cluster = Cluster(base)
    cluster.start()
    cluster.wait_ready()
    yield cluster
    cluster.stop("immediate")
    broker.remove(base)


def test_requests_get_503_and_nothing_is_lost_when_one_database_is_down(private_cluster, launch, drill_for, capsys):
    cluster = private_cluster
    suite = launch(databases={SERVICE: cluster.create_database(SERVICE)})
    try:
        drill = drill_for(suite)
        fault = f"{SERVICE} PostgreSQL stopped {OUTAGE_SECONDS} s"
        with drill.fault(fault, lead=2.0):
            stopped = time.monotonic()
            cluster.stop("immediate")
            down = time.monotonic()
            time.sleep(max(0.0, OUTAGE_SECONDS - (down - stopped)))
            restarting = time.monotonic()
            cluster.start()
            cluster.wait_ready()
            back = time.monotonic()
        during = [c for c in drill.gateway.in_phase(fault) if down < c.at - c.took and c.at < restarting]
        last_503 = max((c.at for c in drill.gateway.in_phase(fault) if c.status == 503), default=back)
        final = drill.final()
        dead = drill.ledger.dead_letters()
        with capsys.disabled():
            print("\n" + drill.table())
            print(f"while the {SERVICE} store was down: {len(during)} requests, "
                  f"{sum(c.kind in VISIT_KINDS and c.status == 503 for c in during)} visits requests answered 503; "
                  f"the store took {back - restarting:.1f} s to start again, the last 503 came "
                  f"{last_503 - back:+.1f} s after that")
    finally:
        suite.stop()  # before the cluster goes away
    assert drill.failures == []
    assert [c.status for c in during if c.kind in VISIT_KINDS and c.status != 503] == [], \
        "a service whose store is down answers 503"
    assert any(c.kind in VISIT_KINDS for c in during)
    assert {c.kind for c in during if c.accepted} >= {"elder", "complaint"}, "the other services go on"
    assert all(row.lost == 0 and row.duplicated == 0 for row in drill.rows)
    assert final.lost == {} and final.duplicated == {} and final.problems == []
    assert all(ids == set() for ids in dead.values()), dead
    assert drill.unexpected_answers() == []
