"""Prometheus metrics for every process of the suite.

Under gunicorn a service runs several worker processes, plus its relay, consumer and
scheduler; prometheus-client's multiprocess mode keeps each process's figures in files
under one directory per service (`ZHUYU_METRICS_DIR/<service>`), and whoever serves
`/metrics` (the web process, or a worker with `ZHUYU_METRICS_PORT` where it runs alone in
a container) adds them up. prometheus-client chooses its mode when it is first imported,
so `configure()` runs first thing in each process, and the instruments are made after it.

Figures that live in a store (outbox backlog, overdue complaints) are read when scraped,
so they are true whichever process changed them.
"""
from __future__ import annotations

import ipaddress
import logging
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from kit.settings import env, var_dir

log = logging.getLogger("kit.metrics")

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.5, 5.0, 10.0)
HTTP_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def method_label(method: str) -> str:
    """The request's method as a label, or "other": HTTP lets a client send any token as
    its method, and every label value is a series the process keeps for its whole life
    (in memory and in its multiprocess file), so a client sending made-up methods would
    grow the worker without end."""
    return method if method in HTTP_METHODS else "other"


def metrics_root() -> Path:
    return Path(env.str("ZHUYU_METRICS_DIR", str(var_dir() / "metrics")))


def reset(root: Path | None = None) -> None:
    """Empty the metrics directories (the supervisor does this before it starts anything)."""
    root = root or metrics_root()
    shutil.rmtree(root, ignore_errors=True)


def configure(service: str) -> None:
    """Point prometheus-client at this service's directory, before it is imported."""
    if os.environ.get(MULTIPROC_ENV):
        return
    if env.bool("ZHUYU_METRICS_MULTIPROCESS", True):
        directory = metrics_root() / service
        directory.mkdir(parents=True, exist_ok=True)
        os.environ[MULTIPROC_ENV] = str(directory)


@dataclass(frozen=True)
class Instruments:
    http_requests: Any
    http_latency: Any
    events_published: Any
    events_consumed: Any
    events_retried: Any
    events_dead_lettered: Any
    scheduler_lag: Any
    scheduler_runs: Any
    notifications: Any
    deadlines_missed: Any
    rate_limit_store_errors: Any


_instruments: Instruments | None = None
_making = threading.Lock()


def instruments() -> Instruments:
    """The process's instruments, made on first use (after `configure`), once even when a
    worker's relay, consumer and scheduler threads ask at the same moment."""
    if _instruments is None:
        with _making:
            if _instruments is None:
                _make()
    return _instruments


def _make() -> None:
    global _instruments
    from prometheus_client import Counter, Gauge, Histogram

    _instruments = Instruments(
        http_requests=Counter("zhuyu_http_requests_total", "HTTP requests answered",
                              ["service", "method", "route", "status"]),
        http_latency=Histogram("zhuyu_http_request_duration_seconds", "Time to answer an HTTP request",
                               ["service", "method", "route"], buckets=LATENCY_BUCKETS),
        events_published=Counter("zhuyu_events_published_total", "Events relayed from the outbox and confirmed",
                                 ["service"]),
        events_consumed=Counter("zhuyu_events_consumed_total", "Events taken from the queue",
                                ["service", "type", "outcome"]),
        events_retried=Counter("zhuyu_events_retried_total", "Events sent to a delayed retry after a failure",
                               ["service", "type"]),
        events_dead_lettered=Counter("zhuyu_events_dead_lettered_total", "Events given up and dead-lettered",
                                     ["service", "type"]),
        scheduler_lag=Gauge("zhuyu_scheduler_lag_seconds", "How late the last run of a periodic job started",
                            ["service", "job"], multiprocess_mode="max"),
        scheduler_runs=Counter("zhuyu_scheduler_runs_total", "Runs of periodic jobs by outcome",
                               ["service", "job", "outcome"]),
        notifications=Counter("zhuyu_notification_deliveries_total", "Delivery attempts by channel and outcome",
                              ["channel", "outcome"]),
        deadlines_missed=Counter("zhuyu_complaint_deadlines_missed_total", "Complaint deadlines that passed unmet",
                                 ["deadline"]),
        rate_limit_store_errors=Counter("zhuyu_rate_limit_store_errors_total",
                                        "Requests let through unlimited because the rate-limit store could not be reached"),
    )


# --- scrape-time figures from a store ---------------------------------------------------

StoreGauge = Callable[[], Iterable[tuple[str, str, dict[str, str], float]]]
"""Yields (metric name, help, labels, value) when scraped."""


class _StoreCollector:
    def __init__(self, gauges: Iterable[StoreGauge]):
        self.gauges = list(gauges)

    def collect(self):
        from prometheus_client.core import GaugeMetricFamily

        families: dict[str, Any] = {}
        for gauge in self.gauges:
            try:
                samples = list(gauge())
            except Exception as exc:  # a store that is down must not break the scrape
                log.warning("metric not readable", extra={"error": repr(exc)[:200]})
                continue
            for name, help_text, labels, value in samples:
                family = families.get(name)
                if family is None:
                    family = families[name] = GaugeMetricFamily(name, help_text, labels=list(labels))
                family.add_metric(list(labels.values()), value)
        return list(families.values())


def registry(store_gauges: Iterable[StoreGauge] = ()):
    """A registry with every process's figures of this service and the store's."""
    from prometheus_client import REGISTRY, CollectorRegistry
    from prometheus_client.multiprocess import MultiProcessCollector

    gauges = list(store_gauges)
    directory = os.environ.get(MULTIPROC_ENV)
    if directory:
        collected = CollectorRegistry()
        MultiProcessCollector(collected, path=directory)
    elif not gauges:
        return REGISTRY
    else:
        collected = CollectorRegistry()
        collected.register(_Forward(REGISTRY))
    if gauges:
        collected.register(_StoreCollector(gauges))
    return collected


class _Forward:
    def __init__(self, source):
        self.source = source

    def collect(self):
        return self.source.collect()


def render(store_gauges: Iterable[StoreGauge] = ()) -> bytes:
    from prometheus_client import generate_latest

    return generate_latest(registry(store_gauges))


def process_exited(pid: int, service: str | None = None) -> None:
    """Drop a dead process's live gauges (the supervisor and gunicorn call it when a
    process ends); its counters stay, so totals never go back."""
    directory = str(metrics_root() / service) if service else os.environ.get(MULTIPROC_ENV)
    if not directory or not os.path.isdir(directory):
        return
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(pid, directory)


def serve_alone(store_gauges: Iterable[StoreGauge] = ()) -> None:
    """A worker alone in its container answers `/metrics` on `ZHUYU_METRICS_PORT`, if set."""
    port = env.int("ZHUYU_METRICS_PORT", 0)
    if not port:
        return
    from prometheus_client import start_http_server

    start_http_server(port, addr=env.str("ZHUYU_METRICS_BIND", "0.0.0.0"), registry=registry(store_gauges))


# --- who may scrape -----------------------------------------------------------------------

class Allow:
    """`ZHUYU_METRICS_ALLOW`: addresses and networks that may read `/metrics` (default loopback)."""

    def __init__(self, spec: str | None = None):
        spec = spec if spec is not None else env.str("ZHUYU_METRICS_ALLOW", "127.0.0.1/8,::1")
        self.networks = [ipaddress.ip_network(part.strip(), strict=False) for part in spec.split(",") if part.strip()]

    def __call__(self, address: str | None) -> bool:
        if not address:
            return False
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        return any(ip in network for network in self.networks)


def outbox_gauges(service: str, store, outbox) -> StoreGauge:
    """Unsent events in the outbox and the age of the oldest."""

    def read():
        with store.begin() as session:
            count, age = outbox.backlog(session)
        labels = {"service": service}
        yield "zhuyu_outbox_backlog", "Events in the outbox not yet relayed", labels, float(count)
        yield "zhuyu_outbox_oldest_age_seconds", "Age of the oldest event not yet relayed", labels, float(age or 0.0)

    return read
