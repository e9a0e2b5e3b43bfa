"""A private RabbitMQ node started from the installed `rabbitmq-server`, for `make run`
and the tests: its own data and log folders, its own ports, listening on loopback only."""
from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server"
CTL = "/usr/lib/rabbitmq/bin/rabbitmqctl"


class BrokerMissing(RuntimeError):
    pass


def _ephemeral_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A port free now, chosen below the kernel's ephemeral range: a port the kernel hands
    out itself could be taken by any outgoing connection before its server binds it."""
    high = max(_ephemeral_low() - 1, 20000)
    for _ in range(200):
        port = random.randint(15000, high)
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port found below the ephemeral range")


@dataclass
class PrivateNode:
    base: Path
    port: int
    dist_port: int
    management_port: int | None = None
    process: subprocess.Popen | None = None

    @property
    def nodename(self) -> str:
        return f"zhuyu{self.port}@localhost"

    @property
    def url(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/%2F"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            HOME=str(self.base),  # the Erlang cookie lives here
            RABBITMQ_MNESIA_BASE=str(self.base / "mnesia"),
            RABBITMQ_LOG_BASE=str(self.base / "log"),
            RABBITMQ_NODENAME=self.nodename,
            RABBITMQ_NODE_IP_ADDRESS="127.0.0.1",
            RABBITMQ_NODE_PORT=str(self.port),
            RABBITMQ_DIST_PORT=str(self.dist_port),
            RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}",
            RABBITMQ_ENABLED_PLUGINS_FILE=str(self.base / "enabled_plugins"),
            RABBITMQ_CONFIG_FILE=str(self.base / "rabbitmq"),
            ERL_EPMD_ADDRESS="127.0.0.1",
        )
        return env

    def start(self, timeout: float = 90.0, log_to: Path | None = None) -> None:
        if not Path(SERVER).exists():
            raise BrokerMissing(
                "rabbitmq-server is not installed: run `sudo apt-get install -y rabbitmq-server`, "
                "or set AMQP_URL to a broker you already have."
            )
        self.base.mkdir(parents=True, exist_ok=True)
        config = ["loopback_users = none"]
        if self.management_port:
            (self.base / "enabled_plugins").write_text("[rabbitmq_management].\n")
            config += [f"management.tcp.port = {self.management_port}", "management.tcp.ip = 127.0.0.1"]
        else:
            (self.base / "enabled_plugins").write_text("[].\n")
        (self.base / "rabbitmq.conf").write_text("\n".join(config) + "\n")
        out = open(log_to or self.base / "server.out", "ab")
        self.process = subprocess.Popen([SERVER], env=self.environment(), stdout=out, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"rabbitmq-server exited with {self.process.returncode}; see {self.base}/log")
            if self.ready():
                return
            time.sleep(0.3)
        raise TimeoutError(f"RabbitMQ did not start within {timeout}s; see {self.base}/log")

    def ready(self) -> bool:
        from kit import bus

        try:
            bus.connect(self.url, timeout=1.0).release()
            return True
        except bus.BROKER_ERRORS:
            return False

    def ctl(self, *args: str) -> str:
        return subprocess.run([CTL, "-n", self.nodename, *args], env=self.environment(), check=True,
                              capture_output=True, text=True, timeout=60).stdout

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.ctl("stop")
        except (subprocess.SubprocessError, OSError):
            self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def remove(base: Path) -> None:
    shutil.rmtree(base, ignore_errors=True)
