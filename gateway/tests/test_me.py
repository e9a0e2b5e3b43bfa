"""`GET /api/v1/auth/me`: the caller and the console operations its role may call, as the
permission table answers them."""
from __future__ import annotations

import dataclasses

import pytest

from gateway import app as gateway_app
from gateway import auth, config, me, permissions
from gateway.catalogue import Catalogue
from kit.broker import free_port
from tests.openapi_documents import service_documents

PASSWORD = "a-long-enough-password"
POINT = "6f1c2f43-3c39-4c1e-9f43-0d8cf1d2a001"


@pytest.fixture
def gateway(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    settings = config.load()
    dead = f"http://127.0.0.1:{free_port()}"
    settings = dataclasses.replace(settings, database_url=f"sqlite:///{tmp_path / 'gateway.db'}",
                                   upstreams={name: dead for name in settings.upstreams}, upstream_connect_timeout=0.5)
    monkeypatch.setattr(gateway_app.config, "load", lambda: settings)

    def load(catalogue: Catalogue) -> None:  # the services' own documents, with no service running
        catalogue.documents = dict(service_documents())
        catalogue.table = permissions.Table.from_documents(catalogue.documents)
        permissions.install(catalogue.table)

    monkeypatch.setattr(Catalogue, "load", load)
    store = gateway_app.build_store()
    store.migrate()
    auth.ensure_admin(store, PASSWORD)
    for username, role, point, staff in (("kefu", "cs_agent", None, None),
                                         ("zhuyu", "bathing_assistant", POINT, "staff-1"),
                                         ("city", "city_operator", None, None)):
        auth.create_user(store, username, PASSWORD, role, point, staff)
    return gateway_app.create_app(settings).test_client()


def me_of(client, username: str) -> dict:
    token = client.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD}).get_json()
    response = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token['access_token']}"})
    assert response.status_code == 200
    return response.get_json()


def test_me_answers_the_caller_and_every_operation_for_admin(gateway):
    admin = me_of(gateway, "admin")
    assert (admin["username"], admin["role"], admin["service_point_id"], admin["personal_data"]) == (
        "admin", "admin", None, True)
    assert admin["operations"] == list(me.CONSOLE_OPERATIONS)


def test_me_leaves_out_what_the_role_may_not_call(gateway):
    agent = me_of(gateway, "kefu")
    assert "POST /complaints" in agent["operations"] and "POST /complaints/{id}/follow-ups" in agent["operations"]
    assert "POST /complaints/{id}/assign" not in agent["operations"]
    assert "POST /complaints/{id}/escalate" not in agent["operations"]
    assert not agent["personal_data"]
    assistant = me_of(gateway, "zhuyu")
    assert (assistant["service_point_id"], assistant["staff_id"]) == (POINT, "staff-1")
    assert "POST /visits/{id}/bath" in assistant["operations"]
    assert "POST /visits/{id}/rest" not in assistant["operations"]
    assert "GET /complaints" not in assistant["operations"]
    city = me_of(gateway, "city")
    assert {"GET /visits/figures/points", "GET /stats/points", "GET /follow-ups/meeting-rate/points"} <= set(
        city["operations"])
    assert "POST /visits" not in city["operations"]


def test_the_station_files_and_reviews_subsidies_and_the_centre_approves_them():
    station = set(me.operations_of("point_admin", frozenset()))
    assert {"GET /subsidy-applications", "POST /subsidy-applications", "GET /subsidy-applications/rechecks",
            "POST /subsidy-applications/{id}/review"} <= station
    assert "POST /subsidy-applications/{id}/approve" not in station
    centre = set(me.operations_of("city_operator", frozenset()))
    assert {"GET /subsidy-applications", "GET /subsidy-applications/rechecks",
            "POST /subsidy-applications/{id}/approve"} <= centre
    assert not {"POST /subsidy-applications", "POST /subsidy-applications/{id}/review"} & centre
    for role in ("bathing_assistant", "cs_agent", "doctor"):
        assert not any("/subsidy-applications" in o for o in me.operations_of(role, frozenset())), role


def test_every_answer_agrees_with_the_permission_table():
    for role in permissions.ROLES:
        allowed = set(me.operations_of(role, frozenset()))
        for operation in me.CONSOLE_OPERATIONS:
            method, path = operation.split(" ", 1)
            expected = permissions.allowed(role, frozenset(), method, me.concrete(path))
            assert (operation in allowed) == expected, (role, operation)
            # every console operation is one the table knows (a typo would hide a button from all)
            assert permissions.entry_for(method, me.concrete(path)) is not None, operation


def test_the_desk_office_is_offered_as_the_table_allows(gateway):
    """The roster, handovers, reply templates and calendar: the agent reads and writes
    handovers, the supervisor keeps the roster and templates, loading a year is the admin's."""
    agent = set(me_of(gateway, "kefu")["operations"])
    assert {"GET /duty-shifts", "GET /handovers", "POST /duty-shifts/{id}/handover", "POST /handovers/{id}/accept",
            "GET /reply-templates", "GET /calendar", "GET /calendar/{year}"} <= agent
    assert not {"POST /duty-shifts", "POST /reply-templates", "PATCH /reply-templates/{id}",
                "PUT /calendar/{year}"} & agent
    city = set(me_of(gateway, "city")["operations"])
    assert {"GET /calendar", "GET /calendar/{year}"} <= city
    assert not {"GET /duty-shifts", "GET /handovers", "PUT /calendar/{year}"} & city
    assert "PUT /calendar/{year}" in me_of(gateway, "admin")["operations"]


def test_me_needs_a_login(gateway):
    assert gateway.get("/api/v1/auth/me").status_code == 401


def test_me_is_in_the_one_openapi_document():
    from gateway.app import merge_openapi

    assert "get" in merge_openapi({})["paths"]["/api/v1/auth/me"]
