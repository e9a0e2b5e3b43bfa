"""The suite as `make run` starts it: a registration flows through the broker to an SMS."""
from __future__ import annotations

import os
from datetime import date, timedelta
import time

import pytest
import requests
import sqlalchemy as sa

from testkit.suite import RunningSuite, suite_environment

pytestmark = [pytest.mark.integration, pytest.mark.slow]

POINT = {
    "name": "西湖区助浴点", "address": "杭州市西湖区文三路1号", "district": "西湖区",
    "bath_capacity": 2, "rest_seats": 6,
    "opening_hours": {"mon": [["08:30", "11:30"], ["14:30", "17:30"]], "sun": []},
    "safety_reminders": ["地面湿滑，请扶好扶手"],
}


def elder(point_id: str) -> dict:
    return {
        "name": "张阿姨", "gender": "female", "birth_date": "1945-03-01",
        "id_number": "110105194503010026", "citizen_card_no": "HZ20240001", "phone": "13912341234",
        "address": "杭州市西湖区文三路2号", "district": "西湖区", "service_point_id": point_id,
        "emergency_contacts": [{"name": "李明", "relation": "son", "phone": "13800001111"}],
    }


@pytest.fixture
def suite(suite_env, database_urls, tmp_path):
    running = RunningSuite(suite_environment(dict(os.environ), tmp_path / "var", database_urls),
                           tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    assert running.stop() == 0, "Ctrl-C must stop the suite cleanly"


def test_registered_elder_gets_an_sms_through_the_gateway(suite):
    api = suite.gateway + "/api/v1"
    headers = {"Authorization": f"Bearer {suite.token()}"}
    point = requests.post(f"{api}/service-points", json=POINT, headers=headers, timeout=10)
    assert point.status_code == 201, point.text
    created = requests.post(f"{api}/elders", json=elder(point.json()["id"]),
                            headers=headers | {"X-Request-ID": "e2e-request-1"}, timeout=10)
    assert created.status_code == 201, created.text
    assert created.headers["X-Request-ID"] == "e2e-request-1"
    elder_id = created.json()["id"]

    deadline = time.monotonic() + 20
    items = []
    while time.monotonic() < deadline and not items:
        items = requests.get(f"{api}/notifications", params={"recipient": elder_id}, headers=headers,
                             timeout=10).json()["items"]
        time.sleep(0.2)
    [sms] = items
    assert sms["event_type"] == "registration.elder.registered"
    assert sms["channel"] == "sms"
    assert sms["recipient"] == {"type": "elder", "id": elder_id, "address": "139****1234"}  # masked, to an administrator too
    assert "张阿姨" in sms["body"]
    # A new elder's SMS consent is not recorded yet: the message is kept, not sent.
    assert (sms["status"], sms["last_error"]) == ("suppressed", "NO_SMS_CONSENT")
    by_event = requests.get(f"{api}/notifications", params={"event_id": sms["event_id"]}, headers=headers,
                            timeout=10).json()["items"]
    assert [n["id"] for n in by_event] == [sms["id"]]

    # The request id travelled into the event as its correlation id.
    engine = sa.create_engine(suite.env["REGISTRATION_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        body = conn.execute(sa.text("SELECT body FROM outbox WHERE event_id = :id"), {"id": sms["event_id"]}).scalar()
    engine.dispose()
    assert b'"correlationid":"e2e-request-1"' in bytes(body)


def test_gateway_answers_problems_for_bad_requests(suite):
    api = suite.gateway + "/api/v1"
    unauthenticated = requests.get(f"{api}/elders", timeout=10)
    assert unauthenticated.status_code == 401
    assert unauthenticated.headers["Content-Type"] == "application/problem+json"
    headers = {"Authorization": f"Bearer {suite.token()}"}
    malformed = requests.post(f"{api}/elders", data=b"{not json", headers=headers | {"Content-Type": "application/json"},
                              timeout=10)
    assert malformed.status_code == 400
    assert malformed.json()["code"] == "MALFORMED_REQUEST"
    invalid = requests.post(f"{api}/elders", json={"name": ""}, headers=headers, timeout=10)
    assert invalid.status_code == 422
    assert "emergency_contacts" in invalid.json()["errors"]
    wrong_password = requests.post(f"{api}/auth/token", json={"username": "admin", "password": "nope"}, timeout=10)
    assert wrong_password.status_code == 401
    health = requests.get(f"{api}/health", timeout=10).json()
    assert health == {"status": "ok", "broker": "ok",
                      "services": {"registration": "ok", "visits": "ok", "complaints": "ok", "notify": "ok"}}



def wait_for(fetch, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fetch()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("not reached in time")


def test_a_visit_and_a_complaint_flow_through_every_service(suite):
    api = suite.gateway + "/api/v1"
    headers = {"Authorization": f"Bearer {suite.token()}"}
    all_day = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    point = requests.post(f"{api}/service-points", json=POINT | {"opening_hours": all_day}, headers=headers,
                          timeout=10).json()
    assistant = requests.post(f"{api}/staff", headers=headers, timeout=10, json={
        "name": "王助浴", "gender": "female", "roles": ["bathing_assistant"], "service_point_id": point["id"],
        "phone": "13700001111", "experience_years": 3, "care_training": {"completed_on": "2024-01-01"},
        "health_certificate": {"number": "H1", "issued_on": "2026-01-01", "expires_on": "2030-01-01"}}).json()
    admin_staff = requests.post(f"{api}/staff", headers=headers, timeout=10, json={
        "name": "赵站长", "roles": ["point_admin"], "service_point_id": point["id"], "phone": "13700002222",
        "experience_years": 5}).json()
    elder_id = requests.post(f"{api}/elders", json=elder(point["id"]), headers=headers, timeout=10).json()["id"]
    consent = requests.post(f"{api}/elders/{elder_id}/consents", headers=headers, timeout=10, json={
        "kind": "sms", "granted": True, "signer_name": "张阿姨", "signer_relation": "self"})
    assert consent.status_code == 201, consent.text
    requests.post(f"{api}/elders/{elder_id}/assessments", headers=headers, timeout=10,
                  json={"level": 2, "assessed_on": (date.today() - timedelta(days=30)).isoformat(), "assessor": "医生", "reference": "R1"})
    requests.post(f"{api}/elders/{elder_id}/safety-commitments", headers=headers, timeout=10,
                  json={"signer_name": "张阿姨", "signer_relation": "self", "text_version": "v1",
                        "witness_staff_id": admin_staff["id"]})

    def check_in():  # visits learns of the commitment through the broker
        response = requests.post(f"{api}/visits", headers=headers, timeout=10,
                                 json={"citizen_card_no": "HZ20240001", "service_point_id": point["id"]})
        return response.json() if response.status_code == 201 else None

    visit = wait_for(check_in)
    url = f"{api}/visits/{visit['id']}"
    on_duty = {"staff_id": assistant["id"]}  # the admin user is linked to no staff member: each step names one
    screened = wait_for(lambda: (lambda r: r.json() if r.status_code == 200 else None)(requests.post(
        f"{url}/screening", headers=headers, timeout=10, json=on_duty | {
            "mental_state": "good", "infectious_disease": False, "alcohol": False, "systolic": 130, "diastolic": 80,
            "reminders_given": ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication",
                                "point_specific"]})))
    assert screened["status"] == "screened"
    bath = wait_for(lambda: (lambda r: r if r.status_code == 200 else None)(requests.post(
        f"{url}/bath", headers=headers, timeout=10, json={"assistant_staff_id": assistant["id"]})))
    assert bath.json()["status"] == "bathing"
    assert requests.post(f"{url}/rest", headers=headers, json=on_duty, timeout=10).status_code == 200
    done = requests.post(f"{url}/checkout", headers=headers, json=on_duty | {"early_leave_reason": "家属来接"},
                         timeout=10)
    assert done.json()["status"] == "checked_out"
    # complaints invites a survey; notify sends the link to the elder.
    invitation = wait_for(lambda: requests.get(f"{api}/notifications", headers=headers, timeout=10, params={
        "recipient": elder_id, "event_type": "complaints.survey.invited"}).json()["items"])
    assert "/survey/" in invitation[0]["body"] and invitation[0]["status"] != "suppressed"

    complaint = requests.post(f"{api}/complaints", headers=headers, timeout=10, json={
        "channel": "phone", "type": "complaint", "category": "waiting_time", "service_point_id": point["id"],
        "complainant": {"name": "李先生", "phone": "13800002222"}, "content": "等待时间太长"})
    assert complaint.status_code == 201
    complaint_id = complaint.json()["id"]
    received = wait_for(lambda: requests.get(f"{api}/notifications", headers=headers, timeout=10, params={
        "recipient": complaint_id}).json()["items"])
    assert received[0]["recipient"]["address"] == "138****2222"  # masked, to an administrator too


def test_make_demo_loads_a_city_through_the_gateway(suite):
    import subprocess
    import sys

    env = dict(suite.env, ZHUYU_GATEWAY_URL=suite.gateway)
    done = subprocess.run([sys.executable, "-m", "ops.cli", "demo"], env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr + done.stdout
    headers = {"Authorization": f"Bearer {suite.token()}"}
    points = requests.get(f"{suite.gateway}/api/v1/service-points", headers=headers, timeout=10).json()["items"]
    assert len(points) == 3
    elders = requests.get(f"{suite.gateway}/api/v1/elders", params={"limit": 200}, headers=headers, timeout=10).json()
    assert len(elders["items"]) == 21
