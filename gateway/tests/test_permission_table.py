"""The gateway's routing and permission table, gathered from the four services' OpenAPI
documents, against the access each operation declares in its code: every route × role ×
scope, so nothing is lost or changed on the way through the documents."""
from __future__ import annotations

import re

import pytest

from gateway import permissions
from kit import access
from kit.access import API_CLIENT, ROLES, SCOPES
from tests.openapi_documents import service_apps, service_documents

SAMPLE_ID = "7d0b6a3e-0000-4000-8000-000000000001"
CALLERS = [(role, frozenset()) for role in ROLES] + [(API_CLIENT, frozenset({scope})) for scope in SCOPES] + [
    (API_CLIENT, frozenset())]
TABLE = permissions.Table.from_documents(service_documents())


def declared_operations() -> list[tuple[str, str, str, access.Access]]:
    """(service, method, a concrete path, the declaration) of every route, read from the code."""
    found = []
    for service, app in service_apps().items():
        for rule in app.url_map.iter_rules():
            view_class = getattr(app.view_functions[rule.endpoint], "view_class", None)
            if view_class is None:  # the kit's own: health, readiness, metrics, the document
                continue
            concrete = re.sub(r"<uuid:\w+>", SAMPLE_ID, re.sub(r"<(string:)?\w+>", "CARD0001", rule.rule))
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                found.append((service, method, concrete, access.declared(getattr(view_class, method.lower()))))
    return found


def test_every_route_of_every_service_declares_its_access_and_is_in_the_table():
    operations = declared_operations()
    assert len(operations) == 74  # with POST /elders/{id}/reopen, POST /visits/{id}/end-early, GET /incidents
    for service, method, concrete, declared in operations:
        assert declared is not None, (method, concrete)
        entry = TABLE.entry_for(method, concrete)
        assert entry is not None and entry.service == service, (method, concrete)
        assert TABLE.routes[concrete.split("/")[1]] == service


@pytest.mark.parametrize("service,method,concrete,declared", declared_operations(),
                         ids=[f"{m} {c}" for _, m, c, _ in declared_operations()])
def test_the_gathered_table_allows_exactly_what_the_code_declares(service, method, concrete, declared):
    for role, scopes in CALLERS:
        expected = not declared.internal and (role == "admin" or declared.allows(role, scopes))
        assert TABLE.allowed(role, scopes, method, concrete) is expected, (role, sorted(scopes))
        assert permissions.permits(TABLE.entry_for(method, concrete), role, scopes) is expected


def test_the_misconduct_list_is_open_to_those_who_read_complaints():
    """It was admin-only by omission; it is written for point-bound callers (point_filter)."""
    def readers(path):
        return {(role, scopes) for role, scopes in CALLERS if TABLE.allowed(role, scopes, "GET", path)}

    assert readers("/complaints/misconduct") == readers(f"/complaints/{SAMPLE_ID}")
    assert ("point_admin", frozenset()) in readers("/complaints/misconduct")


def test_a_method_no_service_declares_is_the_administrators_and_an_internal_operation_nobodys():
    assert TABLE.entry_for("DELETE", f"/elders/{SAMPLE_ID}") is None
    assert TABLE.allowed("admin", frozenset(), "DELETE", f"/elders/{SAMPLE_ID}")
    assert not TABLE.allowed("point_admin", frozenset(), "DELETE", f"/elders/{SAMPLE_ID}")
    hidden = permissions.Entry("GET", "/elders/hidden", frozenset({"admin"}), service="registration",
                               path="/elders/hidden", internal=True)
    table = permissions.Table([*TABLE.entries, hidden])
    assert not table.allowed("admin", frozenset(), "GET", "/elders/hidden")


def test_two_services_claiming_one_resource_is_refused():
    documents = dict(service_documents())
    documents["notify"] = documents["visits"]
    with pytest.raises(ValueError, match="claimed by both"):
        permissions.Table.from_documents(documents)
