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


@pytest.fixture
def witness(client, point):
    """A member of the point's staff, who witnesses safety commitments."""
    return client.post("/staff", headers=ADMIN, json={
        "name": "赵站长", "roles": ["point_admin"], "service_point_id": point["id"], "phone": "13700002222",
        "experience_years": 5}).get_json()["id"]


def today() -> date:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


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
    first = client.get("/elders", query_string={"citizen_card_no": "HZ000001"}, headers=ADMIN).get_json()["items"][0]
    assert same_id.get_json()["elder_id"] == first["id"], "the existing record is named, to be reopened"


def test_landline_or_no_phone_is_accepted(client, point):
    assert client.post("/elders", json=elder_body(point["id"], 3, phone="0571-88001234"), headers=ADMIN).status_code == 201
    body = elder_body(point["id"], 4)
    del body["phone"]
    assert client.post("/elders", json=body, headers=ADMIN).status_code == 201


def assess(client, elder_id: str, level: int, on: date):
    return client.post(f"/elders/{elder_id}/assessments", headers=ADMIN,
                       json={"level": level, "assessed_on": on.isoformat(), "assessor": "王医生", "reference": "A"})


def test_assessment_and_current_commitment_make_an_elder_eligible_and_cleared(client, point, svc, witness):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    assert elder["ineligibility_reasons"] == ["NO_ASSESSMENT"] and elder["assessment_due_on"] is None
    assessed_on = today() - timedelta(days=10)
    assert assess(client, elder["id"], 2, assessed_on).status_code == 201
    signed = client.post(f"/elders/{elder['id']}/safety-commitments", headers=ADMIN,
                         json={"signer_name": "张阿姨", "signer_relation": "self", "text_version": "v1",
                               "witness_staff_id": witness})
    assert signed.status_code == 201
    body = client.get(f"/elders/{elder['id']}", headers=ADMIN).get_json()
    assert body["eligible_for_bathing"] is True and body["safety_commitment_current"] is True
    assert body["ineligibility_reasons"] == []
    assert body["assessment_due_on"] == (assessed_on + timedelta(days=364)).isoformat()
    latest = events(svc)[-1]
    assert latest["type"] == "registration.safety_commitment.signed"
    assert latest["data"]["eligible_for_bathing"] is True and latest["data"]["safety_commitment_current"] is True
    assert latest["data"]["decision_lapses_on"] == (assessed_on + timedelta(days=365)).isoformat()


def test_the_latest_assessment_by_date_counts_not_the_last_typed(client, point):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    url = f"/elders/{elder['id']}"
    assert assess(client, elder["id"], 3, today() - timedelta(days=30)).status_code == 201
    assert assess(client, elder["id"], 1, date(2019, 1, 1)).status_code == 201  # back-dated: history only
    body = client.get(url, headers=ADMIN).get_json()
    assert (body["latest_assessment_level"], body["eligible_for_bathing"]) == (3, True)
    assert assess(client, elder["id"], 1, today() - timedelta(days=30)).status_code == 201  # same date, recorded later
    body = client.get(url, headers=ADMIN).get_json()
    assert (body["latest_assessment_level"], body["ineligibility_reasons"]) == (1, ["LEVEL"])


def test_an_assessment_older_than_a_year_leaves_the_elder_ineligible(client, point):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    assert assess(client, elder["id"], 2, today() - timedelta(days=365)).status_code == 201  # day 366 today
    body = client.get(f"/elders/{elder['id']}", headers=ADMIN).get_json()
    assert (body["eligible_for_bathing"], body["ineligibility_reasons"]) == (False, ["ASSESSMENT_EXPIRED"])
    assert assess(client, elder["id"], 2, today() - timedelta(days=364)).status_code == 201  # day 365: valid
    assert client.get(f"/elders/{elder['id']}", headers=ADMIN).get_json()["eligible_for_bathing"] is True


def test_an_assessment_dated_tomorrow_is_422(client, point):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    response = assess(client, elder["id"], 2, today() + timedelta(days=1))
    assert response.status_code == 422 and "assessed_on" in response.get_json()["errors"]


def test_an_elder_under_60_is_not_eligible(client, point):
    born = today().replace(year=today().year - 59) if (today().month, today().day) != (2, 29) else date(1970, 1, 1)
    elder = client.post("/elders", json=elder_body(point["id"], 7, birth_date=born.isoformat(),
                                                   id_number=id_number(born, 7)), headers=ADMIN).get_json()
    assess(client, elder["id"], 3, today())
    body = client.get(f"/elders/{elder['id']}", headers=ADMIN).get_json()
    assert (body["eligible_for_bathing"], body["ineligibility_reasons"]) == (False, ["UNDER_AGE"])


def test_the_assessment_check_reminds_the_point_once_before_it_lapses(client, point, svc):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    assess(client, elder["id"], 2, date(2026, 1, 10))  # valid through 2027-01-09
    tz = ZoneInfo("Asia/Shanghai")
    for day in (date(2026, 12, 9), date(2026, 12, 10), date(2026, 12, 11), date(2027, 1, 9)):
        with svc.store.begin() as session:
            svc.use_cases.remind_assessments(session, datetime.combine(day, time(9), tz))
    [reminder] = events(svc, "registration.assessment.expiring")
    assert reminder["subject"] == elder["id"]
    assert (reminder["data"]["assessment_due_on"], reminder["data"]["days_left"]) == ("2027-01-09", 30)
    assess(client, elder["id"], 2, today())  # re-assessed: the next reminder is a year on
    with svc.store.begin() as session:
        assert svc.use_cases.remind_assessments(session, datetime.combine(date(2027, 1, 9), time(9), tz)) == 0


def test_signing_an_old_commitment_version_is_422(client, point, witness):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    response = client.post(f"/elders/{elder['id']}/safety-commitments", headers=ADMIN,
                           json={"signer_name": "a", "signer_relation": "self", "text_version": "v0",
                                 "witness_staff_id": witness})
    assert response.status_code == 422


def test_a_commitment_witnessed_by_nobody_on_the_staff_is_422(client, point):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    other = client.post("/service-points", json=POINT, headers=ADMIN).get_json()
    elsewhere = client.post("/staff", headers=ADMIN, json={
        "name": "钱", "roles": ["point_admin"], "service_point_id": other["id"], "phone": "13700003333",
        "experience_years": 5}).get_json()["id"]
    for witness in ("7d0b6a3e-0000-4000-8000-000000000001", elsewhere):
        response = client.post(f"/elders/{elder['id']}/safety-commitments", headers=ADMIN,
                               json={"signer_name": "a", "signer_relation": "self", "text_version": "v1",
                                     "witness_staff_id": witness})
        assert response.status_code == 422 and "witness_staff_id" in response.get_json()["errors"]


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


def test_a_closed_record_is_reopened_with_its_history(client, point, svc):
    elder = client.post("/elders", json=elder_body(point["id"]), headers=ADMIN).get_json()
    url = f"/elders/{elder['id']}"
    assess(client, elder["id"], 2, today())
    assert client.post(f"{url}/reopen", json={"reason": "x"}, headers=ADMIN).get_json()["code"] == "INVALID_TRANSITION"
    closed = client.post(f"{url}/close", json={"reason": "lost_contact"}, headers=ADMIN).get_json()
    assert (closed["status"], closed["status_reason"]) == ("closed", "lost_contact")
    assert client.post(f"{url}/reopen", json={}, headers=ADMIN).status_code == 422, "a reason is given"
    reopened = client.post(f"{url}/reopen", json={"reason": "老人搬回本区"}, headers=ADMIN)
    assert reopened.status_code == 200
    body = reopened.get_json()
    assert (body["status"], body["status_reason"], body["latest_assessment_level"]) == ("active", None, 2)
    assert body["eligible_for_bathing"] is True
    [event] = events(svc, "registration.elder.reopened")
    assert event["subject"] == elder["id"] and event["data"]["status"] == "active"
    with svc.store.begin() as session:
        actions = session.execute(sa.text("SELECT action FROM elder_history WHERE elder_id = :id ORDER BY id"),
                                  {"id": elder["id"]}).scalars().all()
    assert actions == ["registered", "close", "reopen"]


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


LOCAL = {"household_registered_locally": True, "resides_locally": True}
STATION = {"role": "point_admin", "user": "u-station"}
CENTRE = caller("city_operator", user="u-centre")


def aged(client, point_id: str, serial: int, birth: date) -> dict:
    response = client.post("/elders", json=elder_body(point_id, serial, birth_date=birth.isoformat(),
                                                      id_number=id_number(birth, serial)), headers=ADMIN)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def years_ago(years: int, days: int = 0) -> date:
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    return today.replace(year=today.year - years) - timedelta(days=days)


def apply(client, elder_id: str, category: str, headers=ADMIN, **fields):
    body = {"elder_id": elder_id, "category": category, **LOCAL, "evidence_reference": "DB-2026-0042"} | fields
    return client.post("/subsidy-applications", json=body, headers=headers)


def test_subsidy_review_then_approval_and_out_of_order_409(client, point, svc):
    station = caller("point_admin", user="u-station", point=point["id"])
    elder = aged(client, point["id"], 1, date(1935, 3, 1))
    application = apply(client, elder["id"], "dibao", station)
    assert application.status_code == 201, application.get_json()
    body = application.get_json()
    assert (body["eligible"], body["status"], body["basis"], body["problems"]) == (True, "submitted",
                                                                                 "aged_with_category", [])
    assert body["service_point_id"] == point["id"] and body["evidence_reference"] == "DB-2026-0042"
    app_id = body["id"]
    early = client.post(f"/subsidy-applications/{app_id}/approve", json={"approved": True}, headers=CENTRE)
    assert (early.status_code, early.get_json()["code"]) == (409, "INVALID_TRANSITION")
    reviewed = client.post(f"/subsidy-applications/{app_id}/review", json={"approved": True}, headers=station)
    assert reviewed.status_code == 200 and reviewed.get_json()["status"] == "reviewed"
    assert events(svc, "registration.subsidy.decided") == []  # passing the review decides nothing yet
    done = client.post(f"/subsidy-applications/{app_id}/approve", json={"approved": True, "note": "ok"},
                       headers=CENTRE)
    assert done.status_code == 200
    approved = done.get_json()
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    assert (approved["status"], approved["stage"], approved["in_force"]) == ("approved", "approved", True)
    assert approved["valid_from"] == today.isoformat()
    assert approved["valid_until"] == (today + timedelta(days=364)).isoformat()
    assert [s["step"] for s in approved["steps"]] == ["apply", "review", "approve"]
    assert [s["actor"] for s in approved["steps"]] == ["u-station", "u-station", "u-centre"]
    [decided] = events(svc, "registration.subsidy.decided")
    assert decided["subject"] == app_id
    assert {k: decided["data"][k] for k in ("approved", "status", "category", "elder_id", "valid_until")} == {
        "approved": True, "status": "approved", "category": "dibao", "elder_id": elder["id"],
        "valid_until": approved["valid_until"]}


def test_an_ineligible_application_is_refused_at_approval_and_can_only_be_rejected(client, point, svc):
    """SC-06 (a): a 30-year-old applying as 90+ is not eligible and cannot be passed."""
    young = aged(client, point["id"], 2, years_ago(30))
    application = apply(client, young["id"], "age_90").get_json()
    assert application["eligible"] is False
    assert application["problems"] == ["UNDER_AGE", "UNDER_CATEGORY_AGE"]
    app_id = application["id"]
    passed = client.post(f"/subsidy-applications/{app_id}/review", json={"approved": True}, headers=ADMIN)
    assert (passed.status_code, passed.get_json()["code"]) == (409, "NOT_ELIGIBLE")
    refused = client.post(f"/subsidy-applications/{app_id}/review", json={"approved": False, "note": "年龄不符"},
                          headers=ADMIN)
    assert refused.status_code == 200 and refused.get_json()["status"] == "rejected"
    [decided] = events(svc, "registration.subsidy.decided")
    assert (decided["data"]["approved"], decided["data"]["stage"], decided["data"]["note"]) == (False, "reviewed",
                                                                                             "年龄不符")


def test_approval_applies_the_rules_as_they_stand_on_the_day(client, point, svc):
    """A severely disabled 低保 elder of 65 qualifies; reassessed at level 2 before the
    centre decides, they no longer do: the approval is 409 NOT_ELIGIBLE."""
    elder = aged(client, point["id"], 3, years_ago(65))
    assess = {"assessed_on": date.today().isoformat(), "assessor": "王医生", "reference": "PG-1"}
    client.post(f"/elders/{elder['id']}/assessments", json=assess | {"level": 3}, headers=ADMIN)
    application = apply(client, elder["id"], "dibao").get_json()
    assert (application["eligible"], application["basis"]) == (True, "severely_disabled")
    client.post(f"/subsidy-applications/{application['id']}/review", json={"approved": True}, headers=ADMIN)
    client.post(f"/elders/{elder['id']}/assessments", json=assess | {"level": 2, "reference": "PG-2"}, headers=ADMIN)
    refused = client.post(f"/subsidy-applications/{application['id']}/approve", json={"approved": True},
                          headers=CENTRE)
    assert (refused.status_code, refused.get_json()["code"]) == (409, "NOT_ELIGIBLE")
    now = client.get(f"/subsidy-applications/{application['id']}", headers=CENTRE).get_json()
    assert (now["status"], now["eligible"]) == ("reviewed", True)  # a refused step changes nothing
    assert events(svc, "registration.subsidy.decided") == []


def test_residence_and_evidence_are_part_of_eligibility(client, point):
    elder = aged(client, point["id"], 4, date(1940, 6, 1))
    away = apply(client, elder["id"], "youfu", household_registered_locally=False, resides_locally=False,
                 evidence_reference=None).get_json()
    assert away["eligible"] is False
    assert away["problems"] == ["NOT_LOCAL_HOUSEHOLD", "NOT_LOCAL_RESIDENT", "EVIDENCE_MISSING"]
    missing = client.post("/subsidy-applications", json={"elder_id": elder["id"], "category": "age_90"},
                          headers=ADMIN)
    assert missing.status_code == 422
    assert set(missing.get_json()["errors"]) == {"household_registered_locally", "resides_locally"}
    worker = apply(client, elder["id"], "model_worker", model_worker_level="county").get_json()
    assert worker["problems"] == ["MODEL_WORKER_LEVEL"]


def test_a_second_open_or_approved_application_is_a_duplicate(client, point):
    elder = aged(client, point["id"], 5, date(1933, 1, 10))
    first = apply(client, elder["id"], "age_90").get_json()
    again = apply(client, elder["id"], "age_90")
    assert (again.status_code, again.get_json()["code"]) == (409, "DUPLICATE_APPLICATION")
    assert apply(client, elder["id"], "dibao").status_code == 201  # another category is another application
    client.post(f"/subsidy-applications/{first['id']}/review", json={"approved": True}, headers=ADMIN)
    client.post(f"/subsidy-applications/{first['id']}/approve", json={"approved": True}, headers=CENTRE)
    approved_again = apply(client, elder["id"], "age_90")
    assert (approved_again.status_code, approved_again.get_json()["code"]) == (409, "DUPLICATE_APPLICATION")
    ended = client.post(f"/subsidy-applications/{first['id']}/end", json={"reason": "迁出本镇"}, headers=CENTRE)
    assert ended.status_code == 200
    assert (ended.get_json()["status"], ended.get_json()["in_force"]) == ("ended", False)
    assert apply(client, elder["id"], "age_90").status_code == 201


def test_the_centres_work_list_shows_what_waits_longest_first(client, point, svc):
    other = client.post("/service-points", json=POINT | {"name": "拱墅助浴点"}, headers=ADMIN).get_json()
    made = []
    for serial, point_id in ((6, point["id"]), (7, other["id"]), (8, point["id"])):
        elder = aged(client, point_id, serial, date(1930, 1, serial))
        made.append(apply(client, elder["id"], "age_90").get_json()["id"])
    for app_id in reversed(made):  # reviewed newest first: the oldest review waits longest
        assert client.post(f"/subsidy-applications/{app_id}/review", json={"approved": True},
                           headers=ADMIN).status_code == 200
    queue = client.get("/subsidy-applications", query_string={"status": "reviewed"}, headers=CENTRE).get_json()
    assert [item["id"] for item in queue["items"]] == list(reversed(made))
    assert all(item["elder_name"] == "张阿姨" and item["elder_age"] >= 90 for item in queue["items"])
    paged = client.get("/subsidy-applications", query_string={"status": "reviewed", "limit": 2}, headers=CENTRE)
    rest = client.get("/subsidy-applications", query_string={"status": "reviewed", "limit": 2,
                                                            "cursor": paged.get_json()["next_cursor"]},
                      headers=CENTRE).get_json()
    assert [i["id"] for i in paged.get_json()["items"] + rest["items"]] == list(reversed(made))
    station = caller("point_admin", user="u-pa", point=point["id"])
    own = client.get("/subsidy-applications", headers=station).get_json()["items"]
    assert sorted(i["id"] for i in own) == sorted([made[0], made[2]])
    assert client.get("/subsidy-applications", query_string={"service_point_id": other["id"]},
                      headers=station).status_code == 403
    assert client.get(f"/subsidy-applications/{made[1]}", headers=station).status_code == 404  # another point's: not there
    assert client.get("/subsidy-applications", query_string={"status": "submitted"},
                      headers=CENTRE).get_json()["items"] == []


def test_the_yearly_recheck_list_and_a_renewal(client, point, svc, monkeypatch):
    elder = aged(client, point["id"], 9, date(1931, 2, 2))
    first = apply(client, elder["id"], "age_90").get_json()
    client.post(f"/subsidy-applications/{first['id']}/review", json={"approved": True}, headers=ADMIN)
    client.post(f"/subsidy-applications/{first['id']}/approve", json={"approved": True}, headers=CENTRE)
    assert client.get("/subsidy-applications/rechecks", headers=CENTRE).get_json()["items"] == []
    # eleven months on, the subsidy is due for its re-check
    later = datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(days=340)
    monkeypatch.setattr("services.registration.api.utcnow", lambda: later)
    [due] = client.get("/subsidy-applications/rechecks", headers=CENTRE).get_json()["items"]
    assert (due["id"], due["recheck_due"], due["in_force"]) == (first["id"], True, True)
    renewal = apply(client, elder["id"], "age_90")
    assert renewal.status_code == 201  # no longer a duplicate: the re-check is a new application
    assert client.get("/subsidy-applications/rechecks", headers=CENTRE).get_json()["items"] == []


def test_the_recheck_list_takes_a_subsidy_in_30_days_before_its_last_day(client, point, monkeypatch):
    elder = aged(client, point["id"], 10, date(1931, 3, 3))
    first = apply(client, elder["id"], "age_90").get_json()
    client.post(f"/subsidy-applications/{first['id']}/review", json={"approved": True}, headers=ADMIN)
    approved = client.post(f"/subsidy-applications/{first['id']}/approve", json={"approved": True},
                           headers=CENTRE).get_json()
    last_day = date.fromisoformat(approved["valid_until"])
    noon = datetime.combine(last_day, datetime.min.time(), ZoneInfo("Asia/Shanghai")).replace(hour=12)
    for days_left, due in ((31, False), (30, True), (29, True)):
        monkeypatch.setattr("services.registration.api.utcnow", lambda d=days_left: noon - timedelta(days=d))
        listed = client.get("/subsidy-applications/rechecks", headers=CENTRE).get_json()["items"]
        assert [i["id"] for i in listed] == ([first["id"]] if due else []), days_left
        assert client.get(f"/subsidy-applications/{first['id']}", headers=CENTRE).get_json()["recheck_due"] is due


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
