"""`GET /api/v1/auth/me`: who the caller is and which of the console's operations it may
call, so the console offers only what the caller can do without keeping its own copy of
the permission table. Each answer comes from `permissions.allowed`, whatever builds the
table behind it.
"""
from __future__ import annotations

from flask import Blueprint, g

from gateway import permissions
from kit.caller import PERSONAL_DATA_ROLES

# The operations the console offers or hides, as "METHOD /path" with `{id}` for an id.
CONSOLE_OPERATIONS = (
    "GET /service-points", "GET /staff", "GET /staff/{id}",
    "GET /elders", "GET /elders/{id}", "POST /elders", "PATCH /elders/{id}",
    "POST /elders/{id}/assessments", "POST /elders/{id}/safety-commitments",
    "GET /bookings", "POST /bookings", "POST /bookings/{id}/cancel",
    "GET /visits", "GET /visits/{id}", "POST /visits", "POST /visits/{id}/screening", "POST /visits/{id}/bath",
    "POST /visits/{id}/rest", "POST /visits/{id}/checkout", "POST /visits/{id}/incidents",
    "POST /visits/{id}/end-early",
    "GET /visits/figures", "GET /visits/figures/points",
    "GET /follow-ups", "POST /follow-ups/{id}/record", "GET /follow-ups/meeting-rate",
    "GET /follow-ups/meeting-rate/points",
    "GET /complaints", "GET /complaints/{id}", "POST /complaints", "POST /complaints/{id}/assign",
    "POST /complaints/{id}/replies", "POST /complaints/{id}/follow-ups", "POST /complaints/{id}/resolve",
    "POST /complaints/{id}/callback", "POST /complaints/{id}/escalate", "POST /complaints/{id}/close",
    "POST /complaints/{id}/investigation", "POST /complaints/{id}/pause", "POST /complaints/{id}/resume",
    "POST /complaints/{id}/review", "POST /complaints/{id}/merge", "GET /calls", "POST /calls/{id}/callback",
    "POST /calls", "GET /stats/hotline", "GET /stats/points", "GET /stats/satisfaction", "GET /stats/complaints",
    "GET /reports/monthly", "GET /reports/settlement", "GET /notifications",
    "GET /subsidy-applications", "POST /subsidy-applications", "GET /subsidy-applications/rechecks",
    "POST /subsidy-applications/{id}/review", "POST /subsidy-applications/{id}/approve",
    "GET /reply-templates", "POST /reply-templates", "PATCH /reply-templates/{id}", "GET /duty-shifts",
    "POST /duty-shifts", "POST /duty-shifts/{id}/handover", "GET /handovers", "POST /handovers/{id}/accept",
    "GET /calendar", "GET /calendar/{year}", "PUT /calendar/{year}",
)
# Its entry in the gateway's OpenAPI document.
OPENAPI_PATHS = {"/api/v1/auth/me": {"get": {
    "summary": "The caller: role, point, staff member, and the console operations it may call",
    "responses": {"200": {"description": "The caller", "content": {"application/json": {"schema": {
        "type": "object",
        "properties": {
            "user_id": {"type": "string"}, "username": {"type": "string"}, "role": {"type": "string"},
            "service_point_id": {"type": "string", "nullable": True}, "staff_id": {"type": "string", "nullable": True},
            "personal_data": {"type": "boolean", "description": "Whether whole ID and phone numbers are shown"},
            "operations": {"type": "array", "items": {"type": "string"},
                           "description": "\"METHOD /path\" with {id} for an id, of those the console offers"}}}}}},
                  "401": {"description": "No or bad credentials"}}}}}

# Stands for any id when asking the table about a path with one.
_SOME_ID = "00000000-0000-4000-8000-000000000000"
_SOME_YEAR = "2026"


def concrete(path: str) -> str:
    """A path of the list with a value for each of its parameters."""
    return path.replace("{id}", _SOME_ID).replace("{year}", _SOME_YEAR)


def operations_of(role: str, scopes: frozenset[str]) -> list[str]:
    """The console operations `role` (an API key: `scopes`) may call."""
    allowed = []
    for operation in CONSOLE_OPERATIONS:
        method, path = operation.split(" ", 1)
        if permissions.allowed(role, scopes, method, concrete(path)):
            allowed.append(operation)
    return allowed


def blueprint() -> Blueprint:
    me = Blueprint("me", __name__)

    @me.get("/api/v1/auth/me")
    def who_am_i():
        principal = g.principal
        return {
            "user_id": principal.user_id,
            "username": principal.username,
            "role": principal.role,
            "service_point_id": principal.service_point_id,
            "staff_id": principal.staff_id,
            "personal_data": principal.role in PERSONAL_DATA_ROLES,
            "operations": operations_of(principal.role, principal.scopes),
        }

    return me
