"""Notify on a real store: planning from events, delivery, retries, webhooks."""
from __future__ import annotations

import json
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from kit import events
from services.notify import domain
from services.notify.adapters import DeliveryFailed
from services.notify.service import Notify
from services.notify.models import notifications, sink_messages
from tests import payloads
from tests.callers import ADMIN, caller
from tests.catalogue import checked

pytestmark = pytest.mark.integration
CONTACT = {"name": "李明", "relation": "son", "phone": "13800001111"}
POINT, OTHER_POINT = str(uuid.uuid4()), str(uuid.uuid4())
KEY = caller("api_client", user="k-hooks", scopes=["webhooks:write", "elders:read", "visits:read"])


@pytest.fixture
def svc(build_service):
    return build_service("notify")


@pytest.fixture
def client(svc):
    return svc.app().test_client()


def feed(svc, type_: str, subject: str, data: dict, sequence: int = 1, event_id: str | None = None) -> dict:
    envelope = events.envelope(type=type_, source="/x", subject=subject, data=checked(type_, data),
                               sequence=sequence, correlationid=None, traceparent=None, id=event_id)
    event = events.parse(events.encode(envelope))
    with svc.store.begin() as session:
        svc.handlers[type_](session, event)
    return envelope


def register(svc, **state) -> str:
    elder_id = state.pop("id", str(uuid.uuid4()))
    feed(svc, "registration.elder.registered", elder_id, payloads.elder(
        id=elder_id, name="张阿姨", phone="13912341234", phone_is_mobile=True, service_point_id=POINT,
        emergency_contacts=[CONTACT], status="active", consents={"sms": True}) | state)
    return elder_id


def rows(svc, **filters) -> list:
    with svc.store.begin() as session:
        return session.execute(sa.select(notifications).filter_by(**filters)).all()


def daytime() -> datetime:
    """10:00 in Shanghai tomorrow: after anything queued or held today is due, whatever the clock says."""
    tomorrow = datetime.now(timezone.utc).date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 2, 0, tzinfo=timezone.utc)


def test_registration_gives_one_sms_however_often_the_event_arrives(svc, client):
    elder_id = str(uuid.uuid4())
    data = payloads.elder(id=elder_id, name="张阿姨", phone="13912341234", phone_is_mobile=True,
                          service_point_id=POINT, emergency_contacts=[CONTACT], status="active",
                          consents={"sms": True})
    event_id = str(uuid.uuid4())
    for _ in range(3):
        feed(svc, "registration.elder.registered", elder_id, data, event_id=event_id)
    [sms] = client.get("/notifications", query_string={"recipient": elder_id}, headers=ADMIN).get_json()["items"]
    assert sms["channel"] == "sms" and sms["recipient"]["address"] == "139****1234" and "张阿姨" in sms["body"]


def test_urgent_incident_goes_to_family_and_point_admins_at_once(svc):
    elder_id = register(svc, phone=None, phone_is_mobile=False)
    admin = str(uuid.uuid4())
    feed(svc, "registration.staff.created", admin, payloads.staff(id=admin, name="王站长", phone="13700001111",
                                                                  roles=["point_admin"], service_point_id=POINT))
    incident = str(uuid.uuid4())
    feed(svc, "visits.incident.reported", incident, payloads.incident(
        id=incident, elder_id=elder_id, service_point_id=POINT, kind="fall", severity="serious", urgent=True,
        description="滑倒"))
    planned = {(r.recipient_type, r.channel, r.urgent) for r in rows(svc, event_type="visits.incident.reported")}
    assert planned == {("emergency_contact", "sms", True), ("emergency_contact", "voice", True),
                       ("staff", "inbox", True), ("staff", "sms", True)}


@pytest.mark.parametrize("consents", [{"sms": None}, {"sms": False}, {}])
def test_without_sms_consent_the_family_is_not_messaged_and_staff_alerts_still_go(svc, client, consents):
    elder_id = register(svc, consents=consents)
    admin = str(uuid.uuid4())
    feed(svc, "registration.staff.created", admin, payloads.staff(id=admin, name="王站长", phone="13700001111",
                                                                  roles=["point_admin"], service_point_id=POINT))
    booking = str(uuid.uuid4())
    feed(svc, "visits.booking.created", booking, payloads.booking(id=booking, elder_id=elder_id,
                                                                  service_point_id=POINT))
    incident = str(uuid.uuid4())
    feed(svc, "visits.incident.reported", incident, payloads.incident(
        id=incident, elder_id=elder_id, service_point_id=POINT, kind="fall", severity="serious", urgent=True,
        description="滑倒"))
    family = {(r.event_type, r.recipient_type, r.channel, r.status, r.last_error) for r in rows(svc)
              if r.recipient_type in ("elder", "emergency_contact")}
    assert family == {("registration.elder.registered", "elder", "sms", "suppressed", "NO_SMS_CONSENT"),
                      ("visits.booking.created", "elder", "sms", "suppressed", "NO_SMS_CONSENT"),
                      ("visits.incident.reported", "elder", "sms", "suppressed", "NO_SMS_CONSENT"),
                      ("visits.incident.reported", "emergency_contact", "sms", "suppressed", "NO_SMS_CONSENT"),
                      ("visits.incident.reported", "emergency_contact", "voice", "suppressed", "NO_SMS_CONSENT")}
    assert {(r.channel, r.status) for r in rows(svc, recipient_id=admin)} == {("inbox", "queued"), ("sms", "queued")}
    shown = client.get("/notifications", query_string={"recipient": elder_id, "event_type": "visits.booking.created"},
                       headers=ADMIN).get_json()["items"]
    assert [(n["status"], n["last_error"]) for n in shown] == [("suppressed", "NO_SMS_CONSENT")]


def test_a_serious_incident_reaches_the_city_operators_and_a_minor_one_does_not(svc):
    elder_id = register(svc, phone=None, phone_is_mobile=False)
    operator, elsewhere = str(uuid.uuid4()), str(uuid.uuid4())
    feed(svc, "registration.staff.created", operator, payloads.staff(
        id=operator, name="市运营", phone="13700003333", roles=["city_operator"], service_point_id=None))
    feed(svc, "registration.staff.created", elsewhere, payloads.staff(
        id=elsewhere, name="别点站长", phone="13700004444", roles=["point_admin"], service_point_id=str(uuid.uuid4())))
    for severity, urgent in (("minor", False), ("emergency", True)):
        incident = str(uuid.uuid4())
        feed(svc, "visits.incident.reported", incident, payloads.incident(
            id=incident, elder_id=elder_id, service_point_id=POINT, kind="fall", severity=severity, urgent=urgent,
            description="滑倒"))
    told = [(r.channel, r.urgent) for r in rows(svc, recipient_id=operator)]
    assert told == [("inbox", True)], "the emergency only, at once"
    assert rows(svc, recipient_id=elsewhere) == []


def test_a_danger_reading_alerts_the_point_administrator_as_well_as_the_family(svc):
    elder_id = register(svc)
    admin = str(uuid.uuid4())
    feed(svc, "registration.staff.created", admin, payloads.staff(id=admin, name="王站长", phone="13700001111",
                                                                  roles=["point_admin"], service_point_id=POINT))
    visit = str(uuid.uuid4())
    feed(svc, "visits.visit.refused", visit, payloads.visit(
        id=visit, elder_id=elder_id, service_point_id=POINT, status="refused",
        refusal_reasons=["BLOOD_PRESSURE_DANGER"], urgent=True) | {"referral_advised": True})
    assert {(r.channel, r.urgent) for r in rows(svc, recipient_id=admin)} == {("inbox", True), ("sms", True)}
    alcohol = str(uuid.uuid4())
    feed(svc, "visits.visit.refused", alcohol, payloads.visit(
        id=alcohol, elder_id=elder_id, service_point_id=POINT, status="refused", refusal_reasons=["ALCOHOL"],
        urgent=False) | {"referral_advised": False})
    assert len(rows(svc, recipient_id=admin)) == 2, "a refusal that is not urgent is the family's only"


def test_closed_elder_gets_nothing_and_opt_out_is_suppressed(svc, client):
    closed = register(svc, status="closed")
    assert rows(svc, recipient_id=closed) == []
    elder_id = register(svc)
    assert client.put(f"/recipients/{elder_id}/preferences", json={"channels": ["sms"],
                                                                    "opt_out": ["visits.booking.created"]},
                      headers=ADMIN).status_code == 200
    booking = str(uuid.uuid4())
    feed(svc, "visits.booking.created", booking, payloads.booking(id=booking, elder_id=elder_id, service_point_id=POINT))
    assert [r.status for r in rows(svc, recipient_id=elder_id, event_type="visits.booking.created")] == ["suppressed"]


class Flaky:
    def __init__(self, failures: int):
        self.failures = failures
        self.calls = 0

    def send(self, notification) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise DeliveryFailed("gateway busy")


def test_a_provider_failing_twice_then_succeeding_gives_sent_after_3_attempts(svc):
    elder_id = register(svc)
    flaky = Flaky(2)
    notify = Notify(svc.use_cases.settings, svc.outbox, {"sms": flaky}, svc.use_cases.resolve, rand=lambda: 0.5)
    now = daytime()
    for _ in range(3):
        notify.dispatch_due(svc.store.begin, now)
        now += timedelta(minutes=10)
    [row] = rows(svc, recipient_id=elder_id)
    assert (row.status, row.attempts, flaky.calls) == ("sent", 3, 3)


def test_delivery_fails_for_good_after_the_maximum_attempts(svc):
    elder_id = register(svc)
    notify = Notify(svc.use_cases.settings, svc.outbox, {"sms": Flaky(99)}, svc.use_cases.resolve, rand=lambda: 0.5)
    now = daytime()
    for _ in range(8):
        notify.dispatch_due(svc.store.begin, now)
        now += timedelta(hours=1)
    [row] = rows(svc, recipient_id=elder_id)
    assert (row.status, row.attempts, row.last_error) == ("failed", 5, "gateway busy")


def test_the_sink_stores_the_sent_sms(svc):
    elder_id = register(svc)
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    with svc.store.begin() as session:
        [message] = session.execute(sa.select(sink_messages)).all()
    assert message.address == "13912341234" and "张阿姨" in message.body
    assert rows(svc, recipient_id=elder_id)[0].status == "sent"


@pytest.fixture
def receiver():
    received = []

    @Request.application
    def app(request):
        received.append((request.headers.get("X-Zhuyu-Signature"), request.get_data(),
                         request.headers.get("X-Zhuyu-Timestamp")))
        return Response("ok")

    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()


def test_webhook_deliveries_are_signed_cloudevents_without_personal_data(svc, client, receiver, monkeypatch):
    url, received = receiver
    created = client.post("/webhooks", json={"url": url, "event_types": ["registration.elder.registered"]}, headers=KEY)
    assert created.status_code == 201
    secret = created.get_json()["secret"]
    assert "secret" not in client.get(f"/webhooks/{created.get_json()['id']}", headers=KEY).get_json()
    register(svc)
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    [(signature, body, timestamp)] = received
    assert abs(int(timestamp) - time.time()) < 300
    assert domain.verify_delivery(secret.encode(), timestamp, body, signature)
    assert not domain.verify(secret.encode(), body, signature)  # the body alone is not what is signed
    event = json.loads(body)
    assert event["specversion"] == "1.0" and event["type"] == "registration.elder.registered"
    assert "phone" not in event["data"] and "name" not in event["data"]


def test_a_refused_check_in_and_a_visit_ended_early_reach_a_webhook_subscribed_to_them(svc, client, receiver):
    """A partner subscribed to the door's refusals and to visits ended early gets each one."""
    url, received = receiver
    assert client.post("/webhooks", json={"url": url, "event_types": [
        "visits.visit.entry_denied", "visits.visit.ended_early"]}, headers=KEY).status_code == 201
    denial, visit = str(uuid.uuid4()), str(uuid.uuid4())
    feed(svc, "visits.visit.entry_denied", denial, {"elder_id": None, "citizen_card_no_masked": "CT****0001",
                                                    "service_point_id": POINT, "code": "UNKNOWN_CARD"})
    feed(svc, "visits.visit.ended_early", visit, payloads.visit(id=visit, service_point_id=POINT, status="ended_early",
                                                                 reason="unwell", ended_from="screened"))
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    events = sorted((json.loads(body) for _, body, _ in received), key=lambda event: event["type"])
    assert [(event["type"], event["subject"]) for event in events] == [
        ("visits.visit.ended_early", visit), ("visits.visit.entry_denied", denial)]
    assert events[0]["data"]["reason"] == "unwell" and events[1]["data"]["code"] == "UNKNOWN_CARD"


def test_webhooks_to_private_addresses_are_refused_unless_allowed(build_service, monkeypatch):
    monkeypatch.setenv("ZHUYU_WEBHOOK_ALLOW_PRIVATE", "false")
    strict = build_service("notify").app().test_client()
    for url in ("http://127.0.0.1:9/x", "http://10.0.0.8/x", "http://localhost/x"):
        response = strict.post("/webhooks", json={"url": url, "event_types": ["registration.elder.registered"]},
                               headers=KEY)
        assert (response.status_code, list(response.get_json()["errors"])) == (422, ["url"]), url


def test_booking_reminder_goes_the_day_before_once_and_not_after_a_cancellation(svc):
    elder_id = register(svc)
    slot = "2026-12-02T09:30:00+08:00"
    kept, cancelled = str(uuid.uuid4()), str(uuid.uuid4())
    for booking in (kept, cancelled):
        feed(svc, "visits.booking.created", booking, payloads.booking(id=booking, elder_id=elder_id,
                                                                      service_point_id=POINT, slot_start=slot))
    feed(svc, "visits.booking.cancelled", cancelled, payloads.booking(
        id=cancelled, elder_id=elder_id, service_point_id=POINT, slot_start=slot, status="cancelled"), sequence=2)
    planner = svc.use_cases
    before = datetime(2026, 12, 1, 9, 59, tzinfo=timezone.utc)  # 17:59 in Shanghai, the day before
    with svc.store.begin() as session:
        assert planner.send_due_reminders(session, before) == 0
        assert planner.send_due_reminders(session, before + timedelta(minutes=1)) == 1
        assert planner.send_due_reminders(session, before + timedelta(hours=1)) == 0
    [reminder] = rows(svc, event_type="notify.reminder.booking")
    assert reminder.recipient_id == elder_id and "明天" in reminder.body and "12月02日 09:30" in reminder.body


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received = []

    class Keep(Message):
        def handle_message(self, message):
            received.append(message)

    from kit.broker import free_port

    controller = Controller(Keep(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, received
    controller.stop()


def test_escalation_emails_the_supervisor_through_a_real_smtp_server(build_service, monkeypatch, smtp_server):
    controller, received = smtp_server
    monkeypatch.setenv("NOTIFY_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NOTIFY_SMTP_PORT", str(controller.port))
    svc = build_service("notify")
    supervisor = str(uuid.uuid4())
    feed(svc, "registration.staff.created", supervisor, payloads.staff(
        id=supervisor, name="钱主管", phone="13700009999", email="qian@example.org", roles=["cs_supervisor"],
        service_point_id=None))
    complaint = str(uuid.uuid4())
    feed(svc, "complaints.complaint.escalated", complaint, payloads.complaint(
        id=complaint, service_point_id=POINT, owner_staff_id=None, supervisor_staff_ids=[supervisor],
        category="safety", escalation_level=1,
        deadline={"name": "first_reply", "due_at": "2026-11-23T09:00:00+00:00"}))
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    [email] = rows(svc, channel="email")
    assert email.status == "sent", email.last_error
    [message] = received
    assert message["To"] == "qian@example.org"
    assert "投诉时限" in message.get_payload(decode=True).decode("utf-8")


def test_the_complainant_is_told_the_reply_time_the_complaint_was_given(svc):
    for hours, promise in ((12, "我们将在12小时内答复"), (1.5, "我们将在1.5小时内答复"), (None, None)):
        complaint = str(uuid.uuid4())
        feed(svc, "complaints.complaint.received", complaint, payloads.complaint(
            id=complaint, service_point_id=POINT, complainant={"name": "李先生", "phone": "13800001111"},
            reply_within_hours=hours))
        [sms] = rows(svc, recipient_id=complaint)
        assert "您的意见已受理" in sms.body and "24小时" not in sms.body
        assert (promise in sms.body) if promise else ("答复" not in sms.body), sms.body


def test_a_closed_complaint_sends_the_complainant_the_survey_and_a_rebooked_callback_its_time(svc):
    complaint, invitation = str(uuid.uuid4()), str(uuid.uuid4())
    feed(svc, "complaints.survey.invited", invitation, {
        "id": invitation, "subject_type": "complaint", "subject_id": complaint, "service_point_id": POINT,
        "elder_id": None, "complainant": {"name": "周女士", "phone": "13800005555"}, "token": "t0k3n-abc"})
    [sms] = rows(svc, recipient_id=complaint)
    assert (sms.recipient_type, sms.channel, sms.address) == ("complainant", "sms", "13800005555")
    assert "周女士" in sms.body and "投诉已办结" in sms.body and "t0k3n-abc" in sms.body
    feed(svc, "complaints.complaint.callback_booked", complaint, payloads.complaint(
        id=complaint, service_point_id=POINT, status="replied", complainant={"name": "周女士", "phone": "13800005555"},
        next_try_at="2026-12-01T02:30:00+00:00"))
    booked = [r for r in rows(svc, recipient_id=complaint) if r.event_type.endswith("callback_booked")]
    assert len(booked) == 1 and "12月01日 10:30" in booked[0].body  # local time


def test_the_elder_is_sent_the_subsidy_decision_either_way(svc):
    elder_id = register(svc)
    approved, refused = str(uuid.uuid4()), str(uuid.uuid4())
    feed(svc, "registration.subsidy.decided", approved, payloads.subsidy(
        id=approved, elder_id=elder_id, category="age_90", valid_until="2027-11-30"))
    feed(svc, "registration.subsidy.decided", refused, payloads.subsidy(
        id=refused, elder_id=elder_id, category="dibao", status="rejected", stage="reviewed", approved=False,
        eligible=False, decided_at="2026-12-01T10:00:00+08:00", valid_from=None, valid_until=None))
    sent = {r.event_id: r for r in rows(svc, event_type="registration.subsidy.decided")}
    assert {(r.recipient_type, r.channel, r.address) for r in sent.values()} == {("elder", "sms", "13912341234")}
    bodies = sorted(r.body for r in sent.values())
    assert bodies == ["【居家养老服务】张阿姨您好，您按90周岁以上老人申请的政府购买服务补贴已审批通过，有效期至2027-11-30，期间助浴服务由政府支付。",
                      "【居家养老服务】张阿姨您好，您按低保老人申请的政府购买服务补贴未获通过，详情请咨询所在社区居家养老服务站。"]


def test_a_point_bound_caller_reads_only_its_points_notifications(svc, client):
    mine, theirs = register(svc), register(svc, service_point_id=OTHER_POINT)
    agent = caller("cs_agent", user="u-cs", point=POINT)
    listed = client.get("/notifications", headers=agent).get_json()["items"]
    assert {n["recipient"]["id"] for n in listed} == {mine} and {n["service_point_id"] for n in listed} == {POINT}
    assert client.get("/notifications", query_string={"recipient": theirs}, headers=agent).get_json()["items"] == []
    assert client.get("/notifications", query_string={"service_point_id": OTHER_POINT},
                      headers=agent).status_code == 403
    [their_sms] = rows(svc, recipient_id=theirs)
    assert client.get(f"/notifications/{their_sms.id}", headers=agent).status_code == 404
    assert client.get(f"/notifications/{their_sms.id}", headers=ADMIN).get_json()["service_point_id"] == OTHER_POINT
    key = caller("api_client", user="k", point=POINT, scopes=["notifications:read"])
    assert {n["recipient"]["id"] for n in client.get("/notifications", headers=key).get_json()["items"]} == {mine}


def test_staff_never_see_a_survey_links_token(svc, client):
    elder_id = register(svc)
    survey, visit, token = str(uuid.uuid4()), str(uuid.uuid4()), "C3iDVqCqmGGuTfbo6gMKnuGJswiwWxPf"
    feed(svc, "complaints.survey.invited", survey, {
        "id": survey, "subject_type": "visit", "subject_id": visit, "elder_id": elder_id, "service_point_id": POINT,
        "complainant": None, "token": token})
    [invitation] = rows(svc, event_type="complaints.survey.invited")
    assert token in invitation.body  # the elder's SMS carries the link
    for reader in (ADMIN, caller("cs_agent", user="u-cs", point=POINT)):
        shown = client.get(f"/notifications/{invitation.id}", headers=reader).get_json()["body"]
        assert token not in shown and "/survey/" in shown
        listed = client.get("/notifications", query_string={"event_type": "complaints.survey.invited"}, headers=reader)
        assert token not in listed.get_data(as_text=True)


def test_preferences_are_set_only_for_a_known_recipient_of_the_callers_point(svc, client):
    theirs = register(svc, service_point_id=OTHER_POINT)
    agent = caller("cs_agent", user="u-cs", point=POINT)
    body = {"channels": ["email"], "opt_out": ["visits.booking.created"]}
    refused = client.put(f"/recipients/{theirs}/preferences", json=body, headers=agent)
    assert (refused.status_code, refused.get_json()["code"]) == (404, "NOT_FOUND")
    assert client.put(f"/recipients/{uuid.uuid4()}/preferences", json=body, headers=ADMIN).status_code == 404
    booking = str(uuid.uuid4())
    feed(svc, "visits.booking.created", booking, payloads.booking(id=booking, elder_id=theirs,
                                                                  service_point_id=OTHER_POINT))
    assert [r.status for r in rows(svc, recipient_id=theirs, event_type="visits.booking.created")] != ["suppressed"]
    assert client.put(f"/recipients/{theirs}/preferences", json=body,
                      headers=caller("cs_agent", user="u-cs2", point=OTHER_POINT)).status_code == 200


def test_a_point_bound_owners_webhook_gets_only_its_points_events_and_only_it_sees_the_hook(svc, client, receiver):
    url, received = receiver
    owner = caller("api_client", user="k-a", point=POINT, scopes=["webhooks:write", "elders:read", "visits:read"])
    created = client.post("/webhooks", json={"url": url, "event_types": ["*"]}, headers=owner).get_json()
    assert created["service_point_id"] == POINT
    mine, theirs = register(svc), register(svc, service_point_id=OTHER_POINT)
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    assert [json.loads(body)["subject"] for _, body, _ in received] == [mine] and theirs not in str(received)
    assert client.get(f"/webhooks/{created['id']}", headers=owner).status_code == 200
    for someone in (KEY, caller("api_client", user="k-b", point=OTHER_POINT, scopes=["webhooks:write", "elders:read", "visits:read"])):
        assert client.get(f"/webhooks/{created['id']}", headers=someone).status_code == 404


def test_an_owner_lists_and_deletes_its_own_webhooks_and_nothing_is_delivered_to_a_deleted_one(svc, client, receiver):
    url, received = receiver
    owner = caller("api_client", user="k-a", point=POINT, scopes=["webhooks:write", "elders:read", "visits:read"])
    other = caller("api_client", user="k-b", point=POINT, scopes=["webhooks:write", "elders:read", "visits:read"])
    kept = client.post("/webhooks", json={"url": url, "event_types": ["registration.elder.updated"]},
                       headers=owner).get_json()
    gone = client.post("/webhooks", json={"url": url, "event_types": ["registration.elder.registered"]},
                       headers=owner).get_json()
    theirs = client.post("/webhooks", json={"url": url, "event_types": ["*"]}, headers=other).get_json()
    listed = client.get("/webhooks", headers=owner).get_json()["items"]
    assert [hook["id"] for hook in listed] == [kept["id"], gone["id"]] and all("secret" not in h for h in listed)
    assert client.delete(f"/webhooks/{theirs['id']}", headers=owner).status_code == 404  # not the owner's
    assert client.delete(f"/webhooks/{gone['id']}", headers=owner).status_code == 204
    assert client.get(f"/webhooks/{gone['id']}", headers=owner).status_code == 404
    assert [hook["id"] for hook in client.get("/webhooks", headers=owner).get_json()["items"]] == [kept["id"]]
    client.delete(f"/webhooks/{theirs['id']}", headers=other)
    register(svc)
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    assert received == []  # the deleted hook was the only one taking registrations


def test_the_address_is_checked_again_at_delivery_and_the_checked_address_is_the_one_connected(
        build_service, monkeypatch, receiver):
    """A name that resolved to a public address when the hook was made and to loopback at
    delivery (DNS rebinding) gets nothing, though the receiver listens there."""
    from services.notify import adapters, bootstrap

    url, received = receiver
    port = url.split(":")[2].split("/")[0]
    answers = iter([{"93.184.216.34"}])
    fake = lambda host: next(answers, {"127.0.0.1"})  # noqa: E731
    monkeypatch.setattr(adapters, "resolve", fake)
    monkeypatch.setattr(bootstrap, "resolve", fake)
    monkeypatch.setenv("ZHUYU_WEBHOOK_ALLOW_PRIVATE", "false")
    strict = build_service("notify")
    created = strict.app().test_client().post(
        "/webhooks", json={"url": f"http://hooks.example.cn:{port}/hook", "event_types": ["*"]}, headers=KEY)
    assert created.status_code == 201
    register(strict)
    strict.use_cases.dispatch_due(strict.store.begin, daytime())
    assert received == []
    [attempt] = rows(strict, recipient_type="webhook")
    assert "private" in attempt.last_error


def test_an_escalation_reaches_each_rung_of_the_ladder_it_has_climbed(svc):
    supervisor, head, operator, other_head = (str(uuid.uuid4()) for _ in range(4))
    for staff_id, roles, point in ((supervisor, ["cs_supervisor"], None), (head, ["point_admin"], POINT),
                                   (operator, ["city_operator"], None), (other_head, ["point_admin"], str(uuid.uuid4()))):
        feed(svc, "registration.staff.created", staff_id, payloads.staff(
            id=staff_id, name="员工", phone="13700009999", email=None, roles=roles, service_point_id=point))
    deadline = {"name": "first_reply", "due_at": "2026-11-23T09:00:00+00:00"}
    reached = {}
    for level, ladder in ((1, ["supervisors"]), (2, ["supervisors", "point_admins"]),
                          (3, ["supervisors", "point_admins", "city_operators"])):
        complaint = str(uuid.uuid4())
        event = feed(svc, "complaints.complaint.escalated", complaint, payloads.complaint(
            id=complaint, service_point_id=POINT, severity="major", supervisor_staff_ids=[supervisor],
            escalation_level=level, escalated_to=ladder, deadline=deadline))
        reached[level] = sorted(r.recipient_id for r in rows(svc, channel="inbox", event_id=event["id"]))
    assert reached == {1: [supervisor], 2: sorted([supervisor, head]), 3: sorted([supervisor, head, operator])}
