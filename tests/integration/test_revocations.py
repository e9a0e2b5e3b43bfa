"""A revoked key's webhooks stop though notify was down when it was revoked: the gateway's
outbox row, its relay, the broker, notify's consumer, on real stores (SQLite and PostgreSQL)."""
from __future__ import annotations

import threading
import time
import uuid

import pytest
import sqlalchemy as sa

from gateway import accounts, auth
from gateway.app import build_store, start_relay
from gateway.models import messaging
from kit import bus
from services.notify.models import notifications
from services.notify.tests.test_api import register
from tests.callers import caller

pytestmark = pytest.mark.integration


def unsent(store) -> int:
    with store.begin() as session:
        return session.execute(sa.select(sa.func.count()).where(messaging.outbox.c.sent_at.is_(None))).scalar()


def test_a_key_revoked_while_notify_is_down_stops_its_webhooks_once_notify_is_back(build_service, database_urls,
                                                                                  monkeypatch):
    monkeypatch.setenv("GATEWAY_DATABASE_URL", database_urls("gateway"))
    gateway_store = build_store()
    gateway_store.migrate()
    notify = build_service("notify")
    client = notify.app().test_client()
    key_id, _ = auth.create_api_key(gateway_store, "partner", ["webhooks:write", "elders:read"], None, None, None)
    owner = caller("api_client", user=key_id, scopes=["webhooks:write", "elders:read"])
    hook = client.post("/webhooks", json={"url": "http://127.0.0.1:9/hook", "event_types": ["*"]},
                       headers=owner).get_json()
    conn = bus.connect(notify.settings.amqp_url)
    try:
        notify.consumer().declare(conn.default_channel)  # notify's queue outlives notify's processes
    finally:
        conn.release()

    accounts.revoke_api_key(gateway_store, key_id)  # notify is down: nothing consumes
    stop = threading.Event()
    relay = start_relay(stop)  # as in each of the gateway's web workers
    consumer = threading.Thread(target=notify.consumer().run, args=(stop,), daemon=True)
    try:
        deadline = time.monotonic() + 30
        while unsent(gateway_store):
            assert time.monotonic() < deadline, "the gateway's relay never published the revocation"
            time.sleep(0.1)
        assert client.get(f"/webhooks/{hook['id']}", headers=owner).get_json()["active"] is True
        consumer.start()  # notify is back
        while client.get(f"/webhooks/{hook['id']}", headers=owner).get_json()["active"]:
            assert time.monotonic() < deadline, "the revocation never reached notify"
            time.sleep(0.1)
    finally:
        stop.set()
        relay.join(10)
        if consumer.is_alive():
            consumer.join(10)
        gateway_store.dispose()
    shown = client.get(f"/webhooks/{hook['id']}", headers=owner).get_json()
    assert shown["revoked"] is True and "revoked" in shown["disabled_reason"]
    register(notify, id=str(uuid.uuid4()))
    with notify.store.begin() as session:
        assert session.execute(sa.select(notifications.c.id).where(
            notifications.c.recipient_id == hook["id"])).first() is None
