"""The gateway's routing and permission table, gathered from the four services' OpenAPI
documents, against what the hand-written tables allowed: every route × role × scope."""
from __future__ import annotations

import pytest

from gateway import front, permissions
from kit.access import API_CLIENT, ROLES, SCOPES
from tests.openapi_documents import service_documents

SAMPLES = {"uuid": "7d0b6a3e-0000-4000-8000-000000000001", None: "CARD0001"}
CALLERS = [(role, frozenset()) for role in ROLES] + [(API_CLIENT, frozenset({scope})) for scope in SCOPES] + [
    (API_CLIENT, frozenset())]
# Admin-only by omission before: it is written for point-bound callers (point_filter), and
# is now open to those who read complaints.
CHANGED = {("GET", "/complaints/misconduct")}


def operations() -> list[tuple[str, str, str, str]]:
    """(service, method, OpenAPI path, a concrete path) of every operation."""
    found = []
    for service, document in service_documents().items():
        for template, item in document["paths"].items():
            formats = {p["name"]: p["schema"].get("format") for p in item.get("parameters", [])}
            concrete = "/".join(SAMPLES[formats.get(part[1:-1])] if part.startswith("{") else part
                                for part in template.split("/"))
            found += [(service, method.upper(), template, concrete) for method in item if method != "parameters"]
    return found


TABLE = permissions.Table.from_documents(service_documents())


def test_every_operation_of_every_service_is_in_the_table():
    assert len(operations()) == 68
    for service, method, template, concrete in operations():
        entry = TABLE.entry_for(method, concrete)
        assert entry is not None and (entry.service, entry.path) == (service, template)


def test_the_services_own_the_same_resources_as_before():
    assert TABLE.routes == front.ROUTES


@pytest.mark.parametrize("service,method,template,concrete", operations(),
                         ids=[f"{m} {t}" for _, m, t, _ in operations()])
def test_the_gathered_table_allows_exactly_what_the_matrix_allowed(service, method, template, concrete):
    for role, scopes in CALLERS:
        before = permissions.allowed(role, scopes, method, concrete)
        after = TABLE.allowed(role, scopes, method, concrete)
        if (method, template) in CHANGED:
            continue
        assert after == before, (role, sorted(scopes))


def test_the_misconduct_list_is_open_to_those_who_read_complaints():
    readers = {role for role, scopes in CALLERS if TABLE.allowed(role, scopes, "GET", f"/complaints/{SAMPLES['uuid']}")}
    assert {role for role, scopes in CALLERS if TABLE.allowed(role, scopes, "GET", "/complaints/misconduct")} == readers
    assert not permissions.allowed("point_admin", frozenset(), "GET", "/complaints/misconduct"), "admin-only before"
