"""Shared pytest fixtures: a real RabbitMQ node, a real PostgreSQL cluster, and each
test's own vhost and databases, so tests never see each other's messages or rows."""
from __future__ import annotations

import base64
import json
import os
import tempfile
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import flask
import pytest

from kit import broker, redis_node
from testkit.pg import Cluster
from tests.callers import IdentityClient

# Every app's test client sends the identity the gateway would mint for each request.
flask.Flask.test_client_class = IdentityClient

DATABASES = [name.strip() for name in os.environ.get("ZHUYU_TEST_DATABASES", "sqlite,postgresql").split(",") if name.strip()]


class Rabbit:
    def __init__(self, node: broker.PrivateNode):
        self.node = node

    def _api(self, method: str, path: str, body: dict | None = None) -> bytes:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.node.management_port}/api{path}", method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"content-type": "application/json",
                     "authorization": "Basic " + base64.b64encode(b"guest:guest").decode()},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def new_vhost(self) -> str:
        name = f"t-{uuid.uuid4().hex[:12]}"
        self._api("PUT", f"/vhosts/{name}", {})
        self._api("PUT", f"/permissions/{name}/guest", {"configure": ".*", "write": ".*", "read": ".*"})
        return name

    def delete_vhost(self, name: str) -> None:
        self._api("DELETE", f"/vhosts/{name}")

    def url(self, vhost: str) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.node.port}/{urllib.parse.quote(vhost, safe='')}"

    def queue_depth(self, vhost: str, queue: str) -> int:
        """Ready messages now (the management API's figures lag by seconds)."""
        from kit import bus

        conn = bus.connect(self.url(vhost))
        try:
            return conn.default_channel.queue_declare(queue, passive=True).message_count
        finally:
            conn.release()


@pytest.fixture(scope="session")
def rabbit():
    base = Path(tempfile.mkdtemp(prefix="zhuyu-rabbit-"))
    port = broker.free_port()
    node = broker.PrivateNode(base, port, broker.free_port(), management_port=broker.free_port())
    node.start(timeout=120)
    yield Rabbit(node)
    node.stop()
    broker.remove(base)


@pytest.fixture(scope="session")
def redis_url():
    """A private Redis (the gateway's shared rate-limit store) on a free port."""
    base = Path(tempfile.mkdtemp(prefix="zhuyu-redis-"))
    node = redis_node.PrivateRedis(base, broker.free_port())
    node.start()
    yield node.url
    node.stop()
    broker.remove(base)


@pytest.fixture
def amqp_url(rabbit):
    vhost = rabbit.new_vhost()
    yield rabbit.url(vhost)
    rabbit.delete_vhost(vhost)


@pytest.fixture(scope="session")
def pg_cluster():
    base = Path(tempfile.mkdtemp(prefix="zhuyu-pg-"))
    cluster = Cluster(base)
    cluster.start()
    cluster.wait_ready()
    yield cluster
    cluster.stop("immediate")
    broker.remove(base)


@pytest.fixture(params=DATABASES)
def database_kind(request) -> str:
    return request.param


@pytest.fixture
def database_urls(request, database_kind, tmp_path):
    """`database_urls(name)` gives a fresh database URL of this test's kind per name."""
    made: list[str] = []
    cluster = request.getfixturevalue("pg_cluster") if database_kind == "postgresql" else None

    def make(name: str) -> str:
        if cluster is None:
            return f"sqlite:///{tmp_path / (name + '.db')}"
        db = f"t_{name}_{uuid.uuid4().hex[:10]}"
        made.append(db)
        return cluster.create_database(db)

    yield make
    for db in made:
        cluster.drop_database(db)


@pytest.fixture
def suite_env(monkeypatch, tmp_path, amqp_url):
    """Environment shared by in-process services and spawned processes of one test."""
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("AMQP_URL", amqp_url)
    monkeypatch.setenv("ZHUYU_RETRY_DELAYS_SECONDS", "1,1")
    monkeypatch.setenv("ZHUYU_RELAY_LEASE_SECONDS", "2")
    monkeypatch.setenv("ZHUYU_WEBHOOK_ALLOW_PRIVATE", "true")
    monkeypatch.setenv("ZHUYU_CHECK_EVENTS", "true")  # every event as its producer declares it
    return os.environ


@pytest.fixture
def build_service(monkeypatch, suite_env, database_urls):
    """`build_service(name)`: that service wired to a fresh store and this test's vhost."""
    from ops.build import build as build_by_name

    built = []
    urls: dict[str, str] = {}

    def build(name: str):
        if name not in urls:
            urls[name] = database_urls(name)
            monkeypatch.setenv(f"{name.upper()}_DATABASE_URL", urls[name])
        service = build_by_name(name)
        service.store.migrate()
        built.append(service)
        return service

    yield build
    for service in built:
        service.store.dispose()
