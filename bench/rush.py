"""A city's morning rush, replayed faster than real time: how far one small machine goes,
and where a second one is needed.

The model (seeded, so every run replays the same morning):
- POINTS (1,000) bathing points, each open 08:00-10:00 with bath capacity 8;
- VISITS_PER_POINT (8) visits per point in the two hours, their arrivals drawn from a
  triangular distribution over 08:00-10:00 peaking at 08:45 (elders come after breakfast);
- each visit is check-in at arrival, screening 5 min later, bath at 10 min, rest at
  30 min, check-out at 50 min (each step waits for the one before to be answered);
- BOOKINGS_PER_POINT (3) bookings per point for tomorrow, made by the desk at times
  uniform over the two hours;
- every call through the gateway as a city-wide administrator.
That is 8,000 visits (40,000 calls) and 3,000 bookings: 6 calls/s on average over the
two hours, 9 calls/s in the busiest minutes.

The replay runs the schedule SPEEDUP times faster than real time (ZHUYU_BENCH_RUSH_SPEEDUP,
10: the two hours in 12 minutes, the city's load ×10) from CLIENTS (32) keep-alive
clients, open loop: a call due at t is sent when a client is free, and its latency is
counted from t, so a backlog shows as latency. Every second the backlog (calls due and
not yet sent) is sampled. The points, their assistants (one per visit: one assistant
bathes one elder at a time, and baths at a point overlap) and their elders (one per visit,
assessed and with a signed commitment) are written into the visits store as copies of
one made through the API, since making 8,000 elders through the API would take longer
than the rush itself.

Run: `.venv/bin/python -m bench.rush` (ZHUYU_BENCH_RUSH_SPEEDUP, ZHUYU_BENCH_RUSH_POINTS).
"""
from __future__ import annotations

import heapq
import http.client
import itertools
import json
import os
import random
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone

import psycopg

from bench import checkin_flow
from bench.common import percentiles, report
from bench.stack import SCREENING, load_average, make_bathers, make_point, running_suite, wait_quiet

POINTS = int(os.environ.get("ZHUYU_BENCH_RUSH_POINTS", "1000"))
SPEEDUP = float(os.environ.get("ZHUYU_BENCH_RUSH_SPEEDUP", "10"))
CLIENTS = int(os.environ.get("ZHUYU_BENCH_RUSH_CLIENTS", "32"))
VISITS_PER_POINT = 8
BOOKINGS_PER_POINT = 3
WINDOW = 2 * 3600  # 08:00-10:00, in seconds after 08:00
PEAK = 45 * 60
STEPS = [("check-in", 0), ("screening", 5 * 60), ("bath", 10 * 60), ("rest", 30 * 60), ("checkout", 50 * 60)]
TARGET_P99_MS = 200


def schedule(seed: int = 22) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int]]]:
    """(arrivals, bookings): (seconds after 08:00, point, n) for each visit and booking."""
    rng = random.Random(seed)
    arrivals = [(rng.triangular(0, WINDOW - STEPS[-1][1], PEAK), p, n)
                for p in range(POINTS) for n in range(VISITS_PER_POINT)]
    bookings = [(rng.uniform(0, WINDOW), p, n) for p in range(POINTS) for n in range(BOOKINGS_PER_POINT)]
    return sorted(arrivals), sorted(bookings)


def seed_city(url: str, point: str, assistant: str,
              card: str) -> tuple[list[str], list[list[str]], list[list[tuple[str, str]]]]:
    """Copies of the template point, assistant and elder in the visits store: (points,
    each point's assistants, one per visit, each point's elders as (id, card))."""
    points = [str(uuid.uuid4()) for _ in range(POINTS)]
    assistants = [[str(uuid.uuid4()) for _ in range(VISITS_PER_POINT)] for _ in range(POINTS)]
    elders = [[(str(uuid.uuid4()), f"RUSH{p:04d}{n:02d}{uuid.uuid4().hex[:6].upper()}") for n in range(VISITS_PER_POINT)]
              for p in range(POINTS)]
    with psycopg.connect(url) as conn:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO service_points (id, name, active, opening_hours, bath_capacity, safety_reminders, sequence) "
                "SELECT %s, name || %s, active, opening_hours, %s, safety_reminders, sequence FROM service_points WHERE id = %s",
                [(p, f" {i}", VISITS_PER_POINT, point) for i, p in enumerate(points)])
            cur.executemany(
                "INSERT INTO staff (id, name, gender, roles, service_point_id, qualified, active, sequence) "
                "SELECT %s, name, gender, roles, %s, qualified, active, sequence FROM staff WHERE id = %s",
                [(a, p, assistant) for each, p in zip(assistants, points) for a in each])
            copy_elders(cur, "service_point_id", [(e, c, points[p], card) for p in range(POINTS) for e, c in elders[p]])
    return points, assistants, elders


def copy_elders(cur: psycopg.Cursor, third: str, rows: list[tuple[str, str, str, str]]) -> None:
    """Rows of a store's `elders` copied from the template elder's, for each (id, card,
    the value of the column `third`, the template's card); the other columns as theirs."""
    columns = [row[0] for row in cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'elders' "
        "AND table_schema = current_schema() ORDER BY ordinal_position").fetchall()]
    copied = [c for c in columns if c not in ("id", "citizen_card_no", third)]
    cur.executemany(
        f"INSERT INTO elders (id, citizen_card_no, {third}, {', '.join(copied)}) "
        f"SELECT %s, %s, %s, {', '.join(copied)} FROM elders WHERE citizen_card_no = %s", rows)


def seed_registration(url: str, card: str, elders: list[list[tuple[str, str]]]) -> None:
    """The same elders in registration's store, copies of the template one (its point, its
    assessment and commitment; a card and an ID number of their own): check-in asks
    registration for the card's holder, and a card it does not know is refused."""
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        copy_elders(cur, "id_number", [(e, c, f"R{uuid.uuid4().int % 10**17:017d}", card)
                                       for each in elders for e, c in each])


class Replay:
    def __init__(self, target: checkin_flow.Target, speedup: float):
        self.target = target
        self.speedup = speedup
        self.url = urllib.parse.urlsplit(target.base_url)
        self.local = threading.local()
        self.lock = threading.Lock()
        self.heap: list = []
        self.serial = itertools.count()
        self.latency: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.waiting = 0  # calls due and handed to the clients, not yet sent
        self.backlog: list[int] = []
        self.started = 0.0
        self.pending = 0

    def at(self, model_seconds: float) -> float:
        return self.started + model_seconds / self.speedup

    def push(self, due: float, call) -> None:
        with self.lock:
            heapq.heappush(self.heap, (due, next(self.serial), call))
            self.pending += 1

    def connection(self) -> http.client.HTTPConnection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=60)
        return conn

    def send(self, kind: str, due: float, path: str, body: dict, expect: int) -> dict | None:
        with self.lock:
            self.waiting -= 1
        conn = self.connection()
        headers = self.target.headers | {"Content-Type": "application/json", "X-Request-ID": uuid.uuid4().hex}
        try:
            conn.request("POST", self.target.prefix + path, body=json.dumps(body), headers=headers)
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            conn.close()
            self.local.conn = None
            with self.lock:
                self.errors.append(f"{kind}: {error!r}")
            return None
        with self.lock:
            self.latency.setdefault(kind, []).append((time.monotonic() - due) * 1000)
            if response.status != expect:
                self.errors.append(f"{kind}: {response.status} {data[:200]!r}")
                return None
        return json.loads(data)

    def run(self, clients: int) -> None:
        with ThreadPoolExecutor(clients) as pool:
            next_sample = time.monotonic()
            while True:
                now = time.monotonic()
                if now >= next_sample:
                    with self.lock:
                        self.backlog.append(self.waiting)
                        answered = sum(len(samples) for samples in self.latency.values())
                    if len(self.backlog) % 30 == 0:  # a long run shows where it is
                        print(f"  {now - self.started:5.0f} s: {answered} calls answered, backlog {self.waiting}",
                              flush=True)
                    next_sample = now + 1
                with self.lock:
                    if not self.heap and self.pending == 0:
                        break
                    due = self.heap[0][0] if self.heap else None
                    if due is not None and due <= now:
                        _, _, call = heapq.heappop(self.heap)
                        self.waiting += 1
                    else:
                        call = None
                if call is None:
                    time.sleep(0.002 if due is None else min(0.01, max(0.0, due - now)))
                    continue
                pool.submit(self._done, call)

    def _done(self, call) -> None:
        try:
            call()
        finally:
            with self.lock:
                self.pending -= 1


def main() -> None:
    arrivals, booking_times = schedule()
    with running_suite() as suite:
        point, assistant, witness = make_point(suite)
        card = make_bathers(suite, point, witness, 1)[0]
        points, assistants, elders = seed_city(suite.database_urls["visits"], point, assistant, card)
        seed_registration(suite.database_urls["registration"], card, elders)
        wait_quiet(suite)
        replay = Replay(checkin_flow.targets(suite)[0], SPEEDUP)
        tomorrow = datetime.combine(date.today() + timedelta(days=1), datetime.min.time(), timezone.utc)

        def visit(arrival: float, p: int, n: int):
            state: dict = {}

            def step(k: int):
                name, offset = STEPS[k]
                due = replay.at(arrival + offset)

                def call():
                    if name == "check-in":
                        answer = replay.send(name, due, "/visits", {"citizen_card_no": elders[p][n][1],
                                                                    "service_point_id": points[p]}, 201)
                        state["id"] = answer and answer["id"]
                    else:
                        on_duty = {"staff_id": assistants[p][n]}  # a qualified staff member of the point
                        path, body = {"screening": ("screening", SCREENING | on_duty),
                                      "bath": ("bath", {"assistant_staff_id": assistants[p][n]}),
                                      "rest": ("rest", on_duty),
                                      "checkout": ("checkout", on_duty | {"early_leave_reason": "家属来接"})}[name]
                        answer = replay.send(name, due, f"/visits/{state['id']}/{path}", body, 200)
                    if answer is not None and k + 1 < len(STEPS):
                        step(k + 1)
                replay.push(due, call)
            return step

        def booking(at: float, p: int, n: int):
            due = replay.at(at)
            slot = (tomorrow + timedelta(hours=8, minutes=30 * n)).isoformat()
            replay.push(due, lambda: replay.send("booking", due, "/bookings", {
                "elder_id": elders[p][n][0], "service_point_id": points[p], "slot_start": slot}, 201))

        print(f"load average before: {load_average()}")
        cpu_before = suite.cpu_seconds()
        replay.started = time.monotonic() + 1
        for arrival, p, n in arrivals:
            visit(arrival, p, n)(0)
        for at, p, n in booking_times:
            booking(at, p, n)
        replay.run(CLIENTS)
        finished = time.monotonic()
        wait_quiet(suite)
        cpu = suite.cpu_seconds() - cpu_before
        schedule_end = replay.at(WINDOW)
        rows = [{"call": kind, "n": len(samples), **{k: round(v, 1) for k, v in percentiles(samples).items()}}
                for kind, samples in sorted(replay.latency.items())]
        every = [v for samples in replay.latency.values() for v in samples]
        rows.append({"call": "every call", "n": len(every), **{k: round(v, 1) for k, v in percentiles(every).items()}})
        report(f"The morning rush of {POINTS} points at {SPEEDUP:g}× real time ({WINDOW / SPEEDUP:.0f} s), {CLIENTS} "
               "clients through the gateway: latency from the moment each call was due, ms", rows)
        p99 = percentiles(every)["p99"] if every else float("nan")
        calls = len(every)
        print(f"calls: {calls} in {finished - replay.started:.0f} s ({calls / (WINDOW / SPEEDUP):.1f}/s offered on "
              f"average); refused or failed: {len(replay.errors)} {replay.errors[:3]}")
        print(f"backlog (calls due, not yet sent): max {max(replay.backlog, default=0)}, "
              f"at the end {replay.backlog[-1] if replay.backlog else 0}; the last call answered "
              f"{max(0.0, finished - schedule_end):.1f} s after the schedule ended")
        print(f"CPU of the suite and PostgreSQL: {cpu:.0f} s for {calls} calls ({cpu * 1000 / max(calls, 1):.1f} ms a call; "
              f"{cpu / (WINDOW / SPEEDUP):.2f} cores busy on average at {SPEEDUP:g}×, so {POINTS} points at real time "
              f"need {cpu / (WINDOW / SPEEDUP) / SPEEDUP:.3f} and 2 cores hold about "
              f"{2 * SPEEDUP * (WINDOW / SPEEDUP) / max(cpu, 1e-9):.0f}× them, by CPU alone)")
        print(f"p99 {p99:.0f} ms (target {TARGET_P99_MS} ms at {SPEEDUP:g}× the city) — "
              f"{'held' if p99 < TARGET_P99_MS and not replay.errors else 'not held'}; load average after: {load_average()}")


if __name__ == "__main__":
    main()
