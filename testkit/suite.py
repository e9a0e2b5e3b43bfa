"""Start the whole suite as `make run` does (`zhuyu run`) on free ports, for tests."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from kit import registry
from kit.broker import free_port


class RunningSuite:
    def __init__(self, env: dict[str, str], var: Path, log_path: Path):
        self.env = env
        self.var = var
        self.log_path = log_path
        self.gateway = f"http://127.0.0.1:{env['GATEWAY_PORT']}"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> None:
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen([sys.executable, "-m", "ops.cli", "run"], env=self.env,
                                        stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"suite exited: see {self.log_path}")
            try:
                if requests.get(f"{self.gateway}/api/v1/health", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.stop()  # nothing of a suite that never came up may outlive the test
        raise TimeoutError(f"suite not healthy within {timeout}s: see {self.log_path}")

    def stop(self) -> int:
        if self.process is None:
            return 0
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return -9

    def token(self, username: str = "admin", password: str | None = None) -> str:
        password = password or self.env["ZHUYU_ADMIN_PASSWORD"]
        response = requests.post(f"{self.gateway}/api/v1/auth/token", json={"username": username, "password": password},
                                 timeout=10)
        response.raise_for_status()
        return response.json()["access_token"]


def suite_environment(base_env: dict[str, str], var: Path, database_urls) -> dict[str, str]:
    env = dict(base_env)
    env["ZHUYU_VAR_DIR"] = str(var)
    env["ZHUYU_ADMIN_PASSWORD"] = "admin-test-password"
    env["GATEWAY_PORT"] = str(free_port())
    env["ZHUYU_REDIS_PORT"] = str(free_port())  # the suite's own Redis, unless one is given
    env["GATEWAY_DATABASE_URL"] = database_urls("gateway")
    env["ZHUYU_WEB_WORKERS"] = "1"
    env["ZHUYU_WEB_THREADS"] = "4"
    for name in registry.SERVICES:
        port = free_port()
        env[f"{name.upper()}_PORT"] = str(port)
        env[f"{name.upper()}_URL"] = f"http://127.0.0.1:{port}"
        env[f"{name.upper()}_DATABASE_URL"] = database_urls(name)
    return env
