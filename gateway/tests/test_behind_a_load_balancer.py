"""Behind load balancers (compose's HAProxy, a Kubernetes Ingress) the gateway's
per-address limits count the client's address, and a client cannot dodge them by
sending its own X-Forwarded-For when no balancer is trusted."""
from __future__ import annotations

import dataclasses

from gateway import app as gateway_app
from gateway import config
from kit.broker import free_port


def gateway(tmp_path, monkeypatch, hops: int):
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    settings = dataclasses.replace(
        config.load(), database_url=f"sqlite:///{tmp_path / 'gateway.db'}", rate_limit_login="2 per minute",
        upstreams={name: f"http://127.0.0.1:{free_port()}" for name in config.load().upstreams},
        trusted_proxy_hops=hops, rate_limit_storage_uri="memory://")
    monkeypatch.setattr(gateway_app.config, "load", lambda: settings)
    store = gateway_app.build_store()
    store.migrate()
    store.dispose()
    return gateway_app.create_app(settings).test_client()


def attempt(client, forwarded_for: str, username: str = "nobody") -> int:
    return client.post("/api/v1/auth/token", json={"username": username, "password": "wrong-password"},
                       headers={"X-Forwarded-For": forwarded_for}).status_code


def test_each_client_behind_the_balancer_has_its_own_login_limit(tmp_path, monkeypatch):
    client = gateway(tmp_path, monkeypatch, hops=1)
    assert [attempt(client, "203.0.113.5", f"u{i}") for i in range(3)] == [401, 401, 429]
    assert attempt(client, "203.0.113.6", "u9") == 401, "another client is not limited by the first"


def test_without_a_trusted_balancer_a_forged_forwarded_for_changes_nothing(tmp_path, monkeypatch):
    client = gateway(tmp_path, monkeypatch, hops=0)
    assert [attempt(client, f"198.51.100.{i}", f"u{i}") for i in range(3)] == [401, 401, 429]
