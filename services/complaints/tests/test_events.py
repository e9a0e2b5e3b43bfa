"""Events out (the outbox rows, with the data docs/events.md fixes) and events in (the
handlers' read models: idempotent and order-safe), on SQLite and PostgreSQL."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from kit import events
from services.complaints import api, bootstrap, handlers
from tests.callers import ADMIN, ANONYMOUS, caller
from tests.catalogue import checked
from tests.service_stubs import RegisteredElders

pytestmark = pytest.mark.integration
POINT = str(uuid.uuid4())
T0 = datetime(2026, 5, 4, 2, 0, tzinfo=timezone.utc)
# The desk's quality check, neither owner nor resolver of the complaints it calls back.
QUALITY = caller("cs_agent", user="u-quality", staff="s-quality")
COMPLAINT_FIELDS = {"id", "service_point_id", "elder_id", "type", "channel", "category", "severity", "status",
                    "owner_staff_id", "supervisor_staff_ids", "escalation_level", "escalated_to", "complainant"}


@pytest.fixture
def clock(monkeypatch):
    state = {"now": T0}
    for module in (api, bootstrap, handlers):
        monkeypatch.setattr(module, "utcnow", lambda: state["now"])
    return state


ELDERS = RegisteredElders()  # registration's answer: every elder these complaints name is of their point


@pytest.fixture
def svc(build_service):
    service = build_service("complaints")
    service.use_cases.registration = ELDERS
    return service


@pytest.fixture
def client(svc, clock):
    return svc.app().test_client()


def deliver(svc, type_: str, subject: str, data: dict, sequence: int) -> events.Event:
    """An event as the consumer hands it over (a new event id each time)."""
    event = events.parse(events.encode(events.envelope(type=type_, source="/registration", subject=subject,
                                                       data=checked(type_, data), sequence=sequence,
                                                       correlationid=None, traceparent=None)))
    with svc.store.begin() as session:
        svc.handlers[type_](session, event)
    return event


def staff_state(staff_id: str, roles: list[str], point: str | None = POINT, active: bool = True) -> dict:
    return {"id": staff_id, "name": "王芳", "gender": "female", "roles": roles, "service_point_id": point,
            "phone": "13900001111", "email": None, "qualified": True, "qualification_problems": [],
            "health_certificate_expires_on": "2027-01-01", "active": active}


def published(svc, prefix: str = "") -> list[events.Event]:
    with svc.store.begin() as session:
        bodies = session.execute(sa.text("SELECT body FROM outbox ORDER BY id")).scalars().all()
    return [e for e in map(events.parse, bodies) if e.type.startswith(prefix)]


def new(client, **overrides) -> str:
    body = {"channel": "phone", "type": "complaint", "category": "safety", "service_point_id": POINT,
            "elder_id": str(uuid.uuid4()), "complainant": {"name": "李先生", "phone": "13800001111"},
            "content": "地面湿滑"} | overrides
    if body["elder_id"]:
        ELDERS[body["elder_id"]] = body["service_point_id"]
    return client.post("/complaints", json=body, headers=ADMIN).get_json()["id"]


def test_each_handling_step_emits_the_complaints_whole_state(client, svc):
    admin = str(uuid.uuid4())
    supervisor = str(uuid.uuid4())
    deliver(svc, "registration.staff.created", admin, staff_state(admin, ["point_admin"]), 1)
    deliver(svc, "registration.staff.created", supervisor, staff_state(supervisor, ["cs_supervisor"], None), 1)
    complaint_id = new(client)
    url = f"/complaints/{complaint_id}"
    for path, body in (("assign", {"staff_id": admin}), ("replies", {"content": "已收到"}),
                       ("follow-ups", {"note": "跟进", "reason_open": "调查中"}), ("resolve", {"resolution": "已铺防滑垫"}),
                       ("replies", {"content": "结果"}), ("callback", {"reached": False}),
                       ("callback", {"satisfied": False}), ("escalate", {"reason": "再次不满"}),
                       ("resolve", {"resolution": "再次整改"}), ("replies", {"content": "结果"}),
                       ("callback", {"satisfied": True})):
        headers = QUALITY if path == "callback" else ADMIN
        assert client.post(f"{url}/{path}", json=body, headers=headers).status_code == 200, path
    emitted = published(svc, "complaints.complaint.")
    assert [(e.type.rsplit(".", 1)[1], e.data["status"]) for e in emitted] == [
        ("received", "received"), ("assigned", "assigned"), ("replied", "in_progress"), ("resolved", "resolved"),
        ("replied", "replied"), ("callback_booked", "replied"), ("reopened", "reopened"), ("escalated", "reopened"),
        ("resolved", "resolved"),
        ("replied", "replied"), ("closed", "closed")]
    for event in emitted:
        assert (event.source, event.subject) == ("/complaints", complaint_id)
        extra = {"received": {"reply_within_hours"}, "callback_booked": {"next_try_at"}}
        assert set(event.data) == COMPLAINT_FIELDS | extra.get(event.type.rsplit(".", 1)[1], set())
    assert emitted[0].data["reply_within_hours"] == 24
    assert [e.sequence for e in emitted] == sorted(e.sequence for e in emitted)
    assert len({e.sequence for e in emitted}) == len(emitted)
    last = emitted[-1].data
    assert last == {"id": complaint_id, "service_point_id": POINT, "elder_id": last["elder_id"], "type": "complaint",
                    "channel": "phone", "category": "safety", "severity": "normal", "status": "closed",
                    "owner_staff_id": admin, "supervisor_staff_ids": [supervisor], "escalation_level": 1,
                    "escalated_to": ["supervisors"],
                    "complainant": {"name": "李先生", "phone": "13800001111"}}


def test_deadline_events_carry_the_deadline(client, svc, clock):
    complaint_id = new(client)
    investigated = client.post(f"/complaints/{complaint_id}/investigation",
                               json={"findings": "情况属实", "verified": True}, headers=ADMIN)
    assert investigated.status_code == 200  # met the same day: only the first reply is late
    [job] = [j for j in svc.jobs if j.name == "deadline-watch"]
    for hours in (12, 20, 24):
        clock["now"] = T0 + timedelta(hours=hours)
        job.run()
    emitted = published(svc, "complaints.complaint.")
    assert [e.type for e in emitted] == ["complaints.complaint.received", "complaints.complaint.deadline_warning",
                                         "complaints.complaint.deadline_warning", "complaints.complaint.overdue",
                                         "complaints.complaint.escalated"]
    due = (T0 + timedelta(hours=24)).isoformat()
    for event in emitted[1:]:
        assert event.subject == complaint_id
        assert set(event.data) == COMPLAINT_FIELDS | {"deadline"} | ({"alert"} if event.type.endswith("warning")
                                                                       else set())
        assert event.data["deadline"] == {"name": "first_reply", "due_at": due}
    assert [e.data.get("alert") for e in emitted] == [None, "notice", "warn", None, None]  # at 50 % and 80 %
    assert [e.data["escalation_level"] for e in emitted] == [0, 0, 0, 1, 1]


def test_a_checked_out_visit_invites_a_survey_once_and_the_answer_is_published(client, svc):
    visit, elder = str(uuid.uuid4()), str(uuid.uuid4())
    data = {"id": visit, "elder_id": elder, "service_point_id": POINT, "booking_id": None, "status": "checked_out",
            "assistant_staff_id": None, "refusal_reasons": [], "warnings": [], "urgent": False, "at": T0.isoformat(),
            "funding": {"source": "self_pay", "category": None}}
    deliver(svc, "visits.visit.checked_out", visit, data, 7)
    deliver(svc, "visits.visit.checked_out", visit, data, 7)  # redelivered under a new event id
    [invited] = published(svc, "complaints.survey.invited")
    token = invited.data["token"]
    assert invited.subject == invited.data["id"] != visit
    assert invited.data == {"id": invited.subject, "subject_type": "visit", "subject_id": visit,
                            "service_point_id": POINT, "elder_id": elder, "complainant": None, "token": token}
    answer = client.post(f"/surveys/by-token/{token}", json={"score": 4, "comment": "不错"}, headers=ANONYMOUS).get_json()
    [submitted] = published(svc, "complaints.survey.submitted")
    assert (submitted.subject, submitted.source) == (answer["id"], "/complaints")
    assert submitted.data == {"id": answer["id"], "subject_type": "visit", "subject_id": visit,
                              "service_point_id": POINT, "score": 4, "satisfied": True}


def test_a_store_rebuilt_from_the_visits_events_makes_the_same_invitation_event_and_link(client, svc):
    """Notify drops an event it has handled by its id: the rebuilt invitation must be the
    same event, or the family would get a second survey SMS."""
    visit = str(uuid.uuid4())
    data = {"id": visit, "elder_id": str(uuid.uuid4()), "service_point_id": POINT, "booking_id": None,
            "status": "checked_out", "assistant_staff_id": None, "refusal_reasons": [], "warnings": [],
            "urgent": False, "at": T0.isoformat(),
            "funding": {"source": "self_pay", "category": None}}
    deliver(svc, "visits.visit.checked_out", visit, data, 7)
    [before] = published(svc, "complaints.survey.invited")
    with svc.store.begin() as session:  # the store is lost: everything the visit left behind
        for table in ("survey_invitations", "visits", "outbox", "aggregate_sequence"):
            session.execute(sa.text(f"DELETE FROM {table}"))
    deliver(svc, "visits.visit.checked_out", visit, data, 7)
    [after] = published(svc, "complaints.survey.invited")
    assert (after.id, after.subject, after.data) == (before.id, before.subject, before.data)
    other = str(uuid.uuid4())
    deliver(svc, "visits.visit.checked_out", other, data | {"id": other}, 7)
    tokens = {e.data["token"] for e in published(svc, "complaints.survey.invited")}
    assert len(tokens) == 2, "each visit has its own link"
    assert client.post(f"/surveys/by-token/{before.data['token']}", json={"score": 5, "comment": ""}, headers=ANONYMOUS).status_code == 201


def test_a_closed_complaint_invites_the_complainant_to_a_survey(client, svc):
    owner = str(uuid.uuid4())
    deliver(svc, "registration.staff.created", owner, staff_state(owner, ["cs_agent"]), 1)
    complaint_id = new(client)
    url = f"/complaints/{complaint_id}"
    for path, body in (("assign", {"staff_id": owner}), ("replies", {"content": "x"}),
                       ("resolve", {"resolution": "x"}), ("replies", {"content": "x"}), ("callback", {"satisfied": True})):
        headers = QUALITY if path == "callback" else ADMIN
        assert client.post(f"{url}/{path}", json=body, headers=headers).status_code == 200, path
    [invited] = published(svc, "complaints.survey.invited")
    assert invited.data["subject_type"] == "complaint" and invited.data["subject_id"] == complaint_id
    assert invited.data["complainant"] == {"name": "李先生", "phone": "13800001111"}


def test_the_staff_read_model_keeps_the_newest_state_whatever_the_order(client, svc):
    admin = str(uuid.uuid4())
    deliver(svc, "registration.staff.updated", admin, staff_state(admin, ["point_admin"]), 2)
    deliver(svc, "registration.staff.created", admin, staff_state(admin, ["bathing_assistant"]), 1)  # late, older
    deliver(svc, "registration.staff.updated", admin, staff_state(admin, ["point_admin"]), 2)  # duplicate
    first = client.get(f"/complaints/{new(client)}", headers=ADMIN).get_json()
    assert first["owner_staff_id"] == admin
    deliver(svc, "registration.staff.qualification_changed", admin,
            staff_state(admin, ["point_admin"], active=False) | {"change": "expired", "days_left": 0}, 3)
    assert client.get(f"/complaints/{new(client)}", headers=ADMIN).get_json()["owner_staff_id"] is None


def test_the_monthly_report_is_announced_once(client, svc, clock):
    new(client)
    [job] = [j for j in svc.jobs if j.name == "monthly-report"]
    for day in (25, 26, 27):  # May's period ends with the 25th: its report is made on the 26th
        clock["now"] = datetime(2026, 5, day, 4, tzinfo=timezone.utc)
        job.run()
    readies = published(svc, "complaints.report.ready")
    assert [r.data["month"] for r in readies] == ["2026-04", "2026-05"]
    ready = readies[-1]
    assert ready.data == {"id": ready.subject, "month": "2026-05", "service_point_ids": [POINT]}


def test_through_the_broker_staff_events_name_owners_and_complaint_events_go_out(client, svc):
    """The consumer's queue is bound to the handlers' keys; the relay publishes the outbox."""
    import threading
    import time

    from kit import bus

    conn = bus.connect(svc.settings.amqp_url)
    try:
        channel = conn.default_channel
        svc.consumer().declare(channel)
        channel.queue_declare("probe.complaints", durable=False, exclusive=True)
        channel.queue_bind("probe.complaints", bus.EXCHANGE, "complaints.#")
        admin = str(uuid.uuid4())
        event = events.envelope(type="registration.staff.created", source="/registration", subject=admin,
                                data=staff_state(admin, ["point_admin"]), sequence=1, correlationid=None,
                                traceparent=None)
        bus.ConfirmingPublisher(conn.channel(), conn, 5.0).publish([bus.Outgoing(
            bus.EXCHANGE, event["type"], events.encode(event), event["id"], {})])
        stop = threading.Event()
        consumer = threading.Thread(target=svc.consumer().run, args=(stop,), daemon=True)
        consumer.start()
        try:
            deadline = time.monotonic() + 20
            while client.get(f"/complaints/{new(client)}", headers=ADMIN).get_json()["owner_staff_id"] != admin:
                assert time.monotonic() < deadline, "the staff event never reached the read model"
                time.sleep(0.1)
        finally:
            stop.set()
            consumer.join(10)
        relay = svc.relay()
        while relay.run_once():
            pass
        deadline = time.monotonic() + 10
        while (message := channel.basic_get("probe.complaints", no_ack=True)) is None:
            assert time.monotonic() < deadline, "no complaint event was published"
            time.sleep(0.05)
        assert events.parse(message.body).type == "complaints.complaint.received"
    finally:
        conn.release()
