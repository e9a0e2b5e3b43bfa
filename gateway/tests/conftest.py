"""An in-process gateway in front of a recording stub of the services, for the edge tests."""
from __future__ import annotations

import dataclasses
import json
import threading

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from gateway import app as gateway_app
from gateway import auth, config

ADMIN_PASSWORD = "secret-admin-password"


class Recorder:
    """The services: records each request and answers with `answer(request)` (default: 200,
    or 201 for a POST, echoing the path)."""

    def __init__(self):
        self.calls: list[tuple[str, str, dict, bytes]] = []
        self.answer = None

        @Request.application
        def app(request):
            self.calls.append((request.method, request.path, dict(request.headers), request.get_data()))
            if self.answer is not None:
                return self.answer(request)
            return Response(json.dumps({"path": request.path, "n": len(self.calls)}),
                            status=201 if request.method == "POST" else 200, content_type="application/json")

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def upstream():
    recorder = Recorder()
    yield recorder
    recorder.server.shutdown()


@pytest.fixture
def edge(tmp_path, monkeypatch, upstream):
    """`edge(**settings)`: a gateway test client with these settings changed."""
    upstream.answer = None
    stores = []

    def make(**overrides):
        monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
        settings = dataclasses.replace(config.load(), **{
            "database_url": f"sqlite:///{tmp_path / 'gateway.db'}",
            "upstreams": {name: upstream.url for name in ("registration", "visits", "complaints", "notify")},
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
