"""Notifications answered unmasked (the text as sent; the recipient's address is masked for
every role) are reads on record, one per notification, with the reader; a masked answer is none; only an
administrator reads the trail."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from services.notify.models import notification_reads, notifications
from services.notify.tests.test_api import OTHER_POINT, POINT, register, rows
from tests.callers import ADMIN, caller

pytestmark = pytest.mark.integration
POINT_ADMIN = caller("point_admin", user="u-pa", point=POINT)
AGENT = caller("cs_agent", user="u-cs", point=POINT)
KEY = caller("api_client", user="key-nr", point=POINT, scopes=["notifications:read"])


@pytest.fixture
def svc(build_service):
    return build_service("notify")


@pytest.fixture
def client(svc):
    return svc.app().test_client()


def trail(client, **filters) -> list[dict]:
    response = client.get("/audit/notification-reads", query_string=filters, headers=ADMIN)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def stored_reads(svc) -> list:
    with svc.store.begin() as session:
        return session.execute(sa.select(notification_reads)).all()


def test_an_unmasked_list_read_leaves_a_read_of_each_notification_with_its_reader(svc, client):
    elder_id = register(svc)
    other = register(svc, service_point_id=OTHER_POINT)
    listed = client.get("/notifications", query_string={"recipient": elder_id},
                        headers=POINT_ADMIN | {"X-Request-ID": "list-1"})
    assert listed.status_code == 200
    [sms] = listed.get_json()["items"]
    assert sms["recipient"]["address"] == "139****1234"  # masked for every role
    reads = trail(client, user_id="u-pa")
    assert [(r["notification_id"], r["role"], r["request_id"]) for r in reads] == [
        (sms["id"], "point_admin", "list-1")]
    # The whole point's list is a read of each notification it answered, none of another point's.
    client.get("/notifications", headers=POINT_ADMIN)
    assert {r["notification_id"] for r in trail(client, user_id="u-pa")} == {sms["id"]}
    assert not trail(client, notification_id=rows(svc, recipient_id=other)[0].id)


def test_an_unmasked_read_by_id_leaves_its_read_with_the_reader(svc, client):
    elder_id = register(svc)
    [row] = rows(svc, recipient_id=elder_id)
    one = client.get(f"/notifications/{row.id}", headers=ADMIN | {"X-Request-ID": "by-id-1"})
    assert one.status_code == 200 and one.get_json()["recipient"]["address"] == "139****1234"
    [read] = trail(client, notification_id=row.id)
    assert (read["user_id"], read["role"], read["request_id"]) == ("u-admin", "admin", "by-id-1")
    assert read["at"]


@pytest.mark.parametrize("who", [AGENT, KEY, caller("city_operator", user="u-city")], ids=["agent", "key", "city"])
def test_a_masked_read_records_nothing_and_masks_numbers_in_the_text(svc, client, who):
    elder_id = register(svc)
    [row] = rows(svc, recipient_id=elder_id)
    with svc.store.begin() as session:
        session.execute(notifications.update().where(notifications.c.id == row.id).values(
            body=row.body + "如有疑问请致电13800001111"))
    [listed] = client.get("/notifications", query_string={"recipient": elder_id}, headers=who).get_json()["items"]
    one = client.get(f"/notifications/{row.id}", headers=who).get_json()
    for view in (listed, one):
        assert view["recipient"]["address"] == "139****1234"
        assert "138****1111" in view["body"] and "13800001111" not in view["body"]
    assert stored_reads(svc) == []
    assert "13800001111" in client.get(f"/notifications/{row.id}", headers=POINT_ADMIN).get_json()["body"]
    assert len(stored_reads(svc)) == 1


@pytest.mark.parametrize("who", [POINT_ADMIN, caller("cs_supervisor", user="u-sup"), caller("city_operator"),
                                 caller("api_client", user="k-all", scopes=["notifications:read", "elders:read"])],
                         ids=["point_admin", "supervisor", "city", "key"])
def test_only_an_administrator_reads_the_trail(client, who):
    assert client.get("/audit/notification-reads", headers=who).status_code == 403


def test_the_trail_is_paged_oldest_first_and_refuses_a_cursor_it_did_not_give(svc, client):
    elder_id = register(svc)
    [row] = rows(svc, recipient_id=elder_id)
    for n in range(3):
        client.get(f"/notifications/{row.id}", headers=ADMIN | {"X-Request-ID": f"read-{n}"})
    first = client.get("/audit/notification-reads", query_string={"limit": 2}, headers=ADMIN).get_json()
    second = client.get("/audit/notification-reads", query_string={"limit": 2, "cursor": first["next_cursor"]},
                        headers=ADMIN).get_json()
    assert [r["request_id"] for r in first["items"] + second["items"]] == ["read-0", "read-1", "read-2"]
    assert second["next_cursor"] is None
    for cursor in ("²", "-1", "99999999999999999999999"):
        refused = client.get("/audit/notification-reads", query_string={"cursor": cursor}, headers=ADMIN)
        assert refused.status_code == 422 and refused.get_json()["errors"] == {"cursor": ["Invalid cursor."]}
