"""Complaints refuses what it could not keep or use later: times beyond what a store or the
working-day calendar can take, and lists without end (422 on the field, never a 500)."""
from __future__ import annotations

import base64
import json

import pytest

from services.complaints.tests.test_api import AGENT, client, clock, complaint, svc  # noqa: F401  (fixtures)
from tests.callers import ADMIN

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
