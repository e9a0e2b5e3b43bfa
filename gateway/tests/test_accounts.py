"""Users and API keys over HTTP: the account rules of `gateway.accounts` as an admin meets
them, every refusal a 4xx problem with the contract's code."""
from __future__ import annotations

import dataclasses
import json

import pytest

from gateway import app as gateway_app
from gateway import auth, config
from kit.broker import free_port

PASSWORD = "secret-admin-password"
POINT = "7d0b6a3e-0000-4000-8000-000000000001"


@pytest.fixture
def gateway(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    settings = dataclasses.replace(
        config.load(), database_url=f"sqlite:///{tmp_path / 'gateway.db'}",
        upstreams={name: dead for name in config.load().upstreams}, upstream_connect_timeout=0.5,
        revocation_refresh_seconds=0.0, rate_limit_user="5000 per minute")
    monkeypatch.setattr(gateway_app.config, "load", lambda: settings)
    store = gateway_app.build_store()
    store.migrate()
    auth.ensure_admin(store, PASSWORD)
    client = gateway_app.create_app(settings).test_client()
    token = client.post("/api/v1/auth/token", json={"username": "admin", "password": PASSWORD}).get_json()
    client.admin = {"Authorization": f"Bearer {token['access_token']}"}
    return client


def post(gateway, path: str, body: dict):
    """As most clients send JSON: non-ASCII text as `\\u` escapes (which can spell a lone surrogate)."""
    return gateway.post(path, headers=gateway.admin | {"Content-Type": "application/json"}, data=json.dumps(body))


def new_user(gateway, **fields):
    return post(gateway, "/api/v1/users", {"username": "wang.li", "password": "long-enough-pw", "role": "point_admin"}
                | fields)


def new_key(gateway, **fields):
    return post(gateway, "/api/v1/api-keys", {"name": "社区站", "scopes": ["elders:read"]} | fields)


def refused(response, status: int, code: str, field: str | None = None) -> dict:
    body = response.get_json()
    assert (response.status_code, response.mimetype, body["code"]) == (status, "application/problem+json", code), body
    if field is not None:
        assert field in body["errors"], body
    return body


def every(gateway, path: str, limit: int) -> list[dict]:
    items, cursor = [], None
    while True:
        page = gateway.get(path, headers=gateway.admin, query_string={"limit": limit, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.get_json()
        assert len(page.get_json()["items"]) <= limit
        items += page.get_json()["items"]
        cursor = page.get_json()["next_cursor"]
        if cursor is None:
            return items


# --- usernames ----------------------------------------------------------------------------

@pytest.mark.parametrize("username", ["Admin", "ADMIN", "ａｄｍｉｎ"])
def test_a_username_that_differs_from_an_existing_one_only_in_case_or_width_is_taken(gateway, username):
    refused(new_user(gateway, username=username), 409, "DUPLICATE_USERNAME")
    assert [u["username"] for u in every(gateway, "/api/v1/users", 50)] == ["admin"]


@pytest.mark.parametrize("username", [" admin", "admin ", "\tops-1", "ops-1\n", " new-user "])
def test_a_username_with_spaces_around_it_is_refused(gateway, username):
    refused(new_user(gateway, username=username), 422, "VALIDATION_FAILED", "username")


@pytest.mark.parametrize("username", ["ad\x00min", "wang\nli", "wang\x1bli", "ad\u200bmin", "wang\u2028li"])
def test_a_username_with_control_or_invisible_characters_is_refused(gateway, username):
    refused(new_user(gateway, username=username), 422, "VALIDATION_FAILED", "username")


def test_a_username_with_a_lone_surrogate_is_a_malformed_body_not_a_500(gateway):
    refused(new_user(gateway, username="wang\ud800li"), 400, "MALFORMED_REQUEST")
    refused(new_key(gateway, name="x\udfff"), 400, "MALFORMED_REQUEST")


def test_a_plain_username_in_any_script_is_accepted(gateway):
    created = new_user(gateway, username="王 丽-2")
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["username"] == "王 丽-2"


# --- ids ------------------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["service_point_id", "staff_id"])
@pytest.mark.parametrize("value", ["not-a-uuid", 123, {}, [POINT], True, ""])
def test_a_users_point_and_staff_ids_must_be_uuids(gateway, field, value):
    refused(new_user(gateway, **{field: value}), 422, "VALIDATION_FAILED", field)


@pytest.mark.parametrize("value", ["not-a-uuid", 123, {}, ""])
def test_a_keys_point_must_be_a_uuid(gateway, value):
    refused(new_key(gateway, service_point_id=value), 422, "VALIDATION_FAILED", "service_point_id")


def test_ids_are_kept_in_their_usual_spelling(gateway):
    user = new_user(gateway, service_point_id=POINT.upper(), staff_id=None).get_json()
    assert user["service_point_id"] == POINT and user["staff_id"] is None
    key = new_key(gateway, service_point_id=POINT.replace("-", "")).get_json()
    assert key["service_point_id"] == POINT


# --- rate limits -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", [-1, 0, 100_001, 2 ** 63, 1.5, 1e30, "abc", "5", "5 per second", {}, [1], True])
def test_a_keys_rate_limit_is_a_whole_number_from_1_to_100000(gateway, value):
    refused(new_key(gateway, rate_limit_per_minute=value), 422, "VALIDATION_FAILED", "rate_limit_per_minute")
    assert every(gateway, "/api/v1/api-keys", 50) == [], "nothing is stored that could break the key later"


@pytest.mark.parametrize("value", [1, 100_000, None])
def test_a_key_with_a_rate_limit_in_range_calls_without_an_error(gateway, value):
    created = new_key(gateway, rate_limit_per_minute=value)
    assert created.status_code == 201, created.get_json()
    answer = gateway.get("/api/v1/elders", headers={"X-API-Key": created.get_json()["key"]})
    assert (answer.status_code, answer.get_json()["code"]) == (503, "SERVICE_UNAVAILABLE"), "past the limiter"


# --- bodies ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/users", "/api/v1/api-keys", "/api/v1/users/{admin}/password"])
@pytest.mark.parametrize("body", ["{", '{"username": "x",', "[]", '"text"', "null", "", "[" * 100_000,
                                  '{"a":' * 5000 + "1" + "}" * 5000])
def test_a_body_that_is_not_a_json_object_is_400_malformed(gateway, path, body):
    admin = gateway.get("/api/v1/users", headers=gateway.admin).get_json()["items"][0]["id"]
    response = gateway.post(path.format(admin=admin), headers=gateway.admin | {"Content-Type": "application/json"},
                            data=body)
    refused(response, 400, "MALFORMED_REQUEST")


@pytest.mark.parametrize("path, body, extra", [
    ("/api/v1/users", {"username": "wang.li", "password": "long-enough-pw", "role": "doctor", "is_admin": True},
     "is_admin"),
    ("/api/v1/api-keys", {"name": "x", "scopes": ["elders:read"], "expires": "never"}, "expires"),
    ("/api/v1/users/{admin}/password", {"new_password": "another-long-pw", "role": "admin"}, "role"),
])
def test_a_field_the_endpoint_does_not_know_is_refused(gateway, path, body, extra):
    admin = gateway.get("/api/v1/users", headers=gateway.admin).get_json()["items"][0]["id"]
    if "password" in path:
        body["current_password"] = PASSWORD
    response = gateway.post(path.format(admin=admin), headers=gateway.admin, json=body)
    assert refused(response, 422, "VALIDATION_FAILED", extra)["errors"][extra] == ["Unknown field."]


def test_unknown_scopes_and_roles_are_named(gateway):
    assert "everything" in refused(new_key(gateway, scopes=["elders:read", "everything"]), 422,
                                   "VALIDATION_FAILED", "scopes")["errors"]["scopes"][0]
    refused(new_key(gateway, scopes=[]), 422, "VALIDATION_FAILED", "scopes")
    refused(new_key(gateway, scopes=[{"a": 1}]), 422, "VALIDATION_FAILED")
    refused(new_user(gateway, role="root"), 422, "VALIDATION_FAILED", "role")


# --- passwords -------------------------------------------------------------------------------

def test_a_password_change_for_a_user_who_does_not_exist_is_404(gateway):
    response = gateway.post("/api/v1/users/00000000-0000-0000-0000-000000000000/password", headers=gateway.admin,
                            json={"new_password": "another-long-pw"})
    refused(response, 404, "NOT_FOUND")


def test_an_admin_changes_a_users_password_and_the_user_logs_in_with_it(gateway):
    user = new_user(gateway).get_json()
    changed = gateway.post(f"/api/v1/users/{user['id']}/password", headers=gateway.admin,
                           json={"new_password": "another-long-pw"})
    assert changed.status_code == 200 and changed.get_json() == {"id": user["id"], "changed": True}
    login = gateway.post("/api/v1/auth/token", json={"username": "wang.li", "password": "another-long-pw"})
    assert login.status_code == 200
    refused(gateway.post(f"/api/v1/users/{user['id']}/password", headers=gateway.admin,
                         json={"new_password": "short"}), 422, "VALIDATION_FAILED", "new_password")


# --- lists -----------------------------------------------------------------------------------

def test_users_are_listed_a_page_at_a_time_each_once(gateway):
    made = [new_user(gateway, username=f"user-{n}").get_json()["id"] for n in range(5)]
    first = gateway.get("/api/v1/users?limit=2", headers=gateway.admin).get_json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    listed = every(gateway, "/api/v1/users", 2)
    assert [u["username"] for u in listed] == ["admin", *(f"user-{n}" for n in range(5))]
    assert [u["id"] for u in listed][1:] == made
    assert set(listed[0]) >= {"id", "username", "role", "service_point_id", "staff_id", "disabled", "created_at"}


def test_api_keys_are_listed_a_page_at_a_time_without_the_key(gateway):
    made = [new_key(gateway, name=f"partner-{n}").get_json() for n in range(3)]
    gateway.post(f"/api/v1/api-keys/{made[0]['id']}/revoke", headers=gateway.admin)
    listed = every(gateway, "/api/v1/api-keys", 2)
    assert [k["id"] for k in listed] == [k["id"] for k in made]
    assert listed[0]["revoked_at"] is not None and listed[1]["revoked_at"] is None
    text = json.dumps(listed)
    assert all(k["key"] not in text for k in made) and "key_hash" not in text


@pytest.mark.parametrize("path", ["/api/v1/users", "/api/v1/api-keys"])
@pytest.mark.parametrize("query", ["limit=0", "limit=201", "limit=abc", "cursor=not-a-cursor", "cursor=²"])
def test_a_bad_page_is_422(gateway, path, query):
    refused(gateway.get(f"{path}?{query}", headers=gateway.admin), 422, "VALIDATION_FAILED")


@pytest.mark.parametrize("path", ["/api/v1/users", "/api/v1/api-keys"])
def test_only_admins_list_accounts_and_keys(gateway, path):
    new_user(gateway, username="agent-1", role="cs_agent")
    login = gateway.post("/api/v1/auth/token", json={"username": "agent-1", "password": "long-enough-pw"}).get_json()
    refused(gateway.get(path, headers={"Authorization": f"Bearer {login['access_token']}"}), 403, "FORBIDDEN")
    key = new_key(gateway).get_json()["key"]
    refused(gateway.get(path, headers={"X-API-Key": key}), 403, "FORBIDDEN")


# --- what notify learns of a revoked key or a disabled user ------------------------------------

def told(gateway) -> list[tuple[str, str]]:
    """The events in the gateway's outbox: (type, subject), in the order written."""
    from gateway.models import messaging

    store = gateway_app.build_store()
    try:
        with store.begin() as session:
            return [(row.type, row.subject) for row in session.execute(
                messaging.outbox.select().order_by(messaging.outbox.c.id)).all()]
    finally:
        store.dispose()


def test_revoking_a_key_and_disabling_a_user_are_written_to_the_outbox_with_the_change(gateway):
    """Written in the same transaction, so a notify that is down at that moment learns it
    from the relay when it is back; a revocation refused (unknown, or revoked already)
    tells nothing."""
    key = new_key(gateway).get_json()
    user = new_user(gateway).get_json()
    assert gateway.post(f"/api/v1/api-keys/{key['id']}/revoke", headers=gateway.admin).status_code == 200
    assert gateway.post(f"/api/v1/users/{user['id']}/disable", headers=gateway.admin).status_code == 200
    refused(gateway.post(f"/api/v1/api-keys/{key['id']}/revoke", headers=gateway.admin), 404, "NOT_FOUND")
    refused(gateway.post("/api/v1/users/00000000-0000-0000-0000-000000000000/disable", headers=gateway.admin),
            404, "NOT_FOUND")
    assert told(gateway) == [("gateway.api_key.revoked", key["id"]), ("gateway.user.disabled", user["id"])]
