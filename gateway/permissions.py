"""Who may call what: the role × endpoint matrix, kept as data in one place.

Each entry: HTTP method, path pattern under /api/v1, the roles allowed (admin always is),
and the scope an API key needs. Anything not listed is refused to all but admin.
Point scoping (a point-bound user touching another point's record) is checked by the
service that owns the record; this matrix decides whether the call may be made at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from kit.access import API_CLIENT, ROLES, SCOPES, Access  # noqa: F401  (the one list, used here by others)

EVERYONE = frozenset(ROLES)
POINT_STAFF = frozenset({"point_admin", "rest_hall_admin", "bathing_assistant"})
DESK = frozenset({"cs_agent", "cs_supervisor"})
HEALTH = frozenset({"case_manager", "doctor"})
READERS_OF_ELDERS = POINT_STAFF | DESK | HEALTH | {"city_operator"}

ID = r"[0-9a-fA-F-]{36}"


@dataclass(frozen=True)
class Entry:
    method: str
    pattern: str
    roles: frozenset[str]
    scope: str | None = None
    service: str | None = None
    path: str | None = None  # the OpenAPI path template it was gathered from
    public: bool = False  # no credentials needed
    internal: bool = False  # for the suite only: never routed



def _e(method: str, pattern: str, roles, scope: str | None = None) -> Entry:
    return Entry(method, pattern.replace("{id}", ID), frozenset(roles) | {"admin"}, scope)


MATRIX: tuple[Entry, ...] = (
    # Registration
    _e("GET", r"/service-points", EVERYONE),
    _e("GET", r"/service-points/{id}", EVERYONE),
    _e("POST", r"/service-points", ()),
    _e("PATCH", r"/service-points/{id}", {"point_admin"}),
    _e("GET", r"/staff", POINT_STAFF | DESK | HEALTH | {"city_operator"}),
    _e("GET", r"/staff/{id}", POINT_STAFF | DESK | HEALTH | {"city_operator"}),
    _e("POST", r"/staff", {"point_admin"}),
    _e("PATCH", r"/staff/{id}", {"point_admin"}),
    _e("GET", r"/elders", READERS_OF_ELDERS, "elders:read"),
    _e("GET", r"/elders/{id}", READERS_OF_ELDERS, "elders:read"),
    _e("GET", r"/elders/by-card/[A-Za-z0-9]{1,32}", READERS_OF_ELDERS, "elders:read"),
    _e("POST", r"/elders", {"point_admin"}, "elders:write"),
    _e("PATCH", r"/elders/{id}", {"point_admin"}, "elders:write"),
    _e("POST", r"/elders/{id}/(suspend|reactivate|close)", {"point_admin"}, "elders:write"),
    _e("POST", r"/elders/{id}/(assessments|safety-commitments|consents)", {"point_admin"}, "elders:write"),
    _e("POST", r"/subsidy-applications", {"point_admin"}),
    _e("GET", r"/subsidy-applications/{id}", {"point_admin", "city_operator"}),
    _e("POST", r"/subsidy-applications/{id}/review", {"point_admin"}),
    _e("POST", r"/subsidy-applications/{id}/approve", ()),
    _e("GET", r"/audit/elder-reads", ()),
    # Visits
    _e("POST", r"/bookings", {"point_admin", "rest_hall_admin", "cs_agent", "cs_supervisor"}, "visits:write"),
    _e("GET", r"/bookings", POINT_STAFF | DESK | {"city_operator"}, "visits:read"),
    _e("POST", r"/bookings/{id}/cancel", {"point_admin", "rest_hall_admin", "cs_agent", "cs_supervisor"}, "visits:write"),
    _e("POST", r"/visits", {"point_admin", "rest_hall_admin"}, "visits:write"),
    _e("GET", r"/visits", POINT_STAFF | {"city_operator", "cs_supervisor"}, "visits:read"),
    _e("GET", r"/visits/{id}", POINT_STAFF | {"city_operator", "cs_supervisor"}, "visits:read"),
    _e("GET", r"/visits/daily-figures", {"point_admin", "rest_hall_admin", "city_operator"}, "visits:read"),
    _e("GET", r"/visits/rules", EVERYONE, "visits:read"),
    _e("GET", r"/visits/figures", {"point_admin", "rest_hall_admin", "city_operator"}, "visits:read"),
    _e("GET", r"/follow-ups/meeting-rate", HEALTH | {"point_admin", "city_operator"}, "visits:read"),
    _e("POST", r"/visits/{id}/screening", POINT_STAFF, "visits:write"),
    _e("POST", r"/visits/{id}/bath", {"point_admin", "rest_hall_admin", "bathing_assistant"}, "visits:write"),
    _e("POST", r"/visits/{id}/(rest|checkout)", {"point_admin", "rest_hall_admin"}, "visits:write"),
    _e("POST", r"/visits/{id}/incidents", POINT_STAFF, "visits:write"),
    _e("GET", r"/incidents/{id}", POINT_STAFF | {"city_operator"}, "visits:read"),
    _e("POST", r"/incidents/{id}/outcome", {"point_admin", "rest_hall_admin"}, "visits:write"),
    _e("POST", r"/follow-up-plans", HEALTH | {"point_admin"}, "visits:write"),
    _e("GET", r"/follow-ups", HEALTH | {"point_admin", "city_operator"}, "visits:read"),
    _e("POST", r"/follow-ups/{id}/record", HEALTH | {"point_admin"}, "visits:write"),
    # Complaints
    _e("POST", r"/complaints", DESK | {"point_admin"}, "complaints:write"),
    _e("GET", r"/complaints", DESK | {"point_admin", "city_operator"}, "complaints:read"),
    _e("GET", r"/complaints/{id}", DESK | {"point_admin", "city_operator"}, "complaints:read"),
    _e("POST", r"/complaints/{id}/(replies|follow-ups|resolve|callback|close|misconduct)", DESK | {"point_admin"},
       "complaints:write"),
    _e("POST", r"/complaints/{id}/(assign|escalate)", {"cs_supervisor", "point_admin"}, "complaints:write"),
    _e("POST", r"/surveys", DESK | {"point_admin"}, "complaints:write"),
    _e("POST", r"/calls", DESK, "complaints:write"),
    _e("GET", r"/stats/(satisfaction|hotline|complaints)", {"cs_supervisor", "city_operator", "point_admin"},
       "complaints:read"),
    _e("GET", r"/reports/monthly", {"cs_supervisor", "city_operator", "point_admin"}),
    # Notify
    _e("GET", r"/notifications", {"point_admin", "cs_agent", "cs_supervisor", "city_operator"}, "notifications:read"),
    _e("GET", r"/notifications/{id}", {"point_admin", "cs_agent", "cs_supervisor", "city_operator"},
       "notifications:read"),
    _e("POST", r"/webhooks", (), "webhooks:write"),
    _e("GET", r"/webhooks/{id}", (), "webhooks:write"),
    _e("PUT", r"/recipients/[^/]{1,64}/preferences", {"point_admin", "cs_agent", "cs_supervisor"}),
)


# One alternation per method, each entry a named group: one regex match per request.
_BY_METHOD = {
    method: (re.compile("|".join(f"(?P<e{i}>{e.pattern})" for i, e in enumerate(MATRIX) if e.method == method)),
             {f"e{i}": e for i, e in enumerate(MATRIX) if e.method == method})
    for method in {e.method for e in MATRIX}
}


def entry_for(method: str, path: str) -> Entry | None:
    compiled = _BY_METHOD.get(method)
    if compiled is None:
        return None
    match = compiled[0].fullmatch(path)
    return compiled[1][match.lastgroup] if match else None


def allowed(role: str, scopes: frozenset[str], method: str, path: str) -> bool:
    """`path` is relative to /api/v1, without the query string."""
    if role == "admin":
        return True
    entry = entry_for(method, path)
    if entry is None:
        return False
    if role == API_CLIENT:
        return entry.scope is not None and entry.scope in scopes
    return role in entry.roles


class Table:
    """Routing and permissions gathered from the services' OpenAPI documents: each
    operation's declared access (`kit.access`), and the service that owns each first path
    segment under /api/v1."""

    def __init__(self, entries: Iterable[Entry]):
        # The more literal segments, the earlier: `/visits/rules` before `/visits/{id}`.
        self.entries = tuple(sorted(entries, key=lambda e: -sum(not part.startswith("{")
                                                               for part in (e.path or e.pattern).split("/"))))
        self.routes: dict[str, str] = {}
        for entry in self.entries:
            head = (entry.path or entry.pattern).split("/")[1]
            owner = self.routes.setdefault(head, entry.service)
            if owner != entry.service:
                raise ValueError(f"/{head} is claimed by both {owner} and {entry.service}")
        self._by_method = {
            method: (re.compile("|".join(f"(?P<e{i}>{e.pattern})" for i, e in enumerate(self.entries)
                                         if e.method == method)),
                     {f"e{i}": e for i, e in enumerate(self.entries) if e.method == method})
            for method in {e.method for e in self.entries}
        }

    @classmethod
    def from_documents(cls, documents: dict[str, dict]) -> Table:
        """The table of every operation of every service's document (service → OpenAPI)."""
        entries = []
        for service, document in documents.items():
            for path, item in document.get("paths", {}).items():
                shared = item.get("parameters", [])
                for method, operation in item.items():
                    if method == "parameters":
                        continue
                    declared = Access.from_document(operation) or Access(frozenset({"admin"}))
                    entries.append(Entry(method.upper(), _pattern(path, [*shared, *operation.get("parameters", [])]),
                                         declared.roles, declared.scope, service, path, declared.public,
                                         declared.internal))
        return cls(entries)

    def entry_for(self, method: str, path: str) -> Entry | None:
        compiled = self._by_method.get(method)
        if compiled is None:
            return None
        match = compiled[0].fullmatch(path)
        return compiled[1][match.lastgroup] if match else None

    def allowed(self, role: str, scopes: frozenset[str], method: str, path: str) -> bool:
        """`path` is relative to /api/v1, without the query string. An operation nobody
        declared is the administrator's; an internal one nobody's."""
        entry = self.entry_for(method, path)
        if entry is not None and entry.internal:
            return False
        if role == "admin":
            return True
        if entry is None:
            return False
        return Access(entry.roles, entry.scope, entry.public).allows(role, scopes)


def _pattern(path: str, parameters: list[dict]) -> str:
    """A path template as a regular expression: a UUID parameter as an id, any other as one segment."""
    formats = {p["name"]: (p.get("schema") or {}).get("format") for p in parameters if p.get("in") == "path"}
    parts = []
    for part in path.split("/"):
        if part.startswith("{") and part.endswith("}"):
            parts.append(ID if formats.get(part[1:-1]) == "uuid" else "[^/]+")
        else:
            parts.append(re.escape(part))
    return "/".join(parts)
