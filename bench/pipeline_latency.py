"""From a 201 at the gateway to the notification it causes: elders registered through the
gateway at a steady rate (100 per second for 30 s, open loop: each request leaves at its
scheduled time whatever the answers before it), each registration's event going outbox →
relay → broker → notify's consumer, which stores the elder's SMS notification (held in
quiet hours, 21:00–08:00 Asia/Shanghai, still a stored notification).

The notification's arrival is observed exactly: a trigger on notify's `notifications`
table (added to this benchmark's private database only) calls `pg_notify`, which
PostgreSQL delivers to a listener when the inserting transaction commits.

Target: p99 < 500 ms. Run: `.venv/bin/python -m bench.pipeline_latency`; rate and
duration with ZHUYU_BENCH_RATE (100) and ZHUYU_BENCH_SECONDS (30).
"""
from __future__ import annotations

import os
import queue
import threading
import time

import psycopg
import requests

from bench.common import percentiles, report
from bench.stack import elder_body, load_average, make_point, running_suite, wait_quiet

RATE = float(os.environ.get("ZHUYU_BENCH_RATE", "100"))
SECONDS = float(os.environ.get("ZHUYU_BENCH_PIPELINE_SECONDS", os.environ.get("ZHUYU_BENCH_SECONDS", "30")))
SENDERS = 12
TRIGGER = """
CREATE FUNCTION bench_notification_stored() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('bench_notifications', NEW.recipient_id || ' ' || NEW.status); RETURN NEW; END $$;
CREATE TRIGGER bench_notification_stored AFTER INSERT ON notifications
FOR EACH ROW EXECUTE FUNCTION bench_notification_stored();
"""


def listen(url: str, arrived: dict[str, tuple[float, str]], ready: threading.Event, stop: threading.Event) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("LISTEN bench_notifications")
        ready.set()
        while not stop.is_set():
            for note in conn.notifies(timeout=0.5):
                at = time.perf_counter()
                recipient, status = note.payload.split(" ", 1)
                arrived.setdefault(recipient, (at, status))


def main() -> None:
    with running_suite() as suite:
        with psycopg.connect(suite.database_urls["notify"], autocommit=True) as conn:
            conn.execute(TRIGGER)
        point, _assistant, _witness = make_point(suite)
        arrived: dict[str, tuple[float, str]] = {}
        ready, stop = threading.Event(), threading.Event()
        listener = threading.Thread(target=listen, args=(suite.database_urls["notify"], arrived, ready, stop), daemon=True)
        listener.start()
        ready.wait(10)
        warm = suite.session()
        for _ in range(20):  # connections, caches, the consumer's first batch
            suite.post(warm, "/elders", elder_body(point))
        wait_quiet(suite)
        time.sleep(1)

        total = int(RATE * SECONDS)
        bodies = [elder_body(point) for _ in range(total)]
        schedule: queue.Queue[int] = queue.Queue()
        for i in range(total):
            schedule.put(i)
        created: dict[str, float] = {}
        answer_ms: list[float] = []
        lateness_ms: list[float] = []
        failures: list[str] = []
        lock = threading.Lock()
        started = time.perf_counter() + 0.5

        def sender() -> None:
            session = suite.session()
            while True:
                try:
                    i = schedule.get_nowait()
                except queue.Empty:
                    return
                due = started + i / RATE
                pause = due - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
                sent = time.perf_counter()
                try:
                    response = session.post(suite.gateway + "/elders", json=bodies[i], timeout=30)
                except requests.RequestException as exc:
                    with lock:
                        failures.append(type(exc).__name__)
                    continue
                at = time.perf_counter()
                with lock:
                    lateness_ms.append((sent - due) * 1000)
                    answer_ms.append((at - sent) * 1000)
                    if response.status_code == 201:
                        created[response.json()["id"]] = at
                    else:
                        failures.append(f"{response.status_code} {response.text[:200]}")

        senders = [threading.Thread(target=sender) for _ in range(SENDERS)]
        for thread in senders:
            thread.start()
        for thread in senders:
            thread.join()
        sent_for = time.perf_counter() - started
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(elder not in arrived for elder in created):
            time.sleep(0.1)
        stop.set()
        listener.join(5)

        latencies = [(arrived[elder][0] - at) * 1000 for elder, at in created.items() if elder in arrived]
        statuses: dict[str, int] = {}
        for elder in created:
            if elder in arrived:
                statuses[arrived[elder][1]] = statuses.get(arrived[elder][1], 0) + 1
        missing = sum(1 for elder in created if elder not in arrived)
        pipeline, answers, late = percentiles(latencies), percentiles(answer_ms), percentiles(lateness_ms)
        report(f"201 at the gateway → notification stored in notify, {RATE:.0f} registrations/s for {SECONDS:.0f} s", [
            {"measure": "201 → notification stored", "n": len(latencies), "p50 ms": pipeline["p50"],
             "p95 ms": pipeline["p95"], "p99 ms": pipeline["p99"], "max ms": round(max(latencies), 1)},
            {"measure": "registration answered (201)", "n": len(answer_ms), "p50 ms": answers["p50"],
             "p95 ms": answers["p95"], "p99 ms": answers["p99"], "max ms": round(max(answer_ms), 1)},
            {"measure": "request sent late vs schedule", "n": len(lateness_ms), "p50 ms": late["p50"],
             "p95 ms": late["p95"], "p99 ms": late["p99"], "max ms": round(max(lateness_ms), 1)},
        ])
        print(f"offered {total / sent_for:.1f} req/s; {len(created)} created, {len(failures)} failed, "
              f"{missing} without a notification after 60 s; notification status: {statuses}")
        print(f"p99 201 → notification {pipeline['p99']:.0f} ms (target < 500 ms); load average {load_average()}")
        if failures:
            print("failures (first 3):", failures[:3])


if __name__ == "__main__":
    main()
