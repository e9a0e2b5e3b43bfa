"""The domain's errors as a client meets them: mapped to problem+json once, in kit.web."""
from __future__ import annotations

import pytest
from flask.views import MethodView
from flask_smorest import Blueprint

from kit.access import access
from kit.errors import DomainError, Forbidden, Invalid, NotFound
from kit.web import create_app
from tests.callers import ADMIN

RAISED = {
    "not-found": NotFound("elder", "e-1"),
    "invalid": Invalid({"slot_start": ["The slot has already started."]}, "The slot has already started."),
    "forbidden": Forbidden("This record belongs to another service point."),
    "refused": DomainError("REMINDERS_MISSING", "Give every reminder first.", missing=["call_for_help"]),
}


@pytest.fixture(scope="module")
def client():
    bp = Blueprint("errors", __name__, url_prefix="/errors")

    @bp.route("/<string:kind>")
    class Raise(MethodView):
        @access()
        @bp.response(200)
        def get(self, kind):
            raise RAISED[kind]

    return create_app("test", None, [bp], None, None).test_client()


@pytest.mark.parametrize("kind,status,code", [("not-found", 404, "NOT_FOUND"), ("invalid", 422, "VALIDATION_FAILED"),
                                              ("forbidden", 403, "FORBIDDEN"), ("refused", 409, "REMINDERS_MISSING")])
def test_each_kind_of_refusal_has_its_status_and_the_contracts_code(client, kind, status, code):
    response = client.get(f"/errors/{kind}", headers=ADMIN)
    assert (response.status_code, response.mimetype) == (status, "application/problem+json")
    assert response.get_json()["code"] == code and response.get_json()["detail"] == RAISED[kind].detail


def test_fields_by_name_and_facts_a_refusal_names_reach_the_body(client):
    assert client.get("/errors/invalid", headers=ADMIN).get_json()["errors"] == {"slot_start": ["The slot has already started."]}
    assert client.get("/errors/refused", headers=ADMIN).get_json()["missing"] == ["call_for_help"]
