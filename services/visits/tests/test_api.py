"""Visits over HTTP on a real store, with the read model fed by registration events."""
from __future__ import annotations

import dataclasses

import json
import re
import threading
import uuid
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from kit import events
from kit.broker import free_port
from tests import payloads
from tests.callers import ADMIN, caller
from tests.catalogue import checked

pytestmark = pytest.mark.integration
ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


class Registration:
    """Plays the registration service's events into the visits read model."""

    def __init__(self, svc):
        self.svc = svc
        self.sequences: dict[str, int] = {}
        self.on_duty: dict[str, str] = {}  # point → its qualified point administrator (a staff member)

    def emit(self, type_: str, subject: str, data: dict) -> None:
        self.sequences[subject] = self.sequences.get(subject, 0) + 1
        event = events.parse(events.encode(events.envelope(
            type=type_, source="/registration", subject=subject, data=checked(type_, data),
            sequence=self.sequences[subject], correlationid=None, traceparent=None)))
        with self.svc.store.begin() as session:
            self.svc.handlers[type_](session, event)

    def point(self, capacity: int = 2, hours=None, **state) -> str:
        point_id = str(uuid.uuid4())
        self.emit("registration.service_point.created", point_id, payloads.point(
            id=point_id, name="点", opening_hours=ALL_DAY if hours is None else hours, bath_capacity=capacity,
            safety_reminders=["地面湿滑"]) | state)
        self.on_duty[point_id] = self.staff_member(point_id, roles=["point_admin", "rest_hall_admin"])
        return point_id

    def staff_member(self, point_id: str | None, **state) -> str:
        staff_id = str(uuid.uuid4())
        self.emit("registration.staff.created", staff_id, payloads.staff(
            id=staff_id, name="赵", gender="male", service_point_id=point_id) | state)
        return staff_id

    def elder(self, point_id: str, card: str, **state) -> str:
        elder_id = state.pop("id", str(uuid.uuid4()))
        self.emit("registration.elder.updated", elder_id, payloads.elder(
            id=elder_id, citizen_card_no=card, service_point_id=point_id, chronic_conditions=["高血压"]) | state)
        return elder_id

    def assistant(self, point_id: str, **state) -> str:
        staff_id = str(uuid.uuid4())
        self.emit("registration.staff.created", staff_id, payloads.staff(
            id=staff_id, name="王", gender="female", roles=["bathing_assistant"], service_point_id=point_id) | state)
        return staff_id


@pytest.fixture
def svc(build_service, monkeypatch):
    monkeypatch.setenv("REGISTRATION_URL", f"http://127.0.0.1:{free_port()}")  # registration is down
    return build_service("visits")


STEPS_BY_STAFF = re.compile(r"/visits/([0-9a-f-]{36})/(screening|rest|checkout)")


class StaffedClient:
    """The service's test client, where the tests' `ADMIN` (a user linked to no staff
    member) acts at each point as that point's qualified staff member on duty
    (`Registration.on_duty`): a screening, rest or check-out it posts without `staff_id`
    names that member. Any other caller, and any body naming its own, go as they are."""

    def __init__(self, svc, reg: Registration):
        self.flask = svc.app().test_client()
        self.svc, self.reg = svc, reg

    def __getattr__(self, name):
        return getattr(self.flask, name)

    def post(self, path: str, *args, json=None, headers=None, **kwargs):
        step = STEPS_BY_STAFF.fullmatch(path)
        if step and headers == ADMIN and isinstance(json, dict) and "staff_id" not in json:
            with self.svc.store.begin() as session:
                point = session.execute(sa.text("SELECT service_point_id FROM visits WHERE id = :id"),
                                        {"id": step.group(1)}).scalar()
            if point in self.reg.on_duty:
                json = json | {"staff_id": self.reg.on_duty[point]}
        return self.flask.post(path, *args, json=json, headers=headers, **kwargs)


@pytest.fixture
def reg(svc):
    return Registration(svc)


@pytest.fixture
def client(svc, reg):
    return StaffedClient(svc, reg)


def outbox_types(svc) -> list[str]:
    with svc.store.begin() as session:
        return list(session.execute(sa.text("SELECT type FROM outbox ORDER BY id")).scalars())


def outbox_last(svc) -> dict:
    with svc.store.begin() as session:
        return json.loads(bytes(session.execute(sa.text("SELECT body FROM outbox ORDER BY id DESC")).scalars().first()))


SCREEN_OK = {"mental_state": "good", "infectious_disease": False, "alcohol": False,
             "reminders_given": ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication",
                                 "point_specific"]}


def test_a_whole_visit_from_check_in_to_check_out(client, reg, svc, monkeypatch):
    point = reg.point()
    reg.elder(point, "CARD0001")
    assistant = reg.assistant(point)
    visit = client.post("/visits", json={"citizen_card_no": "CARD0001", "service_point_id": point}, headers=ADMIN)
    assert visit.status_code == 201 and visit.get_json()["status"] == "checked_in"
    url = f"/visits/{visit.get_json()['id']}"
    screened = client.post(f"{url}/screening", json=SCREEN_OK | {"systolic": 150, "diastolic": 85}, headers=ADMIN)
    assert screened.status_code == 200
    assert screened.get_json()["status"] == "screened"
    assert screened.get_json()["warnings"] == ["BLOOD_PRESSURE_RAISED"]
    assert "地面湿滑" in screened.get_json()["reminders"]
    assert client.post(f"{url}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200
    assert client.post(f"{url}/rest", json={}, headers=ADMIN).status_code == 200
    early = client.post(f"{url}/checkout", json={}, headers=ADMIN)
    assert (early.status_code, early.get_json()["code"]) == (409, "REST_TOO_SHORT")
    done = client.post(f"{url}/checkout", json={"early_leave_reason": "家属来接"}, headers=ADMIN)
    assert done.status_code == 200 and done.get_json()["status"] == "checked_out"
    actions = [step["action"] for step in client.get(url, headers=ADMIN).get_json()["timeline"]]
    assert actions == ["checked_in", "screened", "bath_started", "rest_started", "checked_out"]
    assert outbox_types(svc) == ["visits.visit.checked_in", "visits.visit.screened", "visits.visit.bath_started",
                                 "visits.visit.rest_started", "visits.visit.checked_out"]


@pytest.mark.parametrize("state,code", [({"status": "suspended"}, "ELDER_SUSPENDED"),
                                        ({"latest_assessment_level": 1, "eligible_for_bathing": False},
                                         "NOT_ELIGIBLE"),
                                        ({"safety_commitment_version": "v0", "safety_commitment_current": False},
                                         "NO_SAFETY_COMMITMENT")])
def test_check_in_refusals_are_409_recorded_and_emitted(client, reg, svc, state, code):
    point = reg.point()
    reg.elder(point, "CARD0002", **state)
    response = client.post("/visits", json={"citizen_card_no": "CARD0002", "service_point_id": point}, headers=ADMIN)
    assert (response.status_code, response.get_json()["code"]) == (409, code)
    event = outbox_last(svc)
    assert event["type"] == "visits.visit.entry_denied" and event["data"]["code"] == code


def test_unknown_card_with_registration_down_is_refused_not_an_error(client, reg):
    point = reg.point()
    response = client.post("/visits", json={"citizen_card_no": "NOSUCH01", "service_point_id": point}, headers=ADMIN)
    assert (response.status_code, response.get_json()["code"]) == (409, "UNKNOWN_CARD")


def test_known_elder_checks_in_while_registration_is_down(client, reg):
    point = reg.point()
    reg.elder(point, "CARD0003")
    assert client.post("/visits", json={"citizen_card_no": "CARD0003", "service_point_id": point},
                       headers=ADMIN).status_code == 201


def test_point_closed_and_already_in_visit(client, reg):
    closed = reg.point(hours={})
    reg.elder(closed, "CARD0004")
    response = client.post("/visits", json={"citizen_card_no": "CARD0004", "service_point_id": closed}, headers=ADMIN)
    assert response.get_json()["code"] == "POINT_CLOSED"
    point = reg.point()
    assert client.post("/visits", json={"citizen_card_no": "CARD0004", "service_point_id": point},
                       headers=ADMIN).status_code == 201
    again = client.post("/visits", json={"citizen_card_no": "CARD0004", "service_point_id": point}, headers=ADMIN)
    assert again.get_json()["code"] == "ALREADY_IN_VISIT"


def test_danger_blood_pressure_refuses_with_an_urgent_event(client, reg, svc):
    point = reg.point()
    reg.elder(point, "CARD0005")
    visit = client.post("/visits", json={"citizen_card_no": "CARD0005", "service_point_id": point}, headers=ADMIN)
    result = client.post(f"/visits/{visit.get_json()['id']}/screening",
                         json=SCREEN_OK | {"systolic": 180, "diastolic": 100}, headers=ADMIN).get_json()
    assert result["status"] == "refused" and result["refusal_reasons"] == ["BLOOD_PRESSURE_DANGER"]
    event = outbox_last(svc)
    assert event["type"] == "visits.visit.refused" and event["data"]["urgent"] is True


def test_steps_out_of_order_are_409(client, reg):
    point = reg.point()
    reg.elder(point, "CARD0006")
    assistant = reg.assistant(point)
    url = "/visits/" + client.post("/visits", json={"citizen_card_no": "CARD0006", "service_point_id": point},
                                   headers=ADMIN).get_json()["id"]
    for path, body in (("rest", {}), ("checkout", {}), ("bath", {"assistant_staff_id": assistant})):
        response = client.post(f"{url}/{path}", json=body, headers=ADMIN)
        assert (response.status_code, response.get_json()["code"]) == (409, "INVALID_TRANSITION"), path


def test_bath_needs_a_qualified_assistant_and_a_free_bath(client, reg):
    point = reg.point(capacity=1)
    unqualified = reg.assistant(point, qualified=False)
    assistant = reg.assistant(point)
    urls = []
    for card in ("CARD0007", "CARD0008"):
        reg.elder(point, card)
        url = "/visits/" + client.post("/visits", json={"citizen_card_no": card, "service_point_id": point},
                                       headers=ADMIN).get_json()["id"]
        client.post(f"{url}/screening", json=SCREEN_OK, headers=ADMIN)
        urls.append(url)
    refused = client.post(f"{urls[0]}/bath", json={"assistant_staff_id": unqualified}, headers=ADMIN)
    assert refused.get_json()["code"] == "STAFF_NOT_QUALIFIED"
    assert client.post(f"{urls[0]}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200
    full = client.post(f"{urls[1]}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN)
    assert (full.status_code, full.get_json()["code"]) == (409, "BATHS_FULL")


def test_screening_rest_and_check_out_need_a_qualified_staff_member_of_the_point(client, reg, svc):
    """Spec 5.1 for every service worker: the one named in the body, else the user's own
    staff member; nobody at all (an admin linked to none) is refused like the unqualified."""
    point, other = reg.point(), reg.point()
    reg.elder(point, "CARD0060")
    assistant = reg.assistant(point)
    unqualified = reg.staff_member(point, roles=["rest_hall_admin"], qualified=False)
    inactive = reg.staff_member(point, roles=["point_admin"], active=False)
    elsewhere = reg.staff_member(other, roles=["point_admin"])
    qualified = reg.staff_member(point, roles=["point_admin", "rest_hall_admin"])
    worker = caller("rest_hall_admin", user="u-rest", point=point, staff=unqualified)
    linked = caller("point_admin", user="u-point", point=point, staff=qualified)
    unlinked = caller("admin", user="u-admin-2")
    url = "/visits/" + client.post("/visits", json={"citizen_card_no": "CARD0060", "service_point_id": point},
                                   headers=ADMIN).get_json()["id"]

    def refused(step: str, body: dict, headers: dict) -> None:
        answer = client.post(f"{url}/{step}", json=body, headers=headers)
        assert (answer.status_code, answer.get_json()["code"]) == (409, "STAFF_NOT_QUALIFIED"), (step, body)

    for body, headers in (({}, worker), ({}, unlinked), ({"staff_id": elsewhere}, unlinked),
                          ({"staff_id": inactive}, linked), ({"staff_id": str(uuid.uuid4())}, linked),
                          ({"staff_id": unqualified}, linked)):
        refused("screening", SCREEN_OK | body, headers)
    assert client.get(url, headers=ADMIN).get_json()["status"] == "checked_in"
    assert client.post(f"{url}/screening", json=SCREEN_OK | {"staff_id": qualified}, headers=worker).status_code == 200
    assert client.post(f"{url}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200
    refused("rest", {}, worker)
    refused("rest", {}, unlinked)
    assert client.post(f"{url}/rest", json={}, headers=linked).status_code == 200
    refused("checkout", {"early_leave_reason": "家属来接"}, worker)
    refused("checkout", {"early_leave_reason": "家属来接", "staff_id": elsewhere}, linked)
    done = client.post(f"{url}/checkout", json={"early_leave_reason": "家属来接", "staff_id": assistant},
                       headers=unlinked)
    assert done.status_code == 200
    steps = {entry["action"]: entry["staff_id"] for entry in done.get_json()["timeline"]}
    assert steps == {"checked_in": None, "screened": qualified, "bath_started": assistant,
                     "rest_started": qualified, "checked_out": assistant}


def test_serious_incident_is_reported_as_urgent(client, reg, svc):
    point = reg.point()
    reg.elder(point, "CARD0009")
    url = "/visits/" + client.post("/visits", json={"citizen_card_no": "CARD0009", "service_point_id": point},
                                   headers=ADMIN).get_json()["id"]
    incident = client.post(f"{url}/incidents", json={"kind": "fall", "severity": "serious", "description": "滑倒"},
                           headers=ADMIN)
    assert incident.status_code == 201
    event = outbox_last(svc)
    assert event["type"] == "visits.incident.reported" and event["data"]["urgent"] is True
    closed = client.post(f"/incidents/{incident.get_json()['id']}/outcome", json={"outcome": "first_aid"}, headers=ADMIN)
    assert closed.get_json()["outcome"] == "first_aid"


def test_a_phone_typed_into_an_incident_is_masked_for_staff_who_may_not_see_it(client, reg):
    point = reg.point()
    reg.elder(point, "CARD0019")
    url = "/visits/" + client.post("/visits", json={"citizen_card_no": "CARD0019", "service_point_id": point},
                                   headers=ADMIN).get_json()["id"]
    assistant = caller("bathing_assistant", user="u-ba", point=point)
    reported = client.post(f"{url}/incidents", json={"kind": "fall", "severity": "minor",
                                                     "description": "滑倒，联系家属13911112222"}, headers=assistant)
    assert reported.status_code == 201 and reported.get_json()["description"] == "滑倒，联系家属139****2222"
    incident = f"/incidents/{reported.get_json()['id']}"
    assert client.get(incident, headers=assistant).get_json()["description"] == "滑倒，联系家属139****2222"
    assert client.get(incident, headers=ADMIN).get_json()["description"] == "滑倒，联系家属13911112222"


def tomorrow_at(hour: int) -> str:
    tz = ZoneInfo("Asia/Shanghai")
    return (datetime.now(tz) + timedelta(days=1)).replace(hour=hour, minute=0, second=0, microsecond=0).isoformat()


def test_booking_capacity_double_booking_and_cancel(client, reg, svc):
    point = reg.point(capacity=1)
    first, second = reg.elder(point, "CARD0010"), reg.elder(point, "CARD0011")
    slot = tomorrow_at(10)
    booked = client.post("/bookings", json={"elder_id": first, "service_point_id": point, "slot_start": slot},
                         headers=ADMIN)
    assert booked.status_code == 201
    full = client.post("/bookings", json={"elder_id": second, "service_point_id": point, "slot_start": slot},
                       headers=ADMIN)
    assert full.get_json()["code"] == "SLOT_FULL"
    other_point = reg.point()
    double = client.post("/bookings", json={"elder_id": first, "service_point_id": other_point, "slot_start": slot},
                         headers=ADMIN)
    assert double.get_json()["code"] == "DOUBLE_BOOKING"
    off_grid = client.post("/bookings", json={"elder_id": second, "service_point_id": point,
                                              "slot_start": tomorrow_at(10)[:14] + "10" + tomorrow_at(10)[16:]},
                           headers=ADMIN)
    assert off_grid.status_code == 422
    assert client.post(f"/bookings/{booked.get_json()['id']}/cancel", json={}, headers=ADMIN).status_code == 200
    assert client.post("/bookings", json={"elder_id": second, "service_point_id": point, "slot_start": slot},
                       headers=ADMIN).status_code == 201


def test_parallel_bookings_never_overbook_a_slot(svc, reg, database_kind):
    point = reg.point(capacity=2)
    elders = [reg.elder(point, f"PAR{i:05d}") for i in range(12)]
    slot = tomorrow_at(15)
    results: list[int] = []
    barrier = threading.Barrier(len(elders))
    app = svc.app()

    def book(elder_id: str) -> None:
        client = app.test_client()
        barrier.wait()
        response = client.post("/bookings", json={"elder_id": elder_id, "service_point_id": point, "slot_start": slot},
                               headers=ADMIN)
        results.append(response.status_code)

    threads = [threading.Thread(target=book, args=(e,)) for e in elders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results).count(201) == 2, results
    assert set(results) <= {201, 409, 503}


def test_parallel_baths_never_exceed_the_points_capacity_and_rest_frees_a_place(svc, reg, client):
    point = reg.point(capacity=2)
    urls, assistants = [], {}  # one assistant per visit: an assistant bathes one elder at a time
    for i in range(8):
        reg.elder(point, f"BATH{i:05d}")
        url = "/visits/" + client.post("/visits", json={"citizen_card_no": f"BATH{i:05d}", "service_point_id": point},
                                       headers=ADMIN).get_json()["id"]
        client.post(f"{url}/screening", json=SCREEN_OK, headers=ADMIN)
        urls.append(url)
        assistants[url] = reg.assistant(point)
    answers: dict[str, tuple[int, str | None]] = {}
    barrier = threading.Barrier(len(urls))
    app = svc.app()

    def bath(url: str) -> None:
        barrier.wait()
        response = app.test_client().post(f"{url}/bath", json={"assistant_staff_id": assistants[url]}, headers=ADMIN)
        answers[url] = (response.status_code, response.get_json().get("code"))

    threads = [threading.Thread(target=bath, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    bathing = [url for url, (status, _) in answers.items() if status == 200]
    assert len(bathing) == 2, answers
    assert {answer for url, answer in answers.items() if url not in bathing} <= {(409, "BATHS_FULL"), (503, "SERVICE_UNAVAILABLE")}
    waiting = [url for url in urls if url not in bathing]
    assert client.post(f"{waiting[0]}/bath", json={"assistant_staff_id": assistants[waiting[0]]}, headers=ADMIN).status_code == 409
    assert client.post(f"{bathing[0]}/rest", json={}, headers=ADMIN).status_code == 200
    assert client.post(f"{waiting[0]}/bath", json={"assistant_staff_id": assistants[waiting[0]]}, headers=ADMIN).status_code == 200
    assert client.post(f"{waiting[1]}/bath", json={"assistant_staff_id": assistants[waiting[1]]}, headers=ADMIN).status_code == 409


def test_point_bound_staff_cannot_touch_another_points_visit(client, reg):
    point, other = reg.point(), reg.point()
    reg.elder(point, "CARD0012")
    visit = client.post("/visits", json={"citizen_card_no": "CARD0012", "service_point_id": point}, headers=ADMIN)
    bound = caller("rest_hall_admin", user="u", point=other)
    assert client.get(f"/visits/{visit.get_json()['id']}", headers=bound).status_code == 404
    assert client.get("/visits", query_string={"service_point_id": point}, headers=bound).status_code == 403


def test_older_registration_events_do_not_overwrite_newer_state(svc, reg, client):
    point = reg.point()
    elder = reg.elder(point, "CARD0013", status="suspended")
    stale = events.parse(events.encode(events.envelope(
        type="registration.elder.updated", source="/registration", subject=elder, sequence=1,
        data=checked("registration.elder.updated", payloads.elder(
            id=elder, name="x", citizen_card_no="CARD0013", service_point_id=point, status="active")),
        correlationid=None, traceparent=None)))
    with svc.store.begin() as session:
        svc.handlers[stale.type](session, stale)
    response = client.post("/visits", json={"citizen_card_no": "CARD0013", "service_point_id": point}, headers=ADMIN)
    assert response.get_json()["code"] == "ELDER_SUSPENDED"


def test_follow_up_plan_record_and_overdue_list(client, reg, svc):
    point = reg.point()
    elder = reg.elder(point, "CARD0020", birth_date="1950-01-01")
    staff = reg.assistant(point, roles=["case_manager"])
    plan = client.post("/follow-up-plans", json={"elder_id": elder, "programme": "hypertension", "staff_id": staff},
                       headers=ADMIN)
    assert plan.status_code == 201
    first = plan.get_json()["first_follow_up_id"]
    listed = client.get("/follow-ups", query_string={"staff_id": staff}, headers=ADMIN).get_json()["items"]
    assert [f["id"] for f in listed] == [first] and listed[0]["overdue"] is False
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    result = client.post(f"/follow-ups/{first}/record", headers=ADMIN, json={
        "visited_on": today.isoformat(), "face_to_face": True, "systolic": 165, "diastolic": 95, "symptoms": []})
    assert result.get_json() == {"classification": "uncontrolled", "referral": False, "emergency": False,
                                 "next_due_on": (today + timedelta(days=14)).isoformat(), "diagnosed": False}
    again = client.post(f"/follow-ups/{first}/record", headers=ADMIN, json={"visited_on": today.isoformat(),
                                                                           "face_to_face": True, "systolic": 120,
                                                                           "diastolic": 80})
    assert again.get_json()["code"] == "INVALID_TRANSITION"
    [second] = client.get("/follow-ups", query_string={"staff_id": staff}, headers=ADMIN).get_json()["items"]
    referral = client.post(f"/follow-ups/{second['id']}/record", headers=ADMIN, json={
        "visited_on": today.isoformat(), "face_to_face": True, "systolic": 166, "diastolic": 96})
    assert referral.get_json()["referral"] is True
    assert "visits.follow_up.recorded" in outbox_types(svc)


def test_case_management_is_seen_only_by_case_managers_doctors_and_administrators(client, reg):
    """Seed 003 (保管者要注意保密): a point's staff and the city operator do not even learn that
    an elder is in case management; they still see and keep the other programmes."""
    point = reg.point()
    elder = reg.elder(point, "CARD0061")
    manager = reg.staff_member(point, roles=["case_manager"])
    keeper = caller("case_manager", user="u-cm", point=point, staff=manager)
    doctor = caller("doctor", user="u-doc")
    point_admin = caller("point_admin", user="u-pa", point=point)
    city = caller("city_operator", user="u-city")
    case = client.post("/follow-up-plans", json={"elder_id": elder, "programme": "case_management",
                                                 "staff_id": manager}, headers=keeper).get_json()["first_follow_up_id"]
    blood = client.post("/follow-up-plans", json={"elder_id": elder, "programme": "hypertension",
                                                  "staff_id": manager}, headers=point_admin).get_json()["first_follow_up_id"]

    def listed(headers: dict) -> set[str]:
        return {f["id"] for f in client.get("/follow-ups", query_string={"service_point_id": point},
                                            headers=headers).get_json()["items"]}

    assert listed(keeper) == listed(doctor) == listed(ADMIN) == {case, blood}
    assert listed(point_admin) == listed(city) == {blood}
    for headers in (keeper, doctor, ADMIN):
        one = client.get(f"/follow-ups/{case}", headers=headers)
        assert (one.status_code, one.get_json()["programme"], one.get_json()["record"]) == (200, "case_management", None)
    for headers in (point_admin, city):
        assert client.get(f"/follow-ups/{case}", headers=headers).status_code == 404
        assert client.get(f"/follow-ups/{blood}", headers=headers).get_json()["programme"] == "hypertension"
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    forbidden = client.post(f"/follow-ups/{case}/record", json={"visited_on": today, "face_to_face": True},
                            headers=point_admin)
    assert forbidden.status_code == 403
    planned = client.post("/follow-up-plans", json={"elder_id": elder, "programme": "case_management",
                                                    "staff_id": manager}, headers=point_admin)
    assert planned.status_code == 403
    assert client.get(f"/follow-ups/{case}", headers=keeper).get_json()["status"] == "open"
    done = client.post(f"/follow-ups/{case}/record", json={"visited_on": today, "face_to_face": True,
                                                           "notes": "情况稳定"}, headers=keeper)
    assert done.status_code == 200
    read = client.get(f"/follow-ups/{case}", headers=doctor).get_json()
    assert (read["status"], read["recorded_by"], read["record"]["notes"]) == ("done", "u-cm", "情况稳定")


def test_a_screening_plan_rechecks_and_becomes_hypertension_on_the_third_high_day(client, reg):
    point = reg.point()
    elder = reg.elder(point, "CARD0062", birth_date="1950-01-01")
    staff = reg.staff_member(point, roles=["doctor"])
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    plan = client.post("/follow-up-plans", headers=ADMIN, json={
        "elder_id": elder, "programme": "bp_screening", "staff_id": staff,
        "first_reading": {"measured_on": (today - timedelta(days=20)).isoformat(), "systolic": 150, "diastolic": 85}})
    assert plan.get_json()["first_due_on"] == (today + timedelta(days=14)).isoformat()
    due = plan.get_json()["first_follow_up_id"]
    for days_ago, diagnosed, programme in ((10, False, "bp_screening"), (0, True, "hypertension")):
        recorded = client.post(f"/follow-ups/{due}/record", headers=ADMIN, json={
            "visited_on": (today - timedelta(days=days_ago)).isoformat(), "face_to_face": True,
            "systolic": 146, "diastolic": 88}).get_json()
        assert (recorded["classification"], recorded["diagnosed"]) == ("high", diagnosed)
        [due_item] = client.get("/follow-ups", query_string={"staff_id": staff}, headers=ADMIN).get_json()["items"]
        assert due_item["programme"] == programme
        due = due_item["id"]
    assert due_item["due_on"] == (today + timedelta(days=14)).isoformat()


def test_a_phone_follow_up_leaves_the_face_to_face_quarter_where_it_was(client, reg):
    point = reg.point()
    elder = reg.elder(point, "CARD0063", birth_date="1950-01-01")
    staff = reg.staff_member(point, roles=["doctor"])
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    due = client.post("/follow-up-plans", headers=ADMIN, json={"elder_id": elder, "programme": "hypertension",
                                                               "staff_id": staff}).get_json()["first_follow_up_id"]
    phoned = client.post(f"/follow-ups/{due}/record", headers=ADMIN, json={
        "visited_on": (today + timedelta(days=30)).isoformat(), "face_to_face": False, "systolic": 130,
        "diastolic": 80}).get_json()
    assert phoned["next_due_on"] == (today + timedelta(days=91)).isoformat()
    [due] = client.get("/follow-ups", query_string={"staff_id": staff}, headers=ADMIN).get_json()["items"]
    met = client.post(f"/follow-ups/{due['id']}/record", headers=ADMIN, json={
        "visited_on": (today + timedelta(days=40)).isoformat(), "face_to_face": True, "systolic": 130,
        "diastolic": 80}).get_json()
    assert met["next_due_on"] == (today + timedelta(days=131)).isoformat()


def test_the_yearly_health_check_is_for_65_and_over_and_a_discharge_brings_the_first_visit_forward(client, reg):
    point = reg.point()
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    young = reg.elder(point, "CARD0064", birth_date=date(today.year - 64, 1, 1).isoformat())
    old = reg.elder(point, "CARD0065", birth_date=date(today.year - 66, 1, 1).isoformat())
    staff = reg.staff_member(point, roles=["doctor"])
    refused = client.post("/follow-up-plans", headers=ADMIN, json={"elder_id": young, "programme": "health_check",
                                                                   "staff_id": staff})
    assert refused.status_code == 422 and "programme" in refused.get_json()["errors"]
    check = client.post("/follow-up-plans", headers=ADMIN, json={"elder_id": old, "programme": "health_check",
                                                                 "staff_id": staff})
    assert check.get_json()["first_due_on"] == (today + timedelta(days=365)).isoformat()
    home = client.post("/follow-up-plans", headers=ADMIN, json={
        "elder_id": old, "programme": "home_visit", "staff_id": staff,
        "discharged_on": (today - timedelta(days=2)).isoformat()}).get_json()
    assert (home["first_due_on"], home["details"]) == ((today + timedelta(days=5)).isoformat(),
                                                       {"discharged_on": (today - timedelta(days=2)).isoformat()})


def test_a_case_has_its_agreement_reviews_and_closure_with_a_callback(client, reg):
    point = reg.point()
    elder = reg.elder(point, "CARD0066")
    manager = reg.staff_member(point, roles=["case_manager"])
    keeper = caller("case_manager", user="u-cm", point=point, staff=manager)
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    agreement = {"signed_on": today.isoformat(), "signed_by": "本人", "services": "助浴"}
    plan = client.post("/follow-up-plans", headers=keeper, json={
        "elder_id": elder, "programme": "case_management", "staff_id": manager, "service_agreement": agreement,
        "referral_source": "社区转介"}).get_json()
    assert plan["details"] == {"service_agreement": agreement, "referral_source": "社区转介"}
    wrong = client.post("/follow-up-plans", headers=keeper, json={
        "elder_id": elder, "programme": "home_visit", "staff_id": manager, "service_agreement": agreement})
    assert wrong.status_code == 422
    review = {"progress": "目标一已达成", "decision": "keep_plan"}
    assert client.post(f"/follow-ups/{plan['first_follow_up_id']}/record", headers=keeper, json={
        "visited_on": today.isoformat(), "face_to_face": True, "review": review}).status_code == 200
    assert client.get(f"/follow-ups/{plan['first_follow_up_id']}", headers=keeper).get_json()["record"]["review"] == review
    [next_review] = client.get("/follow-ups", query_string={"staff_id": manager}, headers=keeper).get_json()["items"]
    assert client.post(f"/follow-up-plans/{plan['id']}/close", headers=caller("point_admin", user="u-pa", point=point),
                       json={"reason": "lost_contact"}).status_code == 403
    callback_on = (today + timedelta(days=7)).isoformat()
    closed = client.post(f"/follow-up-plans/{plan['id']}/close", headers=keeper,
                         json={"reason": "lost_contact", "note": "电话停机", "callback_on": callback_on})
    assert closed.status_code == 200
    body = closed.get_json()
    assert (body["active"], body["closure_reason"], body["closed_on"]) == (False, "lost_contact", today.isoformat())
    assert client.get(f"/follow-ups/{next_review['id']}", headers=keeper).get_json()["status"] == "cancelled"
    [callback] = client.get("/follow-ups", query_string={"staff_id": manager}, headers=keeper).get_json()["items"]
    assert (callback["id"], callback["due_on"]) == (body["callback_follow_up_id"], callback_on)
    again = client.post(f"/follow-up-plans/{plan['id']}/close", headers=keeper, json={"reason": "moved"})
    assert (again.status_code, again.get_json()["code"]) == (409, "INVALID_TRANSITION")
    assert client.post(f"/follow-ups/{callback['id']}/record", headers=keeper, json={
        "visited_on": callback_on, "face_to_face": False, "notes": "家属说已搬走"}).status_code == 200
    assert client.get("/follow-ups", query_string={"staff_id": manager}, headers=keeper).get_json()["items"] == []


def test_a_follow_up_plan_names_a_known_staff_member_of_the_elders_point(client, reg):
    point, other = reg.point(), reg.point()
    elder = reg.elder(point, "CARD0029")
    for staff_id in (reg.assistant(other, roles=["case_manager"]), str(uuid.uuid4())):
        refused = client.post("/follow-up-plans", json={"elder_id": elder, "programme": "home_visit",
                                                        "staff_id": staff_id}, headers=ADMIN)
        assert (refused.status_code, list(refused.get_json()["errors"])) == (422, ["staff_id"]), staff_id
    assert client.get("/follow-ups", headers=ADMIN).get_json()["items"] == []


def test_follow_up_watch_announces_due_and_overdue_once(client, reg, svc):
    point = reg.point()
    elder = reg.elder(point, "CARD0021")
    plan = client.post("/follow-up-plans", json={"elder_id": elder, "programme": "home_visit",
                                                 "staff_id": reg.assistant(point, roles=["case_manager"])},
                       headers=ADMIN).get_json()
    due = date.fromisoformat(plan["first_due_on"])
    for day in (due - timedelta(days=3), due - timedelta(days=2), due, due, due + timedelta(days=1),
                due + timedelta(days=2)):
        with svc.store.begin() as session:
            svc.use_cases.watch_follow_ups(session, datetime.combine(day, time(12), ZoneInfo("Asia/Shanghai")))
    types = outbox_types(svc)
    assert types.count("visits.follow_up.due") == 2 and types.count("visits.follow_up.overdue") == 1
    overdue = client.get("/follow-ups", query_string={"overdue": "true"}, headers=ADMIN).get_json()["items"]
    assert overdue == []  # not overdue by today's clock


def test_care_plan_with_four_problems_is_422(client, reg):
    point = reg.point()
    elder = reg.elder(point, "CARD0022")
    problem = {"problem": "p", "goal": "g", "measures": "m", "responsible": "r"}
    response = client.post("/follow-up-plans", headers=ADMIN, json={
        "elder_id": elder, "programme": "case_management", "staff_id": reg.assistant(point, roles=["case_manager"]),
        "care_plan": [problem] * 4})
    assert response.status_code == 422


def test_closing_an_elder_ends_follow_ups_and_cancels_bookings(client, reg, svc):
    point = reg.point()
    elder = reg.elder(point, "CARD0023")
    client.post("/follow-up-plans", json={"elder_id": elder, "programme": "home_visit",
                                          "staff_id": reg.assistant(point, roles=["case_manager"])}, headers=ADMIN)
    booking = client.post("/bookings", json={"elder_id": elder, "service_point_id": point,
                                             "slot_start": tomorrow_at(9)}, headers=ADMIN).get_json()
    reg.elder(point, "CARD0023", id=elder, status="closed")
    assert client.get("/follow-ups", headers=ADMIN).get_json()["items"] == []
    listed = client.get("/bookings", query_string={"elder_id": elder}, headers=ADMIN).get_json()["items"]
    assert [b["status"] for b in listed if b["id"] == booking["id"]] == ["cancelled"]


def test_daily_figures_count_visits_refusals_and_incidents(client, reg):
    point = reg.point()
    assistant = reg.assistant(point)
    for card, bp in (("DAY00001", (120, 80)), ("DAY00002", (185, 100))):
        reg.elder(point, card)
        url = "/visits/" + client.post("/visits", json={"citizen_card_no": card, "service_point_id": point},
                                       headers=ADMIN).get_json()["id"]
        client.post(f"{url}/screening", json=SCREEN_OK | {"systolic": bp[0], "diastolic": bp[1]}, headers=ADMIN)
        if bp[0] < 180:
            client.post(f"{url}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN)
            client.post(f"{url}/incidents", json={"kind": "scald", "severity": "minor", "description": "水温"},
                        headers=ADMIN)
    figures = client.get("/visits/daily-figures", query_string={"service_point_id": point}, headers=ADMIN).get_json()
    assert figures["visits"] == 2 and figures["refused"] == 1 and figures["incidents"] == 1
    assert figures["refusals_by_reason"] == {"BLOOD_PRESSURE_DANGER": 1}


def test_period_figures_agree_with_each_days_figures_and_add_up(client, reg):
    point, other = reg.point(), reg.point()
    assistant = reg.assistant(point)
    for card, bp, at in (("PER00001", (120, 80), point), ("PER00002", (185, 100), point),
                         ("PER00003", (120, 80), other)):
        reg.elder(at, card)
        url = "/visits/" + client.post("/visits", json={"citizen_card_no": card, "service_point_id": at},
                                       headers=ADMIN).get_json()["id"]
        client.post(f"{url}/screening", json=SCREEN_OK | {"systolic": bp[0], "diastolic": bp[1]}, headers=ADMIN)
        if at == point and bp[0] < 180:
            assert client.post(f"{url}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200
            client.post(f"{url}/incidents", json={"kind": "scald", "severity": "minor", "description": "水温"},
                        headers=ADMIN)
            assert client.post(f"{url}/rest", json={}, headers=ADMIN).status_code == 200
    daily = client.get("/visits/daily-figures", query_string={"service_point_id": point}, headers=ADMIN).get_json()
    day = daily["date"]
    period = client.get("/visits/figures", query_string={"service_point_id": point, "from": day, "to": day},
                        headers=ADMIN).get_json()
    [only] = period["days"]
    assert only == {key: value for key, value in daily.items() if key != "service_point_id"}
    assert period["totals"] == {key: value for key, value in only.items() if key != "date"}
    assert only["average_bath_minutes"] is not None and only["refusals_by_reason"] == {"BLOOD_PRESSURE_DANGER": 1}
    city = client.get("/visits/figures", query_string={"from": day, "to": day}, headers=ADMIN).get_json()
    assert city["totals"]["visits"] == 3 and city["service_point_id"] is None
    bound = client.get("/visits/figures", query_string={"service_point_id": point, "from": day, "to": day},
                       headers=caller("point_admin", point=other))
    assert bound.status_code == 403
    backwards = client.get("/visits/figures", query_string={"from": day, "to": "2000-01-01"}, headers=ADMIN)
    assert backwards.status_code == 422 and "to" in backwards.get_json()["errors"]


def test_the_rules_the_visit_board_shows_are_this_deployments(build_service, monkeypatch):
    monkeypatch.setenv("ZHUYU_MAX_BATH_MINUTES", "25")
    monkeypatch.setenv("ZHUYU_MIN_REST_MINUTES", "12")
    monkeypatch.setenv("ZHUYU_SAFETY_COMMITMENT_VERSION", "2027-01")
    rules = build_service("visits").app().test_client().get("/visits/rules", headers=ADMIN)
    assert rules.status_code == 200
    assert rules.get_json() == {"max_bath_minutes": 25, "min_rest_minutes": 12, "safety_commitment_version": "2027-01"}


def test_point_figures_give_each_points_totals_and_days_and_add_up_to_the_city(client, reg):
    point, other, quiet = reg.point(), reg.point(), reg.point()
    assistant = reg.assistant(point)
    for card, bp, at in (("PTF00001", (120, 80), point), ("PTF00002", (185, 100), point),
                         ("PTF00003", (120, 80), other)):
        reg.elder(at, card)
        url = "/visits/" + client.post("/visits", json={"citizen_card_no": card, "service_point_id": at},
                                       headers=ADMIN).get_json()["id"]
        client.post(f"{url}/screening", json=SCREEN_OK | {"systolic": bp[0], "diastolic": bp[1]}, headers=ADMIN)
        if at == point and bp[0] < 180:
            assert client.post(f"{url}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200
            client.post(f"{url}/incidents", json={"kind": "fall", "severity": "minor", "description": "滑倒"},
                        headers=ADMIN)
    day = client.get("/visits/daily-figures", query_string={"service_point_id": point},
                     headers=ADMIN).get_json()["date"]
    period = {"from": day, "to": day}
    answer = client.get("/visits/figures/points", query_string=period, headers=ADMIN)
    assert answer.status_code == 200
    by_point = {p["service_point_id"]: p for p in answer.get_json()["points"]}
    assert set(by_point) == {point, other}  # a point with no visit is not listed
    assert by_point[point] == {"service_point_id": point, "visits": 2, "checked_out": 0, "refused": 1, "incidents": 1,
                               "refusals_by_reason": {"BLOOD_PRESSURE_DANGER": 1},
                               "days": [{"date": day, "visits": 2, "incidents": 1}]}
    assert (by_point[other]["visits"], by_point[other]["incidents"]) == (1, 0)
    city = client.get("/visits/figures", query_string=period, headers=ADMIN).get_json()["totals"]
    for figure in ("visits", "checked_out", "refused", "incidents"):
        assert sum(p[figure] for p in by_point.values()) == city[figure]
    own = client.get("/visits/figures/points", query_string=period,
                     headers=caller("point_admin", point=other)).get_json()["points"]
    assert [p["service_point_id"] for p in own] == [other]
    refused = client.get("/visits/figures/points", query_string=period | {"service_point_id": quiet},
                         headers=caller("point_admin", point=other))
    assert refused.status_code == 403
    backwards = client.get("/visits/figures/points", query_string={"from": day, "to": "2000-01-01"}, headers=ADMIN)
    assert backwards.status_code == 422


def test_meeting_rates_per_point_agree_with_each_points_rate(client, reg):
    point, other = reg.point(), reg.point()
    firsts = {}
    for card, at in (("MTR00001", point), ("MTR00002", point), ("MTR00003", other)):
        elder = reg.elder(at, card)
        plan = client.post("/follow-up-plans", json={"elder_id": elder, "programme": "home_visit",
                                                     "staff_id": reg.assistant(at, roles=["case_manager"])},
                           headers=ADMIN).get_json()
        firsts[card] = plan
    due = firsts["MTR00001"]["first_due_on"]
    yesterday = datetime.now(ZoneInfo("Asia/Shanghai")).date() - timedelta(days=1)  # the next one falls before `due`
    recorded = client.post(f"/follow-ups/{firsts['MTR00001']['first_follow_up_id']}/record", headers=ADMIN, json={
        "visited_on": yesterday.isoformat(), "face_to_face": True, "symptoms": []})
    assert recorded.status_code == 200
    period = {"from": due, "to": due}
    rates = client.get("/follow-ups/meeting-rate/points", query_string=period, headers=ADMIN)
    assert rates.status_code == 200
    body = rates.get_json()
    by_point = {p["service_point_id"]: p for p in body["points"]}
    assert by_point[point] == {"service_point_id": point, "due": 2, "face_to_face": 1, "rate": 0.5}
    assert by_point[other] == {"service_point_id": other, "due": 1, "face_to_face": 0, "rate": 0.0}
    assert body["totals"] == {"due": 3, "face_to_face": 1, "rate": 0.3333} and body["target"] == 0.9
    for at in (point, other):
        single = client.get("/follow-ups/meeting-rate", query_string=period | {"service_point_id": at},
                            headers=ADMIN).get_json()
        assert (single["due"], single["face_to_face"], single["rate"]) == (
            by_point[at]["due"], by_point[at]["face_to_face"], by_point[at]["rate"])


# --- a point's day: ending visits, the sweep, assistants and seats, one elder's history -------

def check_in(client, point: str, card: str) -> str:
    response = client.post("/visits", json={"citizen_card_no": card, "service_point_id": point}, headers=ADMIN)
    assert response.status_code == 201, response.get_json()
    return "/visits/" + response.get_json()["id"]


@pytest.mark.parametrize("steps", [[], ["screening"], ["screening", "bath"], ["screening", "bath", "rest"]])
def test_a_visit_ends_early_from_any_step_and_the_elder_can_come_again(client, reg, svc, steps):
    point = reg.point()
    reg.elder(point, "EARLY001")
    assistant = reg.assistant(point)
    url = check_in(client, point, "EARLY001")
    bodies = {"screening": SCREEN_OK, "bath": {"assistant_staff_id": assistant}, "rest": {}}
    for path in steps:
        assert client.post(f"{url}/{path}", json=bodies[path], headers=ADMIN).status_code == 200
    assert client.post(f"{url}/end-early", json={"reason": "not_checked_out"}, headers=ADMIN).status_code == 422
    ended = client.post(f"{url}/end-early", json={"reason": "left_before_bath", "note": "老人改变主意"},
                        headers=ADMIN)
    assert ended.status_code == 200, ended.get_json()
    body = ended.get_json()
    assert (body["status"], body["timeline"][-1]["action"]) == ("ended_early", "ended_early")
    assert body["timeline"][-1]["details"]["reason"] == "left_before_bath"
    event = outbox_last(svc)
    assert event["type"] == "visits.visit.ended_early" and event["data"]["reason"] == "left_before_bath"
    again = client.post(f"{url}/end-early", json={"reason": "other"}, headers=ADMIN)
    assert (again.status_code, again.get_json()["code"]) == (409, "INVALID_TRANSITION")
    check_in(client, point, "EARLY001")  # not ALREADY_IN_VISIT


def test_ending_early_frees_the_bath_and_the_rest_seat(client, reg):
    point = reg.point(capacity=1, rest_seats=1)
    assistant, other_assistant = reg.assistant(point), reg.assistant(point)
    urls = []
    for card in ("FREE0001", "FREE0002"):
        reg.elder(point, card)
        urls.append(check_in(client, point, card))
        client.post(f"{urls[-1]}/screening", json=SCREEN_OK, headers=ADMIN)
    assert client.post(f"{urls[0]}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200
    assert client.post(f"{urls[1]}/bath", json={"assistant_staff_id": other_assistant},
                       headers=ADMIN).get_json()["code"] == "BATHS_FULL"
    client.post(f"{urls[0]}/end-early", json={"reason": "unwell"}, headers=ADMIN)
    assert client.post(f"{urls[1]}/bath", json={"assistant_staff_id": other_assistant},
                       headers=ADMIN).status_code == 200


def test_one_assistant_bathes_one_elder_at_a_time(client, reg):
    point = reg.point(capacity=3)
    assistant = reg.assistant(point)
    urls = []
    for card in ("BUSY0001", "BUSY0002"):
        reg.elder(point, card)
        urls.append(check_in(client, point, card))
        client.post(f"{urls[-1]}/screening", json=SCREEN_OK, headers=ADMIN)
    assert client.post(f"{urls[0]}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200
    busy = client.post(f"{urls[1]}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN)
    assert (busy.status_code, busy.get_json()["code"]) == (409, "ASSISTANT_BUSY")
    assert client.post(f"{urls[0]}/rest", json={}, headers=ADMIN).status_code == 200
    assert client.post(f"{urls[1]}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200


def test_the_rest_hall_takes_as_many_as_it_has_seats(client, reg):
    point = reg.point(capacity=3, rest_seats=2)
    urls = []
    for serial in range(3):
        card = f"SEAT000{serial}"
        reg.elder(point, card)
        urls.append(check_in(client, point, card))
        client.post(f"{urls[-1]}/screening", json=SCREEN_OK, headers=ADMIN)
        client.post(f"{urls[-1]}/bath", json={"assistant_staff_id": reg.assistant(point)}, headers=ADMIN)
    assert [client.post(f"{url}/rest", json={}, headers=ADMIN).status_code for url in urls[:2]] == [200, 200]
    full = client.post(f"{urls[2]}/rest", json={}, headers=ADMIN)
    assert (full.status_code, full.get_json()["code"]) == (409, "REST_FULL")
    client.post(f"{urls[0]}/checkout", json={"early_leave_reason": "家属来接"}, headers=ADMIN)
    assert client.post(f"{urls[2]}/rest", json={}, headers=ADMIN).status_code == 200


def test_the_end_of_day_sweep_ends_visits_left_open_and_tells_the_administrator(client, reg, svc):
    hours = {day: [["08:30", "11:30"], ["14:30", "17:30"]] for day in
             ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    point = reg.point(hours=hours)
    elder = reg.elder(point, "SWEEP001")
    tz = ZoneInfo("Asia/Shanghai")
    day = date(2026, 11, 23)  # a Monday: open until 17:30, so swept from 18:30
    with svc.store.begin() as session:  # a visit of that morning, left open
        session.execute(sa.text(
            "INSERT INTO visits (id, elder_id, service_point_id, status, local_date, checked_in_at, "
            "bath_overrun_alerted, created_at) VALUES (:id, :elder, :point, 'screened', :day, :at, false, :at)"),
            {"id": str(uuid.uuid4()), "elder": elder, "point": point, "day": day,
             "at": datetime.combine(day, time(9), tz)})
    for moment, ended in ((time(18, 29), 0), (time(18, 30), 1), (time(19, 0), 0)):
        with svc.store.begin() as session:
            assert svc.use_cases.sweep_open_visits(session, datetime.combine(day, moment, tz)) == ended, moment
    [visit] = client.get("/visits", query_string={"status": "ended_early"}, headers=ADMIN).get_json()["items"]
    assert visit["early_leave_reason"] == "not_checked_out"
    event = outbox_last(svc)
    assert (event["type"], event["data"]["reason"], event["data"]["ended_from"]) == (
        "visits.visit.ended_early", "not_checked_out", "screened")


def test_a_screening_without_the_mandatory_reminders_is_409_and_records_nothing(client, reg, svc):
    point = reg.point()  # it has reminders of its own; the elder has a chronic condition
    reg.elder(point, "REMIND01")
    url = check_in(client, point, "REMIND01")
    before = outbox_types(svc)
    refused = client.post(f"{url}/screening", json=SCREEN_OK | {"reminders_given": ["anti_slip", "call_for_help"]},
                          headers=ADMIN)
    assert (refused.status_code, refused.get_json()["code"]) == (409, "REMINDERS_MISSING")
    assert refused.get_json()["missing"] == ["medication", "point_specific"]
    visit = client.get(url, headers=ADMIN).get_json()
    assert (visit["status"], visit["screening"], outbox_types(svc)) == ("checked_in", None, before)
    drunk = client.post(f"{url}/screening", json=SCREEN_OK | {"alcohol": True, "reminders_given": []}, headers=ADMIN)
    assert drunk.get_json()["status"] == "refused", "a screening that refuses needs no reminder"


def test_the_incident_register_applies_every_filter(client, reg, svc):
    point, other = reg.point(), reg.point()
    for card, at, severity in (("INC00001", point, "minor"), ("INC00002", point, "emergency"),
                               ("INC00003", other, "emergency")):
        reg.elder(at, card)
        client.post(f"{check_in(client, at, card)}/incidents", headers=ADMIN,
                    json={"kind": "fall", "severity": severity, "description": "滑倒"})
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    def listed(**query):
        response = client.get("/incidents", query_string=query, headers=ADMIN)
        assert response.status_code == 200, response.get_json()
        return sorted((i["service_point_id"] == point, i["severity"]) for i in response.get_json()["items"])
    assert listed(service_point_id=point) == [(True, "emergency"), (True, "minor")]
    assert listed(service_point_id=point, severity="emergency") == [(True, "emergency")]
    assert listed(severity="emergency") == [(False, "emergency"), (True, "emergency")]
    assert len(listed(**{"from": today.isoformat(), "to": today.isoformat()})) == 3
    assert listed(**{"from": (today + timedelta(days=1)).isoformat()}) == []
    assert listed(to=(today - timedelta(days=1)).isoformat()) == []
    bound = caller("point_admin", point=other)
    assert client.get("/incidents", query_string={"service_point_id": point}, headers=bound).status_code == 403
    assert len(client.get("/incidents", headers=bound).get_json()["items"]) == 1


def test_an_elders_history_lists_only_that_elders_visits(client, reg):
    point = reg.point()
    first, _ = reg.elder(point, "HIST0001"), reg.elder(point, "HIST0002")
    for card in ("HIST0001", "HIST0002"):
        client.post(f"{check_in(client, point, card)}/end-early", json={"reason": "other"}, headers=ADMIN)
    check_in(client, point, "HIST0001")
    history = client.get("/visits", query_string={"elder_id": first}, headers=ADMIN).get_json()["items"]
    assert len(history) == 2 and {v["elder_id"] for v in history} == {first}
    assert client.get("/visits", query_string={"elder_id": first, "status": "checked_in"},
                      headers=ADMIN).get_json()["items"][0]["elder_id"] == first
    assert len(client.get("/visits", query_string={"elder_id": first, "status": "checked_in"},
                          headers=ADMIN).get_json()["items"]) == 1


class RegistrationStub:
    """Registration's card lookup on a port of its own; it notes whether the visits store
    had a connection checked out (a transaction open) while it was asked."""

    def __init__(self):
        from werkzeug.serving import make_server
        from werkzeug.wrappers import Request, Response

        self.elders: dict[str, dict] = {}
        self.points: dict[str, dict] = {}
        self.down: set[str] = set()  # cards registration does not answer for (503)
        self.store = None
        self.open_while_asked: list[int] = []

        @Request.application
        def app(request):
            key = request.path.rsplit("/", 1)[-1]
            if self.store is not None:
                self.open_while_asked.append(self.store.engine.pool.checkedout())
            if key in self.down:
                return Response("{}", status=503, content_type="application/problem+json")
            known = self.points if request.path.startswith("/service-points/") else self.elders
            if key not in known:
                return Response("{}", status=404, content_type="application/problem+json")
            return Response(json.dumps(known[key]), content_type="application/json")

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def registration(build_service, monkeypatch):
    stub = RegistrationStub()
    monkeypatch.setenv("REGISTRATION_URL", stub.url)
    svc = build_service("visits")
    stub.store = svc.store
    yield svc, stub
    stub.server.shutdown()


def elder_state(point: str, card: str, **state) -> dict:
    """What registration's card lookup answers: the elder's event-carried state."""
    return checked("registration.elder.updated", payloads.elder(
        name="李阿姨", birth_date="1940-05-01", citizen_card_no=card, service_point_id=point,
        latest_assessment_level=3) | state)


def test_an_unknown_card_is_looked_up_at_registration_with_no_visits_transaction_open(registration):
    svc, stub = registration
    client, reg = svc.app().test_client(), Registration(svc)
    point = reg.point()
    stub.elders["NEWCARD1"] = elder_state(point, "NEWCARD1")
    response = client.post("/visits", json={"citizen_card_no": "NEWCARD1", "service_point_id": point}, headers=ADMIN)
    assert response.status_code == 201, response.get_json()
    assert stub.open_while_asked == [0], "registration was asked while the visits store was held"
    again = client.post("/visits", json={"citizen_card_no": "NEWCARD1", "service_point_id": point}, headers=ADMIN)
    assert again.get_json()["code"] == "ALREADY_IN_VISIT" and stub.open_while_asked == [0, 0], "asked every time"
    stub.down.add("NEWCARD1")
    still = client.post("/visits", json={"citizen_card_no": "NEWCARD1", "service_point_id": point}, headers=ADMIN)
    assert still.get_json()["code"] == "ALREADY_IN_VISIT", "the answer was kept for when registration is down"


def test_a_check_in_that_finds_its_elder_copied_by_the_consumer_meanwhile_is_admitted(registration, monkeypatch):
    """Check-in reads whether the copy holds the elder, then writes it if not; the consumer
    may write the same row in between. The row already there is kept, the elder admitted."""
    from services.visits import service as visits_service
    svc, stub = registration
    client, reg = svc.app().test_client(), Registration(svc)
    point = reg.point()
    elder_id = reg.elder(point, "RACE0001")  # what the consumer wrote meanwhile
    stub.elders["RACE0001"] = elder_state(point, "RACE0001", id=elder_id)
    facts = visits_service._check_in_facts
    monkeypatch.setattr(visits_service, "_check_in_facts", lambda *args: (
        lambda point_row, seen: (point_row, dataclasses.replace(seen, copied=False)))(*facts(*args)))
    # ... and the write's own read missed it too: the consumer's row landed just after.
    monkeypatch.setattr(visits_service, "apply_state", lambda session, table, key, sequence, values: bool(
        session.execute(table.insert().values(id=key, sequence=sequence, **values))))
    response = client.post("/visits", json={"citizen_card_no": "RACE0001", "service_point_id": point}, headers=ADMIN)
    assert response.status_code == 201, response.get_json()


def test_registrations_decision_is_applied_not_remade(registration):
    svc, stub = registration
    client, reg = svc.app().test_client(), Registration(svc)
    point = reg.point()
    stub.elders["LEVEL001"] = elder_state(point, "LEVEL001", latest_assessment_level=1, eligible_for_bathing=True)
    assert client.post("/visits", json={"citizen_card_no": "LEVEL001", "service_point_id": point},
                       headers=ADMIN).status_code == 201
    stub.elders["LEVEL002"] = elder_state(point, "LEVEL002", latest_assessment_level=3, eligible_for_bathing=False)
    refused = client.post("/visits", json={"citizen_card_no": "LEVEL002", "service_point_id": point}, headers=ADMIN)
    assert refused.get_json()["code"] == "NOT_ELIGIBLE"


def test_a_decision_past_its_date_or_made_under_another_text_is_asked_for_again(registration):
    svc, stub = registration
    client, reg = svc.app().test_client(), Registration(svc)
    point = reg.point()
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    reg.elder(point, "LAPSED01", decision_lapses_on=today.isoformat())
    reg.elder(point, "OLDTEXT1", commitment_version_in_force="v0")
    stub.down |= {"LAPSED01", "OLDTEXT1"}
    # Registration does not answer for them: what has lapsed of the copy is not in force.
    assert client.post("/visits", json={"citizen_card_no": "LAPSED01", "service_point_id": point},
                       headers=ADMIN).get_json()["code"] == "NOT_ELIGIBLE"
    assert client.post("/visits", json={"citizen_card_no": "OLDTEXT1", "service_point_id": point},
                       headers=ADMIN).get_json()["code"] == "NO_SAFETY_COMMITMENT"
    # Registration decides again (a new assessment, a commitment to the text in force).
    stub.down.clear()
    stub.elders["LAPSED01"] = elder_state(point, "LAPSED01", decision_lapses_on=(today + timedelta(days=300)).isoformat())
    stub.elders["OLDTEXT1"] = elder_state(point, "OLDTEXT1")
    for card in ("LAPSED01", "OLDTEXT1"):
        response = client.post("/visits", json={"citizen_card_no": card, "service_point_id": point}, headers=ADMIN)
        assert response.status_code == 201, (card, response.get_json())
    assert stub.open_while_asked == [0, 0, 0, 0]


def test_check_in_decides_on_what_registration_holds_now_not_on_a_copy_behind_it(registration):
    """Whatever registration has confirmed is in force for the very next check-in, with no
    event about it delivered to visits' copy yet."""
    svc, stub = registration
    client, reg = svc.app().test_client(), Registration(svc)
    point = reg.point()
    elder = reg.elder(point, "OLDCARD1")
    # The card was reissued and the elder suspended; the copy has heard of neither.
    stub.elders["NEWCARD2"] = elder_state(point, "NEWCARD2", id=elder, previous_citizen_card_nos=["OLDCARD1"])
    old = client.post("/visits", json={"citizen_card_no": "OLDCARD1", "service_point_id": point}, headers=ADMIN)
    assert (old.status_code, old.get_json()["code"]) == (409, "UNKNOWN_CARD")
    stub.elders["NEWCARD2"] = stub.elders["NEWCARD2"] | {"status": "suspended", "eligible_for_bathing": False}
    suspended = client.post("/visits", json={"citizen_card_no": "NEWCARD2", "service_point_id": point}, headers=ADMIN)
    assert suspended.get_json()["code"] == "ELDER_SUSPENDED"
    # A point registration created a moment ago, and an elder registered, assessed and signed there.
    new_point = str(uuid.uuid4())
    stub.points[new_point] = payloads.point(id=new_point, opening_hours=ALL_DAY, rest_seats=1)
    stub.elders["FRESH001"] = elder_state(new_point, "FRESH001")
    admitted = client.post("/visits", json={"citizen_card_no": "FRESH001", "service_point_id": new_point},
                           headers=ADMIN)
    assert admitted.status_code == 201, admitted.get_json()
    assert set(stub.open_while_asked) == {0}, "registration is asked with no visits transaction open"
    unknown = client.post("/visits", json={"citizen_card_no": "FRESH001", "service_point_id": str(uuid.uuid4())},
                          headers=ADMIN)
    assert unknown.status_code == 404, "a point neither copy nor registration knows"
