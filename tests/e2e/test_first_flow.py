"""The suite as `make run` starts it: a registration flows through the broker to an SMS."""
from __future__ import annotations

import os
import time

import pytest
import requests
import sqlalchemy as sa

from tests.suite import RunningSuite, suite_environment

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
    assert sms["recipient"] == {"type": "elder", "id": elder_id, "address": "139****1234"}
    assert "张阿姨" in sms["body"]
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

