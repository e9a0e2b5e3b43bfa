"""A partner's four tasks with the typed Python client only (clients/python), against the
running suite: page a point's elders, look one up by card, create one idempotently and
retry it, and receive a signed webhook delivery and verify it."""
from __future__ import annotations

import json
import os
import threading
import time
import uuid
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ops.idnumbers import id_number
from testkit.suite import RunningSuite, suite_environment
from zhuyu_api import AuthenticatedClient, Client
from zhuyu_api.api.accounts import create_api_key
from zhuyu_api.api.auth import post_auth_token
from zhuyu_api.api.elders import get_elders, post_elders
from zhuyu_api.api.service_points import post_service_points
from zhuyu_api.api.webhooks import post_webhooks
from zhuyu_api.models import NotifyWebhookIn, RegistrationElderIn, RegistrationServicePointIn
from zhuyu_api.models.post_auth_token_body import PostAuthTokenBody
from zhuyu_client import ApiError, Zhuyu, iterate, result, verify_webhook

pytestmark = [pytest.mark.integration, pytest.mark.slow]

POINT = {"name": "拱墅区助浴点", "address": "杭州市拱墅区湖墅南路1号", "district": "拱墅区", "bath_capacity": 2,
         "rest_seats": 4, "opening_hours": {"mon": [["08:30", "17:30"]]}, "safety_reminders": ["地面湿滑"]}


@pytest.fixture
def suite(suite_env, database_urls, tmp_path):
    env = suite_environment(dict(os.environ), tmp_path / "var", database_urls)
    env["ZHUYU_WEBHOOK_ALLOW_PRIVATE"] = "1"  # the receiver below listens on 127.0.0.1
    running = RunningSuite(env, tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    running.stop()


@pytest.fixture
def receiver():
    """A partner's webhook endpoint on 127.0.0.1: what it received, raw."""
    received: list[tuple[dict, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            received.append((dict(self.headers), body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/zhuyu/events", received
    server.shutdown()


def elder(point_id: str, serial: int) -> RegistrationElderIn:
    return RegistrationElderIn.from_dict({
        "name": f"李阿姨{serial}", "gender": "female", "birth_date": "1944-05-06",
        "id_number": id_number(date(1944, 5, 6), male=False, serial=serial), "citizen_card_no": f"GS2026{serial:04d}",
        "phone": "13912341234", "address": "杭州市拱墅区湖墅南路2号", "district": "拱墅区",
        "service_point_id": point_id,
        "emergency_contacts": [{"name": "李明", "relation": "son", "phone": "13800001111"}]})


def test_a_partner_does_its_four_tasks_with_the_client_only(suite, receiver):
    url, received = receiver
    # The city's administrator makes the point and the partner's key (through the client too).
    token = result(post_auth_token.sync_detailed(client=Client(base_url=suite.gateway), body=PostAuthTokenBody(
        username="admin", password=suite.env["ZHUYU_ADMIN_PASSWORD"]))).access_token
    admin = AuthenticatedClient(base_url=suite.gateway, token=token)
    point = result(post_service_points.sync_detailed(client=admin, body=RegistrationServicePointIn.from_dict(POINT)))
    key = result(create_api_key.sync_detailed(client=admin, body=create_api_key.CreateApiKeyBody.from_dict({
        "name": "拱墅区社区卫生服务中心", "scopes": ["elders:read", "elders:write", "webhooks:write"]}))).key

    with Zhuyu(suite.gateway, key) as zhuyu:
        # Task 4 (set up first): a webhook for new elders; its secret is shown once.
        hook = zhuyu.call(post_webhooks, body=NotifyWebhookIn(url=url, event_types=["registration.elder.registered"]))

        # Task 3: create idempotently, and retry the same request with the same key.
        order = str(uuid.uuid4())
        with zhuyu.idempotency_key(order):
            first = post_elders.sync_detailed(client=zhuyu.client, body=elder(str(point.id), 1))
            retried = post_elders.sync_detailed(client=zhuyu.client, body=elder(str(point.id), 1))
        assert first.status_code == 201 and retried.status_code == 201
        assert retried.headers.get("Idempotent-Replayed") == "true"
        assert result(retried).id == result(first).id
        with zhuyu.idempotency_key(order), pytest.raises(ApiError) as mismatch:
            zhuyu.call(post_elders, body=elder(str(point.id), 2))
        assert mismatch.value.status == 409 and mismatch.value.code == "IDEMPOTENCY_MISMATCH"
        for serial in (2, 3, 4):  # a fresh key each: none leaks from the block above
            zhuyu.call(post_elders, body=elder(str(point.id), serial))

        # Task 1: page the point's elders, two at a time.
        paged = list(iterate(get_elders, zhuyu.client, service_point_id=point.id, limit=2))
        assert sorted(e.citizen_card_no for e in paged) == [f"GS2026{n:04d}" for n in (1, 2, 3, 4)]
        assert len({e.id for e in paged}) == 4, "one elder for the request sent twice"

        # Task 2: look one up by card.
        [found] = zhuyu.call(get_elders, citizen_card_no="GS20260003").items
        assert found.name == "李阿姨3"

        # Task 4: the signed delivery arrives and verifies on its raw body.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(received) < 4:
            time.sleep(0.2)
        events = [verify_webhook(hook.secret, body, headers) for headers, body in received]
        assert {e["type"] for e in events} == {"registration.elder.registered"}
        assert str(result(first).id) in {e["data"].get("elder_id") or e.get("subject", "") for e in events} | {
            e.get("subject", "").rsplit("/", 1)[-1] for e in events}
        headers, body = received[0]
        tampered = body.replace(b"registration", b"Registration", 1)
        with pytest.raises(Exception):
            verify_webhook(hook.secret, tampered, headers)
        assert json.loads(body)["specversion"] == "1.0"
