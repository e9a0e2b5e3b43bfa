"""A Docker engine for the container tests: the running one, or Debian's docker.io
installed and started here (the machine has only the client by default)."""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import docker

ROOT = Path(__file__).resolve().parents[2]


def ensure_engine(timeout: float = 60) -> docker.DockerClient:
    try:
        client = docker.from_env()
        client.ping()
        return client
    except docker.errors.DockerException:
        pass
    if not shutil.which("dockerd") or not shutil.which("docker-compose") or not shutil.which("debootstrap"):
        subprocess.run([str(ROOT / "scripts/install-system-deps.sh"), "--docker"], check=True)
    log = open("/tmp/zhuyu-dockerd.log", "ab")
    subprocess.Popen(["dockerd"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            client = docker.from_env()
            client.ping()
            return client
        except docker.errors.DockerException:
            time.sleep(0.5)
    raise RuntimeError("the Docker engine did not start; see /tmp/zhuyu-dockerd.log")

