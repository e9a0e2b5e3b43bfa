"""A recipient's preferences are bounded: known channels, each once; at most 100 opt-outs,
each once (422 on the field)."""
from __future__ import annotations

import pytest

from services.notify.tests.test_api import client, register, svc  # noqa: F401  (fixtures)
from tests.callers import ADMIN

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("body, field", [
    ({"channels": ["sms", "sms"]}, "channels"),
    ({"channels": ["sms", "pigeon"]}, "channels"),
    ({"channels": ["sms"] * 100_000}, "channels"),
    ({"opt_out": [f"visits.event.{n}" for n in range(101)]}, "opt_out"),
    ({"opt_out": ["visits.booking.created", "visits.booking.created"]}, "opt_out"),
])
def test_preferences_beyond_their_bounds_are_422(svc, client, body, field):  # noqa: F811
    elder = register(svc)
    response = client.put(f"/recipients/{elder}/preferences", json=body, headers=ADMIN)
    assert response.status_code == 422 and any(key.startswith(field) for key in response.get_json()["errors"])


def test_preferences_within_their_bounds_are_kept(svc, client):  # noqa: F811
    elder = register(svc)
    body = {"channels": ["sms", "voice"], "opt_out": [f"visits.event.{n}" for n in range(100)]}
    kept = client.put(f"/recipients/{elder}/preferences", json=body, headers=ADMIN)
    assert kept.status_code == 200 and kept.get_json()["opt_out"] == body["opt_out"]
