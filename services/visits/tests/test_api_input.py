"""Visits refuses dates and times no arithmetic can take (a slot's end, the day after, UTC):
422 on the field, never a 500."""
from __future__ import annotations

import pytest

from services.visits.tests.test_api import Registration, client, reg, svc  # noqa: F401  (fixtures)
from tests.callers import ADMIN, caller

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("slot_start", ["9999-12-31T23:30:00+00:00", "0001-01-01T00:00:00+14:00",
                                        "9999-12-31T23:59:59-12:00", "1899-12-31T23:30:00+00:00"])
def test_a_slot_outside_the_years_a_booking_can_fall_in_is_422(svc, client, slot_start):
    reg = Registration(svc)
    point = reg.point()
    elder = reg.elder(point, "CARD9999")
    response = client.post("/bookings", json={"elder_id": elder, "service_point_id": point, "slot_start": slot_start},
                           headers=ADMIN)
    assert response.status_code == 422 and "slot_start" in response.get_json()["errors"]


@pytest.mark.parametrize("path, query, field", [
    ("/bookings", {"date": "9999-12-31"}, "date"),
    ("/visits", {"date": "9999-12-31"}, "date"),
    ("/incidents", {"from": "0001-01-01", "to": "9999-12-31"}, "from"),
    ("/follow-ups", {"due_before": "9999-12-31"}, "due_before"),
])
def test_a_day_no_list_can_reach_is_422(client, path, query, field):
    response = client.get(path, query_string=query, headers=ADMIN)
    assert response.status_code == 422, response.get_json()
    assert field in str(response.get_json()["errors"])


def test_the_last_day_a_list_takes_is_answered(client):
    assert client.get("/bookings", query_string={"date": "2999-12-31"}, headers=ADMIN).status_code == 200


def test_an_elder_registered_at_one_point_bathes_at_another_whose_record_the_visit_is(svc, client):
    """An elder may bathe at any point (entry is by the city-wide citizen card): the visit is
    the record of the point where it happens, read there and not at the elder's own."""
    reg = Registration(svc)
    home, away = reg.point(), reg.point()
    reg.elder(home, "CARD7777")
    at_away = caller("point_admin", user="u-away", point=away)
    visit = client.post("/visits", json={"citizen_card_no": "CARD7777", "service_point_id": away}, headers=at_away)
    assert visit.status_code == 201 and visit.get_json()["service_point_id"] == away
    url = f"/visits/{visit.get_json()['id']}"
    assert client.get(url, headers=at_away).status_code == 200
    assert client.get(url, headers=caller("point_admin", user="u-home", point=home)).status_code == 404
