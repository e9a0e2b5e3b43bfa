"""The gateway in-process: auth, problems, and an upstream that is down."""
from __future__ import annotations

import dataclasses

import pytest

from gateway import app as gateway_app
from gateway import auth, config
from kit.broker import free_port


@pytest.fixture
def gateway(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    settings = config.load()
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    settings = dataclasses.replace(
        settings,
        database_url=f"sqlite:///{tmp_path / 'gateway.db'}",
        upstreams={name: dead for name in settings.upstreams},
        upstream_connect_timeout=0.5,
        rate_limit_storage_uri="memory://",
    )
    monkeypatch.setattr(gateway_app.config, "load", lambda: settings)
    store = gateway_app.build_store()
    store.migrate()
    auth.ensure_admin(store, "secret-admin-password")
    app = gateway_app.create_app(settings)
    return app.test_client()


def login(client, password="secret-admin-password"):
    return client.post("/api/v1/auth/token", json={"username": "admin", "password": password})


def test_token_for_the_bootstrap_admin(gateway):
    response = login(gateway)
    assert response.status_code == 200
    body = response.get_json()
    assert body["token_type"] == "Bearer" and body["role"] == "admin" and body["expires_in"] > 0


def test_wrong_password_is_401_problem(gateway):
    response = login(gateway, "wrong")
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"


def test_request_without_token_is_401(gateway):
    response = gateway.get("/api/v1/elders")
    assert response.status_code == 401
    assert response.get_json()["code"] == "UNAUTHORIZED"


def test_forged_token_is_401(gateway):
    token = login(gateway).get_json()["access_token"]
    header, payload, signature = token.split(".")
    forged = ("A" if signature[0] != "A" else "B") + signature[1:]  # always another signature
    response = gateway.get("/api/v1/elders", headers={"Authorization": f"Bearer {header}.{payload}.{forged}"})
    assert response.status_code == 401


def test_service_down_is_503_with_retry_after_not_a_hang(gateway):
    token = login(gateway).get_json()["access_token"]
    response = gateway.get("/api/v1/elders", headers={"Authorization": f"Bearer {token}", "X-Request-ID": "r-1"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.headers["X-Request-ID"] == "r-1"
    assert response.get_json()["code"] == "SERVICE_UNAVAILABLE"


def test_health_is_503_when_a_service_is_down(gateway):
    response = gateway.get("/api/v1/health")
    assert response.status_code == 503
    assert response.get_json()["services"]["registration"] == "down"


def test_token_request_with_missing_fields_is_422(gateway):
    response = gateway.post("/api/v1/auth/token", json={"username": "admin"})
    assert response.status_code == 422
    assert "password" in response.get_json()["errors"]


def test_the_circuit_opens_after_repeated_failures_and_answers_at_once():
    from gateway.proxy import Breaker

    breaker = Breaker(threshold=3, cool_down=60)
    for _ in range(2):
        breaker.failed()
    assert breaker.allows()
    breaker.failed()
    assert not breaker.allows()
    breaker.open_until = 0  # the cool-down has passed: one probe goes through
    assert breaker.allows()
    breaker.succeeded()
    assert breaker.failures == 0


def test_the_api_reference_page_is_served_without_login_and_uses_no_cdn(gateway):
    response = gateway.get("/api/v1/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert 'fetch("openapi.json")' in page and "http" not in page.split("<script>")[1].split("openapi.json")[0]
