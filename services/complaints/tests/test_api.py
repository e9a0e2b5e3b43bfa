"""Complaints over HTTP on a real store (SQLite and PostgreSQL), with a fixed clock."""
from __future__ import annotations

import csv
import json
import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from kit import events
from services.complaints import api, bootstrap, domain, handlers
from services.complaints.models import monthly_reports
from tests import payloads
from tests.callers import ADMIN, ANONYMOUS, caller
from tests.catalogue import checked
from tests.service_stubs import RegisteredElders

pytestmark = pytest.mark.integration
AGENT = caller("cs_agent", user="u-agent", staff="s-agent")
# The desk's quality check: an agent who neither owns nor resolved the complaints it calls back.
QUALITY = caller("cs_agent", user="u-quality", staff="s-quality")
POINT = str(uuid.uuid4())
OTHER_POINT = str(uuid.uuid4())
POINT_ADMIN = caller("point_admin", user="u-pa", point=POINT)
T0 = datetime(2026, 3, 10, 1, 0, tzinfo=timezone.utc)  # 09:00 in Asia/Shanghai


class Clock:
    """The clock every entry point of the service reads (requests, jobs, handlers)."""

    def __init__(self, monkeypatch, now: datetime):
        self.now = now
        for module in (api, bootstrap, handlers):
            monkeypatch.setattr(module, "utcnow", lambda: self.now)

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch, T0)


@pytest.fixture
def svc(build_service):
    service = build_service("complaints")
    service.use_cases.registration = RegisteredElders()  # the elders a complaint may name, by point
    return service


@pytest.fixture
def client(svc, clock):
    staff_member(svc, ["cs_agent"], point=None, staff_id=DESK_AGENT)  # the owner the steps assign
    return svc.app().test_client()


def feed(svc, type_: str, subject: str, data: dict, sequence: int = 1) -> None:
    event = events.parse(events.encode(events.envelope(type=type_, source="/x", subject=subject,
                                                       data=checked(type_, data), sequence=sequence,
                                                       correlationid=None, traceparent=None)))
    with svc.store.begin() as session:
        svc.handlers[type_](session, event)


def staff_member(svc, roles: list[str], point: str | None = POINT, staff_id: str | None = None) -> str:
    staff_id = staff_id or str(uuid.uuid4())
    feed(svc, "registration.staff.created", staff_id,
         payloads.staff(id=staff_id, name="张三", roles=roles, service_point_id=point))
    return staff_id


def complaint(client, headers=ADMIN, **overrides):
    body = {"channel": "phone", "type": "complaint", "category": "service_attitude", "service_point_id": POINT,
            "complainant": {"name": "李先生", "phone": "13800001111"}, "content": "态度不好"} | overrides
    return client.post("/complaints", json=body, headers=headers)


def new(client, **overrides) -> str:
    response = complaint(client, **overrides)
    assert response.status_code == 201, response.get_json()
    return "/complaints/" + response.get_json()["id"]


def step(client, url: str, path: str, body: dict | None = None, headers=ADMIN):
    return client.post(f"{url}/{path}", json=body or {}, headers=headers)


def types(svc) -> list[str]:
    with svc.store.begin() as session:
        return list(session.execute(sa.text("SELECT type FROM outbox ORDER BY id")).scalars())


def watch(svc) -> None:
    """One run of the scheduler's deadline-watch job; it reads the fixed clock."""
    [job] = [j for j in svc.jobs if j.name == "deadline-watch"]
    job.run()


DESK_AGENT = str(uuid.uuid4())
BODIES = {"assign": {"staff_id": DESK_AGENT}, "replies": {"content": "已收到"},
          "follow-ups": {"note": "调查中", "reason_open": "等待监控录像"}, "resolve": {"resolution": "已道歉并整改"},
          "callback": {"satisfied": True, "score": 9}, "escalate": {"reason": "需主管协调"}, "close": {"note": "已答复"},
          "investigation": {"findings": "已调取监控，情况属实", "verified": True},
          "pause": {"reason": "等待投诉人提供就诊记录"}, "resume": {"note": "投诉人已回电"},
          "review": {"approved": True}, "merge": {"into": str(uuid.uuid4())}}


def due(body: dict) -> dict:
    """Each deadline's due and met times."""
    return {name: (d["due_at"], d["met_at"]) for name, d in body["deadlines"].items()}


# --- intake -------------------------------------------------------------------------------

def test_intake_names_the_points_administrator_as_owner(client, svc):
    first = staff_member(svc, ["point_admin"], staff_id="b" + str(uuid.uuid4())[1:])
    second = staff_member(svc, ["point_admin"], staff_id="a" + str(uuid.uuid4())[1:])
    staff_member(svc, ["point_admin"], point=OTHER_POINT, staff_id="0" + str(uuid.uuid4())[1:])
    elder = str(uuid.uuid4())
    svc.use_cases.registration[elder] = POINT
    response = complaint(client, elder_id=elder, attachments=["files/1.jpg"])
    assert response.status_code == 201
    body = response.get_json()
    assert body["status"] == "received" and body["owner_staff_id"] == min(first, second) == second
    assert body["overdue"] is False and body["escalation_level"] == 0 and body["attachments"] == ["files/1.jpg"]
    # Received at 09:00 local: investigated by the end of that day (16:00 UTC).
    assert due(body) == {"first_reply": ((T0 + timedelta(hours=24)).isoformat(), None),
                         "investigation": ("2026-03-10T16:00:00+00:00", None),
                         "follow_up": ((T0 + timedelta(days=7)).isoformat(), None)}
    assert body["history"] == [{"at": T0.isoformat(), "action": "received", "actor": "u-admin",
                                "actor_staff_id": None, "status": "received", "owner_staff_id": second}]


def test_a_point_without_administrator_is_owned_by_a_desk_supervisor_from_intake(client, svc):
    assert complaint(client).get_json()["owner_staff_id"] is None  # nobody at all to own it yet
    desk = staff_member(svc, ["cs_supervisor"], point=None, staff_id="c" + str(uuid.uuid4())[1:])
    assert complaint(client).get_json()["owner_staff_id"] == desk
    at_point = staff_member(svc, ["cs_supervisor"], staff_id="d" + str(uuid.uuid4())[1:])
    assert complaint(client).get_json()["owner_staff_id"] == at_point  # the point's own before the desk's
    admin = staff_member(svc, ["point_admin"], staff_id="e" + str(uuid.uuid4())[1:])
    assert complaint(client).get_json()["owner_staff_id"] == admin  # the administrator first
    assert complaint(client, service_point_id=OTHER_POINT).get_json()["owner_staff_id"] == desk


@pytest.mark.parametrize("change,field", [({"channel": "wechat"}, "channel"), ({"type": "praise!"}, "type"),
                                          ({"category": "noise"}, "category"), ({"severity": "minor"}, "severity"),
                                          ({"service_point_id": "x"}, "service_point_id"),
                                          ({"complainant": {"name": "李"}}, "complainant.phone"), ({"content": ""}, "content"),
                                          ({"colour": "red"}, "colour")])
def test_intake_refuses_invalid_fields(client, change, field):
    response = complaint(client, **change)
    assert response.status_code == 422 and response.get_json()["code"] == "VALIDATION_FAILED"
    assert field in response.get_json()["errors"]


def test_major_complaints_escalate_to_management_at_once(client, svc):
    body = complaint(client, severity="major").get_json()
    assert body["escalation_level"] == 1
    assert [h["action"] for h in body["history"]] == ["received", "escalated"]
    assert types(svc) == ["complaints.complaint.received", "complaints.complaint.escalated"]


# --- the handling steps ---------------------------------------------------------------------

def test_a_complaint_is_handled_called_back_reopened_and_closed_when_satisfied(client, svc, clock):
    owner = staff_member(svc, ["point_admin"])
    url = new(client)
    assert step(client, url, "assign", {"staff_id": owner}).get_json()["status"] == "assigned"
    clock.advance(hours=2)
    replied = step(client, url, "replies", {"content": "已收到，正在调查"}).get_json()
    assert replied["status"] == "in_progress" and replied["deadlines"]["first_reply"]["met_at"] == clock.now.isoformat()
    assert step(client, url, "follow-ups", {"note": "调查中", "reason_open": "等待监控"}).get_json()["follow_ups"] == 1
    closing = step(client, url, "close", {"note": "x"})
    assert (closing.status_code, closing.get_json()["code"]) == (409, "CALLBACK_REQUIRED")
    resolved = step(client, url, "resolve", {"resolution": "已道歉"}).get_json()
    assert resolved["status"] == "resolved"
    assert resolved["deadlines"]["result_reply"]["due_at"] == (clock.now + timedelta(minutes=30)).isoformat()
    clock.advance(minutes=10)
    replied = step(client, url, "replies", {"content": "处理结果：已道歉"}).get_json()
    assert replied["status"] == "replied" and replied["callback_due"] is True
    unreached = step(client, url, "callback", {"reached": False, "comment": "无人接听，明天再打"}).get_json()
    assert unreached["status"] == "replied" and unreached["callback_due"] is True
    unhappy = step(client, url, "callback", {"satisfied": False, "solved": False, "attitude": "dissatisfied",
                                             "score": 3, "comment": "还是不满意"}, headers=QUALITY).get_json()
    assert unhappy["status"] == "reopened"
    assert step(client, url, "resolve", {"resolution": "更换助浴员"}).get_json()["status"] == "resolved"
    step(client, url, "replies", {"content": "已更换"})
    done = step(client, url, "callback", {"satisfied": True, "solved": True, "attitude": "satisfied", "score": 9,
                                          "comment": "满意"}, headers=AGENT).get_json()
    assert done["status"] == "closed" and done["closed_at"] == clock.now.isoformat()
    assert [h["action"] for h in done["history"]] == [
        "received", "assigned", "replied", "followed_up", "resolved", "replied", "callback", "callback", "resolved",
        "replied", "callback"]
    last = done["history"][-1]
    assert last | {"at": None} == {"at": None, "action": "callback", "actor": "u-agent", "actor_staff_id": "s-agent",
                                   "status": "closed", "outcome": "satisfied", "reached": True, "satisfied": True,
                                   "solved": True, "attitude": "satisfied", "score": 9, "charged": None,
                                   "comment": "满意"}
    assert types(svc)[-2:] == ["complaints.complaint.closed", "complaints.survey.invited"]


def _to(client, status: str, kind: str = "complaint") -> str:
    """A fresh record brought to `status` through the API."""
    url = new(client, type=kind)
    path = {"received": [], "assigned": ["assign"], "in_progress": ["assign", "replies"],
            "resolved": ["assign", "replies", "resolve"], "replied": ["assign", "replies", "resolve", "replies"],
            "closed": ["assign", "replies", "resolve", "replies", "callback"],
            "reopened": ["assign", "replies", "resolve", "replies", "callback"]}[status]
    for path_step in path:
        body = {"satisfied": status == "closed"} if path_step == "callback" else BODIES[path_step]
        headers = QUALITY if path_step == "callback" else ADMIN
        assert step(client, url, path_step, body, headers).status_code == 200, (status, path_step)
    assert client.get(url, headers=ADMIN).get_json()["status"] == status
    return url


# Which step each status takes (replies and callbacks are legal only where the domain's
# reply or callback action is); everything else must be 409 INVALID_TRANSITION.
HANDLING = {"follow-ups", "investigation", "pause", "escalate", "merge"}
LEGAL_PATHS = {
    "received": {"assign", "replies", *HANDLING},  # the first reply too: whoever takes the call answers it
    "assigned": {"assign", "replies", *HANDLING},
    "in_progress": {"assign", "replies", "resolve", *HANDLING},
    "resolved": {"replies", "escalate", "merge"},
    "replied": {"callback", "escalate", "merge"},
    "closed": set(),
    "reopened": {"assign", "replies", "resolve", *HANDLING},
}  # `resume` only on a paused clock, `review` only on an online-media reply awaiting it


@pytest.mark.parametrize("status", domain.STATUSES)
def test_every_illegal_step_is_409_invalid_transition(client, status):
    url = _to(client, status)
    for path in sorted(set(BODIES) - LEGAL_PATHS[status] - {"close"}):
        response = step(client, url, path, BODIES[path])
        assert (response.status_code, response.get_json()["code"]) == (409, "INVALID_TRANSITION"), (status, path)
    closing = step(client, url, "close", BODIES["close"])
    expected = "INVALID_TRANSITION" if status == "closed" else "CALLBACK_REQUIRED"
    assert (closing.status_code, closing.get_json()["code"]) == (409, expected)
    assert client.get(url, headers=ADMIN).get_json()["status"] == status  # nothing changed


@pytest.mark.parametrize("kind", ["suggestion", "consultation", "praise"])
def test_suggestions_consultations_and_praise_close_directly_once(client, svc, kind):
    url = new(client, type=kind)
    closed = step(client, url, "close", {"note": "已采纳"}).get_json()
    assert closed["status"] == "closed" and closed["history"][-1]["note"] == "已采纳"
    again = step(client, url, "close", {"note": "再关"})
    assert (again.status_code, again.get_json()["code"]) == (409, "INVALID_TRANSITION")
    assert "complaints.survey.invited" not in types(svc)


def test_escalation_raises_the_level_and_is_kept_in_history(client, svc):
    url = new(client)
    for level in (1, 2):
        body = step(client, url, "escalate", {"reason": "多次投诉"}).get_json()
        assert body["escalation_level"] == level
        assert body["history"][-1] | {"at": None} == {"at": None, "action": "escalated", "actor": "u-admin",
                                                      "actor_staff_id": None, "status": "received",
                                                      "reason": "多次投诉", "level": level}
    assert types(svc).count("complaints.complaint.escalated") == 2


def test_steps_refuse_invalid_bodies_and_unknown_complaints(client):
    url = new(client)
    for path, body, field in (("assign", {}, "staff_id"), ("replies", {"content": ""}, "content"),
                              ("follow-ups", {"note": "x"}, "reason_open"), ("resolve", {}, "resolution"),
                              ("callback", {"reached": True}, "satisfied"),
                              ("callback", {"satisfied": True, "score": 11}, "score"),
                              ("callback", {"satisfied": True, "attitude": "angry"}, "attitude"),
                              ("escalate", {}, "reason")):
        response = step(client, url, path, body)
        assert response.status_code == 422 and field in response.get_json()["errors"], (path, body)
    missing = step(client, f"/complaints/{uuid.uuid4()}", "resolve", {"resolution": "x"})
    assert (missing.status_code, missing.get_json()["code"]) == (404, "NOT_FOUND")
    assert client.get(f"/complaints/{uuid.uuid4()}", headers=ADMIN).status_code == 404


def test_assigning_staff_of_another_point_is_refused(client, svc):
    stranger = staff_member(svc, ["point_admin"], point=OTHER_POINT)
    desk = staff_member(svc, ["cs_agent"], point=None)
    url = new(client)
    response = step(client, url, "assign", {"staff_id": stranger})
    assert response.status_code == 422 and "staff_id" in response.get_json()["errors"]
    assert step(client, url, "assign", {"staff_id": desk}).get_json()["owner_staff_id"] == desk


# --- deadlines and the watch job --------------------------------------------------------------

def test_the_watch_warns_at_80_percent_and_escalates_at_100_exactly_once_across_a_restart(
        client, svc, clock, build_service):
    supervisor = staff_member(svc, ["cs_supervisor"], point=None)
    url = new(client)
    step(client, url, "investigation", BODIES["investigation"])  # met the same day: only the reply is late
    for hours in (11.9, 12, 13, 19, 19.2, 20, 23):  # 50 % of 24 h is 12 h, 80 % 19 h 12 min
        clock.now = T0 + timedelta(hours=hours)
        watch(svc)
    assert types(svc).count("complaints.complaint.deadline_warning") == 2  # the notice and the warning
    restarted = build_service("complaints")  # a new process on the same store
    assert restarted is not svc
    for hours in (24, 25, 30):
        clock.now = T0 + timedelta(hours=hours)
        watch(restarted)
        watch(svc)  # and a second replica, should two ever run
    assert types(svc).count("complaints.complaint.overdue") == 1
    assert types(svc).count("complaints.complaint.escalated") == 1
    body = client.get(url, headers=ADMIN).get_json()
    assert body["overdue"] is True and body["escalation_level"] == 1
    assert [(h["action"], h.get("alert")) for h in body["history"]] == [
        ("received", None), ("investigated", None), ("deadline_warning", "notice"), ("deadline_warning", "warn"),
        ("overdue", None), ("escalated", None)]
    assert body["history"][-1]["deadline"] == "first_reply" and body["history"][-1]["at"] == (
        T0 + timedelta(hours=24)).isoformat()
    listed = client.get("/complaints", query_string={"overdue": "true"}, headers=ADMIN).get_json()["items"]
    assert [c["id"] for c in listed] == [url.rsplit("/", 1)[1]]
    with svc.store.begin() as session:
        escalated = session.execute(sa.text(
            "SELECT body FROM outbox WHERE type = 'complaints.complaint.escalated'")).scalar()
    assert events.parse(escalated).data["supervisor_staff_ids"] == [supervisor]
    assert events.parse(escalated).data["escalated_to"] == ["supervisors"]  # a normal complaint's first miss


def test_a_major_complaints_missed_deadline_goes_beyond_the_desk_to_the_point_then_the_city(client, svc, clock):
    url = new(client, severity="major")
    step(client, url, "investigation", BODIES["investigation"])
    clock.now = T0 + timedelta(hours=24)
    watch(svc)  # the first reply is missed: the point's administrator hears of it
    step(client, url, "replies", {"content": "已受理"})
    clock.now = T0 + timedelta(days=8)
    watch(svc)  # then the weekly follow-up: the city's operators too
    with svc.store.begin() as session:
        bodies = session.execute(sa.text(
            "SELECT body FROM outbox WHERE type = 'complaints.complaint.escalated' ORDER BY id")).scalars().all()
    assert [(events.parse(b).data["escalation_level"], events.parse(b).data["escalated_to"]) for b in bodies] == [
        (1, ["supervisors"]),
        (2, ["supervisors", "point_admins"]),
        (3, ["supervisors", "point_admins", "city_operators"])]
    assert client.get(url, headers=ADMIN).get_json()["escalation_level"] == 3


def test_a_met_deadline_never_fires_and_a_late_reply_clears_the_overdue_flag(client, svc, clock):
    on_time = new(client)
    late = new(client)
    for url in (on_time, late):
        step(client, url, "assign", BODIES["assign"])
        step(client, url, "investigation", BODIES["investigation"])
    clock.advance(hours=1)
    step(client, on_time, "replies", {"content": "已收到"})
    clock.now = T0 + timedelta(hours=25)
    watch(svc)
    assert client.get(on_time, headers=ADMIN).get_json()["overdue"] is False
    assert client.get(late, headers=ADMIN).get_json()["overdue"] is True
    cleared = step(client, late, "replies", {"content": "抱歉回复晚了"}).get_json()
    assert cleared["overdue"] is False and cleared["history"][-1]["action"] == "replied"
    assert types(svc).count("complaints.complaint.overdue") == 1


def test_the_weekly_follow_up_repeats_from_the_last_one(client, svc, clock):
    url = new(client)
    step(client, url, "assign", BODIES["assign"])
    step(client, url, "investigation", BODIES["investigation"])
    step(client, url, "replies", {"content": "已收到"})
    clock.now = T0 + timedelta(days=5)
    body = step(client, url, "follow-ups", {"note": "第一次跟进", "reason_open": "等待供应商"}).get_json()
    assert body["deadlines"]["follow_up"] == {"due_at": (T0 + timedelta(days=12)).isoformat(), "met_at": None,
                                              "working_days": None, "provisional": False}
    assert body["follow_ups"] == 1 and body["follow_ups_short"] == 2
    clock.now = T0 + timedelta(days=8)  # the first week's deadline was met: nothing fires
    watch(svc)
    assert "complaints.complaint.overdue" not in types(svc)
    clock.now = T0 + timedelta(days=12)  # the second week's was not
    watch(svc)
    body = client.get(url, headers=ADMIN).get_json()
    assert body["overdue"] is True and body["history"][-2]["deadline"] == "follow_up"


def test_online_media_needs_a_written_first_reply(client, svc, clock):
    url = new(client, channel="online_media")
    step(client, url, "assign", BODIES["assign"])
    step(client, url, "investigation", BODIES["investigation"])
    spoken = step(client, url, "replies", {"content": "电话已联系"}).get_json()
    assert spoken["status"] == "in_progress" and spoken["deadlines"]["written_reply"]["met_at"] is None
    clock.advance(hours=2)
    written = step(client, url, "replies", {"content": "书面回复", "written": True}).get_json()
    assert written["deadlines"]["written_reply"]["met_at"] == clock.now.isoformat()
    clock.now = T0 + timedelta(hours=30)
    watch(svc)
    assert client.get(url, headers=ADMIN).get_json()["overdue"] is False


def test_an_unwritten_reply_to_online_media_goes_overdue(client, svc, clock):
    url = new(client, channel="online_media")
    step(client, url, "assign", BODIES["assign"])
    step(client, url, "investigation", BODIES["investigation"])
    step(client, url, "replies", {"content": "电话已联系"})
    clock.now = T0 + timedelta(hours=24)
    watch(svc)
    body = client.get(url, headers=ADMIN).get_json()
    assert body["overdue"] is True and body["history"][-1]["deadline"] == "written_reply"


def test_the_written_reply_to_online_media_is_counted_from_its_dispatch_to_the_branch(client, svc, clock):
    undispatched = new(client, channel="online_media")  # no owner at this point yet
    assert "written_reply" not in client.get(undispatched, headers=ADMIN).get_json()["deadlines"]
    clock.advance(hours=3)
    first = staff_member(svc, ["point_admin"])
    due = step(client, undispatched, "assign", {"staff_id": first}).get_json()["deadlines"]["written_reply"]["due_at"]
    assert due == (T0 + timedelta(hours=3 + 24)).isoformat()
    clock.advance(hours=1)
    again = step(client, undispatched, "assign", {"staff_id": staff_member(svc, ["point_admin"])}).get_json()
    assert again["deadlines"]["written_reply"]["due_at"] == due  # a new owner does not restart it
    owned = new(client, channel="online_media")  # the point's administrator owns it from intake
    assert client.get(owned, headers=ADMIN).get_json()["deadlines"]["written_reply"]["due_at"] == (
        clock.now + timedelta(hours=24)).isoformat()


def test_the_result_reply_and_administrative_answer_deadlines(client, svc, clock):
    url = new(client, category="administrative")
    assert set(client.get(url, headers=ADMIN).get_json()["deadlines"]) == {
        "first_reply", "administrative_answer", "investigation", "follow_up"}
    step(client, url, "assign", BODIES["assign"])
    step(client, url, "investigation", BODIES["investigation"])
    step(client, url, "replies", {"content": "已收到"})
    clock.now = T0 + timedelta(days=2)
    step(client, url, "resolve", {"resolution": "已答复政策"})
    clock.now += timedelta(minutes=24)  # 80 % of 30 min
    watch(svc)
    assert types(svc)[-1] == "complaints.complaint.deadline_warning"
    clock.now += timedelta(minutes=5)
    body = step(client, url, "replies", {"content": "政策说明"}).get_json()
    assert body["deadlines"]["result_reply"]["met_at"] == clock.now.isoformat()
    assert body["deadlines"]["administrative_answer"]["met_at"] == clock.now.isoformat()
    clock.now = T0 + timedelta(days=10)
    watch(svc)
    assert "complaints.complaint.overdue" not in types(svc)


# --- lists, scoping, masking ------------------------------------------------------------------

def test_lists_filter_by_status_overdue_and_point_and_are_paged(client):
    ids = [new(client).rsplit("/", 1)[1] for _ in range(3)]
    other = new(client, service_point_id=OTHER_POINT).rsplit("/", 1)[1]
    step(client, f"/complaints/{ids[0]}", "assign", BODIES["assign"])
    listed = client.get("/complaints", query_string={"status": "received", "service_point_id": POINT},
                        headers=ADMIN).get_json()
    assert {c["id"] for c in listed["items"]} == set(ids[1:]) and listed["next_cursor"] is None
    first = client.get("/complaints", query_string={"limit": 2}, headers=ADMIN).get_json()
    rest = client.get("/complaints", query_string={"limit": 2, "cursor": first["next_cursor"]},
                      headers=ADMIN).get_json()
    assert {c["id"] for c in first["items"] + rest["items"]} == {*ids, other}
    assert client.get("/complaints", query_string={"overdue": "true"}, headers=ADMIN).get_json()["items"] == []
    assert client.get("/complaints", query_string={"status": "lost"}, headers=ADMIN).status_code == 422


def test_point_bound_callers_see_only_their_point(client):
    mine = new(client)
    theirs = new(client, service_point_id=OTHER_POINT)
    assert client.get(theirs, headers=POINT_ADMIN).status_code == 404  # another point's is no complaint to it
    assert step(client, theirs, "escalate", {"reason": "x"}, headers=POINT_ADMIN).status_code == 404
    assert complaint(client, headers=POINT_ADMIN, service_point_id=OTHER_POINT).status_code == 403
    assert client.get("/complaints", query_string={"service_point_id": OTHER_POINT},
                      headers=POINT_ADMIN).status_code == 403
    listed = client.get("/complaints", headers=POINT_ADMIN).get_json()["items"]
    assert [c["id"] for c in listed] == [mine.rsplit("/", 1)[1]]


def test_the_complainants_phone_is_masked_unless_personal_data_may_be_seen(client):
    url = new(client)
    assert client.get(url, headers=AGENT).get_json()["complainant"] == {"name": "李先生", "phone": "138****1111"}
    assert client.get(url, headers=POINT_ADMIN).get_json()["complainant"]["phone"] == "13800001111"
    assert client.get("/complaints", headers=AGENT).get_json()["items"][0]["complainant"]["phone"] == "138****1111"


def test_a_phone_or_id_number_typed_into_the_text_is_masked_for_masked_roles(client):
    url = new(client, content="师傅态度差，请回电13911112222，身份证330106195001011234")
    step(client, url, "escalate", {"reason": "家属电话13911112222"})
    agent_view = client.get(url, headers=AGENT).get_json()
    assert "13911112222" not in json.dumps(agent_view, ensure_ascii=False)
    assert "139****2222" in agent_view["content"] and "330106195001011234" not in agent_view["content"]
    listed = client.get("/complaints", headers=AGENT).get_data(as_text=True)
    assert "13911112222" not in listed and "330106195001011234" not in listed
    assert "13911112222" in client.get(url, headers=POINT_ADMIN).get_json()["content"]


# --- misconduct --------------------------------------------------------------------------------

def test_verified_misconduct_is_recorded_against_the_staff_member(client, svc):
    staff = staff_member(svc, ["bathing_assistant"])
    body = {"staff_id": staff, "verified": True, "note": "核实：态度恶劣"}
    wrong = new(client)
    refused = client.post(f"{wrong}/misconduct", json=body, headers=ADMIN)
    assert (refused.status_code, refused.get_json()["code"]) == (409, "NOT_STAFF_MISCONDUCT")
    right = new(client, category="staff_misconduct")
    unverified = client.post(f"{right}/misconduct", json=body | {"verified": False}, headers=ADMIN)
    assert unverified.status_code == 422 and "verified" in unverified.get_json()["errors"]
    recorded = client.post(f"{right}/misconduct", json=body, headers=ADMIN)
    assert recorded.status_code == 201
    assert recorded.get_json() | {"id": None, "created_at": None} == {
        "id": None, "created_at": None, "complaint_id": right.rsplit("/", 1)[1], "staff_id": staff,
        "service_point_id": POINT, "note": "核实：态度恶劣", "recorded_by": "u-admin"}
    twice = client.post(f"{right}/misconduct", json=body, headers=ADMIN)
    assert (twice.status_code, twice.get_json()["code"]) == (409, "ALREADY_RECORDED")
    listed = client.get("/complaints/misconduct", query_string={"staff_id": staff}, headers=ADMIN).get_json()
    assert [r["id"] for r in listed["items"]] == [recorded.get_json()["id"]]
    assert client.get("/complaints/misconduct", query_string={"staff_id": str(uuid.uuid4())},
                      headers=ADMIN).get_json()["items"] == []
    other = caller("point_admin", user="u", point=OTHER_POINT)
    assert client.get("/complaints/misconduct", query_string={"staff_id": staff}, headers=other).get_json()[
        "items"] == []
    assert types(svc)[-1] == "complaints.misconduct.recorded"


def test_a_complaint_names_only_known_staff_of_its_point(client, svc):
    """Misconduct and owners are never another point's staff member, nor an id naming no one."""
    elsewhere, nobody = staff_member(svc, ["point_admin"], point=OTHER_POINT), str(uuid.uuid4())
    url = new(client, category="staff_misconduct")
    for staff_id in (elsewhere, nobody):
        for path, body in (("misconduct", {"staff_id": staff_id, "verified": True, "note": "x"}),
                           ("assign", {"staff_id": staff_id})):
            refused = client.post(f"{url}/{path}", json=body, headers=ADMIN)
            assert (refused.status_code, list(refused.get_json()["errors"])) == (422, ["staff_id"]), (path, staff_id)
    assert client.get("/complaints/misconduct", headers=ADMIN).get_json()["items"] == []
    assert client.get(url, headers=ADMIN).get_json()["owner_staff_id"] != elsewhere


# --- surveys -------------------------------------------------------------------------------------

def checked_out(svc, point: str = POINT) -> str:
    visit = str(uuid.uuid4())
    feed(svc, "visits.visit.checked_out", visit, payloads.visit(id=visit, service_point_id=point,
                                                                status="checked_out"))
    return visit


def token_of(svc, subject_id: str) -> str:
    with svc.store.begin() as session:
        return session.execute(sa.text("SELECT token FROM survey_invitations WHERE subject_id = :s"),
                               {"s": subject_id}).scalar()


def test_a_survey_link_is_answered_once_without_an_account(client, svc):
    visit = checked_out(svc)
    token = token_of(svc, visit)
    answered = client.post(f"/surveys/by-token/{token}", json={"score": 5, "comment": "很好"}, headers=ANONYMOUS)
    assert answered.status_code == 201
    assert answered.get_json() | {"id": None, "created_at": None} == {
        "id": None, "created_at": None, "subject_type": "visit", "subject_id": visit, "service_point_id": POINT,
        "score": 5, "comment": "很好"}
    again = client.post(f"/surveys/by-token/{token}", json={"score": 1}, headers=ANONYMOUS)
    assert (again.status_code, again.get_json()["code"]) == (409, "ALREADY_ANSWERED")
    assert client.post("/surveys/by-token/nope", json={"score": 3}, headers=ANONYMOUS).status_code == 404
    assert client.post(f"/surveys/by-token/{token}", json={"score": 0}, headers=ANONYMOUS).status_code == 422


def test_staff_record_surveys_counted_under_the_subjects_point(client, svc):
    visit = checked_out(svc)
    url = _to(client, "closed")
    complaint_id = url.rsplit("/", 1)[1]
    assert client.post("/surveys", json={"subject_type": "visit", "subject_id": visit, "score": 2},
                       headers=AGENT).status_code == 201
    made = client.post("/surveys", json={"subject_type": "complaint", "subject_id": complaint_id, "score": 4,
                                         "comment": "处理及时"}, headers=AGENT)
    assert made.status_code == 201 and made.get_json()["service_point_id"] == POINT
    twice = client.post("/surveys", json={"subject_type": "visit", "subject_id": visit, "score": 5}, headers=AGENT)
    assert (twice.status_code, twice.get_json()["code"]) == (409, "ALREADY_ANSWERED")
    unknown = client.post("/surveys", json={"subject_type": "visit", "subject_id": str(uuid.uuid4()), "score": 5},
                          headers=AGENT)
    assert (unknown.status_code, unknown.get_json()["code"]) == (404, "NOT_FOUND")
    other = caller("point_admin", user="u", point=OTHER_POINT)
    assert client.post("/surveys", json={"subject_type": "visit", "subject_id": checked_out(svc), "score": 5},
                       headers=other).status_code == 404
    assert client.post("/surveys", json={"subject_type": "elder", "subject_id": visit, "score": 5},
                       headers=AGENT).status_code == 422
    stats = client.get("/stats/satisfaction", query_string={"service_point_id": POINT}, headers=ADMIN).get_json()
    assert stats == {"responses": 2, "satisfied": 1, "rate": 0.5}


def test_satisfaction_figures_by_period_and_point(client, svc, clock):
    client.post(f"/surveys/by-token/{token_of(svc, checked_out(svc))}", json={"score": 5}, headers=ANONYMOUS)
    clock.now = datetime(2026, 3, 31, 16, 30, tzinfo=timezone.utc)  # 1 April 00:30 in Asia/Shanghai
    client.post(f"/surveys/by-token/{token_of(svc, checked_out(svc))}", json={"score": 3}, headers=ANONYMOUS)
    client.post(f"/surveys/by-token/{token_of(svc, checked_out(svc, OTHER_POINT))}", json={"score": 4}, headers=ANONYMOUS)
    stats = lambda **q: client.get("/stats/satisfaction", query_string=q, headers=ADMIN).get_json()  # noqa: E731
    assert stats(**{"from": "2026-03-01", "to": "2026-03-31"}) == {"responses": 1, "satisfied": 1, "rate": 1.0}
    assert stats() == {"responses": 2, "satisfied": 1, "rate": 0.5}  # April, the clock's month
    assert stats(service_point_id=POINT) == {"responses": 1, "satisfied": 0, "rate": 0.0}
    assert stats(**{"from": "2025-01-01", "to": "2025-01-31"}) == {"responses": 0, "satisfied": 0, "rate": None}
    bad = client.get("/stats/satisfaction", query_string={"from": "2026-03-02", "to": "2026-03-01"}, headers=ADMIN)
    assert bad.status_code == 422 and bad.get_json()["code"] == "VALIDATION_FAILED"
    assert client.get("/stats/satisfaction", query_string={"from": "9999-12-31"}, headers=ADMIN).status_code == 422
    assert client.get("/stats/satisfaction", query_string={"service_point_id": OTHER_POINT},
                      headers=POINT_ADMIN).status_code == 403


# --- hotline -------------------------------------------------------------------------------------

def call(client, started: datetime, answered: bool = True, headers=AGENT, **extra):
    return client.post("/calls", json={"caller": "13800001111", "started_at": started.isoformat(),
                                       "answered": answered, "duration_s": 60 if answered else 0, **extra},
                       headers=headers)


def test_calls_are_logged_with_the_number_masked_for_the_desk(client, svc):
    complaint_id = new(client).rsplit("/", 1)[1]
    logged = call(client, T0, agent_id=staff_member(svc, ["cs_agent"], point=None), complaint_id=complaint_id)
    assert logged.status_code == 201
    assert logged.get_json()["caller"] == "138****1111" and logged.get_json()["complaint_id"] == complaint_id
    assert call(client, T0, headers=ADMIN).get_json()["caller"] == "13800001111"
    unknown = call(client, T0, complaint_id=str(uuid.uuid4()))
    assert unknown.status_code == 422 and "complaint_id" in unknown.get_json()["errors"]
    naive = client.post("/calls", json={"caller": "13800001111", "started_at": "2026-03-10T09:00:00",
                                        "answered": True, "duration_s": 5}, headers=AGENT)
    assert naive.status_code == 422


def test_the_hotline_answer_rate_counts_whole_days_both_inclusive(client):
    local = lambda day, hour: datetime(2026, 3, day, hour, tzinfo=timezone(timedelta(hours=8)))  # noqa: E731
    for started, answered in ((local(1, 0), True), (local(1, 12), True), (local(2, 23), False), (local(3, 0), True),
                              (local(2, 10), True)):
        assert call(client, started, answered).status_code == 201
    stats = client.get("/stats/hotline", query_string={"from": "2026-03-01", "to": "2026-03-02"},
                       headers=ADMIN).get_json()
    assert stats == {"calls": 4, "answered": 3, "answer_rate": 0.75, "by_shift": [], "coverage_gaps": []}
    assert client.get("/stats/hotline", query_string={"from": "2026-04-01", "to": "2026-04-30"},
                      headers=ADMIN).get_json() == {"calls": 0, "answered": 0, "answer_rate": None, "by_shift": [],
                                                    "coverage_gaps": []}


# --- the monthly report --------------------------------------------------------------------------

def test_the_monthly_report_figures_on_a_known_data_set(client, svc, clock):
    """March 2026 at POINT, worked out by hand:
    A phone complaint, first reply after 2 h, resolved and replied in time   → in time
    B web complaint (fees), first reply after 30 h                          → late
    C online-media complaint, reply not written, 24 h passed                → late (written reply missing)
    D letter suggestion, closed after 3 h (answers it)                      → in time
    E phone praise                                                          → no deadlines
    F phone complaint at OTHER_POINT, never answered                        → late, only in the city report
    G a complaint on 1 April 00:30 local (31 March 16:30 UTC)                → after the 25th: April's report
    (A, B and C are investigated the same day.)
    In time at POINT: A, D of A, B, C, D → 2/4 = 0.5; city-wide 2/5 = 0.4.
    Surveys at POINT in March: 5, 4, 2 → 2/3; city-wide with a 5 at OTHER_POINT → 3/4.
    Calls in March: 3 of 4 answered → 0.75 (the fifth is on 1 April local time)."""
    start = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
    clock.now = start
    a, b = new(client), new(client, channel="web", category="fees")
    c = new(client, channel="online_media", category="hygiene_facility")
    d = new(client, channel="letter", type="suggestion", category="other")
    e = new(client, type="praise")
    new(client, service_point_id=OTHER_POINT)
    for url in (a, b, c):
        step(client, url, "assign", BODIES["assign"])
    clock.now = start + timedelta(hours=2)
    for url in (a, b, c):
        step(client, url, "investigation", BODIES["investigation"])  # the same day: in time
    step(client, a, "replies", {"content": "已收到"})
    step(client, c, "replies", {"content": "电话联系"})
    step(client, a, "resolve", {"resolution": "已处理"})
    step(client, a, "replies", {"content": "结果"})
    clock.now = start + timedelta(hours=3)
    step(client, d, "close", {"note": "已采纳"})
    step(client, e, "close", {"note": "谢谢"})
    clock.now = start + timedelta(hours=30)
    step(client, b, "replies", {"content": "抱歉晚了"})
    for score in (5, 4):
        client.post(f"/surveys/by-token/{token_of(svc, checked_out(svc))}", json={"score": score}, headers=ANONYMOUS)
    client.post("/surveys", json={"subject_type": "complaint", "subject_id": a.rsplit("/", 1)[1], "score": 2},
                headers=AGENT)
    client.post(f"/surveys/by-token/{token_of(svc, checked_out(svc, OTHER_POINT))}", json={"score": 5}, headers=ANONYMOUS)
    for answered in (True, True, True, False):
        call(client, start, answered)
    clock.now = datetime(2026, 3, 31, 16, 30, tzinfo=timezone.utc)
    new(client)
    call(client, clock.now, False)  # April
    clock.now = datetime(2026, 4, 5, 2, 0, tzinfo=timezone.utc)

    report = client.get("/stats/complaints", query_string={"month": "2026-03", "service_point_id": POINT},
                        headers=ADMIN).get_json()
    assert report["complaints"] == 5
    assert (report["period_from"], report["period_to"]) == ("2026-02-26", "2026-03-25")
    assert report["by_channel"] == {"phone": 2, "in_person": 0, "letter": 1, "web": 1, "online_media": 1, "fax": 0,
                                    "sms": 0}
    assert report["by_category"] == {"service_attitude": 2, "safety": 0, "hygiene_facility": 1,
                                     "staff_misconduct": 0, "waiting_time": 0, "fees": 1, "administrative": 0,
                                     "other": 1}
    assert report["by_type"] == {"complaint": 3, "suggestion": 1, "consultation": 0, "praise": 1}
    assert (report["with_deadlines"], report["in_time"], report["in_time_rate"]) == (4, 2, 0.5)
    assert report["satisfaction"] == {"responses": 3, "satisfied": 2, "rate": 0.6667}
    assert report["hotline"] == {"calls": 4, "answered": 3, "answer_rate": 0.75}
    assert report["targets"] == {"satisfaction": 0.95, "in_time": 0.95, "answer_rate": 0.9}
    assert report["targets_met"] == {"satisfaction": False, "in_time": False, "answer_rate": False}
    # Per owner: A, B, C are the desk agent's, answered after 2 h and 30 h (C's written reply
    # is missing); D and E had no owner, D answered by its closing after 3 h.
    assert [(o["owner_staff_id"], o["records"], o["answered"], o["answered_in_time"], o["mean_reply_hours"],
             o["longest_reply_hours"]) for o in report["by_owner"]] == [
        (DESK_AGENT, 3, 2, 1, 16.0, 30.0), (None, 2, 1, 1, 3.0, 3.0)]
    city = client.get("/reports/monthly", query_string={"month": "2026-03"}, headers=ADMIN).get_json()
    assert [(o["owner_staff_id"], o["records"], o["answered"]) for o in city["by_owner"]] == [
        (DESK_AGENT, 3, 2), (None, 3, 1)]  # F, at the other point, never answered
    assert (city["service_point_id"], city["complaints"], city["with_deadlines"], city["in_time"]) == (None, 6, 5, 2)
    assert city["in_time_rate"] == 0.4
    assert city["satisfaction"] == {"responses": 4, "satisfied": 3, "rate": 0.75}
    assert client.get("/stats/complaints", query_string={"service_point_id": POINT},
                      headers=ADMIN).get_json()["complaints"] == 1  # default: the period running, 26 March on

    csv_response = client.get("/reports/monthly", query_string={"month": "2026-03", "service_point_id": POINT,
                                                                "format": "csv"}, headers=ADMIN)
    assert csv_response.mimetype == "text/csv"
    assert f"complaints-2026-03-{POINT}.csv" in csv_response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(csv_response.get_data().decode("utf-8-sig"))))
    assert rows[0] == ["section", "item", "value"]
    assert ["report", "period_from", "2026-02-26"] in rows and ["report", "period_to", "2026-03-25"] in rows
    assert ["by_channel", "online_media", "1"] in rows and ["in_time", "rate", "0.5"] in rows
    assert ["hotline", "answer_rate", "0.75"] in rows
    xlsx = client.get("/reports/monthly", query_string={"month": "2026-03", "format": "xlsx"}, headers=ADMIN)
    assert xlsx.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.get_data())).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["total", "complaints", 6] in values and ["by_type", "praise", 1] in values
    assert ["in_time", "rate", 0.4] in values


@pytest.mark.parametrize("query", [{"month": "2026-13"}, {"month": "1899-12"}, {"format": "pdf"},
                                   {"service_point_id": "x"}, {"month": "2\uff1026-11", "format": "csv"},
                                   {"month": "2026-11\n", "format": "csv"}, {"month": "2026-1\u0661", "format": "xlsx"}])
def test_report_queries_are_validated(client, query):
    response = client.get("/reports/monthly", query_string=query, headers=ADMIN)
    assert response.status_code == 422 and response.get_json()["code"] == "VALIDATION_FAILED"


def test_the_monthly_report_is_produced_once_day_d_is_over_and_holds_the_whole_day(client, svc, clock):
    local = lambda day, hour, minute=0: datetime(2026, 3, day, hour, minute,  # noqa: E731
                                                 tzinfo=timezone(timedelta(hours=8)))
    for when, point in ((local(10, 9), POINT), (local(25, 23, 30), POINT), (local(26, 0, 10), POINT)):
        clock.now = when
        new(client, service_point_id=point)  # the last one belongs to April's period
    staff_member(svc, ["point_admin"], point=OTHER_POINT)
    [job] = [j for j in svc.jobs if j.name == "monthly-report"]

    def made() -> dict:
        with svc.store.begin() as session:
            return {(r.month, r.scope): r.report for r in session.execute(sa.select(monthly_reports)).all()}

    clock.now = local(25, 12)  # day D is not over: March's report waits (February's is made)
    job.run()
    assert {month for month, _ in made()} == {"2026-02"}
    for day, hour in ((26, 0), (26, 1), (31, 12)):
        clock.now = local(day, hour, 30)
        job.run()
    assert types(svc).count("complaints.report.ready") == 2  # February's and March's, once each
    stored = {scope: report for (month, scope), report in made().items() if month == "2026-03"}
    assert set(stored) == {"city", POINT, OTHER_POINT}
    assert (stored["city"]["period_from"], stored["city"]["period_to"]) == ("2026-02-26", "2026-03-25")
    assert stored["city"]["complaints"] == 2 and stored[OTHER_POINT]["complaints"] == 0  # 25 March 23:30 included


def test_point_figures_of_a_month_agree_with_each_points_monthly_report(client, svc, clock):
    """March 2026: at POINT one complaint answered in time, one answered after 30 h and a
    praise (no deadlines), surveys 5 and 2; at OTHER_POINT a complaint never answered and a
    survey of 4."""
    start = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
    clock.now = start
    on_time, late, elsewhere = new(client), new(client, channel="web"), new(client, service_point_id=OTHER_POINT)
    new(client, type="praise")
    for url in (on_time, late, elsewhere):
        step(client, url, "assign", BODIES["assign"])
    clock.now = start + timedelta(hours=2)
    for url in (on_time, late):
        step(client, url, "investigation", BODIES["investigation"])
    for path, body in (("replies", {"content": "已收到"}), ("resolve", {"resolution": "已处理"}),
                       ("replies", {"content": "结果"})):
        step(client, on_time, path, body)
    clock.now = start + timedelta(hours=30)
    step(client, late, "replies", {"content": "抱歉晚了"})
    for point, score in ((POINT, 5), (POINT, 2), (OTHER_POINT, 4)):
        client.post(f"/surveys/by-token/{token_of(svc, checked_out(svc, point))}", json={"score": score}, headers=ANONYMOUS)
    clock.now = datetime(2026, 4, 5, 2, 0, tzinfo=timezone.utc)

    march = {"from": "2026-02-26", "to": "2026-03-25"}  # the period of March's report
    answer = client.get("/stats/points", query_string=march, headers=ADMIN)
    assert answer.status_code == 200
    body = answer.get_json()
    by_point = {p["service_point_id"]: p for p in body["points"]}
    assert by_point[POINT] == {"service_point_id": POINT, "complaints": 3, "with_deadlines": 2, "in_time": 1,
                               "in_time_rate": 0.5, "responses": 2, "satisfied": 1, "satisfaction_rate": 0.5}
    assert by_point[OTHER_POINT] == {"service_point_id": OTHER_POINT, "complaints": 1, "with_deadlines": 1,
                                     "in_time": 0, "in_time_rate": 0.0, "responses": 1, "satisfied": 1,
                                     "satisfaction_rate": 1.0}
    assert body["targets"] == {"satisfaction": 0.95, "in_time": 0.95, "answer_rate": 0.9}
    for scope, figures in ((POINT, by_point[POINT]), (OTHER_POINT, by_point[OTHER_POINT]), (None, body["totals"])):
        monthly = client.get("/stats/complaints", query_string={"month": "2026-03"} | (
            {"service_point_id": scope} if scope else {}), headers=ADMIN).get_json()
        assert (figures["complaints"], figures["with_deadlines"], figures["in_time"], figures["responses"],
                figures["satisfied"]) == (monthly["complaints"], monthly["with_deadlines"], monthly["in_time"],
                                          monthly["satisfaction"]["responses"], monthly["satisfaction"]["satisfied"])
    own = client.get("/stats/points", query_string=march, headers=POINT_ADMIN).get_json()["points"]
    assert [p["service_point_id"] for p in own] == [POINT]
    assert client.get("/stats/points", query_string=march | {"service_point_id": OTHER_POINT},
                      headers=POINT_ADMIN).status_code == 403
    assert client.get("/stats/points", query_string={"from": "2026-03-02", "to": "2026-03-01"},
                      headers=ADMIN).status_code == 422


def test_a_call_is_logged_by_the_agent_who_took_it_and_only_from_a_number(client, svc):
    logged = call(client, T0)
    assert logged.status_code == 201 and logged.get_json()["agent_id"] == "s-agent"
    other = staff_member(svc, ["cs_agent"], point=None)
    assert call(client, T0, agent_id=other).get_json()["agent_id"] == other
    assert call(client, T0, headers=ADMIN).get_json()["agent_id"] is None  # no linked staff member
    for caller in ("138-0000-1111", "0571 8888 1234", "+8613800001111", "110"):
        assert client.post("/calls", json={"caller": caller, "started_at": T0.isoformat(), "answered": True,
                                           "duration_s": 5}, headers=AGENT).status_code == 201, caller
    for caller in ("abc", "138abc00", "--", "12"):
        refused = client.post("/calls", json={"caller": caller, "started_at": T0.isoformat(), "answered": True,
                                              "duration_s": 5}, headers=AGENT)
        assert refused.status_code == 422 and "caller" in refused.get_json()["errors"], caller


def test_the_report_to_read_is_in_chinese_with_the_points_name_local_times_and_percentages(client, svc, clock):
    feed(svc, "registration.service_point.created", POINT, payloads.point(id=POINT, name="湖墅街道老年助浴点"))
    clock.now = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
    answered = new(client)
    step(client, answered, "assign", BODIES["assign"])
    new(client, channel="letter", type="suggestion", category="other")
    call(client, clock.now, True)
    call(client, clock.now, False)
    clock.now = datetime(2026, 3, 31, 16, 39, tzinfo=timezone.utc)  # 1 April 00:39 in Asia/Shanghai
    query = {"month": "2026-03", "service_point_id": POINT, "format": "csv", "lang": "zh-CN"}
    response = client.get("/reports/monthly", query_string=query, headers=ADMIN)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert rows[0] == ["项目", "分项", "数值"]
    assert ["报表", "月份", "2026年3月"] in rows and ["报表", "范围", "湖墅街道老年助浴点"] in rows
    assert ["报表", "统计周期", "2026年2月26日至2026年3月25日"] in rows
    assert ["报表", "统计时间", "2026年4月1日 00:39"] in rows
    assert ["按渠道", "信函", "1"] in rows and ["按类型", "建议", "1"] in rows
    assert ["热线", "接通率", "50.0%"] in rows and ["目标", "满意率", "95.0%"] in rows
    assert ["满意度", "满意率", "—"] in rows and ["是否达标", "满意率", "无数据"] in rows
    ascii_words = [cell for row in rows[1:] for cell in row[:2] if any("a" <= ch.lower() <= "z" for ch in cell)]
    assert ascii_words == []  # no machine key left in a heading or a label
    feed(svc, "registration.service_point.updated", POINT, payloads.point(id=POINT, name="湖墅助浴点（新址）"),
         sequence=2)
    english = client.get("/reports/monthly", query_string=query | {"lang": "en", "format": "xlsx"}, headers=ADMIN)
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(english.get_data()))["Summary"]
    assert [sheet[f"A{row}"].value for row in range(1, 5)] == [
        "Monthly complaint statistics of the bathing service (2026-03)", "Period: 2026-02-26 – 2026-03-25",
        "Scope: 湖墅助浴点（新址）", "As of: 2026-04-01 00:39"]
    [rate] = [row for row in sheet.iter_rows() if row[0].value == "Answer rate"]
    assert (rate[1].value, rate[2].value, rate[3].value) == (0.5, 0.9, "not met")
    assert rate[1].number_format == "0.0%"
    city = client.get("/reports/monthly", query_string={"month": "2026-03", "format": "csv", "lang": "zh-CN"},
                      headers=ADMIN)
    assert ["报表", "范围", "全市"] in list(csv.reader(io.StringIO(city.get_data().decode("utf-8-sig"))))
    assert client.get("/reports/monthly", query_string=query | {"lang": "fr"}, headers=ADMIN).status_code == 422


# --- the desk's quality check, pauses, review, merge ----------------------------------------------

def _replied(client, url: str, resolver=ADMIN) -> None:
    for path_step, body in (("replies", {"content": "已收到"}), ("resolve", {"resolution": "已道歉"}),
                            ("replies", {"content": "处理结果"})):
        assert step(client, url, path_step, body, resolver if path_step == "resolve" else ADMIN).status_code == 200


def test_the_closing_callback_is_recorded_only_by_independent_desk_staff(client, svc):
    owner = staff_member(svc, ["point_admin"])
    url = new(client)
    assert client.get(url, headers=ADMIN).get_json()["owner_staff_id"] == owner
    resolver = caller("cs_agent", user="u-resolver", staff="s-resolver")
    _replied(client, url, resolver)
    refused = {
        "the owner": caller("cs_supervisor", user="u-owner", staff=owner),
        "the resolver": resolver,
        "the resolver's user on another staff link": caller("cs_supervisor", user="u-resolver"),
        "the point": caller("point_admin", user="u-other-pa", point=POINT),
        "an administrator": ADMIN,
    }
    for who, headers in refused.items():
        answer = step(client, url, "callback", {"satisfied": True, "score": 9}, headers)
        assert (answer.status_code, answer.get_json()["code"]) == (409, "CALLBACK_NOT_INDEPENDENT"), who
        assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert client.get(url, headers=ADMIN).get_json()["status"] == "replied"
    assert step(client, url, "callback", {"satisfied": True, "score": 9}, QUALITY).get_json()["status"] == "closed"


def test_an_unreached_callback_books_the_next_try_as_a_deadline(client, svc, clock):
    url = new(client)
    _replied(client, url)
    booked = step(client, url, "callback", {"reached": False, "comment": "无人接听"}, QUALITY).get_json()
    assert booked["status"] == "replied" and booked["callback_due_at"] == (T0 + timedelta(hours=2)).isoformat()
    assert booked["deadlines"]["callback"]["due_at"] == (T0 + timedelta(hours=2)).isoformat()
    asked = (T0 + timedelta(days=1)).isoformat()
    again = step(client, url, "callback", {"reached": False, "next_try_at": asked}, QUALITY).get_json()
    assert again["callback_due_at"] == asked
    assert types(svc).count("complaints.complaint.callback_booked") == 2
    past = step(client, url, "callback", {"reached": False, "next_try_at": (T0 - timedelta(hours=1)).isoformat()},
                QUALITY)
    assert past.status_code == 422 and past.get_json()["code"] == "VALIDATION_FAILED"


def test_a_paused_clock_moves_the_deadlines_by_the_pause(client, svc, clock):
    url = new(client)
    clock.advance(hours=2)
    paused = step(client, url, "pause", {"reason": "等待投诉人提供就诊记录"}).get_json()
    assert paused["paused"] is True and paused["paused_at"] == clock.now.isoformat()
    again = step(client, url, "pause", {"reason": "再次"})
    assert (again.status_code, again.get_json()["code"]) == (409, "INVALID_TRANSITION")
    assert [c["id"] for c in client.get("/complaints", query_string={"paused": "true"},
                                        headers=ADMIN).get_json()["items"]] == [url.rsplit("/", 1)[1]]
    clock.now = T0 + timedelta(hours=30)  # the first reply's 24 h passed while paused: nothing fires
    watch(svc)
    assert "complaints.complaint.overdue" not in types(svc)
    resumed = step(client, url, "resume", {"note": "投诉人已回电"}).get_json()
    assert resumed["paused"] is False
    assert resumed["deadlines"]["first_reply"]["due_at"] == (T0 + timedelta(hours=24 + 28)).isoformat()
    refused = step(client, url, "resume", {"note": "x"})
    assert (refused.status_code, refused.get_json()["code"]) == (409, "INVALID_TRANSITION")
    assert {"complaints.complaint.paused", "complaints.complaint.resumed"} <= set(types(svc))


def test_online_media_replies_are_reviewed_then_fed_back_within_the_hour(client, svc, clock):
    supervisor = caller("cs_supervisor", user="u-sup", staff="s-sup")
    phone = new(client)
    refused = step(client, phone, "review", {"approved": True}, supervisor)
    assert (refused.status_code, refused.get_json()["code"]) == (409, "INVALID_TRANSITION")
    url = new(client, channel="online_media")
    written = step(client, url, "replies", {"content": "书面回复", "written": True}).get_json()
    assert written["review_status"] == "pending"
    returned = step(client, url, "review", {"approved": False, "note": "措辞不当"}, supervisor).get_json()
    assert returned["review_status"] == "returned"
    clock.advance(minutes=30)
    assert step(client, url, "replies", {"content": "修改后的书面回复", "written": True}).get_json()[
        "review_status"] == "pending"
    clock.advance(minutes=10)
    approved = step(client, url, "review", {"approved": True}, supervisor).get_json()
    assert approved["review_status"] == "approved"
    assert approved["deadlines"]["feedback"] == {"due_at": (clock.now + timedelta(hours=1)).isoformat(),
                                                 "met_at": None, "working_days": None, "provisional": False}
    clock.advance(hours=1)
    watch(svc)
    assert "complaints.complaint.overdue" in types(svc)  # the feedback is a deadline like the others


def test_a_duplicate_is_merged_into_another_record_of_its_point(client, svc):
    target = new(client)
    duplicate = new(client, complainant={"name": "李太太", "phone": "13800002222"})
    elsewhere = new(client, service_point_id=OTHER_POINT)
    target_id = target.rsplit("/", 1)[1]
    for into, code in ((duplicate, "MERGE_REFUSED"), (elsewhere, "MERGE_REFUSED")):
        answer = step(client, duplicate, "merge", {"into": into.rsplit("/", 1)[1]})
        assert (answer.status_code, answer.get_json()["code"]) == (409, code)
    missing = step(client, duplicate, "merge", {"into": str(uuid.uuid4())})
    assert missing.status_code == 422 and list(missing.get_json()["errors"]) == ["into"]
    merged = step(client, duplicate, "merge", {"into": target_id, "note": "同一事件"}).get_json()
    assert merged["status"] == "closed" and merged["merged_into"] == target_id
    assert [h["action"] for h in merged["history"]][0] == "received"  # its history is kept
    kept = client.get(target, headers=ADMIN).get_json()
    assert kept["status"] == "received" and kept["merged"] == [duplicate.rsplit("/", 1)[1]]
    again = step(client, elsewhere, "merge", {"into": duplicate.rsplit("/", 1)[1]})
    assert again.status_code == 409


# --- a hotline that remembers --------------------------------------------------------------------

def test_an_elders_complaints_are_found_whoever_called_and_masked_as_every_list(client, svc):
    elder, other = str(uuid.uuid4()), str(uuid.uuid4())
    svc.use_cases.registration.update({elder: POINT, other: POINT})
    by_son = new(client, elder_id=elder, complainant={"name": "李明", "phone": "13800002222"})
    by_herself = new(client, elder_id=elder, complainant={"name": "王秀英", "phone": "13900003333"})
    new(client, elder_id=other)
    new(client)
    found = client.get("/complaints", query_string={"elder_id": elder}, headers=AGENT).get_json()["items"]
    assert sorted(c["id"] for c in found) == sorted(u.rsplit("/", 1)[1] for u in (by_son, by_herself))
    assert all(c["complainant"]["phone"] not in ("13800002222", "13900003333") for c in found)  # masked for the desk
    whole = client.get("/complaints", query_string={"elder_id": elder}, headers=ADMIN).get_json()["items"]
    assert sorted(c["complainant"]["phone"] for c in whole) == ["13800002222", "13900003333"]
    refused = client.get("/complaints", query_string={"elder_id": "not-an-id"}, headers=AGENT)
    assert (refused.status_code, refused.get_json()["code"]) == (422, "VALIDATION_FAILED")


def test_an_incoming_call_finds_the_callers_earlier_calls_and_complaints(client):
    earlier = new(client, complainant={"name": "王先生", "phone": "13900007777"})
    new(client)
    for started, answered, number in ((T0, True, "139 0000 7777"), (T0 + timedelta(hours=1), False, "13900007777"),
                                      (T0 + timedelta(hours=2), False, "13800001111")):
        assert call(client, started, answered, caller=number).status_code == 201
    calls = client.get("/calls", query_string={"caller": "139-0000-7777"}, headers=AGENT).get_json()["items"]
    assert len(calls) == 2
    found = client.get("/complaints", query_string={"complainant_phone": "139 0000 7777"},
                       headers=AGENT).get_json()["items"]
    assert [c["id"] for c in found] == [earlier.rsplit("/", 1)[1]]
    missed = client.get("/calls", query_string={"answered": "false", "called_back": "false"},
                        headers=AGENT).get_json()["items"]
    assert len(missed) == 2
    first = missed[0]["id"]
    tried = client.post(f"/calls/{first}/callback", json={"reached": False, "note": "占线"}, headers=AGENT)
    assert tried.status_code == 200
    assert len(client.get("/calls", query_string={"answered": "false", "called_back": "false"},
                          headers=AGENT).get_json()["items"]) == 2
    assert client.post(f"/calls/{first}/callback", json={"reached": True, "note": "已回电"},
                       headers=AGENT).status_code == 200
    left = client.get("/calls", query_string={"answered": "false", "called_back": "false"},
                      headers=AGENT).get_json()["items"]
    assert [c["id"] for c in left] == [missed[1]["id"]]
    twice = client.post(f"/calls/{first}/callback", json={"reached": True, "note": "x"}, headers=AGENT)
    assert (twice.status_code, twice.get_json()["code"]) == (409, "INVALID_TRANSITION")
    [answered_call] = [c for c in calls if c["answered"]]
    assert client.post(f"/calls/{answered_call['id']}/callback", json={"reached": True, "note": "x"},
                       headers=AGENT).status_code == 409


def test_the_calendar_ships_2026_and_an_administrator_loads_the_next_year(client, svc, clock):
    listed = client.get("/calendar", headers=AGENT).get_json()
    assert [y["year"] for y in listed["years"]] == [2026] and "provisional" in listed["unloaded_behaviour"]
    year = client.get("/calendar/2026", headers=AGENT).get_json()
    assert {"date": "2026-10-10", "name": "国庆节"} in year["workdays"] and len(year["holidays"]) == 33
    assert client.get("/calendar/2027", headers=AGENT).status_code == 404
    clock.now = datetime(2026, 12, 30, 1, 0, tzinfo=timezone.utc)  # Wed 30 Dec, 09:00 local
    url = new(client, type="consultation", category="administrative")
    answer = client.get(url, headers=ADMIN).get_json()["deadlines"]["administrative_answer"]
    # Thu 31 Dec, then Fri 1 Jan and Mon 4 Jan on weekdays alone: provisional.
    assert answer["due_at"] == "2027-01-04T16:00:00+00:00" and answer["provisional"] is True
    arrangement = {"year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知（示例）",
                   "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}], "workdays": []}
    bad = client.put("/calendar/2027", json=arrangement | {"workdays": [{"name": "元旦", "date": "2027-01-05"}]},
                     headers=ADMIN)
    assert bad.status_code == 422 and "workdays.0" in bad.get_json()["errors"]
    mismatched = client.put("/calendar/2028", json=arrangement, headers=ADMIN)
    assert mismatched.status_code == 422
    done = client.put("/calendar/2027", json=arrangement, headers=ADMIN).get_json()
    assert (done["holidays"], done["workdays"], done["recounted_deadlines"]) == (3, 0, 1)
    answer = client.get(url, headers=ADMIN).get_json()["deadlines"]["administrative_answer"]
    assert answer["due_at"] == "2027-01-05T16:00:00+00:00" and answer["provisional"] is False  # 1 Jan is off


def test_duty_shifts_handovers_and_the_answer_rate_by_shift(client, svc):
    supervisor = caller("cs_supervisor", user="u-sup", staff="s-sup")
    day_start = datetime(2026, 3, 10, 0, 0, tzinfo=timezone.utc)  # 08:00 local
    night_start, night_end = day_start + timedelta(hours=12), day_start + timedelta(hours=24)
    a, b = staff_member(svc, ["cs_agent"], point=None), staff_member(svc, ["cs_agent"], point=None)
    day = client.post("/duty-shifts", json={"starts_at": day_start.isoformat(), "ends_at": night_start.isoformat(),
                                            "staff_ids": [a]}, headers=supervisor)
    assert day.status_code == 201
    night = client.post("/duty-shifts", json={"starts_at": night_start.isoformat(),
                                              "ends_at": night_end.isoformat(), "staff_ids": [b]}, headers=supervisor)
    assert night.status_code == 201
    bad = client.post("/duty-shifts", json={"starts_at": night_start.isoformat(), "ends_at": night_start.isoformat(),
                                            "staff_ids": [b, b]}, headers=supervisor)
    assert bad.status_code == 422
    for started, answered in ((day_start + timedelta(hours=1), True), (day_start + timedelta(hours=2), False),
                              (night_start + timedelta(hours=1), True)):
        call(client, started, answered)
    stats = client.get("/stats/hotline", query_string={"from": "2026-03-10", "to": "2026-03-10"},
                       headers=ADMIN).get_json()
    assert stats["calls"] == 3
    rates = sorted((s["calls"], s["answered"]) for s in stats["by_shift"])
    assert rates == [(1, 1), (2, 1)]
    assert any(g["required"] == 2 and g["seats"] == 1 for g in stats["coverage_gaps"])  # one seat at night
    # one seat through the peak of the day's calls, 09:00-20:00 local, where 8 are needed
    peak = (day_start + timedelta(hours=1), night_start, 1, 8)
    for gaps in (stats["coverage_gaps"], day.get_json()["coverage_gaps"]):
        assert peak in [(datetime.fromisoformat(g["starts_at"]), datetime.fromisoformat(g["ends_at"]), g["seats"],
                         g["required"]) for g in gaps]
    writer = caller("cs_agent", user="u-a", staff=a)
    handover = client.post(f"/duty-shifts/{day.get_json()['id']}/handover",
                           json={"note": "白班交接：一单待回访", "open_items": ["回访李先生"]}, headers=writer)
    assert handover.status_code == 201
    handover_id = handover.get_json()["id"]
    own = client.post(f"/handovers/{handover_id}/accept", headers=writer)
    assert own.status_code == 409
    taken = client.post(f"/handovers/{handover_id}/accept", headers=caller("cs_agent", user="u-b", staff=b))
    assert taken.status_code == 200
    assert client.post(f"/handovers/{handover_id}/accept", headers=AGENT).status_code == 409


def test_reply_templates_are_kept_by_supervisors_and_offered_by_category(client):
    supervisor = caller("cs_supervisor", user="u-sup", staff="s-sup")
    body = {"title": "致歉", "text": "非常抱歉给您带来不便，我们已安排整改。", "category": "service_attitude"}
    made = client.post("/reply-templates", json=body, headers=supervisor)
    assert made.status_code == 201
    client.post("/reply-templates", json=body | {"title": "收费说明", "category": "fees"}, headers=supervisor)
    offered = client.get("/reply-templates", query_string={"category": "service_attitude"},
                         headers=AGENT).get_json()["items"]
    titles = [t["title"] for t in offered]  # with the shipped templates for every category
    assert "致歉" in titles and "收费说明" not in titles
    assert all(t["category"] in ("service_attitude", None) for t in offered)
    changed = client.patch(f"/reply-templates/{made.get_json()['id']}", json={"title": "致歉（标准）"},
                           headers=supervisor)
    assert changed.status_code == 200 and changed.get_json()["title"] == "致歉（标准）"


def test_recurring_problems_over_three_periods_and_the_city_workbook_with_charts(client, svc, clock):
    """Fees complained of in January's and February's periods (2 + 1), safety in each of the
    three (1 + 1 + 1), hygiene three times in March's alone: fees and safety recur, hygiene
    does not (one period); the point recurs (3 + 2 + 4)."""
    plan = {datetime(2026, 1, 10, 2, tzinfo=timezone.utc): ["fees", "fees", "safety"],
            datetime(2026, 2, 10, 2, tzinfo=timezone.utc): ["fees", "safety"],
            datetime(2026, 3, 10, 2, tzinfo=timezone.utc): ["safety", "hygiene_facility", "hygiene_facility",
                                                             "hygiene_facility"]}
    for when, categories in plan.items():
        clock.now = when
        for category in categories:
            new(client, category=category)
    duplicate = new(client, category="fees")  # merged away: not counted
    step(client, duplicate, "merge", {"into": new(client, category="other").rsplit("/", 1)[1]})
    clock.now = datetime(2026, 3, 27, 2, tzinfo=timezone.utc)
    report = client.get("/stats/complaints", query_string={"month": "2026-03", "service_point_id": POINT},
                        headers=ADMIN).get_json()
    recurring = report["recurring"]
    assert recurring["months"] == ["2026-01", "2026-02", "2026-03"]
    assert [(r["key"], r["counts"], r["total"]) for r in recurring["category"]] == [
        ("fees", [2, 1, 0], 3), ("safety", [1, 1, 1], 3)]
    assert [(r["key"], r["counts"]) for r in recurring["service_point"]] == [(POINT, [3, 2, 5])]
    assert recurring["staff"] == []

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get("/reports/monthly", query_string={"month": "2026-03", "format": "xlsx",
                                                                                "lang": "zh-CN"},
                                               headers=ADMIN).get_data()))
    assert book.sheetnames == ["汇总", "分类统计", "各助浴点", "反复出现的问题"]
    heading = " ".join(str(book["汇总"][f"A{row}"].value) for row in range(1, 6))
    assert "2026年2月26日" in heading and "2026年3月25日" in heading and "全市" in heading
    assert len(book["分类统计"]._charts) == 3 and len(book["各助浴点"]._charts) == 1
    rows = [[cell.value for cell in row] for row in book["反复出现的问题"].iter_rows()]
    assert [2, 1, 0, 3] in [row[1:5] for row in rows] and [1, 1, 1, 3] in [row[1:5] for row in rows]
    assert [0, 0, 3, 3] not in [row[1:5] for row in rows]


@pytest.mark.parametrize("year", [1999, 2101, 99999999999, 54740304318957558143942536462336])
def test_a_calendar_year_out_of_range_is_not_found_not_a_server_error(client, year):
    for answer in (client.get(f"/calendar/{year}", headers=ADMIN),
                   client.put(f"/calendar/{year}", json={"year": 2027, "source": "x", "holidays": [
                       {"name": "元旦", "from": "2027-01-01"}]}, headers=ADMIN)):
        assert answer.status_code == 404 and answer.get_json()["code"] == "NOT_FOUND"
        assert answer.headers["Content-Type"].startswith("application/problem+json")
