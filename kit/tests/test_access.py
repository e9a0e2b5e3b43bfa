"""Access declarations: on the operation, in the OpenAPI document, required to start."""
from __future__ import annotations

import pytest
from flask.views import MethodView
from flask_smorest import Blueprint

from kit.access import Access, access, internal, undeclared
from kit.web import create_app


def blueprint_with(declare_get: bool) -> Blueprint:
    bp = Blueprint("things", __name__, url_prefix="/things")

    @bp.route("")
    class Things(MethodView):
        @access({"point_admin"}, "visits:read")
        @bp.response(200)
        def post(self):
            return {}

        if declare_get:
            @internal()
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
    assert Access.from_document(item["get"]).internal


def test_unknown_roles_and_scopes_are_refused_where_they_are_written():
    with pytest.raises(ValueError):
        access({"janitor"})
    with pytest.raises(ValueError):
        access({"point_admin"}, "visits:delete")


def test_admin_always_a_key_by_its_scope_and_an_internal_operation_nobody():
    declared = Access(frozenset({"admin", "point_admin"}), "visits:read")
    assert declared.allows("point_admin", frozenset()) and not declared.allows("doctor", frozenset())
    assert declared.allows("api_client", frozenset({"visits:read"}))
    assert not declared.allows("api_client", frozenset({"visits:write"}))
    assert not Access(frozenset({"admin", "point_admin"}), internal=True).allows("point_admin", frozenset())
