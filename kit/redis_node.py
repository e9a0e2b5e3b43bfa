"""A private Redis started from the installed `redis-server`, for `make run` and the tests:
the gateway's rate limits live there, shared by all its workers. Loopback only, nothing
written to disk (the counts are for the current minute; a restart may forget them)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SERVER = "redis-server"


class RedisMissing(RuntimeError):
    pass


@dataclass
class PrivateRedis:
    base: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 30.0) -> None:
        server = shutil.which(SERVER) or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
        if server is None:
            raise RedisMissing("redis-server is not installed: run `sudo apt-get install -y redis-server`, "
                               "or set ZHUYU_RATE_LIMIT_STORAGE_URI to a Redis you already have.")
        self.base.mkdir(parents=True, exist_ok=True)
        out = open(self.base / "server.out", "ab")
        self.process = subprocess.Popen(
            [server, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.base), "--save", "",
             "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no", "--loglevel", "warning"],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}; see {self.base}/server.out")
            if self.ready():
                return
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"Redis did not start within {timeout}s; see {self.base}/server.out")

    def ready(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
