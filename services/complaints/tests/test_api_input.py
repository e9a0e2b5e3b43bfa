"""Complaints refuses what it could not keep or use later: times beyond what a store or the
working-day calendar can take, and lists without end (422 on the field, never a 500); and
the elder and staff member a complaint names are of its point."""
from __future__ import annotations

import base64
import json
import threading
import uuid

import pytest
from werkzeug.serving import make_server

from kit.broker import free_port
from kit.identity import ServicePrincipal
from kit.lookup import Lookup
from kit.settings import identity_secret
from services.complaints.tests.test_api import (  # noqa: F401  (fixtures)
    AGENT, OTHER_POINT, POINT, client, clock, complaint, staff_member, svc,
)
from services.registration.tests.test_api import elder_body
from tests.callers import ADMIN, caller

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("started_at", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
                                        "3000-01-01T00:00:00+00:00"])
def test_a_call_at_a_time_outside_the_years_a_record_can_hold_is_422(client, started_at):  # noqa: F811
    response = client.post("/calls", json={"caller": "13800001111", "started_at": started_at, "answered": True,
                                           "duration_s": 5}, headers=AGENT)
    assert response.status_code == 422 and "started_at" in response.get_json()["errors"]


def test_a_complaint_carries_at_most_20_attachments(client):  # noqa: F811
    refused = complaint(client, attachments=[f"a-{n}" for n in range(21)])
    assert refused.status_code == 422 and "attachments" in refused.get_json()["errors"]
    assert complaint(client, attachments=[f"a-{n}" for n in range(20)]).status_code == 201


def test_a_list_cursor_holding_a_time_no_store_can_compare_is_422(client):  # noqa: F811
    cursor = base64.urlsafe_b64encode(json.dumps(["9999-12-31T23:59:59-12:00", "x"]).encode()).decode()
    response = client.get("/complaints", query_string={"cursor": cursor}, headers=ADMIN)
    assert response.status_code == 422 and "cursor" in response.get_json()["errors"]


# --- the ids a complaint names ---------------------------------------------------------------

@pytest.fixture
def registration(build_service):
    """Registration itself, served on a loopback port, as the complaints service asks it."""
    service = build_service("registration")
    server = make_server("127.0.0.1", 0, service.app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    service.url = f"http://127.0.0.1:{server.server_port}"
    yield service
    server.shutdown()


def _asks(svc, url: str) -> None:  # noqa: F811  (svc: the fixture's service)
    svc.use_cases.registration = Lookup("registration", url, 5.0, ServicePrincipal.of("complaints", identity_secret()))


def test_a_complaint_names_only_an_elder_registered_at_its_point(svc, client, registration):  # noqa: F811
    _asks(svc, registration.url)
    desk = registration.app().test_client()
    point = {"address": "a", "district": "d", "bath_capacity": 1, "rest_seats": 1, "opening_hours": {}}
    here = desk.post("/service-points", json=point | {"name": "A"}, headers=ADMIN).get_json()["id"]
    there = desk.post("/service-points", json=point | {"name": "B"}, headers=ADMIN).get_json()["id"]
    ours = desk.post("/elders", json=elder_body(here, 1), headers=ADMIN).get_json()["id"]
    theirs = desk.post("/elders", json=elder_body(there, 2, citizen_card_no="HZ000002"), headers=ADMIN).get_json()["id"]
    agent = caller("cs_agent", user="u-a", point=here)
    assert complaint(client, agent, service_point_id=here, elder_id=ours).status_code == 201
    for elder in (theirs, str(uuid.uuid4())):
        refused = complaint(client, agent, service_point_id=here, elder_id=elder)
        assert refused.status_code == 422 and refused.get_json()["errors"] == {
            "elder_id": ["No elder of this service point."]}, "another point's elder reads as no elder at all"
    # An unbound desk agent files at the point the elder is of, not another.
    assert complaint(client, AGENT, service_point_id=there, elder_id=theirs).status_code == 201
    assert complaint(client, AGENT, service_point_id=here, elder_id=theirs).status_code == 422


def test_when_registration_does_not_answer_a_complaint_naming_an_elder_is_503_and_not_stored(svc, client):  # noqa: F811
    _asks(svc, f"http://127.0.0.1:{free_port()}")
    before = client.get("/complaints", headers=ADMIN).get_json()["items"]
    refused = complaint(client, elder_id=str(uuid.uuid4()))
    assert (refused.status_code, refused.get_json()["code"]) == (503, "SERVICE_UNAVAILABLE")
    assert refused.headers["Retry-After"]
    assert client.get("/complaints", headers=ADMIN).get_json()["items"] == before
    assert complaint(client).status_code == 201, "a complaint naming no elder needs no answer from registration"


def test_the_staff_member_complained_of_is_of_the_complaints_point_or_the_desk(svc, client):  # noqa: F811
    ours, theirs, desk = (staff_member(svc, ["bathing_assistant"]),
                          staff_member(svc, ["bathing_assistant"], point=OTHER_POINT),
                          staff_member(svc, ["cs_agent"], point=None))
    assert complaint(client, about_staff_id=ours).status_code == 201
    assert complaint(client, about_staff_id=desk).status_code == 201
    for staff_id in (theirs, str(uuid.uuid4())):
        refused = complaint(client, about_staff_id=staff_id)
        assert refused.status_code == 422 and list(refused.get_json()["errors"]) == ["about_staff_id"]


def test_a_calls_agent_is_staff_complaints_knows_of_the_callers_point_or_the_desk(svc, client):  # noqa: F811
    ours, theirs, desk = (staff_member(svc, ["cs_agent"]), staff_member(svc, ["cs_agent"], point=OTHER_POINT),
                          staff_member(svc, ["cs_agent"], point=None))
    bound = caller("cs_agent", user="u-bound", point=POINT, staff="s-bound")

    def log(headers, agent_id):
        return client.post("/calls", json={"caller": "13800001111", "started_at": "2026-03-10T01:00:00+00:00",
                                           "answered": True, "duration_s": 5, "agent_id": agent_id}, headers=headers)

    for agent_id in (ours, desk):
        assert log(bound, agent_id).status_code == 201
    for agent_id in (theirs, str(uuid.uuid4())):
        refused = log(bound, agent_id)
        assert (refused.status_code, refused.get_json()["code"]) == (422, "VALIDATION_FAILED")
        assert list(refused.get_json()["errors"]) == ["agent_id"]
    assert log(AGENT, theirs).status_code == 201, "the desk (bound to no point) names any point's staff"
    unknown = log(AGENT, str(uuid.uuid4()))
    assert unknown.status_code == 422 and unknown.get_json()["errors"] == {"agent_id": ["No such staff member."]}
    logged = client.get("/calls", headers=ADMIN).get_json()["items"]
    assert sorted(c["agent_id"] for c in logged) == sorted([ours, desk, theirs])


def test_a_shifts_staff_are_staff_complaints_knows_of_the_callers_point_or_the_desk(svc, client):  # noqa: F811
    ours, theirs, desk = (staff_member(svc, ["cs_agent"]), staff_member(svc, ["cs_agent"], point=OTHER_POINT),
                          staff_member(svc, ["cs_supervisor"], point=None))
    bound = caller("cs_supervisor", user="u-bound-sup", point=POINT)
    desk_supervisor = caller("cs_supervisor", user="u-desk-sup")

    def shift(headers, staff_ids, hour):
        return client.post("/duty-shifts", json={
            "starts_at": f"2026-03-10T{hour:02d}:00:00+00:00", "ends_at": f"2026-03-10T{hour:02d}:30:00+00:00",
            "staff_ids": staff_ids}, headers=headers)

    assert shift(bound, [ours, desk], 1).status_code == 201
    for hour, staff_ids in ((2, [ours, theirs]), (3, [desk, str(uuid.uuid4())])):
        refused = shift(bound, staff_ids, hour)
        assert (refused.status_code, refused.get_json()["code"]) == (422, "VALIDATION_FAILED")
        assert list(refused.get_json()["errors"]) == ["staff_ids"]
    assert shift(desk_supervisor, [ours, theirs, desk], 4).status_code == 201
    unknown = shift(desk_supervisor, [str(uuid.uuid4())], 5)
    assert unknown.status_code == 422 and unknown.get_json()["errors"] == {"staff_ids": ["No such staff member."]}
    kept = client.get("/duty-shifts", query_string={"from": "2026-03-10", "to": "2026-03-10"},
                      headers=ADMIN).get_json()["items"]
    assert sorted(len(s["staff_ids"]) for s in kept) == [2, 3]
