"""No loss while RabbitMQ is down: the suite runs on a private broker node of its own,
which is stopped for 20 s under a steady mix of requests and started again on the same
port and data folder. The services keep accepting requests (the outboxes hold the events),
then the relays and consumers reconnect and everything settles. Prints the table."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from kit import broker

pytestmark = [pytest.mark.integration, pytest.mark.slow]
OUTAGE_SECONDS = 20


@pytest.fixture
def private_broker():
    base = Path(tempfile.mkdtemp(prefix="zhuyu-fault-rabbit-"))
    node = broker.PrivateNode(base, broker.free_port(), broker.free_port())
    node.start(timeout=120)
    yield node
    node.stop()
    broker.remove(base)


def test_nothing_is_lost_or_duplicated_when_the_broker_is_down_for_20_seconds(private_broker, launch, drill_for,
                                                                              capsys):
    node = private_broker
    suite = launch(amqp=node.url)
    try:
        drill = drill_for(suite)
        fault = f"RabbitMQ stopped {OUTAGE_SECONDS} s"
        with drill.fault(fault, lead=2.0):
            stopped = time.monotonic()
            node.stop()
            down = time.monotonic()
            time.sleep(max(0.0, OUTAGE_SECONDS - (down - stopped)))
            restarting = time.monotonic()
            node.start(timeout=120)
        accepted_while_down = [c for c in drill.gateway.in_phase(fault) if c.accepted and down < c.at < restarting]
        final = drill.final()
        dead = drill.ledger.dead_letters()
        with capsys.disabled():
            print("\n" + drill.table())
            print(f"accepted while the broker was down: {len(accepted_while_down)}")
    finally:
        suite.stop()  # before the node goes away
    assert drill.failures == []
    assert {c.kind for c in accepted_while_down} >= {"elder", "complaint"}, "writes do not need the broker"
    assert all(row.lost == 0 and row.duplicated == 0 for row in drill.rows)
    assert final.lost == {} and final.duplicated == {} and final.problems == []
    assert all(ids == set() for ids in dead.values()), dead
    assert drill.unexpected_answers() == []
