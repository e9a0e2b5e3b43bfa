"""Complaints over HTTP on a real store (SQLite and PostgreSQL)."""
from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from kit import events
from services.complaints.models import deadlines

pytestmark = pytest.mark.integration
ADMIN = {"X-Zhuyu-User": "u-admin", "X-Zhuyu-Role": "admin"}
POINT = str(uuid.uuid4())


@pytest.fixture
def svc(build_service):
    return build_service("complaints")


@pytest.fixture
def client(svc):
    return svc.app().test_client()


def feed(svc, type_: str, subject: str, data: dict, sequence: int = 1) -> None:
    event = events.parse(events.encode(events.envelope(type=type_, source="/x", subject=subject, data=data,
                                                       sequence=sequence, correlationid=None, traceparent=None)))
    with svc.store.begin() as session:
        svc.handlers[type_](session, event)


def point_admin(svc, staff_id: str | None = None) -> str:
    staff_id = staff_id or str(uuid.uuid4())
    feed(svc, "registration.staff.created", staff_id,
         {"id": staff_id, "roles": ["point_admin"], "service_point_id": POINT, "active": True})
    return staff_id


def complaint(client, **overrides):
    body = {"channel": "phone", "type": "complaint", "category": "service_attitude", "service_point_id": POINT,
            "complainant": {"name": "李先生", "phone": "13800001111"}, "content": "态度不好"} | overrides
    return client.post("/complaints", json=body, headers=ADMIN)


def types(svc) -> list[str]:
    with svc.store.begin() as session:
        return list(session.execute(sa.text("SELECT type FROM outbox ORDER BY id")).scalars())


def test_intake_names_the_points_administrator_as_owner(client, svc):
    owner = point_admin(svc)
    response = complaint(client)
    assert response.status_code == 201
    body = response.get_json()
    assert body["status"] == "received" and body["owner_staff_id"] == owner and body["overdue"] is False
    assert set(body["deadlines"]) == {"first_reply", "follow_up"}
    assert types(svc) == ["complaints.complaint.received"]


def test_major_complaint_escalates_at_once(client, svc):
    body = complaint(client, severity="major").get_json()
    assert body["escalation_level"] == 1
    assert [h["action"] for h in body["history"]] == ["received", "escalated"]
    assert types(svc)[-1] == "complaints.complaint.escalated"


def test_full_handling_closes_only_through_a_satisfied_callback(client, svc):
    staff = point_admin(svc)
    url = "/complaints/" + complaint(client).get_json()["id"]
    assert client.post(f"{url}/assign", json={"staff_id": staff}, headers=ADMIN).get_json()["status"] == "assigned"
    assert client.post(f"{url}/replies", json={"content": "已收到"}, headers=ADMIN).get_json()["status"] == "in_progress"
    assert client.post(f"{url}/follow-ups", json={"note": "调查中", "reason_open": "等待监控"},
                       headers=ADMIN).get_json()["follow_ups"] == 1
    closing = client.post(f"{url}/close", json={"note": "x"}, headers=ADMIN)
    assert (closing.status_code, closing.get_json()["code"]) == (409, "CALLBACK_REQUIRED")
    assert client.post(f"{url}/resolve", json={"resolution": "已道歉"}, headers=ADMIN).get_json()["status"] == "resolved"
    assert client.post(f"{url}/replies", json={"content": "处理结果"}, headers=ADMIN).get_json()["status"] == "replied"
    unreached = client.post(f"{url}/callback", json={"reached": False}, headers=ADMIN).get_json()
    assert unreached["status"] == "replied"
    unhappy = client.post(f"{url}/callback", json={"satisfied": False, "score": 3}, headers=ADMIN).get_json()
    assert unhappy["status"] == "reopened"
    client.post(f"{url}/resolve", json={"resolution": "再次处理"}, headers=ADMIN)
    client.post(f"{url}/replies", json={"content": "结果"}, headers=ADMIN)
    done = client.post(f"{url}/callback", json={"satisfied": True, "score": 9, "attitude": "satisfied"}, headers=ADMIN)
    assert done.get_json()["status"] == "closed"
    assert "complaints.complaint.closed" in types(svc) and "complaints.survey.invited" in types(svc)


def test_steps_out_of_order_are_409(client):
    url = "/complaints/" + complaint(client).get_json()["id"]
    for path, body in (("resolve", {"resolution": "x"}), ("callback", {"satisfied": True})):
        response = client.post(f"{url}/{path}", json=body, headers=ADMIN)
        assert (response.status_code, response.get_json()["code"]) == (409, "INVALID_TRANSITION"), path


def test_a_suggestion_closes_directly(client):
    url = "/complaints/" + complaint(client, type="suggestion").get_json()["id"]
    assert client.post(f"{url}/close", json={"note": "采纳"}, headers=ADMIN).get_json()["status"] == "closed"


def test_deadline_watch_warns_escalates_once_and_survives_a_restart(client, svc, build_service):
    body = complaint(client).get_json()
    received = datetime.fromisoformat(body["received_at"])
    uc = svc.config.use_cases
    for hours in (10, 20, 21):
        with svc.store.begin() as session:
            uc.watch_deadlines(session, received + timedelta(hours=hours))
    assert types(svc).count("complaints.complaint.deadline_warning") == 1
    restarted = build_service("complaints")  # a new process on the same store
    for hours in (25, 26):
        with restarted.store.begin() as session:
            restarted.config.use_cases.watch_deadlines(session, received + timedelta(hours=hours))
    assert types(svc).count("complaints.complaint.overdue") == 1
    after = client.get(f"/complaints/{body['id']}", headers=ADMIN).get_json()
    assert after["overdue"] is True and after["escalation_level"] == 1
    assert client.get("/complaints", query_string={"overdue": "true"}, headers=ADMIN).get_json()["items"][0]["id"] == body["id"]


def test_a_met_deadline_does_not_fire(client, svc):
    body = complaint(client).get_json()
    url = f"/complaints/{body['id']}"
    client.post(f"{url}/assign", json={"staff_id": str(uuid.uuid4())}, headers=ADMIN)
    client.post(f"{url}/replies", json={"content": "已收到"}, headers=ADMIN)
    received = datetime.fromisoformat(body["received_at"])
    with svc.store.begin() as session:
        svc.config.use_cases.watch_deadlines(session, received + timedelta(hours=30))
    assert "complaints.complaint.overdue" not in types(svc)


def test_surveys_after_a_visit_and_satisfaction_rate(client, svc):
    visit = str(uuid.uuid4())
    feed(svc, "visits.visit.checked_out", visit, {"id": visit, "elder_id": "e1", "service_point_id": POINT})
    with svc.store.begin() as session:
        token = session.execute(sa.text("SELECT token FROM survey_invitations")).scalar()
    assert client.post(f"/surveys/by-token/{token}", json={"score": 5}).status_code == 201
    assert client.post(f"/surveys/by-token/{token}", json={"score": 1}).status_code == 409
    assert client.post("/surveys", json={"subject_type": "visit", "subject_id": visit, "score": 2},
                       headers=ADMIN).status_code == 201
    stats = client.get("/stats/satisfaction", query_string={"service_point_id": POINT}, headers=ADMIN).get_json()
    assert stats == {"responses": 2, "satisfied": 1, "rate": 0.5}


def test_hotline_answer_rate(client):
    today = datetime.now(timezone.utc)
    for answered in (True, True, True, False):
        client.post("/calls", json={"caller": "13800001111", "started_at": today.isoformat(), "answered": answered,
                                    "duration_s": 60}, headers=ADMIN)
    stats = client.get("/stats/hotline", query_string={"from": (today - timedelta(days=1)).date().isoformat(),
                                                        "to": (today + timedelta(days=1)).date().isoformat()},
                       headers=ADMIN).get_json()
    assert stats == {"calls": 4, "answered": 3, "answer_rate": 0.75}


def test_monthly_report_figures_and_downloads(client, svc):
    complaint(client)
    complaint(client, channel="web", category="fees")
    late = complaint(client, channel="web", type="complaint").get_json()
    with svc.store.begin() as session:  # this one missed its first-reply deadline
        session.execute(deadlines.update().where(deadlines.c.complaint_id == late["id"])
                        .values(due_at=datetime.now(timezone.utc) - timedelta(hours=1)))
    complaint(client, type="praise")
    report = client.get("/stats/complaints", headers=ADMIN).get_json()
    assert report["complaints"] == 4
    assert report["by_channel"] == {"phone": 2, "web": 2}
    assert report["by_type"] == {"complaint": 3, "praise": 1}
    assert report["in_time"] == 2 and report["in_time_rate"] == round(2 / 3, 4)
    csv = client.get("/reports/monthly", query_string={"format": "csv"}, headers=ADMIN)
    assert csv.mimetype == "text/csv" and "by_channel,web,2" in csv.get_data().decode("utf-8-sig")
    xlsx = client.get("/reports/monthly", query_string={"format": "xlsx"}, headers=ADMIN)
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.get_data())).active
    assert ["total", "complaints", 4] in [[c.value for c in row] for row in sheet.iter_rows()]


def test_complainant_phone_is_masked_for_agents_and_points_are_scoped(client):
    body = complaint(client).get_json()
    agent = {"X-Zhuyu-Role": "cs_agent", "X-Zhuyu-User": "u"}
    assert client.get(f"/complaints/{body['id']}", headers=agent).get_json()["complainant"]["phone"] == "138****1111"
    other = {"X-Zhuyu-Role": "point_admin", "X-Zhuyu-Point": str(uuid.uuid4()), "X-Zhuyu-User": "u"}
    assert client.get(f"/complaints/{body['id']}", headers=other).status_code == 403


def test_misconduct_is_recorded_against_staff_only_for_that_category(client):
    wrong = complaint(client).get_json()
    staff = str(uuid.uuid4())
    assert client.post(f"/complaints/{wrong['id']}/misconduct", json={"staff_id": staff, "verified": True, "note": "x"},
                       headers=ADMIN).status_code == 409
    right = complaint(client, category="staff_misconduct").get_json()
    assert client.post(f"/complaints/{right['id']}/misconduct", json={"staff_id": staff, "verified": True, "note": "x"},
                       headers=ADMIN).status_code == 201


def test_monthly_report_is_produced_once_on_its_day(client, svc):
    complaint(client)
    uc = svc.config.use_cases
    now = datetime.now(timezone.utc)
    day = lambda d: now.astimezone(uc.tz).replace(day=d, hour=12)  # noqa: E731
    with svc.store.begin() as session:
        assert uc.produce_monthly_reports(session, day(24)) == 0
        assert uc.produce_monthly_reports(session, day(25)) == 2  # city and the one point
        assert uc.produce_monthly_reports(session, day(26)) == 0
    assert types(svc).count("complaints.report.ready") == 1
