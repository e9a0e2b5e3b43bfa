"""Memory of every process of the running suite (`zhuyu run`: the supervisor, each
service's web (gunicorn master and workers), relay, consumer and scheduler, the gateway):
RSS (VmRSS in /proc/<pid>/status) and PSS (/proc/<pid>/smaps_rollup, shared pages split
between the processes that share them) at rest, the peak while 16 clients run the
check-in flow through the gateway, and after it. Targets: every process < 100 MB and the
whole suite < 1 GB (1,024 MB) of RSS.

Run: `.venv/bin/python -m bench.memory`; load seconds with ZHUYU_BENCH_LOAD_SECONDS (20).
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from bench import checkin_flow
from bench.common import report
from bench.stack import descendants, load_average, make_assistants, make_bathers, make_point, running_suite, wait_quiet

LOAD_SECONDS = float(os.environ.get("ZHUYU_BENCH_LOAD_SECONDS", "20"))
TARGET_MB = 100
TARGET_TOTAL_MB = 1024
CLIENTS = 16


def label(pid: int, parent: int | None, labels: dict[int, str]) -> str:
    """`service role` from the command line `ops.cli serve <service> <role>`; a gunicorn
    worker (a fork of its master, same command line) is named after its master."""
    args = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    if parent in labels and labels[parent].endswith("web (master)"):
        return labels[parent].replace("(master)", "worker")
    if "serve" in args:
        rest = [a for a in args[args.index("serve") + 1:] if a]
        if rest[0] == "gateway":
            return "gateway web (master)"
        role = rest[1] if len(rest) > 1 else "web"
        return f"{rest[0]} {role}" + (" (master)" if role == "web" else "")
    if "run" in args:
        return "supervisor (zhuyu run)"
    return " ".join(a for a in args if a)[:60]


def memory_kib(pid: int) -> tuple[int, int]:
    rss = pss = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            pss = int(line.split()[1])
    return rss, pss


def snapshot(root: int) -> dict[str, tuple[int, int]]:
    labels: dict[int, str] = {}
    figures: dict[str, tuple[int, int]] = {}
    for pid, parent in descendants(root):
        try:
            labels[pid] = label(pid, parent, labels)
            name = labels[pid]
            n = 1
            while name in figures:  # workers of one master: worker, worker 2, ...
                n += 1
                name = f"{labels[pid]} {n}"
            figures[name] = memory_kib(pid)
        except (OSError, IndexError):
            continue  # exited meanwhile
    return figures


def mb(kib: int) -> float:
    return round(kib / 1024, 1)


def main() -> None:
    with running_suite() as suite:
        point, _, witness = make_point(suite)
        assistants = make_assistants(suite, point, CLIENTS)
        cards = make_bathers(suite, point, witness, CLIENTS * checkin_flow.ELDERS_PER_CLIENT)
        pools = [cards[i::CLIENTS] for i in range(CLIENTS)]
        wait_quiet(suite)
        time.sleep(5)
        rest = snapshot(suite.pid)
        peak = dict(rest)
        gateway = checkin_flow.targets(suite)[0]
        done = threading.Event()

        def load() -> None:
            try:
                checkin_flow.run(gateway, point, assistants, pools, CLIENTS, LOAD_SECONDS)
            finally:
                done.set()

        threading.Thread(target=load, daemon=True).start()
        while not done.wait(1.0):
            for name, (rss, pss) in snapshot(suite.pid).items():
                old = peak.get(name, (0, 0))
                peak[name] = (max(old[0], rss), max(old[1], pss))
        wait_quiet(suite)
        time.sleep(5)
        after = snapshot(suite.pid)
        rows = []
        for name in sorted(set(rest) | set(peak) | set(after)):
            r, p, a = rest.get(name, (0, 0)), peak.get(name, (0, 0)), after.get(name, (0, 0))
            rows.append({"process": name, "rest RSS MB": mb(r[0]), "rest PSS MB": mb(r[1]),
                         "peak RSS MB": mb(p[0]), "peak PSS MB": mb(p[1]),
                         "after RSS MB": mb(a[0]), "after PSS MB": mb(a[1])})
        rows.append({"process": "TOTAL", **{key: round(sum(row[key] for row in rows), 1) for key in rows[0] if key != "process"}})
        report(f"Memory per process: at rest, peak under {CLIENTS} clients' check-in flow for {LOAD_SECONDS:.0f} s, "
               "5 s after", rows)
        largest = max(rows[:-1], key=lambda row: row["rest RSS MB"])
        over = [row["process"] for row in rows[:-1] if row["rest RSS MB"] >= TARGET_MB]
        print(f"largest at rest: {largest['process']} {largest['rest RSS MB']} MB RSS (target < {TARGET_MB} MB); "
              f"over the target at rest: {over or 'none'}; total at rest {rows[-1]['rest RSS MB']} MB, peak "
              f"{rows[-1]['peak RSS MB']} MB (target < {TARGET_TOTAL_MB} MB); load average {load_average()}")


if __name__ == "__main__":
    main()
