"""Poison messages do not block anything: under a steady mix of requests, bursts of bad
messages are published straight to the events exchange (not JSON, not a CloudEvent, and
well-formed events whose handlers fail on their data). Each ends in the dead-letter queue
of every consumer bound to its routing key, after the retries where it parsed; the good
events around them are handled once; nothing else is dead-lettered. Prints the table."""
from __future__ import annotations

import json
import time
import uuid

import pytest

from kit import events
from tests.faults.harness import publish_raw

pytestmark = [pytest.mark.integration, pytest.mark.slow]
BURSTS = 3


def poison_burst() -> list[tuple[str, bytes, str]]:
    """(routing key, body, message id): one of each kind of bad message."""
    failing = events.envelope(type="registration.elder.registered", source="/registration", subject=str(uuid.uuid4()),
                              data={}, sequence=1, correlationid=None, traceparent=None)
    return [
        ("registration.elder.registered", b"{not json", f"poison-{uuid.uuid4()}"),
        ("visits.visit.checked_out", json.dumps({"hello": "world"}).encode(), f"poison-{uuid.uuid4()}"),
        ("registration.elder.registered", events.encode(failing), failing["id"]),
    ]


def test_poison_messages_are_dead_lettered_while_the_good_ones_are_handled(launch, drill_for, capsys):
    suite = launch()
    drill = drill_for(suite)
    amqp = suite.env["AMQP_URL"]
    fault = f"poison: {BURSTS} bursts of 3 bad messages"
    with drill.fault(fault):
        for _ in range(BURSTS):
            burst = poison_burst()
            for key, _body, message_id in burst:
                drill.ledger.poison[message_id] = drill.ledger.dead_queues_of(key)
            publish_raw(amqp, burst)
            time.sleep(0.7)
    final = drill.final()
    dead = drill.ledger.dead_letters()
    expected = {queue: {m for m, queues in drill.ledger.poison.items() if queue in queues} for queue in dead}
    with capsys.disabled():
        print("\n" + drill.table())
        print("dead letters: " + ", ".join(f"{queue} {len(ids)}" for queue, ids in sorted(dead.items())))
    assert drill.failures == []
    assert all(row.lost == 0 and row.duplicated == 0 for row in drill.rows)
    assert final.lost == {} and final.duplicated == {} and final.problems == []
    assert dead == expected
    assert sum(len(ids) for ids in dead.values()) == sum(len(q) for q in drill.ledger.poison.values()) >= BURSTS * 3
    assert drill.unexpected_answers() == []
