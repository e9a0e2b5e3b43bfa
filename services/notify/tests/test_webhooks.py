"""Webhooks a partner can trust and test: stopped when the owner's key is revoked or its user
disabled, only the event types the owner's scopes read, types checked at subscription, the
envelope's `sequence` and `subject`, a test delivery, the delivery log with replay,
enabling again, and every event type of the catalogue delivered."""
from __future__ import annotations

import json
import threading
import uuid

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from services.notify import domain
from services.notify.handlers import subscribable
from services.notify.models import notifications
from services.notify.schemas import MAX_EVENT_TYPES
from services.notify.tests.test_api import OTHER_POINT, POINT, daytime, feed, register, rows
from tests import payloads
from tests.callers import ADMIN, caller

pytestmark = pytest.mark.integration
EVERY_READ = ["elders:read", "visits:read", "complaints:read", "notifications:read"]


def key(name: str, *scopes: str, point: str | None = None) -> dict:
    return caller("api_client", user=name, point=point, scopes=["webhooks:write", *scopes])


@pytest.fixture
def svc(build_service):
    return build_service("notify")


@pytest.fixture
def client(svc):
    return svc.app().test_client()


@pytest.fixture
def receiver():
    """An endpoint on 127.0.0.1 that records what it receives and answers `status[0]`."""
    received, status = [], [200]

    @Request.application
    def app(request):
        received.append((request.headers.get("X-Zhuyu-Signature"), request.get_data(),
                         request.headers.get("X-Zhuyu-Timestamp")))
        return Response("ok", status=status[0])

    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received, status
    server.shutdown()


def subscribe(client, url: str, who: dict, *event_types: str) -> dict:
    response = client.post("/webhooks", json={"url": url, "event_types": list(event_types)}, headers=who)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def delivered(received) -> list[dict]:
    return [json.loads(body) for _, body, _ in received]


def dispatch(svc) -> None:
    svc.use_cases.dispatch_due(svc.store.begin, daytime())


def end_owner(svc, event_type: str, owner: str) -> None:
    stamp = {"gateway.api_key.revoked": "revoked_at", "gateway.user.disabled": "disabled_at"}[event_type]
    feed(svc, event_type, owner, {"id": owner, stamp: "2026-12-01T02:00:00+00:00"})


# --- 1. the owner's key revoked or its user disabled ---------------------------------------------

@pytest.mark.parametrize("event_type, owner, who", [
    ("gateway.api_key.revoked", "k-a", key("k-a", "elders:read")),
    ("gateway.user.disabled", "u-admin", ADMIN)])
def test_revoking_the_owner_stops_its_webhooks_and_what_was_queued_for_them(svc, client, receiver, event_type,
                                                                           owner, who):
    url, received, _ = receiver
    hook = subscribe(client, url, who, "*")
    other = subscribe(client, url, key("k-b", "elders:read"), "registration.elder.registered")
    register(svc)  # queued for both, not yet sent: then notify learns of the revocation
    end_owner(svc, event_type, owner)
    end_owner(svc, event_type, owner)  # the news again changes nothing
    register(svc)
    dispatch(svc)
    assert {(n.recipient_id, n.status) for n in rows(svc, recipient_type="webhook")} == {
        (hook["id"], "suppressed"), (other["id"], "sent")}
    assert len(received) == 2  # the other owner's two, none of the revoked owner's
    shown = client.get(f"/webhooks/{hook['id']}", headers=who).get_json()
    assert shown["active"] is False and shown["revoked"] is True and "revoked" in shown["disabled_reason"] + (
        "" if event_type == "gateway.api_key.revoked" else " revoked")
    answer = client.post(f"/webhooks/{hook['id']}/enable", headers=who)
    assert (answer.status_code, answer.get_json()["code"]) == (409, "WEBHOOK_REVOKED")
    assert client.get(f"/webhooks/{other['id']}", headers=key("k-b")).get_json()["active"] is True


def test_a_webhook_made_while_the_revocation_was_on_its_way_is_made_stopped(svc, client, receiver):
    url, received, _ = receiver
    end_owner(svc, "gateway.api_key.revoked", "k-late")
    hook = subscribe(client, url, key("k-late", "elders:read"), "*")
    assert (hook["active"], hook["revoked"]) == (False, True) and hook["disabled_reason"]
    register(svc)
    dispatch(svc)
    assert received == []


# --- 2. scopes -----------------------------------------------------------------------------------

def test_a_webhook_receives_only_the_event_types_its_owners_scopes_read(svc, client, receiver):
    url, received, _ = receiver
    hook = subscribe(client, url, key("k-visits", "visits:read"), "*")
    assert hook["scopes"] == ["visits:read"]
    elder_id = register(svc, consents={"third_party_sharing": True, "health_data": True})
    visit = str(uuid.uuid4())
    feed(svc, "visits.visit.refused", visit, payloads.visit(
        id=visit, elder_id=elder_id, service_point_id=POINT, status="refused",
        refusal_reasons=["BLOOD_PRESSURE_DANGER"], urgent=True) | {"referral_advised": True})
    dispatch(svc)
    [event] = delivered(received)
    assert event["type"] == "visits.visit.refused", "registration.* needs elders:read"
    assert "refusal_reasons" not in event["data"] and "referral_advised" not in event["data"], \
        "no elder's health or personal data without elders:read, whatever the consents"
    assert event["data"]["elder_id"] == elder_id


def test_with_elders_read_and_the_consents_the_elders_data_is_delivered(svc, client, receiver):
    url, received, _ = receiver
    subscribe(client, url, key("k-all", *EVERY_READ), "*")
    elder_id = register(svc, consents={"third_party_sharing": True, "health_data": True})
    visit = str(uuid.uuid4())
    feed(svc, "visits.visit.refused", visit, payloads.visit(
        id=visit, elder_id=elder_id, service_point_id=POINT, status="refused",
        refusal_reasons=["BLOOD_PRESSURE_DANGER"], urgent=True) | {"referral_advised": True})
    dispatch(svc)
    by_type = {event["type"]: event for event in delivered(received)}
    assert by_type["registration.elder.registered"]["data"]["name"] == "张阿姨"
    assert by_type["visits.visit.refused"]["data"]["refusal_reasons"] == ["BLOOD_PRESSURE_DANGER"]


def test_an_administrators_webhook_reads_every_service(client, receiver):
    url, _, _ = receiver
    assert subscribe(client, url, ADMIN, "*")["scopes"] == EVERY_READ


# --- 3. event types checked at subscription --------------------------------------------------------

@pytest.mark.parametrize("who, event_types, named", [
    (key("k", "elders:read"), ["registration.elder.registerd"], "registration.elder.registerd"),
    (key("k", "elders:read"), ["registration.*", "visits.#"], "registration.*"),
    (key("k", "elders:read"), ["registration.elder.registered", "visits.visit.checked_in"], "visits.visit.checked_in"),
    (key("k", "elders:read"), ["notify.webhook.test"], "notify.webhook.test"),
    (key("k", "elders:read"), ["gateway.api_key.revoked"], "gateway.api_key.revoked"),
    (key("k"), ["*"], "*"),
])
def test_an_unknown_type_or_one_the_scopes_do_not_read_is_refused_by_name(client, receiver, who, event_types, named):
    url, _, _ = receiver
    response = client.post("/webhooks", json={"url": url, "event_types": event_types}, headers=who)
    assert (response.status_code, response.get_json()["code"]) == (422, "VALIDATION_FAILED")
    assert any(message.startswith(named + ":") for message in response.get_json()["errors"]["event_types"])
    assert client.get("/webhooks", headers=who).get_json()["items"] == []


def test_a_webhook_may_name_every_type_it_reads_once_and_or_star_and_no_more(client, receiver):
    url, _, _ = receiver
    who = key("k-all-types", *EVERY_READ)
    every = sorted(subscribable())
    assert len(every) + 1 == MAX_EVENT_TYPES
    subscribe(client, url, who, *every, "*")
    assert len(client.get("/webhooks", headers=who).get_json()["items"]) == 1


TOO_LONG = f"Length must be between 1 and {MAX_EVENT_TYPES}."


@pytest.mark.parametrize(("event_types", "refusal"), [
    (sorted(subscribable()) + ["*", "registration.elder.registered.again"], TOO_LONG),
    ([f"registration.elder.t{n}" for n in range(10_000)], TOO_LONG),
    (["registration.elder.registered"] * 2, "Each item at most once."),
    (["*", "*"], "Each item at most once."),
], ids=["one-more-than-the-catalogue", "ten-thousand", "a-type-twice", "star-twice"])
def test_more_event_types_than_the_catalogue_holds_or_one_twice_is_422(client, receiver, event_types, refusal):
    url, _, _ = receiver
    who = key("k-too-many", *EVERY_READ)
    response = client.post("/webhooks", json={"url": url, "event_types": event_types}, headers=who)
    assert (response.status_code, response.get_json()["code"]) == (422, "VALIDATION_FAILED")
    assert response.content_type == "application/problem+json"
    assert response.get_json()["errors"] == {"event_types": [refusal]}
    assert client.get("/webhooks", headers=who).get_json()["items"] == []


# --- 4. the envelope -------------------------------------------------------------------------------

def test_a_delivery_keeps_the_events_subject_and_sequence(svc, client, receiver):
    url, received, _ = receiver
    subscribe(client, url, key("k-seq", "elders:read"), "registration.elder.updated")
    elder_id = register(svc)
    feed(svc, "registration.elder.updated", elder_id, payloads.elder(
        id=elder_id, name="张阿姨", service_point_id=POINT, status="active"), sequence=7)
    dispatch(svc)
    [event] = delivered(received)
    assert (event["subject"], event["sequence"], event["dataversion"]) == (elder_id, 7, 1)


# --- 5. a test delivery ----------------------------------------------------------------------------

def test_a_test_delivery_is_a_signed_cloudevent_of_the_test_type_to_the_owners_hook_only(svc, client, receiver):
    url, received, _ = receiver
    owner = key("k-t", "visits:read")
    hook = subscribe(client, url, owner, "visits.visit.checked_in")
    assert client.post(f"/webhooks/{hook['id']}/test", headers=key("k-other", "visits:read")).status_code == 404
    answer = client.post(f"/webhooks/{hook['id']}/test", headers=owner)
    assert answer.status_code == 202 and answer.get_json()["status"] == "queued"
    dispatch(svc)
    [(signature, body, timestamp)] = received
    assert domain.verify_delivery(hook["secret"].encode(), timestamp, body, signature)
    event = json.loads(body)
    assert (event["type"], event["subject"], event["data"]["webhook_id"]) == (
        "notify.webhook.test", hook["id"], hook["id"])
    assert event["id"] == answer.get_json()["event_id"]


# --- 6. the delivery log and replay -----------------------------------------------------------------

def test_the_delivery_log_is_newest_first_a_page_at_a_time_and_a_replay_is_signed_afresh(svc, client, receiver):
    url, received, _ = receiver
    owner = key("k-log", "elders:read")
    hook = subscribe(client, url, owner, "registration.elder.registered")
    elders = [register(svc) for _ in range(3)]
    dispatch(svc)
    first = client.get(f"/webhooks/{hook['id']}/deliveries?limit=2", headers=owner).get_json()
    rest = client.get(f"/webhooks/{hook['id']}/deliveries?limit=2&cursor={first['next_cursor']}",
                      headers=owner).get_json()
    log = first["items"] + rest["items"]
    assert rest["next_cursor"] is None and len(log) == 3
    assert [item["created_at"] for item in log] == sorted((item["created_at"] for item in log), reverse=True)
    assert set(log[0]) == {"id", "event_id", "event_type", "status", "attempts", "last_error", "created_at", "sent_at"}
    assert {(item["status"], item["attempts"]) for item in log} == {("sent", 1)}
    chosen = log[-1]
    stranger = key("k-stranger", "elders:read")
    assert client.get(f"/webhooks/{hook['id']}/deliveries", headers=stranger).status_code == 404
    assert client.post(f"/webhooks/{hook['id']}/deliveries/{chosen['id']}/replay", headers=stranger).status_code == 404
    theirs = subscribe(client, url, stranger, "registration.elder.registered")
    assert client.post(f"/webhooks/{theirs['id']}/deliveries/{chosen['id']}/replay",
                       headers=stranger).status_code == 404, "a delivery of another webhook"
    again = client.post(f"/webhooks/{hook['id']}/deliveries/{chosen['id']}/replay", headers=owner)
    assert again.status_code == 202
    assert again.get_json()["event_id"] == chosen["event_id"] and again.get_json()["id"] != chosen["id"]
    received.clear()
    dispatch(svc)
    [(signature, body, timestamp)] = received
    assert domain.verify_delivery(hook["secret"].encode(), timestamp, body, signature)
    assert json.loads(body)["id"] == chosen["event_id"] and json.loads(body)["subject"] in elders
    newest = client.get(f"/webhooks/{hook['id']}/deliveries", headers=owner).get_json()["items"][0]
    assert (newest["id"], newest["status"]) == (again.get_json()["id"], "sent")


# --- 7. enabling again ------------------------------------------------------------------------------

def test_a_webhook_disabled_after_failures_in_a_row_is_enabled_again_by_its_owner(build_service, monkeypatch,
                                                                                 receiver):
    monkeypatch.setenv("NOTIFY_WEBHOOK_DISABLE_AFTER", "2")
    svc = build_service("notify")
    client = svc.app().test_client()
    url, received, status = receiver
    owner = key("k-fail", "elders:read")
    hook = subscribe(client, url, owner, "registration.elder.registered")
    status[0] = 500
    register(svc)
    register(svc)
    dispatch(svc)
    shown = client.get(f"/webhooks/{hook['id']}", headers=owner).get_json()
    assert (shown["active"], shown["consecutive_failures"], shown["revoked"]) == (False, 2, False)
    refused = client.post(f"/webhooks/{hook['id']}/test", headers=owner)
    assert (refused.status_code, refused.get_json()["code"]) == (409, "WEBHOOK_DISABLED")
    assert client.post(f"/webhooks/{hook['id']}/enable", headers=key("k-other")).status_code == 404
    enabled = client.post(f"/webhooks/{hook['id']}/enable", headers=owner)
    assert enabled.status_code == 200
    assert (enabled.get_json()["active"], enabled.get_json()["consecutive_failures"],
            enabled.get_json()["disabled_reason"]) == (True, 0, None)
    status[0] = 200
    assert client.post(f"/webhooks/{hook['id']}/test", headers=owner).status_code == 202
    received.clear()
    dispatch(svc)
    assert [event["type"] for event in delivered(received)] == ["notify.webhook.test"]


# --- 8. every event type of the catalogue is delivered -------------------------------------------

def example(schema: dict, document: dict):
    """A value the JSON Schema accepts: every property, the first choice of each kind."""
    if "$ref" in schema:
        return example(document["$defs"][schema["$ref"].rsplit("/", 1)[1]], document)
    if "anyOf" in schema:
        return example(schema["anyOf"][0], document)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    kind = next(k for k in kind if k != "null") if isinstance(kind, list) else kind
    if kind == "object":
        return {name: example(sub, document) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [example(schema.get("items", {"type": "string"}), document)]
    return {"integer": 1, "number": 1.5, "boolean": True}.get(kind) or {
        "uuid": str(uuid.uuid4()), "date": "2026-12-02", "date-time": "2026-12-02T02:00:00+00:00",
        "email": "someone@example.cn"}.get(schema.get("format", ""), "文本")


def catalogue_types() -> dict[str, dict]:
    from tests.catalogue import CATALOGUE

    return {path.stem: json.loads(path.read_text()) for path in sorted(CATALOGUE.glob("*.json"))}


def test_notifys_queue_is_bound_to_every_type_of_the_catalogue(svc):
    """The queue's bindings are the handler table's types (`kit.consumer`)."""
    assert set(catalogue_types()) <= set(svc.handlers)
    assert set(svc.handlers) - set(catalogue_types()) == {"notify.reminder.booking"}  # notify's own, from its store


def test_every_type_of_the_catalogue_reaches_a_webhook_of_every_type_and_every_scope(svc, client, receiver):
    url, _, _ = receiver
    hook = subscribe(client, url, key("k-everything", *EVERY_READ), "*")
    owners_news = {"gateway.api_key.revoked", "gateway.user.disabled"}
    for event_type, schema in catalogue_types().items():
        data = example(schema, schema)
        if event_type in owners_news:
            data["id"] = "someone-else"
        feed(svc, event_type, str(data.get("id") or uuid.uuid4()), data)
    with svc.store.begin() as session:
        reached = set(session.execute(sa.select(notifications.c.event_type).where(
            notifications.c.recipient_id == hook["id"])).scalars())
    assert reached == set(catalogue_types()) - owners_news, "the gateway's news stops webhooks, never reaches them"


def test_a_webhook_made_before_scopes_were_recorded_is_shown_inactive_with_the_reason(database_urls):
    """It would receive nothing (no scopes recorded): the migration says so, rather than
    leaving its owner waiting for deliveries that never come. One already disabled keeps
    its own reason."""
    from alembic import command

    from kit.db import Store
    from kit.service import migrations_dir
    from services.notify import bootstrap

    store = Store(database_urls("notify"), migrations_dir(bootstrap.__file__))
    config = store._alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "a3f1c9d2e7b4")
        for hook_id, active, reason in (("w-live", True, None), ("w-off", False, "5 deliveries failed in a row")):
            connection.execute(sa.text(
                "INSERT INTO webhooks (id, url, event_types, secret, active, consecutive_failures, disabled_reason, "
                "created_by, service_point_id, created_at) VALUES (:id, 'http://127.0.0.1:9/h', '[\"*\"]', 's', "
                ":active, 0, :reason, 'key-1', NULL, :t)"),
                {"id": hook_id, "active": active, "reason": reason, "t": "2026-11-01 00:00:00"})
    store.migrate()
    with store.engine.begin() as connection:
        found = {row.id: (bool(row.active), row.disabled_reason) for row in connection.execute(
            sa.text("SELECT id, active, disabled_reason FROM webhooks"))}
    store.dispose()
    assert found["w-live"][0] is False and "scopes" in found["w-live"][1]
    assert found["w-off"] == (False, "5 deliveries failed in a row")
