"""Registration refuses what it could not keep or use later: malformed values are 422 (never a
500, never stored to break another request), and lists and texts are bounded."""
from __future__ import annotations

import base64
import json

import pytest

from services.registration.tests.test_api import POINT, elder_body
from tests.callers import ADMIN

pytestmark = pytest.mark.integration


@pytest.fixture
def svc(build_service):
    return build_service("registration")


@pytest.fixture
def client(svc):
    return svc.app().test_client()


@pytest.fixture
def point(client):
    return client.post("/service-points", json=POINT, headers=ADMIN).get_json()


def refused(response, field: str) -> None:
    assert response.status_code == 422, response.get_json()
    assert field in json.dumps(response.get_json()["errors"]), response.get_json()


@pytest.mark.parametrize("id_number", [
    "²30106194503010014",  # a superscript digit passes str.isdigit()
    "３30106194503010014",  # a full-width digit
    "330106194503010០14",  # a Khmer digit
])
def test_an_id_number_with_digits_other_than_0_to_9_is_422(client, point, id_number):
    refused(client.post("/elders", json=elder_body(point["id"], id_number=id_number), headers=ADMIN), "id_number")


@pytest.mark.parametrize("field, value", [
    ("phone", "１３９１２３４１２３４"),
    ("citizen_card_no", "HZ000001\n"),
])
def test_phones_and_cards_are_ascii_and_whole(client, point, field, value):
    refused(client.post("/elders", json=elder_body(point["id"], **{field: value}), headers=ADMIN), field)


@pytest.mark.parametrize("hours", [
    {"mon": [[1, 2], ["08:00", "09:00"]]},
    {"mon": [[None, "09:00"], ["08:00", "09:00"]]},
    {"mon": [["08:00", "09:00"], "08:00"]},
    {"mon": [["00:00", "23:59\n"]]},
    {"mon": [["０８:００", "09:00"]]},
    {"mon": [["8:00", "09:00"]]},
])
def test_opening_hours_that_are_not_hh_mm_spans_are_422_on_create_and_change(client, point, hours):
    refused(client.post("/service-points", json=POINT | {"opening_hours": hours}, headers=ADMIN), "opening_hours")
    refused(client.patch(f"/service-points/{point['id']}", json={"opening_hours": hours}, headers=ADMIN),
            "opening_hours")
    kept = client.get(f"/service-points/{point['id']}", headers=ADMIN).get_json()["opening_hours"]
    assert kept == POINT["opening_hours"]


@pytest.mark.parametrize("cursor", ["²", "١", "99999999999999999999999", "-1"])
def test_a_cursor_of_the_read_audit_that_is_not_one_of_its_own_is_422(client, cursor):
    response = client.get("/audit/elder-reads", query_string={"cursor": cursor}, headers=ADMIN)
    refused(response, "cursor")


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2026-01-01T00:00:00"])
def test_a_list_cursor_holding_a_time_no_store_can_compare_is_422(client, point, moment):
    cursor = base64.urlsafe_b64encode(json.dumps([moment, "x"]).encode()).decode().rstrip("=")
    refused(client.get("/elders", query_string={"cursor": cursor}, headers=ADMIN), "cursor")


# --- Bounds ----------------------------------------------------------------------------------

def test_an_elders_lists_and_texts_have_a_maximum(client, point):
    contact = {"name": "李明", "relation": "son", "phone": "13800001111"}
    for field, value in (("emergency_contacts", [contact] * 6),
                         ("chronic_conditions", ["高血压"] * 51),
                         ("medications", ["药"] * 51),
                         ("allergies", ["花粉"] * 51),
                         ("notes", "字" * 4001),
                         ("name", "名" * 101)):
        refused(client.post("/elders", json=elder_body(point["id"], **{field: value}), headers=ADMIN), field)
    at_most = elder_body(point["id"], emergency_contacts=[contact] * 5, chronic_conditions=["高血压"] * 50,
                         medications=["药"] * 50, allergies=["花粉"] * 50, notes="字" * 4000)
    created = client.post("/elders", json=at_most, headers=ADMIN)
    assert created.status_code == 201, created.get_json()
    refused(client.patch(f"/elders/{created.get_json()['id']}", json={"chronic_conditions": ["高血压"] * 51},
                         headers=ADMIN), "chronic_conditions")


def test_a_points_reminders_and_spans_and_staff_roles_have_a_maximum(client, point):
    refused(client.post("/service-points", json=POINT | {"safety_reminders": ["地面湿滑"] * 21}, headers=ADMIN),
            "safety_reminders")
    spans = [[f"{h:02d}:00", f"{h:02d}:30"] for h in range(9)]
    refused(client.post("/service-points", json=POINT | {"opening_hours": {"mon": spans}}, headers=ADMIN),
            "opening_hours")
    assert client.post("/service-points", json=POINT | {"opening_hours": {"mon": spans[:8]},
                                                        "safety_reminders": ["地面湿滑"] * 20},
                       headers=ADMIN).status_code == 201
    staff = {"name": "赵站长", "roles": ["point_admin"] * 11, "service_point_id": point["id"],
             "phone": "13700002222", "experience_years": 5}
    refused(client.post("/staff", json=staff, headers=ADMIN), "roles")


def test_the_bounds_are_in_the_openapi_document(client):
    schemas = client.get("/openapi.json").get_json()["components"]["schemas"]
    elder = schemas["ElderIn"]["properties"]
    assert elder["emergency_contacts"]["maxItems"] == 5
    assert elder["chronic_conditions"]["maxItems"] == elder["medications"]["maxItems"] == 50
    assert elder["notes"]["maxLength"] == 4000
    assert schemas["ServicePointIn"]["properties"]["safety_reminders"]["maxItems"] == 20
