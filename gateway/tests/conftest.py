"""An in-process gateway in front of recording stubs of the services, for the edge tests."""
from __future__ import annotations

import dataclasses

import pytest

from gateway import app as gateway_app
from gateway import auth, config
from tests.service_stubs import ServiceStubs

ADMIN_PASSWORD = "secret-admin-password"


@pytest.fixture(scope="module")
def upstream():
    stubs = ServiceStubs()
    yield stubs
    stubs.shutdown()


@pytest.fixture
def edge(tmp_path, monkeypatch, upstream):
    """`edge(**settings)`: a gateway test client with these settings changed."""
    upstream.answer = None
    stores = []

    def make(**overrides):
        monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
        settings = dataclasses.replace(config.load(), **{
            "database_url": f"sqlite:///{tmp_path / 'gateway.db'}",
            "upstreams": upstream.urls(),
            "revocation_refresh_seconds": 0.0, "rate_limit_user": "5000 per minute",
            "rate_limit_storage_uri": "memory://", **overrides})
        monkeypatch.setattr(gateway_app.config, "load", lambda: settings)
        store = gateway_app.build_store()
        store.migrate()
        auth.ensure_admin(store, ADMIN_PASSWORD)
        stores.append(store)
        client = gateway_app.create_app(settings).test_client()
        client.store = store
        client.login = lambda **kw: login(client, **kw)
        client.bearer = lambda **kw: bearer(client, **kw)
        return client

    yield make
    for store in stores:
        store.dispose()


def login(client, username="admin", password=ADMIN_PASSWORD, address="127.0.0.1"):
    return client.post("/api/v1/auth/token", json={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def bearer(client, **kw) -> dict:
    response = login(client, **kw)
    assert response.status_code == 200, response.get_json()
    return {"Authorization": f"Bearer {response.get_json()['access_token']}"}
