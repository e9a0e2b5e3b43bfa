"""Memory that stays flat: the suite under mixed and hostile traffic for a while, with
every process's RSS printed at the start and at the end.

The traffic, all through the gateway, runs side by side:
- staff work: a keep-alive client reading points and elders and registering elders;
- bursts: every few seconds 64 connections opened at once, one request each;
- malformed requests: unreadable JSON, a Content-Length that lies, a header line ended by
  a bare LF, a body over the limit, made-up methods (a new one each time), random bearer
  tokens and random ids in paths;
- slow sockets: connections that dribble their headers or half a body and then stop,
  left for the server's read timeout to close.

An hour of the production traffic that grew a gateway worker to 210 MB is compressed into
ZHUYU_BENCH_SOAK_SECONDS (300 by default) by sending the hostile kinds back to back
instead of spread over the hour. The suite's read timeout is shortened to 5 s so that the
slow sockets cycle within the run.

Run: `.venv/bin/python -m bench.soak`.
"""
from __future__ import annotations

import itertools
import os
import random
import socket
import threading
import time
import uuid
from urllib.parse import urlsplit

from bench.common import report
from bench.memory import mb, snapshot
from bench.stack import elder_body, load_average, make_point, running_suite, wait_quiet

SECONDS = float(os.environ.get("ZHUYU_BENCH_SOAK_SECONDS", "300"))
TARGET_GROWTH_MB = 5  # what a process may gain in the second half, once warm


class Counts:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_kind: dict[str, int] = {}
        self.server_errors = 0

    def add(self, kind: str, status: int | None = None) -> None:
        with self.lock:
            self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
            if status is not None and status >= 500:
                self.server_errors += 1


def raw(host: str, port: int, data: bytes, read: bool = True, timeout: float = 10) -> int | None:
    """Sends bytes as they are; the answer's status, or None when the server just closed."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(data)
        if not read:
            return None
        try:
            head = sock.recv(64)
        except OSError:
            return None
    try:
        return int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None


def staff_work(suite, point: str, stop: float, counts: Counts) -> None:
    session = suite.session()
    elders: list[str] = []
    while time.monotonic() < stop:
        choice = random.random()
        if choice < 0.2 or not elders:
            response = session.post(suite.gateway + "/elders", json=elder_body(point), timeout=30)
            if response.status_code == 201:
                elders.append(response.json()["id"])
            kind = "staff: register"
        elif choice < 0.6:
            response = session.get(f"{suite.gateway}/elders/{random.choice(elders)}", timeout=30)
            kind = "staff: read an elder"
        else:
            response = session.get(f"{suite.gateway}/elders", params={"service_point_id": point, "limit": 20}, timeout=30)
            kind = "staff: list elders"
        counts.add(kind, response.status_code)


def malformed(host: str, port: int, token: str, stop: float, counts: Counts) -> None:
    n = itertools.count()
    auth = f"Authorization: Bearer {token}\r\n".encode()
    while time.monotonic() < stop:
        i = next(n)
        kinds = [
            ("unreadable JSON", b"POST /api/v1/elders HTTP/1.1\r\nHost: x\r\n" + auth +
             b"Content-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{\"name\":["),
            ("lying Content-Length", b"POST /api/v1/elders HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}"),
            ("bare LF header", b"GET /api/v1/health HTTP/1.1\nHost: x\n\n"),
            ("made-up method", f"FUZZ{i}X /api/v1/service-points HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()),
            ("random bearer", f"GET /api/v1/elders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {uuid.uuid4().hex}."
                              f"{uuid.uuid4().hex}\r\nConnection: close\r\n\r\n".encode()),
            ("random id", f"GET /api/v1/elders/{uuid.uuid4()} HTTP/1.1\r\nHost: x\r\n".encode() + auth +
             b"Connection: close\r\n\r\n"),
            ("body over the limit", b"POST /api/v1/elders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    b"Content-Length: 5000000\r\nConnection: close\r\n\r\n" + b"x" * 65536),
        ]
        kind, data = kinds[i % len(kinds)]
        try:
            counts.add(f"malformed: {kind}", raw(host, port, data))
        except OSError:
            counts.add(f"malformed: {kind} (connection reset)")


def slow_sockets(host: str, port: int, stop: float, counts: Counts) -> None:
    held: list[socket.socket] = []
    while time.monotonic() < stop:
        for _ in range(20):
            try:
                sock = socket.create_connection((host, port), timeout=5)
                if random.random() < 0.5:
                    sock.sendall(b"GET /api/v1/elders HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                    counts.add("slow: headers dribbled")
                else:
                    sock.sendall(b"POST /api/v1/elders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                 b"Content-Length: 900000\r\n\r\n" + b"{" + b" " * 400000)
                    counts.add("slow: half a body")
                held.append(sock)
            except OSError:
                counts.add("slow: refused")
        time.sleep(2)
        for sock in held[:-200]:  # the oldest go away; the server has closed most already
            sock.close()
        del held[:-200]
    for sock in held:
        sock.close()


def bursts(host: str, port: int, stop: float, counts: Counts) -> None:
    while time.monotonic() < stop:
        threads = [threading.Thread(target=lambda: counts.add("burst", _try(raw, host, port,
                   b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))) for _ in range(64)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        time.sleep(3)


def _try(fn, *args):
    try:
        return fn(*args)
    except OSError:
        return None


def main() -> None:
    with running_suite({"ZHUYU_REQUEST_READ_TIMEOUT_SECONDS": "5"}) as suite:
        point, _, _ = make_point(suite)
        wait_quiet(suite)
        time.sleep(3)
        print(f"load average at the start: {load_average()}")
        start = snapshot(suite.pid)
        gateway = urlsplit(suite.gateway)
        host, port = gateway.hostname, gateway.port
        stop = time.monotonic() + SECONDS
        counts = Counts()
        workers = [threading.Thread(target=staff_work, args=(suite, point, stop, counts)),
                   threading.Thread(target=malformed, args=(host, port, suite.token, stop, counts)),
                   threading.Thread(target=malformed, args=(host, port, suite.token, stop, counts)),
                   threading.Thread(target=slow_sockets, args=(host, port, stop, counts)),
                   threading.Thread(target=bursts, args=(host, port, stop, counts))]
        for worker in workers:
            worker.start()
        time.sleep(SECONDS / 2)
        middle = snapshot(suite.pid)  # what is left to grow after warm-up (first use of each path, pools)
        for worker in workers:
            worker.join()
        wait_quiet(suite)
        time.sleep(8)  # the slow sockets' read timeout
        end = snapshot(suite.pid)
        rows = []
        for name in sorted(set(start) | set(end)):
            s, m, e = (figures.get(name, (0, 0))[0] for figures in (start, middle, end))
            rows.append({"process": name, "start RSS MB": mb(s), "half-way RSS MB": mb(m), "end RSS MB": mb(e),
                         "grew MB": mb(e - s), "grew in the 2nd half MB": mb(e - m)})
        rows.append({"process": "TOTAL", **{key: round(sum(row[key] for row in rows), 1)
                                            for key in rows[0] if key != "process"}})
        report(f"RSS of every process before and after {SECONDS:.0f} s of mixed and hostile traffic", rows)
        report("Requests sent, by kind", [{"kind": k, "sent": v} for k, v in sorted(counts.by_kind.items())])
        grown = [row["process"] for row in rows[:-1] if row["grew in the 2nd half MB"] > TARGET_GROWTH_MB]
        print(f"answers with a 5xx status: {counts.server_errors} (target 0); processes that grew more than "
              f"{TARGET_GROWTH_MB} MB in the second half: {grown or 'none'} (target none); "
              f"largest at the end: {max(rows[:-1], key=lambda row: row['end RSS MB'])['end RSS MB']} MB (target < 100); "
              f"load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
