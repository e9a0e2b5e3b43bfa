"""Who pays for each visit, the price list and the monthly settlement, over HTTP on a real
store, with registration's subsidy decisions played in as events and the clock set."""
from __future__ import annotations

import csv
import io
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.visits.tests.test_api import SCREEN_OK, client, outbox_last, reg, svc  # noqa: F401 (fixtures)
from tests import payloads
from tests.callers import ADMIN, caller

pytestmark = pytest.mark.integration
TZ = ZoneInfo("Asia/Shanghai")
CENTRE = caller("city_operator", user="u-centre")


class Clock:
    """The service's clock, set by the test."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def at(self, *parts: int) -> datetime:
        moment = datetime(*parts, tzinfo=TZ)
        self.monkeypatch.setattr("services.visits.api.utcnow", lambda: moment)
        return moment


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def subsidy(reg, elder_id: str, category: str, valid_from: str, valid_until: str, **state) -> str:
    subsidy_id = state.pop("id", str(uuid.uuid4()))
    reg.emit("registration.subsidy.decided", subsidy_id, payloads.subsidy(
        id=subsidy_id, elder_id=elder_id, category=category, valid_from=valid_from, valid_until=valid_until,
        **state))
    return subsidy_id


def check_in(client, card: str, point: str) -> dict:
    response = client.post("/visits", json={"citizen_card_no": card, "service_point_id": point}, headers=ADMIN)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def whole_visit(client, clock, card: str, point: str, assistant: str, start: tuple, minutes: int = 40) -> dict:
    """Check-in at `start` (local), then screening, bath, rest, and check-out `minutes` later."""
    begin = datetime(*start, tzinfo=TZ)
    clock.at(*start)
    visit = check_in(client, card, point)
    url = f"/visits/{visit['id']}"
    assert client.post(f"{url}/screening", json=SCREEN_OK, headers=ADMIN).status_code == 200
    assert client.post(f"{url}/bath", json={"assistant_staff_id": assistant}, headers=ADMIN).status_code == 200
    assert client.post(f"{url}/rest", json={}, headers=ADMIN).status_code == 200
    clock.at(*(begin + timedelta(minutes=minutes)).timetuple()[:5])
    done = client.post(f"{url}/checkout", json={}, headers=ADMIN)
    assert done.status_code == 200, done.get_json()
    return done.get_json()


def test_a_visit_is_paid_by_the_subsidy_in_force_at_its_check_in(client, reg, svc, clock):
    point = reg.point()
    elder = reg.elder(point, "FUND0001")
    assistant = reg.assistant(point)
    before = whole_visit(client, clock, "FUND0001", point, assistant, (2026, 10, 5, 9, 0))
    assert before["funding"] == {"source": "self_pay"}
    assert outbox_last(svc)["data"]["funding"] == {"source": "self_pay", "category": None}
    # a refusal does not fund anything; the centre's approval does, from its first day
    subsidy(reg, elder, "dibao", "2026-10-06", "2027-10-05", status="rejected", stage="approved", approved=False)
    approved = subsidy(reg, elder, "dibao", "2026-10-06", "2027-10-05")
    assert whole_visit(client, clock, "FUND0001", point, assistant, (2026, 10, 5, 14, 0))["funding"] == \
        {"source": "self_pay"}  # the day before its validity
    after = whole_visit(client, clock, "FUND0001", point, assistant, (2026, 10, 6, 9, 0))
    assert after["funding"] == {"source": "government", "category": "dibao"}
    assert outbox_last(svc)["type"] == "visits.visit.checked_out"
    assert outbox_last(svc)["data"]["funding"] == {"source": "government", "category": "dibao"}
    assert client.get(f"/visits/{after['id']}", headers=ADMIN).get_json()["funding"]["source"] == "government"
    # decided at check-in: ended while the elder bathes, the visit stays funded
    clock.at(2026, 10, 7, 9, 0)
    open_visit = check_in(client, "FUND0001", point)
    ended = payloads.subsidy(id=approved, elder_id=elder, category="dibao", status="ended", valid_from="2026-10-06",
                             valid_until="2027-10-05", ended_at="2026-10-07T09:10:00+08:00", end_reason="moved")
    reg.emit("registration.subsidy.ended", approved, {k: v for k, v in ended.items()
                                                       if k not in ("stage", "approved", "note")})
    assert client.get(f"/visits/{open_visit['id']}", headers=ADMIN).get_json()["funding"] == \
        {"source": "government", "category": "dibao"}
    listed = client.get("/visits", query_string={"service_point_id": point, "date": "2026-10-07"}, headers=ADMIN)
    assert [v["funding"] for v in listed.get_json()["items"]] == [{"source": "government", "category": "dibao"}]
    clock.at(2026, 10, 7, 9, 20)
    assert client.post(f"/visits/{open_visit['id']}/screening", json=SCREEN_OK | {"infectious_disease": True},
                       headers=ADMIN).get_json()["status"] == "refused"
    later = whole_visit(client, clock, "FUND0001", point, assistant, (2026, 10, 7, 10, 0))
    assert later["funding"] == {"source": "self_pay"}


def price(client, clock, today: tuple, headers=CENTRE, **body):
    clock.at(*today)
    return client.post("/prices", json=body, headers=headers)


def test_prices_are_the_centres_and_apply_from_a_day_on(client, reg, clock):
    point = reg.point()
    bound = caller("point_admin", user="u-pa", point=point)
    made = price(client, clock, (2026, 9, 30, 9, 0), funding="self_pay", service_point_id=point, amount="30.00",
                 effective_from="2026-10-01")
    assert made.status_code == 201 and made.get_json()["amount"] == "30.00"
    backdated = price(client, clock, (2026, 10, 2, 9, 0), funding="self_pay", service_point_id=point,
                      amount="28.00", effective_from="2026-10-01")
    assert backdated.status_code == 422 and "effective_from" in backdated.get_json()["errors"]
    no_category = price(client, clock, (2026, 10, 2, 9, 0), funding="government", amount="40",
                        effective_from="2026-10-03")
    assert no_category.status_code == 422 and "category" in no_category.get_json()["errors"]
    unknown_point = price(client, clock, (2026, 10, 2, 9, 0), funding="self_pay",
                          service_point_id=str(uuid.uuid4()), amount="30", effective_from="2026-10-03")
    assert unknown_point.status_code == 404
    assert price(client, clock, (2026, 10, 2, 9, 0), funding="self_pay", service_point_id=point, amount="33",
                 effective_from="2026-10-05").status_code == 201
    listed = client.get("/prices", headers=bound)
    assert listed.status_code == 200
    assert [(p["amount"], p["effective_from"]) for p in listed.get_json()["items"]] == \
        [("30.00", "2026-10-01"), ("33.00", "2026-10-05")]
    assert client.get("/prices", query_string={"service_point_id": str(uuid.uuid4())},
                      headers=bound).status_code == 403


def test_a_centre_user_bound_to_a_point_sets_prices_of_that_point_only(client, reg, clock):
    own, other = reg.point(), reg.point()
    bound = caller("city_operator", user="u-centre-a", point=own)
    assert price(client, clock, (2026, 9, 30, 9, 0), bound, funding="self_pay", service_point_id=own,
                 amount="30", effective_from="2026-10-01").status_code == 201
    for body in ({"funding": "self_pay", "service_point_id": other},
                 {"funding": "government", "category": "dibao"}):  # a city-wide price is no one point's
        refused = price(client, clock, (2026, 9, 30, 9, 0), bound, amount="31", effective_from="2026-10-01", **body)
        assert (refused.status_code, refused.get_json()["code"]) == (403, "FORBIDDEN"), body
    assert [p["service_point_id"] for p in client.get("/prices", headers=CENTRE).get_json()["items"]] == [own]


def test_a_month_is_settled_visit_by_visit(client, reg, svc, clock):
    a, b = reg.point(), reg.point()
    e1, e2 = reg.elder(a, "SETT0001"), reg.elder(a, "SETT0002")
    e3, e4 = reg.elder(b, "SETT0003"), reg.elder(b, "SETT0004")
    assist_a, assist_b = reg.assistant(a), reg.assistant(b)
    subsidy(reg, e1, "dibao", "2026-09-01", "2027-08-31")
    subsidy(reg, e3, "age_90", "2026-09-01", "2027-08-31")
    for body in ({"funding": "government", "category": "dibao", "amount": "40.00"},
                 {"funding": "government", "category": "age_90", "amount": "38.50"},
                 {"funding": "self_pay", "service_point_id": a, "amount": "30.00"},
                 {"funding": "self_pay", "service_point_id": b, "amount": "25.00"}):
        assert price(client, clock, (2026, 9, 30, 9, 0), effective_from="2026-10-01", **body).status_code == 201
    assert price(client, clock, (2026, 10, 15, 9, 0), funding="government", category="dibao", amount="42.00",
                 effective_from="2026-10-16").status_code == 201
    # 9-30 23:30 → 10-01 00:20 at b, self-paid: October's (its check-out), priced on 9-30: none then
    whole_visit(client, clock, "SETT0004", b, assist_b, (2026, 9, 30, 23, 30), minutes=50)
    whole_visit(client, clock, "SETT0001", a, assist_a, (2026, 10, 5, 9, 0))    # dibao at 40.00
    whole_visit(client, clock, "SETT0002", a, assist_a, (2026, 10, 5, 10, 0))   # self-pay at a: 30.00
    whole_visit(client, clock, "SETT0001", a, assist_a, (2026, 10, 20, 9, 0))   # dibao at 42.00
    whole_visit(client, clock, "SETT0003", b, assist_b, (2026, 10, 20, 9, 0))   # age_90 at 38.50
    clock.at(2026, 10, 21, 9, 0)                                                 # refused: not billed
    refused = check_in(client, "SETT0002", a)
    client.post(f"/visits/{refused['id']}/screening", json=SCREEN_OK | {"alcohol": True}, headers=ADMIN)
    clock.at(2026, 10, 25, 9, 0)                                                 # never checked out
    check_in(client, "SETT0003", b)
    whole_visit(client, clock, "SETT0004", b, assist_b, (2026, 10, 31, 23, 30))  # November's (00:10)

    clock.at(2026, 11, 1, 8, 0)
    october = client.get("/reports/settlement", query_string={"month": "2026-10"}, headers=CENTRE)
    assert october.status_code == 200
    report = october.get_json()
    assert report["month"] == "2026-10"
    by_point = {p["service_point_id"]: p for p in report["points"]}
    assert set(by_point) == {a, b} and by_point[a]["name"] == "点"
    zero = {"sanwu": 0, "dibao": 0, "youfu": 0, "model_worker": 0, "age_90": 0}
    assert by_point[a]["government"] == zero | {"dibao": 2}
    assert (by_point[a]["self_pay"], by_point[a]["amount"], by_point[a]["self_pay_amount"]) == (1, "82.00", "30.00")
    assert by_point[b]["government"] == zero | {"age_90": 1}
    assert (by_point[b]["self_pay"], by_point[b]["unpriced"]) == (1, 1)
    assert (by_point[b]["amount"], by_point[b]["self_pay_amount"]) == ("38.50", "0.00")
    totals = report["totals"]
    assert totals["government"] == zero | {"dibao": 2, "age_90": 1}
    assert (totals["visits"], totals["self_pay"], totals["amount"], totals["self_pay_amount"]) == \
        (5, 2, "120.50", "30.00")
    # the default month is the last one; November holds the visit checked out after midnight
    assert client.get("/reports/settlement", headers=CENTRE).get_json()["totals"] == totals
    clock.at(2026, 12, 1, 8, 0)
    november = client.get("/reports/settlement", headers=CENTRE).get_json()
    assert november["month"] == "2026-11"
    assert [(p["service_point_id"], p["self_pay"], p["self_pay_amount"]) for p in november["points"]] == \
        [(b, 1, "25.00")]
    # a price set later changes nothing in a past month
    assert price(client, clock, (2026, 12, 1, 9, 0), funding="government", category="dibao", amount="99.00",
                 effective_from="2026-12-01").status_code == 201
    again = client.get("/reports/settlement", query_string={"month": "2026-10"}, headers=CENTRE).get_json()
    assert again["points"] == report["points"] and again["totals"] == totals

    # a point's administrator sees its own point only
    own = caller("point_admin", user="u-pa", point=a)
    mine = client.get("/reports/settlement", query_string={"month": "2026-10"}, headers=own).get_json()
    assert [p["service_point_id"] for p in mine["points"]] == [a] and mine["totals"]["amount"] == "82.00"
    assert client.get("/reports/settlement", query_string={"month": "2026-10", "service_point_id": b},
                      headers=own).status_code == 403
    assert client.get("/reports/settlement", query_string={"month": "2026-13"}, headers=CENTRE).status_code == 422

    # the same figures as CSV and XLSX
    as_csv = client.get("/reports/settlement", query_string={"month": "2026-10", "format": "csv"}, headers=CENTRE)
    assert as_csv.mimetype == "text/csv" and "settlement-2026-10-city.csv" in as_csv.headers["Content-Disposition"]
    rows = {row["service_point_id"]: row for row in csv.DictReader(io.StringIO(as_csv.get_data().decode("utf-8-sig")))}
    assert (rows[a]["government_dibao"], rows[a]["self_pay"], rows[a]["amount"]) == ("2", "1", "82.00")
    assert (rows["total"]["visits"], rows["total"]["amount"]) == ("5", "120.50")
    from openpyxl import load_workbook
    as_xlsx = client.get("/reports/settlement", query_string={"month": "2026-10", "format": "xlsx"}, headers=CENTRE)
    sheet = load_workbook(io.BytesIO(as_xlsx.get_data())).active
    header = [cell.value for cell in sheet[1]]
    last = {header[i]: cell.value for i, cell in enumerate(sheet[sheet.max_row])}
    assert (last["service_point_id"], last["visits"], last["amount"], last["government_age_90"]) == \
        ("total", 5, 120.5, 1)


def test_last_months_settlement_is_produced_once_and_announced(reg, svc, clock, client):
    point = reg.point()
    reg.elder(point, "SETT0101")
    assistant = reg.assistant(point)
    whole_visit(client, clock, "SETT0101", point, assistant, (2026, 10, 5, 9, 0))
    visits = svc.use_cases
    with svc.store.begin() as session:
        assert visits.produce_settlement(session, datetime(2026, 11, 1, 0, 5, tzinfo=TZ)) is True
    with svc.store.begin() as session:
        assert visits.produce_settlement(session, datetime(2026, 11, 1, 0, 6, tzinfo=TZ)) is False
    event = outbox_last(svc)
    assert event["type"] == "visits.settlement.ready"
    assert event["data"]["month"] == "2026-10" and event["data"]["service_point_ids"] == [point]
    assert event["data"]["totals"]["self_pay"] == 1
