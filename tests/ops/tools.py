"""Helpers of the operators' tests: `zhuyu` as an operator runs it, and waiting."""
from __future__ import annotations

import subprocess
import sys
import time


def zhuyu(env: dict[str, str], *args: str, stdin: str | None = None, check: bool = True,
          timeout: float = 180) -> subprocess.CompletedProcess:
    """`zhuyu ARGS` as an operator runs it, in the suite's environment."""
    done = subprocess.run([sys.executable, "-m", "ops.cli", *args], env=env, input=stdin, capture_output=True,
                          text=True, timeout=timeout)
    if check:
        assert done.returncode == 0, f"zhuyu {' '.join(args)} → {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def wait_for(fetch, timeout: float = 30, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fetch()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"not reached within {timeout}s")
