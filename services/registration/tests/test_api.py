"""Registration over HTTP on a real store (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from services.registration import domain
from tests.callers import ADMIN, caller

pytestmark = pytest.mark.integration
VISITS = caller("service", user="visits")  # the visits service's own identity (its check-in lookup)

POINT = {"name": "西湖助浴点", "address": "杭州市西湖区", "district": "西湖区", "bath_capacity": 2, "rest_seats": 6,
         "opening_hours": {"mon": [["08:30", "11:30"]]}, "safety_reminders": ["地面湿滑"]}


def id_number(birth: date, serial: int = 1, male: bool = False) -> str:
    first17 = f"330106{birth:%Y%m%d}{serial % 100:02d}{serial % 5 * 2 + (1 if male else 0)}"
    return first17 + domain.id_check_digit(first17)


@pytest.fixture
def svc(build_service):
    return build_service("registration")


@pytest.fixture
def client(svc):
    return svc.app().test_client()


@pytest.fixture
def point(client):
    return client.post("/service-points", json=POINT, headers=ADMIN).get_json()


def elder_body(point_id: str, serial: int = 1, **overrides) -> dict:
    body = {"name": "张阿姨", "gender": "female", "birth_date": "1945-03-01",
            "id_number": id_number(date(1945, 3, 1), serial), "citizen_card_no": f"HZ{serial:06d}",
            "phone": "13912341234", "address": "文三路", "district": "西湖区", "service_point_id": point_id,
            "emergency_contacts": [{"name": "李明", "relation": "son", "phone": "13800001111"}],
            "chronic_conditions": ["高血压"]}
    return body | overrides


def events(svc, type_: str | None = None) -> list[dict]:
    with svc.store.begin() as session:
        bodies = session.execute(sa.text("SELECT body FROM outbox ORDER BY id")).scalars().all()
    decoded = [json.loads(bytes(b)) for b in bodies]
    return [e for e in decoded if type_ is None or e["type"] == type_]


def test_register_elder_returns_201_active_and_not_yet_eligible(client, point, svc):
    response = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["status"] == "active"
    assert body["eligible_for_bathing"] is False and body["safety_commitment_current"] is False
    [event] = events(svc, "registration.elder.registered")
    assert event["subject"] == body["id"] and event["data"]["phone"] == "13912341234"
    assert event["data"]["emergency_contacts"][0]["phone"] == "13800001111"


def test_bad_id_number_phone_or_missing_contact_is_422(client, point):
    for override, field in ((("id_number", "330106194503010010"), "id_number"),
                            (("phone", "12345"), "phone"),
                            (("emergency_contacts", []), "emergency_contacts"),
                            (("birth_date", "1945-03-02"), "id_number")):
        response = client.post("/elders", json=elder_body(point["id"], **dict([override])), headers=ADMIN)
        assert response.status_code == 422, override
        assert field in response.get_json()["errors"]


def test_duplicate_card_or_id_number_is_409(client, point):
    assert client.post("/elders", json=elder_body(point["id"], 1), headers=ADMIN).status_code == 201
    same_card = client.post("/elders", json=elder_body(point["id"], 2, citizen_card_no="HZ000001"), headers=ADMIN)
    assert (same_card.status_code, same_card.get_json()["code"]) == (409, "DUPLICATE_CITIZEN_CARD")
    same_id = client.post("/elders", json=elder_body(point["id"], 1, citizen_card_no="HZ999999"), headers=ADMIN)
    assert (same_id.status_code, same_id.get_json()["code"]) == (409, "DUPLICATE_ID_NUMBER")


def test_landline_or_no_phone_is_accepted(client, point):
    assert client.post("/elders", json=elder_body(point["id"], 3, phone="0571-88001234"), headers=ADMIN).status_code == 201
    body = elder_body(point["id"], 4)
    del body["phone"]
    assert client.post("/elders", json=body, headers=ADMIN).status_code == 201


def test_assessment_and_current_commitment_make_an_elder_eligible_and_cleared(client, point, svc):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    assessed = client.post(f"/elders/{elder['id']}/assessments", headers=ADMIN,
                           json={"level": 2, "assessed_on": "2026-11-01", "assessor": "王医生", "reference": "A-1"})
    assert assessed.status_code == 201
    signed = client.post(f"/elders/{elder['id']}/safety-commitments", headers=ADMIN,
                         json={"signer_name": "张阿姨", "signer_relation": "self", "text_version": "v1",
                               "witness_staff_id": "7d0b6a3e-0000-4000-8000-000000000001"})
    assert signed.status_code == 201
    body = client.get(f"/elders/{elder['id']}", headers=ADMIN).get_json()
    assert body["eligible_for_bathing"] is True and body["safety_commitment_current"] is True
    latest = events(svc)[-1]
    assert latest["type"] == "registration.safety_commitment.signed"
    assert latest["data"]["eligible_for_bathing"] is True and latest["data"]["safety_commitment_current"] is True


def test_latest_assessment_counts(client, point):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    for level in (3, 1):
        client.post(f"/elders/{elder['id']}/assessments", headers=ADMIN,
                    json={"level": level, "assessed_on": "2026-11-01", "assessor": "王医生", "reference": "A"})
    assert client.get(f"/elders/{elder['id']}", headers=ADMIN).get_json()["eligible_for_bathing"] is False


def test_signing_an_old_commitment_version_is_422(client, point):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    response = client.post(f"/elders/{elder['id']}/safety-commitments", headers=ADMIN,
                           json={"signer_name": "a", "signer_relation": "self", "text_version": "v0",
                                 "witness_staff_id": "7d0b6a3e-0000-4000-8000-000000000001"})
    assert response.status_code == 422


def test_suspend_reactivate_close_and_illegal_steps(client, point, svc):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    url = f"/elders/{elder['id']}"
    assert client.post(f"{url}/reactivate", json={}, headers=ADMIN).get_json()["code"] == "INVALID_TRANSITION"
    assert client.post(f"{url}/suspend", json={"reason": "住院"}, headers=ADMIN).get_json()["status"] == "suspended"
    assert client.post(f"{url}/reactivate", json={}, headers=ADMIN).get_json()["status"] == "active"
    assert client.post(f"{url}/close", json={"reason": "moved"}, headers=ADMIN).get_json()["status"] == "closed"
    again = client.post(f"{url}/suspend", json={"reason": "x"}, headers=ADMIN)
    assert (again.status_code, again.get_json()["code"]) == (409, "INVALID_TRANSITION")
    types = [e["type"] for e in events(svc)]
    assert types[-3:] == ["registration.elder.suspended", "registration.elder.reactivated", "registration.elder.closed"]
    assert client.get(url, headers=ADMIN).status_code == 200, "closed elders are kept"


def test_card_reissue_retires_the_old_number(client, point, svc):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    patched = client.patch(f"/elders/{elder['id']}", json={"citizen_card_no": "HZNEW0001"}, headers=ADMIN).get_json()
    assert patched["citizen_card_no"] == "HZNEW0001" and patched["previous_citizen_card_nos"] == ["HZ000001"]
    assert client.get("/elders/by-card/HZ000001", headers=VISITS).status_code == 404
    assert client.get("/elders/by-card/HZNEW0001", headers=VISITS).get_json()["id"] == elder["id"]
    assert client.get("/elders", query_string={"citizen_card_no": "HZ000001"}, headers=ADMIN).get_json()["items"] == []
    assert events(svc)[-1]["data"]["citizen_card_no"] == "HZNEW0001"


def test_the_check_in_lookup_by_card_is_the_visits_services_alone_and_carries_no_contact_data(client, point):
    client.post("/elders", json=elder_body(point["id"]), headers=ADMIN)
    for someone in (ADMIN, caller("cs_agent", user="u-cs"), caller("api_client", user="k", scopes=["elders:read"]),
                    caller("service", user="notify")):
        assert client.get("/elders/by-card/HZ000001", headers=someone).status_code == 403, someone
    state = client.get("/elders/by-card/HZ000001", headers=VISITS).get_json()
    assert state["citizen_card_no"] == "HZ000001" and state["eligible_for_bathing"] is False
    assert not {"phone", "emergency_contacts", "id_number", "consents", "address"} & set(state)


def test_personal_data_is_masked_for_roles_that_do_not_need_it(client, point):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    agent = caller("cs_agent", user="u-cs")
    body = client.get(f"/elders/{elder['id']}", headers=agent).get_json()
    assert body["phone"] == "139****1234"
    assert body["id_number"] == elder["id_number"][:6] + "********" + elder["id_number"][-4:]
    assert body["emergency_contacts"][0]["phone"] == "138****1111"
    assert client.get(f"/elders/{elder['id']}", headers=ADMIN).get_json()["phone"] == "13912341234"


def test_every_full_read_is_audited_and_only_admins_read_the_audit(client, point):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    client.get(f"/elders/{elder['id']}", headers=caller("doctor", user="u-doc"))
    reads = client.get("/audit/elder-reads", query_string={"elder_id": elder["id"]}, headers=ADMIN).get_json()["items"]
    assert [(r["user_id"], r["role"]) for r in reads] == [("u-doc", "doctor")]
    assert client.get("/audit/elder-reads", headers=caller("doctor")).status_code == 403


def test_a_list_with_unmasked_records_is_audited_per_elder_and_a_masked_one_is_not(client, point):
    first = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    second = client.post("/elders", json=elder_body(point["id"], serial=2, citizen_card_no="HZ20240002"),
                         headers=ADMIN).get_json()
    key = caller("api_client", user="key-1", scopes=["elders:read"]) | {"X-Request-ID": "third-party-1"}
    listed = client.get("/elders", headers=key)
    assert listed.status_code == 200
    masked = [item["phone"] for item in listed.get_json()["items"]]
    client.get("/elders", headers=caller("doctor", user="u-doc") | {"X-Request-ID": "list-1"})
    reads = client.get("/audit/elder-reads", query_string={"user_id": "u-doc"}, headers=ADMIN).get_json()["items"]
    assert sorted(r["elder_id"] for r in reads) == sorted([first["id"], second["id"]])
    assert {(r["role"], r["request_id"]) for r in reads} == {("doctor", "list-1")}
    # A third party's key sees masked records only, which are not personal-data reads.
    assert masked == ["139****1234", "139****1234"]
    assert client.get("/audit/elder-reads", query_string={"user_id": "key-1"}, headers=ADMIN).get_json()["items"] == []


def test_point_bound_users_see_only_their_point(client, point):
    other = client.post("/service-points", json=POINT | {"name": "另一个"}, headers=ADMIN).get_json()
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    bound = caller("point_admin", user="u-pa", point=other["id"])
    assert client.get(f"/elders/{elder['id']}", headers=bound).status_code == 404
    assert client.get("/elders", query_string={"service_point_id": point["id"]}, headers=bound).status_code == 403
    assert client.get("/elders", headers=bound).get_json()["items"] == []
    assert client.post("/elders", json=elder_body(point["id"], 7), headers=bound).status_code == 403


def test_search_by_name_prefix_and_cursor_paging(client, point):
    for serial, name in enumerate(["张一", "张二", "李三"], start=10):
        client.post("/elders", json=elder_body(point["id"], serial, name=name), headers=ADMIN)
    found = client.get("/elders", query_string={"q": "张"}, headers=ADMIN).get_json()["items"]
    assert sorted(e["name"] for e in found) == ["张一", "张二"]
    first = client.get("/elders", query_string={"limit": 2}, headers=ADMIN).get_json()
    second = client.get("/elders", query_string={"limit": 2, "cursor": first["next_cursor"]}, headers=ADMIN).get_json()
    assert len(first["items"]) == 2 and len(second["items"]) == 1 and second["next_cursor"] is None
    assert {e["id"] for e in first["items"]}.isdisjoint({e["id"] for e in second["items"]})


def test_staff_qualification_problems_are_reported_not_refused(client, point):
    response = client.post("/staff", headers=ADMIN, json={
        "name": "王助浴", "roles": ["bathing_assistant"], "service_point_id": point["id"], "phone": "13700001111",
        "experience_years": 1})
    assert response.status_code == 201
    assert response.get_json()["qualified"] is False
    assert response.get_json()["qualification_problems"] == [
        "HEALTH_CERTIFICATE_MISSING", "EXPERIENCE_TOO_SHORT", "TRAINING_MISSING"]
    good = client.post("/staff", headers=ADMIN, json={
        "name": "李助浴", "roles": ["bathing_assistant"], "service_point_id": point["id"], "phone": "13700002222",
        "experience_years": 3, "care_training": {"completed_on": "2024-05-01"},
        "health_certificate": {"number": "H-1", "issued_on": "2026-01-01", "expires_on": "2027-01-01"}})
    assert good.get_json()["qualified"] is True


def test_a_point_admin_cannot_move_its_staff_to_another_point_or_to_none(client, point):
    other = client.post("/service-points", json=POINT | {"name": "另一个"}, headers=ADMIN).get_json()
    staff = client.post("/staff", headers=ADMIN, json={
        "name": "孙", "roles": ["bathing_assistant"], "service_point_id": point["id"], "phone": "13700004444",
        "experience_years": 1}).get_json()
    admin = caller("point_admin", user="u-pa", point=point["id"])
    for moved in (other["id"], None):
        refused = client.patch(f"/staff/{staff['id']}", json={"service_point_id": moved}, headers=admin)
        assert (refused.status_code, refused.get_json()["code"]) == (403, "FORBIDDEN"), moved
    assert client.get(f"/staff/{staff['id']}", headers=ADMIN).get_json()["service_point_id"] == point["id"]
    theirs = caller("point_admin", user="u-pb", point=other["id"])
    assert client.get(f"/staff/{staff['id']}", headers=theirs).status_code == 404
    assert client.patch(f"/staff/{staff['id']}", json={"name": "x"}, headers=theirs).status_code == 404


def test_certificate_check_announces_expiry_once(client, point, svc):
    soon = date.today() + timedelta(days=10)
    staff = client.post("/staff", headers=ADMIN, json={
        "name": "赵", "roles": ["bathing_assistant"], "service_point_id": point["id"], "phone": "13700003333",
        "experience_years": 3, "care_training": {"completed_on": "2024-05-01"},
        "health_certificate": {"number": "H-2", "issued_on": "2025-01-01", "expires_on": soon.isoformat()}}).get_json()
    for today in (date.today(), date.today(), soon + timedelta(days=1), soon + timedelta(days=2)):
        with svc.store.begin() as session:
            svc.use_cases.check_certificates(session, datetime.combine(today, time(12), ZoneInfo("Asia/Shanghai")))
    changes = [e["data"]["change"] for e in events(svc, "registration.staff.qualification_changed")]
    assert changes == ["expiring_soon", "expired"]
    assert client.get(f"/staff/{staff['id']}", headers=ADMIN).get_json()["qualified"] is False


def test_subsidy_review_then_approval_and_out_of_order_409(client, point, svc):
    elder = client.post("/elders", json=elder_body(point["id"], birth_date="1935-03-01",
                                                    id_number=id_number(date(1935, 3, 1))), headers=ADMIN).get_json()
    application = client.post("/subsidy-applications", json={"elder_id": elder["id"], "category": "dibao"},
                              headers=ADMIN)
    assert application.status_code == 201 and application.get_json()["eligible"] is True
    app_id = application.get_json()["id"]
    early = client.post(f"/subsidy-applications/{app_id}/approve", json={"approved": True}, headers=ADMIN)
    assert (early.status_code, early.get_json()["code"]) == (409, "INVALID_TRANSITION")
    assert client.post(f"/subsidy-applications/{app_id}/review", json={"approved": True}, headers=ADMIN).status_code == 200
    done = client.post(f"/subsidy-applications/{app_id}/approve", json={"approved": True, "note": "ok"}, headers=ADMIN)
    assert done.get_json()["stage"] == "approved"
    [decided] = events(svc, "registration.subsidy.decided")
    assert decided["data"]["approved"] is True


def test_unknown_ids_are_404_and_unknown_fields_422(client, point):
    assert client.get("/elders/7d0b6a3e-0000-4000-8000-000000000009", headers=ADMIN).status_code == 404
    assert client.post("/elders", json=elder_body(point["id"]) | {"shoe_size": 40}, headers=ADMIN).status_code == 422
    assert client.post("/elders", json=elder_body("7d0b6a3e-0000-4000-8000-000000000009"), headers=ADMIN).status_code == 404


def test_search_by_whole_id_number_only_for_roles_that_see_it(client, point):
    wanted = client.post("/elders", json=elder_body(point["id"], 21), headers=ADMIN).get_json()
    client.post("/elders", json=elder_body(point["id"], 22), headers=ADMIN)
    number = elder_body(point["id"], 21)["id_number"]
    desk = caller("point_admin", user="u-pa", point=point["id"])
    found = client.get("/elders", query_string={"id_number": number.lower()}, headers=desk).get_json()["items"]
    assert [e["id"] for e in found] == [wanted["id"]]
    assert client.get("/elders", query_string={"id_number": number[:17]}, headers=desk).get_json()["items"] == []
    agent = caller("cs_agent", user="u-cs")
    refused = client.get("/elders", query_string={"id_number": number}, headers=agent)
    assert refused.status_code == 403 and refused.get_json()["code"] == "FORBIDDEN"
