"""Where the CPU of a complete visit goes: the check-in flow (check-in, screening, bath,
rest, check-out) through the gateway at 4 clients for a while, with

- the CPU each process of the suite (and PostgreSQL) spent, per complete visit, from
  /proc (every process's user + system time before and after, events included: the run
  ends when every outbox is drained);
- a sampling profile of every suite process (py-spy, `--subprocesses` from `zhuyu run`):
  the functions that were on the CPU most, by their own time and with what they called.

Run: `.venv/bin/python -m bench.profile` (py-spy from requirements-dev.txt; root or
ptrace permission). ZHUYU_BENCH_SECONDS (20), ZHUYU_BENCH_CLIENTS (4),
ZHUYU_BENCH_TOP (25). The raw profile is left in var/profile.txt (flame-graph input).
"""
from __future__ import annotations

import collections
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench import checkin_flow
from bench.common import report
from bench.memory import label
from bench.stack import descendants, load_average, make_assistants, make_bathers, make_point, running_suite, wait_quiet

SECONDS = float(os.environ.get("ZHUYU_BENCH_SECONDS", "20"))
CLIENTS = int(os.environ.get("ZHUYU_BENCH_CLIENTS", "4"))
TOP = int(os.environ.get("ZHUYU_BENCH_TOP", "25"))
TICK = os.sysconf("SC_CLK_TCK")


def process_cpu(root: int) -> dict[str, float]:
    """CPU seconds so far of each process under `root`, by role (workers of one role added)."""
    labels: dict[int, str] = {}
    out: dict[str, float] = collections.defaultdict(float)
    for pid, parent in descendants(root):
        try:
            labels[pid] = label(pid, parent, labels)
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            out[re.sub(r" \d+$", "", labels[pid])] += (int(fields[11]) + int(fields[12])) / TICK
        except (OSError, IndexError):
            continue
    return out


def postgres_cpu(data: Path) -> float:
    root = int((data / "postmaster.pid").read_text().split()[0])
    total = 0.0
    for pid, _ in descendants(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
        except OSError:
            continue
    return total


_FRAME = re.compile(r"^(?P<name>.*?) \((?P<file>[^:]*)(?::\d+)?\)$")


def _frame(text: str) -> str:
    match = _FRAME.match(text.strip())
    if not match:
        return text.strip()
    path = match["file"]
    for marker in ("site-packages/", "/lib/python3.11/", str(Path.cwd()) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{match['name']} ({path})"


def top_functions(raw: Path) -> tuple[list[dict], list[dict], int]:
    own: collections.Counter = collections.Counter()
    total: collections.Counter = collections.Counter()
    samples = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = [_frame(f) for f in stack.split(";") if not f.startswith("process ") and not f.startswith("thread ")]
        if not frames:
            continue
        n = int(count)
        samples += n
        own[frames[-1]] += n
        for frame in set(frames):
            total[frame] += n
    def rows(counter):
        return [{"function": name[:110], "share": f"{100 * n / samples:.1f} %"} for name, n in counter.most_common(TOP)]
    return rows(own), rows(total), samples


def main() -> None:
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    with running_suite() as suite:
        point, _, witness = make_point(suite, bath_capacity=CLIENTS * 4)
        assistants = make_assistants(suite, point, CLIENTS)
        cards = make_bathers(suite, point, witness, CLIENTS * checkin_flow.ELDERS_PER_CLIENT)
        pools = [cards[i::CLIENTS] for i in range(CLIENTS)]
        gateway = checkin_flow.targets(suite)[0]
        checkin_flow.run(gateway, point, assistants, pools, CLIENTS, 3)  # warm up
        wait_quiet(suite)
        time.sleep(2)
        raw = suite.running.var / "profile.txt"
        print(f"load average before: {load_average()}")
        before, pg_before = process_cpu(suite.pid), postgres_cpu(suite.pg_data)
        recorder = subprocess.Popen([spy, "record", "--pid", str(suite.pid), "--subprocesses", "--nonblocking",
                                     "--rate", "100", "--format", "raw", "--output", str(raw)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        _, flow = checkin_flow.run(gateway, point, assistants, pools, CLIENTS, SECONDS)
        wait_quiet(suite)
        after, pg_after = process_cpu(suite.pid), postgres_cpu(suite.pg_data)
        recorder.send_signal(signal.SIGINT)  # py-spy writes what it sampled and stops
        visits = max(flow.visits, 1)
        rows = [{"process": name, "CPU ms/visit": round((after[name] - before.get(name, 0.0)) * 1000 / visits, 2)}
                for name in sorted(after)]
        rows.append({"process": "PostgreSQL (every backend)", "CPU ms/visit": round((pg_after - pg_before) * 1000 / visits, 2)})
        rows.sort(key=lambda row: -row["CPU ms/visit"])
        rows.append({"process": "TOTAL", "CPU ms/visit": round(sum(row["CPU ms/visit"] for row in rows), 2)})
        report(f"CPU per complete visit by process: {flow.visits} visits, {CLIENTS} clients through the gateway, "
               f"{SECONDS:.0f} s, events handled", rows)
        try:
            recorder.wait(timeout=300)
        except subprocess.TimeoutExpired:
            recorder.kill()
        if raw.exists():
            own, inclusive, samples = top_functions(raw)
            report(f"Top functions by own time (py-spy, {samples} samples of every suite process)", own)
            report("Top functions with what they called", inclusive)
            kept = Path("var") / "profile.txt"
            kept.parent.mkdir(exist_ok=True)
            shutil.copyfile(raw, kept)
            print(f"raw profile: {kept}")
        print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
