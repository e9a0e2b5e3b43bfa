"""`zhuyu run`'s processes: one web and one worker per service by default (the worker runs
the relay, consumer and scheduler), separable on demand, and a supervisor that never
imports a service (it stays small beside the processes it keeps)."""
from __future__ import annotations

import subprocess
import sys

from kit import registry
from ops import supervisor


def roles(split: bool) -> dict[str, list[str]]:
    return {name: command[command.index("serve") + 1:] for name, command in supervisor._processes(split)}


def test_by_default_each_service_runs_a_web_and_one_worker_process():
    expected = {"gateway": ["gateway"]}
    for name in registry.SERVICES:
        expected[f"{name}-web"] = [name, "web"]
        expected[f"{name}-worker"] = [name, "worker"]
    assert roles(split=False) == expected


def test_split_workers_run_relay_consumer_and_scheduler_apart():
    split = roles(split=True)
    for name in registry.SERVICES:
        assert f"{name}-worker" not in split
        for role in ("relay", "consumer", "scheduler"):
            assert split[f"{name}-{role}"] == [name, role]


def test_the_supervisor_imports_no_service_nor_the_database_layer():
    probe = ("import sys, ops.supervisor; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('services', 'gateway', 'sqlalchemy', 'flask')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
