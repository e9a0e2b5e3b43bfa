"""The gateway as it is served (`zhuyu serve gateway`, two worker processes) in front of a
stub upstream: slow and hostile clients, the HTTP layer's own errors."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from kit.broker import free_port
from tests.service_stubs import ServiceStubs

pytestmark = [pytest.mark.slow]
PASSWORD = "edge-admin-password"


class Gateway:
    def __init__(self, tmp: Path, upstreams: dict[str, str], **env: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, ZHUYU_VAR_DIR=str(tmp), GATEWAY_PORT=str(self.port),
                        GATEWAY_DATABASE_URL=f"sqlite:///{tmp / 'gateway.db'}", ZHUYU_ADMIN_PASSWORD=PASSWORD,
                        GATEWAY_WEB_WORKERS="2", GATEWAY_WEB_THREADS="4", ZHUYU_METRICS_DIR=str(tmp / "metrics"),
                        ZHUYU_RATE_LIMIT_STORAGE_URI="memory://")
        self.env.update(env)
        for name, url in upstreams.items():
            self.env[f"{name.upper()}_URL"] = url
        self.log = tmp / f"gateway-{self.port}.log"
        self.process = subprocess.Popen([sys.executable, "-m", "ops.cli", "serve", "gateway"], env=self.env,
                                        stdout=open(self.log, "ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            try:
                if requests.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"the gateway did not start: {self.log.read_text()[-3000:]}")

    def token(self) -> str:
        response = requests.post(f"{self.url}/api/v1/auth/token", json={"username": "admin", "password": PASSWORD},
                                 timeout=10)
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def stub():
    stubs = ServiceStubs()
    yield stubs
    stubs.shutdown()


@pytest.fixture(scope="module")
def gateway(tmp_path_factory, stub):
    running = Gateway(tmp_path_factory.mktemp("edge"), stub.urls())
    yield running
    running.stop()


def raw(port: int, data: bytes, timeout: float = 5) -> bytes:
    """Sends bytes as they are and reads the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        out = b""
        try:
            while chunk := sock.recv(65536):
                out += chunk
                if b"\r\n\r\n" in out:
                    head, _, body = out.partition(b"\r\n\r\n")
                    length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:")]
                    if length and len(body) >= length[0]:
                        break
        except socket.timeout:
            pytest.fail(f"no complete answer within {timeout}s; got {out[:300]!r}")
        return out


def test_the_gateway_keeps_answering_while_200_clients_dribble_headers_and_bodies(gateway):
    token = gateway.token()
    slow = []
    try:
        for n in range(200):
            sock = socket.create_connection(("127.0.0.1", gateway.port), timeout=5)
            if n % 2:  # a body that never ends, on the public login path
                sock.sendall(b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 100\r\n\r\n{")
            else:  # headers that never end
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            slow.append(sock)
        for _ in range(3):
            for sock in slow:
                sock.send(b"a")  # still alive, still incomplete
            assert requests.get(f"{gateway.url}/healthz", timeout=5).status_code == 200
            answer = requests.get(f"{gateway.url}/api/v1/elders", headers={"Authorization": f"Bearer {token}"},
                                  timeout=5)
            assert answer.status_code == 200 and answer.json()["path"] == "/elders"
            time.sleep(0.5)
    finally:
        for sock in slow:
            sock.close()


@pytest.mark.parametrize("name,data,status", [
    ("bad request line", b"GARBAGE\r\n\r\n", 400),
    ("both Content-Length and Transfer-Encoding",
     b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
     b"0\r\n\r\n", 400),
    ("a Content-Length that is no number", b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n",
     400),
    ("a header line ended by a bare LF", b"GET /healthz HTTP/1.1\nHost: x\n\n", 400),
    ("a NUL in a header", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n", 400),
    ("headers over the limit", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: " + b"a" * 33_000 + b"\r\n\r\n", 431),
    ("a body over the limit", b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n", 413),
])
def test_the_http_layers_own_refusals_are_problem_json_without_a_server_banner(gateway, name, data, status):
    answer = raw(gateway.port, data)
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].split(" ")[1] == str(status), answer[:400]
    headers = {line.split(":", 1)[0].lower(): line.split(":", 1)[1].strip() for line in lines[1:]}
    assert headers["content-type"] == "application/problem+json" and "server" not in headers
    assert json.loads(body)["status"] == status


def test_no_answer_names_the_server_software(gateway):
    for path in ("/healthz", "/api/v1/nothing", "/console/"):
        assert "Server" not in requests.get(f"{gateway.url}{path}", timeout=5).headers


def test_a_key_limited_to_n_a_minute_gets_n_across_gateway_processes_and_workers(tmp_path, stub, redis_url):
    first = Gateway(tmp_path, stub.urls(), ZHUYU_RATE_LIMIT_STORAGE_URI=redis_url,
                    ZHUYU_RATE_LIMIT_KEY_PREFIX=f"edge-{tmp_path.name}", ZHUYU_REVOCATION_REFRESH_SECONDS="0.2")
    second = Gateway(tmp_path, stub.urls(), **{k: first.env[k] for k in (
        "ZHUYU_RATE_LIMIT_STORAGE_URI", "ZHUYU_RATE_LIMIT_KEY_PREFIX", "ZHUYU_REVOCATION_REFRESH_SECONDS")})
    try:
        created = requests.post(f"{first.url}/api/v1/api-keys", headers={"Authorization": f"Bearer {first.token()}"},
                                json={"name": "tight", "scopes": ["elders:read"], "rate_limit_per_minute": 5},
                                timeout=10)
        key = {"X-API-Key": created.json()["key"]}
        time.sleep(0.5)  # both gateways have read the new key
        statuses = []
        for n in range(20):  # a new connection each time: both processes, all their workers
            answer = requests.get(f"{(first, second)[n % 2].url}/api/v1/elders", headers=key, timeout=10)
            statuses.append(answer.status_code)
            assert int(answer.headers["RateLimit-Limit"]) == 5
        assert statuses.count(200) == 5 and statuses.count(429) == 15, statuses
    finally:
        first.stop()
        second.stop()
