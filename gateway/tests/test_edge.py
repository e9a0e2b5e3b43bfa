"""The gateway's edge in-process: malformed input, the circuit breaker, sessions and logins,
idempotency, response headers and the access trail."""
from __future__ import annotations

import json

import pytest

from gateway import front

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
