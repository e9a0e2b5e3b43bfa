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
    assert len(operations) == 108
    for service, method, concrete, declared in operations:
        assert declared is not None, (method, concrete)
        entry = TABLE.entry_for(method, concrete)
        assert entry is not None and entry.service == service, (method, concrete)
        assert TABLE.service_for(concrete) == service, (method, concrete)


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


def test_the_station_applies_and_reviews_subsidies_and_the_centre_approves_and_ends_them():
    """Seed 004: 本人申请, 社区居家养老服务站审核, 镇居家养老服务中心审批; a decision is a person's,
    never an API key's."""
    def callers(method, path):
        return {role for role, scopes in CALLERS if TABLE.allowed(role, scopes, method, path)}

    application = f"/subsidy-applications/{SAMPLE_ID}"
    assert callers("POST", "/subsidy-applications") == {"admin", "point_admin", "case_manager", API_CLIENT}
    assert callers("POST", f"{application}/review") == {"admin", "point_admin", "case_manager"}
    assert callers("POST", f"{application}/approve") == {"admin", "city_operator"}
    assert callers("POST", f"{application}/end") == {"admin", "city_operator"}
    for path in ("/subsidy-applications", "/subsidy-applications/rechecks", application):
        assert callers("GET", path) == {"admin", "point_admin", "case_manager", "city_operator", API_CLIENT}
    assert TABLE.allowed(API_CLIENT, frozenset({"elders:write"}), "POST", "/subsidy-applications")
    assert not TABLE.allowed(API_CLIENT, frozenset({"elders:read"}), "POST", "/subsidy-applications")


def test_the_centre_sets_prices_and_reads_the_settlement_with_the_points_administrators():
    """The town centre pays the points: it sets the prices per bath (a person, never an API
    key); a point's administrator reads its own point's prices and settlement."""
    def callers(method, path):
        return {role for role, scopes in CALLERS if TABLE.allowed(role, scopes, method, path)}

    assert callers("POST", "/prices") == {"admin", "city_operator"}
    for path in ("/prices", "/reports/settlement"):
        assert callers("GET", path) == {"admin", "city_operator", "point_admin", API_CLIENT}
        assert TABLE.allowed(API_CLIENT, frozenset({"visits:read"}), "GET", path)
        assert not TABLE.allowed(API_CLIENT, frozenset({"complaints:read"}), "GET", path)
    assert TABLE.service_for("/reports/settlement") == "visits"
    assert TABLE.service_for("/reports/monthly") == "complaints"


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


def operation(roles: list[str]) -> dict:
    return {"x-zhuyu-roles": roles, "x-zhuyu-scope": None}


def test_a_path_goes_to_the_service_declaring_the_most_literal_template_that_matches_it():
    """Two services under one first segment (/reports): each path to its own, the method
    aside; a path neither declares goes to nobody (the gateway answers 404), while under a
    segment one service holds alone it still goes there (that service answers 404 or 405)."""
    id_parameter = [{"name": "id", "in": "path", "schema": {"type": "string", "format": "uuid"}}]
    table = permissions.Table.from_documents({
        "complaints": {"paths": {"/reports/monthly": {"get": operation(["city_operator"])},
                                 "/reports/{kind}": {"get": operation(["cs_supervisor"]),
                                                     "parameters": [{"name": "kind", "in": "path"}]}}},
        "visits": {"paths": {"/reports/settlement": {"get": operation(["point_admin"])},
                             "/visits/{id}": {"get": operation(["point_admin"]), "parameters": id_parameter}}},
    })
    assert table.service_for("/reports/monthly") == "complaints"
    assert table.service_for("/reports/settlement") == "visits"
    assert table.service_for("/reports/anything") == "complaints"  # /reports/{kind}
    assert table.entry_for("GET", "/reports/settlement").roles == {"point_admin"}
    assert table.entry_for("POST", "/reports/settlement") is None  # visits answers 405 (to the admin)
    assert table.service_for("/reports/settlement/2026-11") is None
    assert table.service_for(f"/visits/{SAMPLE_ID}/unknown") == "visits"
    assert table.service_for("/nothing/here") is None
    with pytest.raises(ValueError, match="/reports/monthly is claimed by both"):
        permissions.Table.from_documents({
            "complaints": {"paths": {"/reports/monthly": {"get": operation([])}}},
            "visits": {"paths": {"/reports/monthly": {"post": operation([])}}}})


def test_the_read_audits_are_an_administrators_only_each_answered_by_the_store_that_keeps_it():
    for path, service in (("/audit/elder-reads", "registration"), ("/audit/notification-reads", "notify")):
        assert TABLE.service_for(path) == service
        assert {role for role, scopes in CALLERS if TABLE.allowed(role, scopes, "GET", path)} == {"admin"}
