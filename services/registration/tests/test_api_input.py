"""Registration refuses what it could not keep or use later: malformed values are 422 (never a
500, never stored to break another request), lists and texts are bounded, a retired card
number stays with its elder, and a duplicate does not name another point's elder."""
from __future__ import annotations

import base64
import json

import pytest

from services.registration.tests.test_api import (  # noqa: F401  (fixtures)
    POINT, VISITS, client, elder_body, point, svc,
)
from tests.callers import ADMIN, caller

pytestmark = pytest.mark.integration


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


# --- Cards: a number once given stays with its elder ----------------------------------------

def test_a_retired_card_number_is_never_given_to_another_elder(client, point):
    first = client.post("/elders", json=elder_body(point["id"], 1), headers=ADMIN).get_json()
    assert client.patch(f"/elders/{first['id']}", json={"citizen_card_no": "HZNEW0001"},
                        headers=ADMIN).status_code == 200
    again = client.post("/elders", json=elder_body(point["id"], 2, citizen_card_no="HZ000001"), headers=ADMIN)
    assert (again.status_code, again.get_json()["code"]) == (409, "DUPLICATE_CITIZEN_CARD")
    second = client.post("/elders", json=elder_body(point["id"], 2, citizen_card_no="HZ000002"),
                         headers=ADMIN).get_json()
    reissued = client.patch(f"/elders/{second['id']}", json={"citizen_card_no": "HZ000001"}, headers=ADMIN)
    assert (reissued.status_code, reissued.get_json()["code"]) == (409, "DUPLICATE_CITIZEN_CARD")
    assert client.get("/elders/by-card/HZ000001", headers=VISITS).status_code == 404
    assert client.get("/elders", query_string={"citizen_card_no": "HZ000001"}, headers=ADMIN).get_json()["items"] == []


def test_an_elder_may_not_take_back_a_number_it_gave_up_but_keeps_its_own(client, point):
    elder = client.post("/elders", json=elder_body(point["id"], 1), headers=ADMIN).get_json()
    client.patch(f"/elders/{elder['id']}", json={"citizen_card_no": "HZNEW0001"}, headers=ADMIN)
    back = client.patch(f"/elders/{elder['id']}", json={"citizen_card_no": "HZ000001"}, headers=ADMIN)
    assert (back.status_code, back.get_json()["code"]) == (409, "DUPLICATE_CITIZEN_CARD")
    same = client.patch(f"/elders/{elder['id']}", json={"citizen_card_no": "HZNEW0001", "notes": "x"}, headers=ADMIN)
    assert same.status_code == 200 and same.get_json()["previous_citizen_card_nos"] == ["HZ000001"]


# --- A duplicate ID number at another point --------------------------------------------------

def test_a_duplicate_id_number_names_the_existing_elder_only_to_a_caller_who_may_see_it(client, point):
    other = client.post("/service-points", json=POINT | {"name": "另一个"}, headers=ADMIN).get_json()
    existing = client.post("/elders", json=elder_body(point["id"], 1), headers=ADMIN).get_json()
    again = elder_body(other["id"], 1, citizen_card_no="HZ999999")
    stranger = client.post("/elders", json=again, headers=caller("point_admin", user="u-b", point=other["id"]))
    assert (stranger.status_code, stranger.get_json()["code"]) == (409, "DUPLICATE_ID_NUMBER")
    assert "elder_id" not in stranger.get_json() and existing["id"] not in stranger.get_data(as_text=True)
    own = client.post("/elders", json=elder_body(point["id"], 1, citizen_card_no="HZ999999"),
                      headers=caller("point_admin", user="u-a", point=point["id"]))
    assert own.get_json()["elder_id"] == existing["id"]
    assert client.post("/elders", json=again, headers=ADMIN).get_json()["elder_id"] == existing["id"]


def test_the_migration_keeps_every_number_given_before_with_its_current_holder_first(database_urls):
    """Records made before numbers were kept apart: each current and retired number is
    given to its elder, and where a retired number was (wrongly) given again its current
    holder keeps it."""
    import sqlalchemy as sa
    from alembic import command

    from kit.db import Store
    from kit.service import migrations_dir
    from services.registration import bootstrap

    store = Store(database_urls("registration"), migrations_dir(bootstrap.__file__))
    config = store._alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "b7d41c2e9a10")
        connection.execute(sa.text(
            "INSERT INTO service_points (id, name, address, district, bath_capacity, rest_seats, opening_hours, "
            "safety_reminders, active, created_at, updated_at) VALUES ('p', 'p', 'a', 'd', 1, 1, '{}', '[]', true, "
            ":t, :t)"), {"t": "2026-01-01 00:00:00"})
        for elder_id, card, previous in (("e1", "NEW001", '["OLD001"]'), ("e2", "OLD001", "[]")):
            connection.execute(sa.text(
                "INSERT INTO elders (id, name, gender, birth_date, id_number, citizen_card_no, "
                "previous_citizen_card_nos, phone_is_mobile, address, district, service_point_id, emergency_contacts, "
                "chronic_conditions, medications, allergies, notes, same_gender_assistant, language, status, consents, "
                "created_at, updated_at) VALUES (:id, 'n', 'female', '1945-01-01', :id, :card, :previous, false, 'a', "
                "'d', 'p', '[]', '[]', '[]', '[]', '', false, 'zh-CN', 'active', '{}', :t, :t)"),
                {"id": elder_id, "card": card, "previous": previous, "t": "2026-01-01 00:00:00"})
    store.migrate()
    with store.engine.begin() as connection:
        given = dict(connection.execute(sa.text("SELECT card_no, elder_id FROM citizen_cards")).all())
    store.dispose()
    assert given == {"NEW001": "e1", "OLD001": "e2"}
