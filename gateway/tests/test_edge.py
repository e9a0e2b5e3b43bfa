"""The gateway's edge in-process: malformed input, the circuit breaker, sessions and logins,
idempotency, response headers and the access trail."""
from __future__ import annotations

import json
import socket
import threading

import pytest

from gateway import front
from gateway.proxy import Breaker, UpstreamUnavailable, Upstreams

DEEP = '{"username": "admin", "password": "x", "a": ' + "[" * 5000 + "]" * 5000 + "}"


# --- malformed input ---------------------------------------------------------------------

@pytest.mark.parametrize("body", [DEEP, '{"username": "\\ud800", "password": "x"}', '{"username": '])
def test_the_login_endpoint_answers_unreadable_json_with_400(edge, body):
    gateway = edge()
    response = gateway.post("/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
    assert (response.status_code, response.get_json()["code"]) == (400, "MALFORMED_REQUEST")


@pytest.mark.parametrize("path", ["/api/v1/users", "/api/v1/api-keys"])
def test_the_gateways_own_writes_answer_unreadable_json_with_400(edge, path):
    gateway = edge()
    for body in (DEEP, '{"name": "\\udc00"}'):
        response = gateway.post(path, data=body, headers=gateway.bearer() | {"Content-Type": "application/json"})
        assert (response.status_code, response.get_json()["code"]) == (400, "MALFORMED_REQUEST")


def test_media_types_are_case_insensitive_at_the_gateway(edge, upstream):
    gateway = edge()
    response = gateway.post("/api/v1/complaints", data=json.dumps({"a": 1}),
                            headers=gateway.bearer() | {"Content-Type": "APPLICATION/JSON; charset=UTF-8"})
    assert response.status_code == 201 and upstream.calls[-1][1] == "/complaints"


def test_an_error_inside_the_front_is_a_problem_not_a_server_page(edge, monkeypatch):
    gateway = edge()
    headers = gateway.bearer()

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(front.permissions, "allowed", broken)
    response = gateway.get("/api/v1/elders", headers=headers)
    assert response.status_code == 500 and response.mimetype == "application/problem+json"
    assert response.get_json()["code"] == "INTERNAL_ERROR" and response.headers["X-Request-ID"]


# --- the circuit breaker -----------------------------------------------------------------

class Dropping:
    """An upstream that drops the connection on /bad… (as a service does when it cannot
    send what it made) and answers anything else."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    @staticmethod
    def _answer(conn):
        with conn:
            while request := conn.recv(65536):
                if request.split(b" ")[1].startswith(b"/bad"):
                    return
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")


def test_one_callers_failing_requests_never_open_the_breaker_for_everyone():
    upstream = Dropping()
    upstreams = Upstreams({"complaints": upstream.url}, 0.5, 2.0, 4, breaker_threshold=3, breaker_cool_down=60)
    for _ in range(12):
        with pytest.raises(UpstreamUnavailable):
            upstreams.request("complaints", "GET", "/bad?month=2%EF%BC%9026-11", None, {}, caller="mallory")
    assert upstreams.request("complaints", "GET", "/complaints", None, {}, caller="alice").status == 200
    upstream.listener.close()


def test_failures_from_several_callers_or_to_connect_open_the_breaker():
    breaker = Breaker(threshold=3, cool_down=60)
    for caller in ("a", "a", "b", "b"):
        breaker.failed(caller, reached=True)
    assert breaker.allows()
    breaker.failed("c", reached=True)
    assert not breaker.allows()

    breaker = Breaker(threshold=3, cool_down=60)
    for _ in range(3):
        breaker.failed("a", reached=False)  # the service cannot be reached at all
    assert not breaker.allows()
