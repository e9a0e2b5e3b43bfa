"""The gateway's cost: the same read made directly to a service and through the gateway,
at one client and at 16, over keep-alive connections, both servers as `make run` serves
them (gunicorn workers speaking HTTP with waitress), the gateway's rate limits in Redis.

Run: `make bench` (or `.venv/bin/python -m bench.gateway`). N with ZHUYU_BENCH_REQUESTS.
"""
from __future__ import annotations

import http.client
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from bench.common import identity_headers, percentiles, private_broker, private_redis, report
from kit.broker import free_port

N = int(os.environ.get("ZHUYU_BENCH_REQUESTS", "3000"))
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(root: int) -> float:
    """CPU time (user and system) of a server: its master and its workers. Unlike wall
    time, it does not grow when other programs load the machine."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == root or int(fields[1]) == root:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / TICK
    return total


def wait_http(port: int, path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"port {port} did not answer")


def run(port: int, path: str, headers: dict | Callable[[], dict], clients: int,
        total: int) -> tuple[float, list[float]]:
    """`headers`, or a function giving each request's (a direct call's minted identity)."""
    samples: list[float] = []
    lock = threading.Lock()
    per_client = total // clients

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local = []
        for _ in range(per_client):
            sent = headers() if callable(headers) else headers
            started = time.perf_counter()
            conn.request("GET", path, headers=sent)
            response = conn.getresponse()
            response.read()
            assert response.status == 200, response.status
            local.append((time.perf_counter() - started) * 1000)
        with lock:
            samples.extend(local)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(samples) / (time.perf_counter() - started), samples


def main() -> None:
    given_store = os.environ.get("ZHUYU_RATE_LIMIT_STORAGE_URI")  # e.g. memory://, to compare with a single process
    with private_broker() as url, private_redis() as redis_url, tempfile.TemporaryDirectory() as var:
        service_port, gateway_port = free_port(), free_port()
        os.environ.setdefault("ZHUYU_IDENTITY_SECRET", secrets.token_urlsafe(48))  # the servers' and ours
        env = dict(os.environ, AMQP_URL=url, ZHUYU_VAR_DIR=var, REGISTRATION_PORT=str(service_port),
                   REGISTRATION_URL=f"http://127.0.0.1:{service_port}", GATEWAY_PORT=str(gateway_port),
                   ZHUYU_ADMIN_PASSWORD="bench-admin-password", ZHUYU_LOG_LEVEL="WARNING",
                   ZHUYU_RATE_LIMIT_USER="1000000 per minute", ZHUYU_RATE_LIMIT_STORAGE_URI=given_store or redis_url)
        log = open(Path(var) / "servers.log", "ab")
        servers = [subprocess.Popen([sys.executable, "-m", "ops.cli", "serve", "registration", "web"], env=env,
                                    stdout=log, stderr=log),
                   subprocess.Popen([sys.executable, "-m", "ops.cli", "serve", "gateway"], env=env,
                                    stdout=log, stderr=log)]
        try:
            wait_http(service_port, "/healthz")
            wait_http(gateway_port, "/healthz")
            conn = http.client.HTTPConnection("127.0.0.1", gateway_port)
            conn.request("POST", "/api/v1/auth/token", body=json.dumps(
                {"username": "admin", "password": "bench-admin-password"}), headers={"Content-Type": "application/json"})
            token = json.loads(conn.getresponse().read())["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            conn.request("POST", "/api/v1/service-points", headers=auth | {"Content-Type": "application/json"},
                         body=json.dumps({"name": "点", "address": "a", "district": "d", "bath_capacity": 2,
                                          "rest_seats": 2, "opening_hours": {}, "safety_reminders": []}))
            point = json.loads(conn.getresponse().read())["id"]
            rows = []
            direct_headers = lambda: identity_headers("registration", "GET", f"/service-points/{point}")  # noqa: E731
            for clients in (1, 16):
                run(service_port, f"/service-points/{point}", direct_headers, clients, 200)  # warm up
                run(gateway_port, f"/api/v1/service-points/{point}", auth, clients, 200)
                direct_rate, direct = run(service_port, f"/service-points/{point}", direct_headers, clients, N)
                cpu_before = cpu_seconds(servers[1].pid)
                via_rate, via = run(gateway_port, f"/api/v1/service-points/{point}", auth, clients, N)
                gateway_cpu_ms = (cpu_seconds(servers[1].pid) - cpu_before) * 1000 / len(via)
                d, v = percentiles(direct), percentiles(via)
                rows.append({"clients": clients, "direct req/s": round(direct_rate), "via gateway req/s": round(via_rate),
                             "kept": f"{via_rate / direct_rate:.0%}", "direct p50 ms": d["p50"], "gateway p50 ms": v["p50"],
                             "added p50 ms": round(v["p50"] - d["p50"], 3), "gateway p99 ms": v["p99"],
                             "gateway CPU ms/req": round(gateway_cpu_ms, 3)})
            report(f"Gateway hop: GET a service point, {N} requests per run, keep-alive", rows)
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=20)


if __name__ == "__main__":
    main()
