"""No loss under SIGKILL: a steady mix of registrations, visits and complaints through the
gateway while, in turn, every process of the suite (each service's web and its worker,
which runs its relay, consumer and scheduler, then the gateway) is killed with SIGKILL and restarted by the supervisor.
After each kill the suite must settle: every accepted request stored, its events handled
once by each consumer, its notifications there, no outbox backlog, no dead letters.
Prints the reconciliation table."""
from __future__ import annotations

import os
import signal
import time

import pytest

from tests.faults.harness import suite_processes, victims, wait_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_nothing_is_lost_or_duplicated_when_any_process_is_killed(launch, drill_for, capsys):
    suite = launch()
    drill = drill_for(suite)
    everyone = victims(suite.var)
    assert {"registration web", "visits worker", "notify worker", "gateway"} <= set(everyone), everyone
    not_restarted = []
    for victim in everyone:
        with drill.fault(f"SIGKILL {victim}"):
            doomed = suite_processes(suite.var).get(victim, [])
            for pid in doomed:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            killed = time.monotonic()
            if not wait_until(lambda: bool(set(suite_processes(suite.var).get(victim, [])) - set(doomed)), 20):
                not_restarted.append(victim)
            time.sleep(max(0.0, 2.0 - (time.monotonic() - killed)))  # traffic while it comes back

    final = drill.final()
    dead = drill.ledger.dead_letters()
    with capsys.disabled():
        print("\n" + drill.table())
    assert not_restarted == [], "the supervisor restarts every killed process"
    assert drill.failures == []
    assert all(row.lost == 0 and row.duplicated == 0 for row in drill.rows)
    assert final.lost == {} and final.duplicated == {} and final.problems == []
    assert all(ids == set() for ids in dead.values()), dead
    assert drill.unexpected_answers(may_go_unanswered={"SIGKILL gateway"}) == []
