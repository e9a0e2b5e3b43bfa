"""The same event fan-out built with nameko, on the same broker and PostgreSQL, in the same
run as the project's pipeline: a publisher sends N persistent events and one handler
stores each of them (one row per event, idempotent on the event's id); the clock runs
from the first publish to the last stored row.

- nameko 2.14: `nameko.standalone.events.event_dispatcher` (a confirm per event) →
  the `bench_publisher.events` topic exchange → the handler's durable classic queue →
  an `@event_handler` that inserts the row (autocommit, one commit per event; nameko
  acknowledges after the handler returns). Its service runs under `nameko run`.
- the project: outbox → relay → quorum queue → inbox consumer, both ends durable, relay
  and consumer in their own processes (`bench.events.pipeline_rate`).

nameko runs from its own virtual environment (var/bench-nameko, made on first run with
the kombu version of the project's): installed into the project's environment, its
pytest plugin would load into every `make test` run.

Run: `.venv/bin/python -m bench.nameko_peer`; N with ZHUYU_BENCH_EVENTS (5000).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import psycopg

from bench import events
from bench.common import private_broker, private_postgres, report
from bench.stack import load_average
from testkit import probe

N = int(os.environ.get("ZHUYU_BENCH_EVENTS", "5000"))
ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "var" / "bench-nameko"
NAMEKO = "nameko==2.14.1"


def nameko_python() -> Path:
    python = VENV / "bin" / "python"
    if not (VENV / "bin" / "nameko").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", NAMEKO,
                        f"kombu=={version('kombu')}", f"psycopg[binary]=={version('psycopg')}"], check=True)
    return python


def nameko_rate(python: Path, amqp_url: str, database_url: str, n: int) -> tuple[float, float]:
    """(events/s end to end, events/s published)."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE effects (event_id varchar(36) PRIMARY KEY, n integer NOT NULL)")
    with tempfile.TemporaryDirectory(prefix="zhuyu-bench-nameko-") as tmp:
        config = Path(tmp) / "config.yaml"
        config.write_text(f"AMQP_URI: '{amqp_url}'\nmax_workers: 10\nserializer: json\n")
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).parent), PEER_DATABASE_URL=database_url)
        log = open(Path(tmp) / "nameko.log", "ab")
        service = subprocess.Popen([str(python), "-m", "nameko", "run", "--config", str(config), "nameko_service"],
                                   env=env, stdout=log, stderr=log, cwd=tmp)
        try:
            time.sleep(8)  # connected, its queue declared and bound, idle
            if service.poll() is not None:
                raise RuntimeError("nameko run exited: " + (Path(tmp) / "nameko.log").read_text()[-2000:])
            started = time.perf_counter()
            publisher = subprocess.Popen([str(python), str(Path(__file__).parent / "nameko_service.py"), amqp_url, str(n)],
                                         env=env, stdout=subprocess.PIPE, text=True)
            with psycopg.connect(database_url, autocommit=True) as conn:
                deadline = time.monotonic() + 600
                while conn.execute("SELECT count(*) FROM effects").fetchone()[0] < n:
                    if time.monotonic() > deadline:
                        raise TimeoutError("nameko did not store every event in 10 minutes")
                    time.sleep(0.01)
            elapsed = time.perf_counter() - started
            published = float(publisher.communicate(timeout=60)[0].strip())
        finally:
            service.send_signal(signal.SIGTERM)
            try:
                service.wait(timeout=30)
            except subprocess.TimeoutExpired:
                service.kill()
    return n / elapsed, n / published


def main() -> None:
    python = nameko_python()
    with private_broker() as url, private_postgres() as pg:
        os.environ["AMQP_URL"] = url
        peer, peer_published = nameko_rate(python, url, pg.create_database("bench_nameko"), N)
        events.declare(url)
        producer_store, outbox = probe.producer(pg.create_database("bench_producer"))
        consumer_store = probe.make_store(pg.create_database("bench_pipeline"))
        ours = events.pipeline_rate(url, producer_store, outbox, consumer_store, N)
        producer_store.dispose()
        consumer_store.dispose()
        report(f"Event fan-out, {N} persistent events, publish to stored effect, same broker and PostgreSQL", [
            {"pipeline": "nameko 2.14: standalone dispatcher → classic queue → @event_handler (row per event)",
             "events/s": round(peer), "published/s": round(peer_published)},
            {"pipeline": "zhuyu: outbox → relay → quorum queue → inbox consumer (both ends durable)",
             "events/s": round(ours), "published/s": ""},
        ])
        print(f"zhuyu / nameko = {ours / peer:.2f}x (target: 2x); load average {load_average()}")


if __name__ == "__main__":
    main()
