"""Roles, API keys, idempotency, rate limits and lockout, against stub upstreams that serve
the services' own OpenAPI documents (the gateway's routing and roles come from them)."""
from __future__ import annotations

import dataclasses
import json
import threading
import time

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from gateway import app as gateway_app
from gateway import auth, config
from kit import identity
from kit.access import ROLES
from kit.broker import free_port
from kit.registry import SERVICES
from tests.openapi_documents import service_documents

PASSWORD = "secret-admin-password"
SAMPLE_ID = "7d0b6a3e-0000-4000-8000-000000000001"


class Stub:
    """One per service: answers its document, and every other request with what it
    received (counted in the calls all four share)."""

    def __init__(self, document: dict, calls: list, port: int = 0):
        self.calls = calls

        @Request.application
        def app(request):
            if request.path == "/openapi.json":
                return Response(json.dumps(document), content_type="application/json")
            self.calls.append((request.method, request.path, dict(request.headers)))
            status = 201 if request.method == "POST" else 200
            return Response(json.dumps({"path": request.path, "n": len(self.calls)}), status=status,
                            content_type="application/json")

        self.server = make_server("127.0.0.1", port, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def stub(upstream):
    """The services: answers every request with what it received, and counts them."""
    return upstream


def make_gateway(tmp_path, monkeypatch, stub):
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    settings = dataclasses.replace(
        config.load(), database_url=f"sqlite:///{tmp_path / 'gateway.db'}",
        upstreams=stub.urls(),
        revocation_refresh_seconds=0.0, rate_limit_user="5000 per minute", max_login_failures=3,
        rate_limit_storage_uri="memory://")
    monkeypatch.setattr(gateway_app.config, "load", lambda: settings)
    store = gateway_app.build_store()
    store.migrate()
    auth.ensure_admin(store, PASSWORD)
    client = gateway_app.create_app(settings).test_client()
    client.store = store
    return client


@pytest.fixture
def gateway(tmp_path, monkeypatch, stub):
    return make_gateway(tmp_path, monkeypatch, stub)


@pytest.fixture(scope="module")
def matrix_gateway(tmp_path_factory, stub):
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield make_gateway(tmp_path_factory.mktemp("matrix"), monkeypatch, stub)


def token(client, username="admin", password=PASSWORD) -> str:
    response = client.post("/api/v1/auth/token", json={"username": username, "password": password})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["access_token"]


def bearer(client, **kw) -> dict:
    return {"Authorization": f"Bearer {token(client, **kw)}"}


def make_user(client, role: str, point: str | None = None) -> dict:
    name = f"{role}-{point or 'all'}"
    response = client.post("/api/v1/users", headers=bearer(client), json={
        "username": name, "password": "long-enough-pw", "role": role, "service_point_id": point})
    assert response.status_code == 201, response.get_json()
    return bearer(client, username=name, password="long-enough-pw")


def operations() -> list[tuple[str, str, frozenset[str]]]:
    """(method, a concrete path, the roles declared) of every service's operation; an
    operation for the suite only (internal) declares no role the gateway routes."""
    found = []
    for document in service_documents().values():
        for template, item in document["paths"].items():
            formats = {p["name"]: p["schema"].get("format") for p in item.get("parameters", [])}
            path = "/".join((SAMPLE_ID if formats.get(part[1:-1]) == "uuid" else "CARD0001")
                            if part.startswith("{") else part for part in template.split("/"))
            found += [(method.upper(), path, frozenset(() if operation.get("x-zhuyu-internal") else
                                                       operation["x-zhuyu-roles"]))
                      for method, operation in item.items() if method != "parameters"]
    return found


CASES = [(operation, role) for operation in operations() for role in ROLES]


@pytest.fixture(scope="module")
def role_headers(matrix_gateway):
    cache = {role: bearer(matrix_gateway) if role == "admin" else make_user(matrix_gateway, role) for role in ROLES}
    return cache.__getitem__


@pytest.mark.parametrize("operation,role", CASES, ids=[f"{o[0]} {o[1]} as {r}" for o, r in CASES])
def test_role_matrix(matrix_gateway, role_headers, operation, role):
    method, path, roles = operation
    response = matrix_gateway.open("/api/v1" + path, method=method, headers=role_headers(role),
                                   json={} if method in ("POST", "PUT", "PATCH") else None)
    if role in roles:
        assert response.status_code in (200, 201), (path, response.get_json())
    elif not roles:  # the suite's own: never routed, whoever asks
        assert (response.status_code, response.get_json()["code"]) == (404, "NOT_FOUND")
    else:
        assert (response.status_code, response.get_json()["code"]) == (403, "FORBIDDEN")


def test_unlisted_routes_are_denied_to_all_but_admin(matrix_gateway, role_headers):
    assert matrix_gateway.delete("/api/v1/elders/" + SAMPLE_ID, headers=role_headers("point_admin")).status_code == 403
    assert matrix_gateway.delete("/api/v1/elders/" + SAMPLE_ID, headers=role_headers("admin")).status_code == 200


def test_unknown_resource_is_404_problem(gateway):
    response = gateway.get("/api/v1/nothing-here", headers=bearer(gateway))
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_a_service_whose_document_is_not_loaded_yet_answers_503_until_it_is(tmp_path, monkeypatch, stub):
    """The documents are loaded at start-up, then again in the background while one is
    missing: a service that comes up later is routed to without restarting the gateway."""
    port = free_port()
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    settings = dataclasses.replace(
        config.load(), database_url=f"sqlite:///{tmp_path / 'gateway.db'}",
        upstreams={name: stub.url(name) for name in SERVICES} | {"notify": f"http://127.0.0.1:{port}"},
        revocation_refresh_seconds=0.0)
    monkeypatch.setattr(gateway_app.config, "load", lambda: settings)
    store = gateway_app.build_store()
    store.migrate()
    auth.ensure_admin(store, PASSWORD)
    client = gateway_app.create_app(settings).test_client()
    headers = bearer(client)
    for path in ("/api/v1/notifications", "/api/v1/nothing-here"):  # notify's, or maybe notify's
        pending = client.get(path, headers=headers)
        assert (pending.status_code, pending.get_json()["code"]) == (503, "SERVICE_UNAVAILABLE"), path
        assert pending.headers["Retry-After"] == "5"
    assert client.get("/api/v1/elders", headers=headers).status_code == 200, "the others are routed meanwhile"
    late = Stub(service_documents()["notify"], [], port=port)
    try:
        deadline = time.monotonic() + 15
        while client.get("/api/v1/notifications", headers=headers).status_code != 200:
            assert time.monotonic() < deadline, "the late service's document was never loaded"
            time.sleep(0.2)
        assert client.get("/api/v1/nothing-here", headers=headers).status_code == 404
    finally:
        late.server.shutdown()


def test_callers_identity_and_point_are_forwarded_signed_for_that_request(gateway, stub):
    headers = make_user(gateway, "point_admin", point=SAMPLE_ID)
    gateway.get("/api/v1/elders?limit=5", headers=headers | {"X-Zhuyu-Role": "admin", "X-Zhuyu-Point": ""})
    forwarded = stub.calls[-1][2]
    secret = config.load().identity_secret  # the settings this gateway was built with
    who = identity.verify(forwarded[identity.HEADER], secret, audience="registration", method="GET",
                          target="/elders?limit=5", request_id=forwarded["X-Request-Id"])
    assert (who.role, who.service_point_id) == ("point_admin", SAMPLE_ID)
    assert "X-Zhuyu-Role" not in forwarded and "X-Zhuyu-Point" not in forwarded
    with pytest.raises(identity.Unverified):  # good for this request only
        identity.verify(forwarded[identity.HEADER], secret, audience="registration", method="GET",
                        target="/elders", request_id=forwarded["X-Request-Id"])


def test_api_key_scopes_and_revocation(gateway):
    admin = bearer(gateway)
    created = gateway.post("/api/v1/api-keys", headers=admin, json={"name": "社区站", "scopes": ["elders:read"]})
    assert created.status_code == 201
    key = {"X-API-Key": created.get_json()["key"]}
    assert gateway.get("/api/v1/elders", headers=key).status_code == 200
    assert gateway.post("/api/v1/elders", headers=key, json={}).status_code == 403
    assert gateway.get("/api/v1/complaints", headers=key).status_code == 403
    assert gateway.post(f"/api/v1/api-keys/{created.get_json()['id']}/revoke", headers=admin).status_code == 200
    assert gateway.get("/api/v1/elders", headers=key).status_code == 401


def test_keys_are_stored_hashed(gateway):
    created = gateway.post("/api/v1/api-keys", headers=bearer(gateway), json={"name": "x", "scopes": ["visits:read"]})
    key = created.get_json()["key"]
    with gateway.store.begin() as session:
        stored = [bytes(v) if isinstance(v, memoryview) else v for row in session.execute(
            __import__("sqlalchemy").text("SELECT * FROM api_keys")).all() for v in row]
    assert key not in [str(v) for v in stored] and auth.hash_key(key) in stored


def test_idempotency_replays_and_refuses_another_body(gateway, stub):
    headers = bearer(gateway) | {"Idempotency-Key": "k-1"}
    first = gateway.post("/api/v1/complaints", headers=headers, json={"a": 1})
    calls = len(stub.calls)
    again = gateway.post("/api/v1/complaints", headers=headers, json={"a": 1})
    assert again.status_code == first.status_code == 201
    assert again.get_json() == first.get_json() and len(stub.calls) == calls
    other = gateway.post("/api/v1/complaints", headers=headers, json={"a": 2})
    assert (other.status_code, other.get_json()["code"]) == (409, "IDEMPOTENCY_MISMATCH")


def test_rate_limit_answers_429_with_retry_after(gateway):
    created = gateway.post("/api/v1/api-keys", headers=bearer(gateway),
                           json={"name": "tight", "scopes": ["elders:read"], "rate_limit_per_minute": 3})
    key = {"X-API-Key": created.get_json()["key"]}
    statuses = [gateway.get("/api/v1/elders", headers=key).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3] == 429
    limited = gateway.get("/api/v1/elders", headers=key)
    assert limited.get_json()["code"] == "RATE_LIMITED" and int(limited.headers["Retry-After"]) >= 1


def test_lockout_after_repeated_wrong_passwords(gateway):
    for _ in range(3):
        assert gateway.post("/api/v1/auth/token", json={"username": "admin", "password": "wrong"}).status_code == 401
    locked = gateway.post("/api/v1/auth/token", json={"username": "admin", "password": PASSWORD})
    assert (locked.status_code, locked.get_json()["code"]) == (429, "ACCOUNT_LOCKED")


def test_a_disabled_users_token_stops_working(gateway):
    headers = make_user(gateway, "cs_agent")
    assert gateway.get("/api/v1/complaints", headers=headers).status_code == 200
    users = gateway.get("/api/v1/users", headers=bearer(gateway)).get_json()["items"]
    agent = next(u for u in users if u["role"] == "cs_agent")
    assert gateway.post(f"/api/v1/users/{agent['id']}/disable", headers=bearer(gateway)).status_code == 200
    assert gateway.get("/api/v1/complaints", headers=headers).status_code == 401


def test_only_admins_manage_users_and_passwords_are_long_enough(gateway):
    agent = make_user(gateway, "cs_agent")
    assert gateway.post("/api/v1/users", headers=agent, json={}).status_code == 403
    short = gateway.post("/api/v1/users", headers=bearer(gateway), json={"username": "abc", "password": "short",
                                                                         "role": "doctor"})
    assert short.status_code == 422 and "password" in short.get_json()["errors"]


def test_non_json_body_is_415_and_wrong_method_is_a_problem(gateway):
    response = gateway.post("/api/v1/complaints", headers=bearer(gateway) | {"Content-Type": "text/plain"}, data="x")
    assert response.status_code == 415 and response.mimetype == "application/problem+json"
    wrong_method = gateway.patch("/healthz", headers=bearer(gateway))
    assert wrong_method.status_code == 405 and wrong_method.mimetype == "application/problem+json"


def test_survey_links_need_no_account(gateway):
    assert gateway.post("/api/v1/surveys/by-token/abc", json={"score": 5}).status_code == 201


class Slow:
    """Answers its document at once; carries out every other request (counts it), then
    answers too late for the gateway."""

    def __init__(self, delay: float, document: dict):
        self.calls = 0

        @Request.application
        def app(request):
            if request.path == "/openapi.json":
                return Response(json.dumps(document), content_type="application/json")
            self.calls += 1
            time.sleep(delay)
            return Response(json.dumps({"n": self.calls}), status=201, content_type="application/json")

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_a_request_that_reached_the_service_unanswered_is_never_sent_twice_under_its_key(tmp_path, monkeypatch,
                                                                                        stub):
    slow = Slow(delay=1.0, document=service_documents()["complaints"])
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens: the request never leaves
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    settings = dataclasses.replace(
        config.load(), database_url=f"sqlite:///{tmp_path / 'gateway.db'}",
        upstreams={"registration": stub.url("registration"), "visits": stub.url("visits"), "complaints": slow.url,
                   "notify": dead},
        upstream_read_timeout=0.3, breaker_threshold=100, revocation_refresh_seconds=0.0,
        rate_limit_storage_uri="memory://")
    monkeypatch.setattr(gateway_app.config, "load", lambda: settings)
    store = gateway_app.build_store()
    store.migrate()
    auth.ensure_admin(store, PASSWORD)
    client = gateway_app.create_app(settings).test_client()
    try:
        headers = bearer(client) | {"Idempotency-Key": "late-1"}
        first = client.post("/api/v1/complaints", headers=headers, json={"a": 1})
        assert first.status_code == 503 and slow.calls == 1
        again = client.post("/api/v1/complaints", headers=headers, json={"a": 1})
        assert (again.status_code, again.get_json()["code"]) == (409, "IDEMPOTENCY_OUTCOME_UNKNOWN")
        time.sleep(1.2)
        assert slow.calls == 1, "the retry must not reach the service"

        unreachable = bearer(client) | {"Idempotency-Key": "down-1"}
        body = {"url": "https://example.org/hook", "events": ["registration.elder.registered"]}
        for _ in range(2):  # never delivered: the same key may be tried again, and is forwarded again
            refused = client.post("/api/v1/webhooks", headers=unreachable, json=body)
            assert (refused.status_code, refused.get_json()["code"]) == (503, "SERVICE_UNAVAILABLE")
    finally:
        slow.server.shutdown()
