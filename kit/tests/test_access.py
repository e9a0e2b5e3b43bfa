"""Access declarations: on the operation, in the OpenAPI document, required to start."""
from __future__ import annotations

import time

import pytest
from flask.testing import FlaskClient
from flask.views import MethodView
from flask_smorest import Blueprint

from kit.access import Access, access, internal, undeclared
from kit.caller import Caller
from kit.web import create_app
from tests.callers import ANONYMOUS, caller, signed


def blueprint_with(declare_get: bool) -> Blueprint:
    bp = Blueprint("things", __name__, url_prefix="/things")

    @bp.route("")
    class Things(MethodView):
        @access({"point_admin"}, "visits:read")
        @bp.response(200)
        def post(self):
            return {}

        if declare_get:
            @internal("visits")
            @bp.response(200)
            def get(self):
                return {}
        else:
            @bp.response(200)
            def get(self):
                return {}

    return bp


def test_a_service_whose_route_declares_no_access_does_not_start():
    with pytest.raises(RuntimeError, match="GET /things"):
        create_app("test", None, [blueprint_with(declare_get=False)], None, None)


def test_the_declaration_lands_in_the_openapi_operation():
    bp = blueprint_with(declare_get=True)
    app = create_app("test", None, [bp], None, None)
    assert undeclared(app, [bp]) == []
    item = app.test_client().get("/openapi.json").get_json()["paths"]["/things"]
    assert Access.from_document(item["post"]) == Access(frozenset({"admin", "point_admin"}), "visits:read")
    assert item["post"]["x-zhuyu-roles"] == ["admin", "point_admin"] and item["post"]["x-zhuyu-scope"] == "visits:read"
    assert Access.from_document(item["get"]) == Access(frozenset(), internal=True, services=frozenset({"visits"}))


def test_unknown_roles_and_scopes_are_refused_where_they_are_written():
    with pytest.raises(ValueError):
        access({"janitor"})
    with pytest.raises(ValueError):
        access({"point_admin"}, "visits:delete")
    with pytest.raises(ValueError):
        internal("billing")


def test_admin_always_a_key_by_its_scope_and_an_internal_operation_nobody():
    declared = Access(frozenset({"admin", "point_admin"}), "visits:read")
    assert declared.allows("point_admin", frozenset()) and not declared.allows("doctor", frozenset())
    assert declared.allows("api_client", frozenset({"visits:read"}))
    assert not declared.allows("api_client", frozenset({"visits:write"}))
    assert not Access(frozenset({"admin", "point_admin"}), internal=True).allows("point_admin", frozenset())


def test_a_service_admits_whom_the_operation_names_and_nobody_else():
    declared = Access(frozenset({"admin", "point_admin"}), "visits:read")
    point_admin, doctor = Caller("u", "point_admin", None, None), Caller("u", "doctor", None, None)
    key = Caller("k", "api_client", None, None, frozenset({"visits:read"}))
    visits, nobody = Caller("visits", "service", None, None), Caller(None, None, None, None)
    assert declared.admits(point_admin) and declared.admits(key) and declared.admits(Caller("u", "admin", None, None))
    assert not declared.admits(doctor) and not declared.admits(visits) and not declared.admits(nobody)
    only_visits = Access(frozenset(), internal=True, services=frozenset({"visits"}))
    assert only_visits.admits(visits)
    assert not any(only_visits.admits(c) for c in (Caller("notify", "service", None, None), point_admin, nobody,
                                                   Caller("visits", "admin", None, None)))
    public = Access(frozenset({"admin"}), public=True)
    assert public.admits(nobody) and public.admits(doctor)


@pytest.fixture
def things():
    return create_app("things", None, [blueprint_with(declare_get=True)], None, None).test_client()


def test_a_service_enforces_the_declared_access_itself(things):
    assert things.post("/things", headers=caller("point_admin", user="u")).status_code == 200
    assert things.post("/things", headers=caller("api_client", user="k", scopes=["visits:read"])).status_code == 200
    for refused in (caller("doctor", user="u"), caller("api_client", user="k", scopes=["visits:write"]),
                    caller("service", user="visits")):
        response = things.post("/things", headers=refused)
        assert (response.status_code, response.get_json()["code"]) == (403, "FORBIDDEN"), refused
    assert things.post("/things", headers=ANONYMOUS).status_code == 401
    assert things.get("/things", headers=caller("service", user="visits")).status_code == 200
    assert things.get("/things", headers=caller("service", user="notify")).status_code == 403
    assert things.get("/things", headers=caller("admin", user="u")).status_code == 403


def test_a_request_without_a_valid_identity_for_it_is_401(things):
    admin = caller("admin", user="u")
    assert things.post("/things").status_code == 401
    assert things.post("/things", headers={"X-Zhuyu-Role": "admin", "X-Zhuyu-User": "u"}).status_code == 401
    client = FlaskClient(things.application)  # sends the headers as given
    for headers in (
            signed(admin, audience="things", method="POST", path="/things", secret="another deployment's secret, 48 bytes long!!!!"),
            signed(admin, audience="things", method="POST", path="/things", issued_at=time.time() - 120, ttl=30),
            signed(admin, audience="visits", method="POST", path="/things"),
            signed(admin, audience="things", method="GET", path="/things"),
            signed(admin, audience="things", method="POST", path="/things", query="service_point_id=x"),
            signed(admin, audience="things", method="POST", path="/things", body=b'{"other": "body"}')):
        response = client.post("/things", headers=headers)
        assert (response.status_code, response.mimetype) == (401, "application/problem+json"), headers
    good = signed(admin, audience="things", method="POST", path="/things")
    assert client.post("/things", headers=good).status_code == 200
    assert client.post("/things", headers=good | {"X-Request-ID": "another-request"}).status_code == 401
    assert client.get("/healthz").status_code == 200 and client.get("/openapi.json").status_code == 200
