"""The cost of the signed gateway → service identity (kit.identity), per request: what
the gateway spends minting it and what a service spends verifying it and building its
Caller (including the request target it recomputes), on a request with a 1 KiB body.

Run: `.venv/bin/python -m bench.identity` (N with ZHUYU_BENCH_IDENTITIES).
"""
from __future__ import annotations

import os
import statistics
import time

from bench.common import report
from bench.stack import load_average
from kit import identity
from kit.caller import Caller

N = int(os.environ.get("ZHUYU_BENCH_IDENTITIES", "20000"))
VERIFY_TARGET_MS = 0.2  # "well under a millisecond" of a service's time per request
SECRET = "b" * 64
WHO = Caller("7d0b6a3e-0000-4000-8000-000000000001", "point_admin", "7d0b6a3e-0000-4000-8000-000000000002",
             "7d0b6a3e-0000-4000-8000-000000000003", frozenset({"elders:read", "visits:write"}))
BODY = b'{"note": "' + b"x" * 1000 + b'"}'
PATH, QUERY = "/elders/7d0b6a3e-0000-4000-8000-000000000009", "limit=20&q=%E5%BC%A0"


def per_call_ms(call, n: int) -> list[float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    target = identity.target(PATH, QUERY)
    token = identity.mint(SECRET, WHO, audience="registration", method="PATCH", target=target, request_id="r-1",
                          body=BODY, ttl=3600)  # outlives the run; the cost does not depend on it

    def mint():
        identity.mint(SECRET, WHO, audience="registration", method="PATCH", target=identity.target(PATH, QUERY),
                      request_id="r-1", body=BODY)

    def verify():
        identity.verify(token, SECRET, audience="registration", method="PATCH", target=identity.target(PATH, QUERY),
                        request_id="r-1", body=BODY)

    rows = []
    for name, call in (("gateway: mint", mint), ("service: verify", verify)):
        per_call_ms(call, 500)  # warm
        samples = sorted(per_call_ms(call, N))
        rows.append({"step": name, "n": N, "p50 ms": f"{statistics.median(samples):.4f}",
                     "p99 ms": f"{samples[int(len(samples) * 0.99)]:.4f}",
                     "target": f"verify p50 < {VERIFY_TARGET_MS} ms" if name.startswith("service") else ""})
    report(f"identity per request (load average {load_average()})", rows)


if __name__ == "__main__":
    main()
