"""What a service is made of, and the processes it runs as.

Each service's `bootstrap.build()` returns a `Service`; the command line runs one of its
roles: `web` (gunicorn), `relay`, `consumer`, `scheduler`, or `worker` (the three
background roles in one process, for small deployments).
"""
from __future__ import annotations

import logging
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Generic, TypeVar

from flask import Flask
from flask_smorest import Blueprint

from kit import bus, logs, metrics, tracing
from kit.consumer import Consumer, Handler
from kit.db import UNAVAILABLE, Store
from kit.messaging import MessagingTables
from kit.outbox import Lease, Outbox, Relay
from kit.settings import CommonSettings, env
from kit.web import create_app

log = logging.getLogger("kit.service")
UseCases = TypeVar("UseCases")


@dataclass(frozen=True)
class Job:
    """A periodic job: `run(now)` must be idempotent (its state is data, not a timer)."""

    name: str
    every_seconds: float
    run: Callable[[], None]


@dataclass
class Service(Generic[UseCases]):
    """A deployable: its store and outbox, its one use-case object (`services/<name>/service.py`,
    reached from the API through `kit.web.use_cases`), the HTTP API, the event handlers and
    the periodic jobs, as its `bootstrap.build()` wires them."""

    name: str
    settings: CommonSettings
    store: Store
    tables: MessagingTables
    outbox: Outbox
    blueprints: list[Blueprint]
    use_cases: UseCases
    handlers: dict[str, Handler] = field(default_factory=dict)
    jobs: list[Job] = field(default_factory=list)
    gauges: list[metrics.StoreGauge] = field(default_factory=list)  # read from the store when scraped

    def store_gauges(self) -> list[metrics.StoreGauge]:
        return [metrics.outbox_gauges(self.name, self.store, self.outbox), *self.gauges]

    def app(self) -> Flask:
        return create_app(self.name, self.store, self.blueprints, self.settings.amqp_url, self.use_cases,
                          store_gauges=self.store_gauges())

    def relay(self) -> Relay:
        return Relay(self.store, self.tables, self.settings)

    def consumer(self) -> Consumer:
        return Consumer(self.store, self.tables, self.settings, self.handlers)

    def declare_queue(self) -> bool:
        """This service's consumer queue with its bindings, retry and dead-letter queues, made
        on the broker as its store is migrated, before any process of the suite publishes: an
        event published while no queue is bound to its type reaches nobody. The consumer
        declares the same again when it starts. False: this service handles no events."""
        if not self.handlers:
            return False
        conn = bus.connect(self.settings.amqp_url, self.settings.broker_timeout_seconds)
        try:
            self.consumer().declare(conn.default_channel)
        finally:
            conn.release()
        return True

    def run_scheduler(self, stop: threading.Event) -> None:
        """Runs the jobs while this process holds the scheduler lease (one active replica)."""
        lease = Lease(self.tables.lease, "scheduler", self.settings.relay_lease_seconds)
        next_run = {job.name: 0.0 for job in self.jobs}
        measure = metrics.instruments()
        log.info("scheduler started", extra={"jobs": [job.name for job in self.jobs]})
        while not stop.is_set():
            try:
                with self.store.begin() as session:
                    leader = lease.acquire(session)
            except UNAVAILABLE as exc:
                log.warning("database unavailable", extra={"error": repr(exc)[:300]})
                leader = False
            if not leader:
                stop.wait(self.settings.relay_lease_seconds / 3)
                continue
            now = time.monotonic()
            for job in self.jobs:
                if now < next_run[job.name]:
                    continue
                if next_run[job.name]:
                    measure.scheduler_lag.labels(self.name, job.name).set(now - next_run[job.name])
                outcome = "ok"
                try:
                    job.run()
                except UNAVAILABLE as exc:
                    outcome = "postponed"
                    log.warning("job postponed: database unavailable", extra={"job": job.name, "error": repr(exc)[:300]})
                except Exception:  # one failing job must not stop the others
                    outcome = "failed"
                    log.exception("job failed", extra={"job": job.name})
                measure.scheduler_runs.labels(self.name, job.name, outcome).inc()
                next_run[job.name] = now + job.every_seconds
            wait = min(next_run.values(), default=now + 1.0) - time.monotonic()
            stop.wait(max(0.01, min(wait, self.settings.relay_lease_seconds / 3)))
        log.info("scheduler stopped")


def migrations_dir(service_file: str) -> Path:
    return Path(service_file).resolve().parent / "migrations"


def run_background(service: Service, roles: list[str]) -> None:
    """Run background roles in threads until SIGTERM or SIGINT (the store's schema is
    prepared first, by the caller)."""
    logs.configure(service.name, service.settings.log_level)
    metrics.serve_alone(service.store_gauges())
    tracing.configure(service.name)
    stop = threading.Event()

    def _stop(signum, _frame):
        log.info("stopping", extra={"signal": signum})
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    targets = {
        "relay": lambda: service.relay().run(stop),
        "consumer": lambda: service.consumer().run(stop),
        "scheduler": lambda: service.run_scheduler(stop),
    }
    threads = []
    for role in roles:
        if role == "consumer" and not service.handlers:
            continue
        if role == "scheduler" and not service.jobs:
            continue
        thread = threading.Thread(target=targets[role], name=f"{service.name}-{role}", daemon=True)
        thread.start()
        threads.append(thread)
    if not threads:
        log.info("nothing to run for these roles", extra={"roles": roles})
        return
    heartbeat = env.str("ZHUYU_HEARTBEAT_FILE", "")
    while not stop.is_set() and all(t.is_alive() for t in threads):
        if heartbeat:  # containers' health checks read its age
            Path(heartbeat).touch()
        stop.wait(2.0)
    died = [thread.name for thread in threads if not thread.is_alive()] if not stop.is_set() else []
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    service.store.dispose()
    if died:  # the process ends in failure, so that whoever keeps it starts it again
        log.error("a role stopped unexpectedly", extra={"threads": died})
        raise SystemExit(1)
