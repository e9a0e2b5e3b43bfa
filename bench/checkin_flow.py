"""The complete visit at fixed concurrency: check-in by citizen card, screening, bath with
a qualified assistant, rest, check-out, as CONTRACT.md describes it, through the gateway
and the same calls made directly to the visits service (with the identity headers the
gateway would add). Each client is a thread with its own keep-alive connection and its own
elders, one visit at a time. The whole suite runs as `make run` starts it, on PostgreSQL.

Targets: ≥ 50 complete visits/s at 16 clients, p99 of any call < 200 ms, the gateway adds
≤ 50 % to the direct p50.

Run: `make bench` (or `.venv/bin/python -m bench.checkin_flow`). Seconds per run with
ZHUYU_BENCH_SECONDS (default 15).
"""
from __future__ import annotations

import base64
import http.client
import json
import os
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

from bench.common import identity_headers, percentiles, report
from bench.stack import (
    SCREENING, Suite, load_average, make_assistants, make_bathers, make_point, running_suite, wait_quiet,
)
from kit.caller import Caller

SECONDS = float(os.environ.get("ZHUYU_BENCH_SECONDS", "15"))
LEVELS = (1, 4, 16)
ELDERS_PER_CLIENT = 3
STEPS = ("check-in", "screening", "bath", "rest", "checkout")


@dataclass
class Target:
    """Where the calls go: the gateway (`/api/v1`, bearer token) or the visits service
    itself (no prefix, each request with the identity the gateway would mint for it)."""
    name: str
    base_url: str
    prefix: str
    headers: dict
    who: Caller | None = None


@dataclass
class Flow:
    point: str
    assistants: list[str]
    samples: dict[str, list[float]] = field(default_factory=lambda: {step: [] for step in STEPS})
    visits: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def targets(suite: Suite) -> list[Target]:
    claims = json.loads(base64.urlsafe_b64decode(suite.token.split(".")[1] + "=="))
    return [Target("gateway", suite.running.gateway, "/api/v1", dict(suite.auth)),
            Target("direct", suite.service_url("visits"), "", {}, Caller(claims["sub"], claims["role"], None, None))]


def client(target: Target, flow: Flow, cards: list[str], assistant: str, stop_at: float) -> None:
    url = urllib.parse.urlsplit(target.base_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    local = {step: [] for step in STEPS}
    done = 0

    def call(step: str, path: str, body: dict, expect: int) -> dict:
        data = json.dumps(body).encode()
        headers = target.headers | {"Content-Type": "application/json", "X-Request-ID": uuid.uuid4().hex}
        if target.who is not None:  # straight to the service: the gateway's identity, minted as it would
            headers |= identity_headers("visits", "POST", path, data, target.who)
        started = time.perf_counter()
        conn.request("POST", target.prefix + path, body=data, headers=headers)
        response = conn.getresponse()
        data = response.read()
        local[step].append((time.perf_counter() - started) * 1000)
        if response.status != expect:
            raise RuntimeError(f"{step}: {response.status} {data[:300]!r}")
        return json.loads(data)

    try:
        i = 0
        while time.perf_counter() < stop_at:
            card = cards[i % len(cards)]
            i += 1
            visit = call("check-in", "/visits", {"citizen_card_no": card, "service_point_id": flow.point}, 201)["id"]
            on_duty = {"staff_id": assistant}  # a qualified staff member of the point does each step
            screened = call("screening", f"/visits/{visit}/screening", SCREENING | on_duty, 200)
            assert screened["status"] == "screened", screened
            call("bath", f"/visits/{visit}/bath", {"assistant_staff_id": assistant}, 200)
            call("rest", f"/visits/{visit}/rest", on_duty, 200)
            call("checkout", f"/visits/{visit}/checkout", on_duty | {"early_leave_reason": "家属来接"}, 200)
            done += 1
    except Exception as exc:  # noqa: BLE001 - reported with the figures
        with flow.lock:
            flow.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        conn.close()
    with flow.lock:
        flow.visits += done
        for step in STEPS:
            flow.samples[step].extend(local[step])


def run(target: Target, point: str, assistants: list[str], pools: list[list[str]], clients: int,
        seconds: float) -> tuple[float, Flow]:
    """Each client with its own elders and its own assistant (one assistant, one bath)."""
    flow = Flow(point, assistants)
    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(target, flow, pools[i], assistants[i], started + seconds))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if flow.errors:
        raise RuntimeError(f"{target.name}, {clients} clients: {flow.errors[:3]}")
    return flow.visits / elapsed, flow


def main() -> None:
    with running_suite() as suite:
        point, _, witness = make_point(suite, bath_capacity=max(LEVELS) * 4)
        assistants = make_assistants(suite, point, max(LEVELS))
        cards = make_bathers(suite, point, witness, max(LEVELS) * ELDERS_PER_CLIENT)
        pools = [cards[i::max(LEVELS)] for i in range(max(LEVELS))]
        wait_quiet(suite)
        rows, steps_rows, p50 = [], [], {}
        for target in targets(suite):
            run(target, point, assistants, pools, 4, 3)  # warm up pools, caches and connections
        wait_quiet(suite)
        for clients in LEVELS:
            for target in targets(suite):
                cpu_before = suite.cpu_seconds()
                rate, flow = run(target, point, assistants, pools, clients, SECONDS)
                wait_quiet(suite)  # the events this run caused are handled: their cost counts too
                cpu_ms_visit = (suite.cpu_seconds() - cpu_before) * 1000 / max(flow.visits, 1)
                every = [sample for step in STEPS for sample in flow.samples[step]]
                figures = percentiles(every)
                p50[target.name, clients] = figures["p50"]
                rows.append({"clients": clients, "path": target.name, "visits": flow.visits,
                             "visits/s": round(rate, 1), "calls/s": round(rate * len(STEPS), 1),
                             "p50 ms": figures["p50"], "p95 ms": figures["p95"], "p99 ms": figures["p99"],
                             "max ms": round(max(every), 1), "CPU ms/visit": round(cpu_ms_visit, 1),
                             "visits/s on 2 idle cores": round(2000 / cpu_ms_visit, 1)})
                if clients == max(LEVELS):
                    for step in STEPS:
                        one = percentiles(flow.samples[step])
                        steps_rows.append({"path": target.name, "call": step, "p50 ms": one["p50"],
                                           "p95 ms": one["p95"], "p99 ms": one["p99"]})
        report(f"Complete visits (5 calls each), {SECONDS:.0f} s per run, PostgreSQL stores", rows)
        report(f"Each call at {max(LEVELS)} clients", steps_rows)
        print()
        for clients in LEVELS:
            added = p50["gateway", clients] / p50["direct", clients] - 1
            print(f"{clients:>2} clients: gateway p50 {p50['gateway', clients]:.2f} ms vs direct "
                  f"{p50['direct', clients]:.2f} ms: the gateway adds {added:.0%} (target ≤ 50 %)")
        top = next(r for r in rows if r["clients"] == max(LEVELS) and r["path"] == "gateway")
        worst = max(r["p99 ms"] for r in rows if r["path"] == "gateway")
        print(f"at {max(LEVELS)} clients through the gateway: {top['visits/s']} visits/s (target ≥ 50); "
              f"worst gateway p99 {worst} ms (target < 200 ms); load average {load_average()}")
        print("CPU ms/visit: CPU of every suite process and PostgreSQL per complete visit, events included "
              "(not the broker's); 'on 2 idle cores' = 2000 / that, the ceiling without other work on the machine")


if __name__ == "__main__":
    main()
