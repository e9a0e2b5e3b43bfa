"""What every benchmark needs: a private broker and PostgreSQL, timing, printing."""
from __future__ import annotations

import contextlib
import json
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from kit import broker, identity, redis_node
from kit.caller import Caller
from kit.settings import identity_secret
from testkit.pg import Cluster


@contextlib.contextmanager
def private_broker():
    if os.environ.get("AMQP_URL"):
        yield os.environ["AMQP_URL"]
        return
    base = Path(tempfile.mkdtemp(prefix="zhuyu-bench-rabbit-"))
    node = broker.PrivateNode(base, broker.free_port(), broker.free_port())
    node.start()
    try:
        yield node.url
    finally:
        node.stop()
        broker.remove(base)


@contextlib.contextmanager
def private_redis():
    """The gateway's rate-limit store, as `make run` has it."""
    base = Path(tempfile.mkdtemp(prefix="zhuyu-bench-redis-"))
    node = redis_node.PrivateRedis(base, broker.free_port())
    node.start()
    try:
        yield node.url
    finally:
        node.stop()
        broker.remove(base)


@contextlib.contextmanager
def private_postgres():
    base = Path(tempfile.mkdtemp(prefix="zhuyu-bench-pg-"))
    cluster = Cluster(base)
    cluster.start()
    cluster.wait_ready()
    try:
        yield cluster
    finally:
        cluster.stop("immediate")
        broker.remove(base)


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50": round(pick(0.50), 3), "p95": round(pick(0.95), 3), "p99": round(pick(0.99), 3),
            "mean": round(statistics.fmean(ordered), 3)}


def report(title: str, rows: list[dict]) -> None:
    print(f"\n== {title}")
    if not rows:
        return
    keys = list(rows[0])
    widths = {k: max(len(k), *(len(str(r.get(k, ""))) for r in rows)) for k in keys}
    print("  ".join(k.ljust(widths[k]) for k in keys))
    for row in rows:
        print("  ".join(str(row.get(k, "")).ljust(widths[k]) for k in keys))
    out = os.environ.get("ZHUYU_BENCH_JSON")
    if out:
        with open(out, "a") as handle:
            handle.write(json.dumps({"title": title, "rows": rows}, ensure_ascii=False) + "\n")


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


BENCH_ADMIN = Caller("bench", "admin", None, None)


def identity_headers(audience: str, method: str, path: str, body: bytes = b"", who: Caller = BENCH_ADMIN) -> dict:
    """The headers of one request sent straight to a service: the identity the gateway
    would mint for it (`kit.identity`, with the secret of this run's var dir or
    environment) and its request id. `path` may carry a query; plain ASCII is sent as is."""
    request_id = uuid.uuid4().hex
    raw_path, _, query = path.partition("?")
    token = identity.mint(identity_secret(), who, audience=audience, method=method,
                          target=identity.target(raw_path, query), request_id=request_id, body=body)
    return {identity.HEADER: token, "X-Request-ID": request_id}
