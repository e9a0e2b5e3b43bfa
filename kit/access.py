"""Who may call what: the roles and API-key scopes of the contract, and the declaration each
operation carries next to its code.

    @access(roles={"point_admin", "rest_hall_admin"}, scope="visits:write")
    def post(self, body): ...

The declaration lands in the service's OpenAPI operation (`x-zhuyu-roles`, `x-zhuyu-scope`,
`x-zhuyu-public`, `x-zhuyu-internal`, `x-zhuyu-services`); the gateway builds its routing
and its permission table from those documents, and each service enforces the same
declaration itself on every request (`kit.web`), so there is no other copy to keep in
step and a service's port reached from inside the network is no back door. `admin` may
always call; a user's role must be listed; an API key (role `api_client`) needs the
scope. A public operation needs no credentials (a survey link); an internal one is for the
named parts of the suite only (their service principal, `kit.identity`) and the gateway
never routes it. A service's app refuses to start when one of its routes declares nothing
(`undeclared`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from flask import Flask
from flask_smorest import Blueprint

from kit.caller import API_CLIENT, Caller

ROLES = ("admin", "city_operator", "point_admin", "rest_hall_admin", "bathing_assistant",
         "cs_agent", "cs_supervisor", "case_manager", "doctor")
SCOPES = ("elders:read", "elders:write", "visits:read", "visits:write", "complaints:read", "complaints:write",
          "notifications:read", "webhooks:write")

EVERYONE = frozenset(ROLES)
POINT_STAFF = frozenset({"point_admin", "rest_hall_admin", "bathing_assistant"})
DESK = frozenset({"cs_agent", "cs_supervisor"})
HEALTH = frozenset({"case_manager", "doctor"})

ROLES_KEY, SCOPE_KEY, PUBLIC_KEY, INTERNAL_KEY = "x-zhuyu-roles", "x-zhuyu-scope", "x-zhuyu-public", "x-zhuyu-internal"
SERVICES_KEY = "x-zhuyu-services"
# The parts of the suite that may hold a service principal (kit.identity).
PRINCIPALS = ("gateway", "registration", "visits", "complaints", "notify")
_MARK = "_zhuyu_access"


@dataclass(frozen=True)
class Access:
    roles: frozenset[str]  # admin included
    scope: str | None = None
    public: bool = False
    internal: bool = False
    services: frozenset[str] = frozenset()  # parts of the suite that may call it as themselves

    def document(self) -> dict:
        """The operation's OpenAPI extension members."""
        doc: dict = {ROLES_KEY: sorted(self.roles), SCOPE_KEY: self.scope}
        if self.public:
            doc[PUBLIC_KEY] = True
        if self.internal:
            doc[INTERNAL_KEY] = True
        if self.internal or self.services:
            doc[SERVICES_KEY] = sorted(self.services)
        return doc

    @classmethod
    def from_document(cls, operation: dict) -> Access | None:
        """The declaration an OpenAPI operation carries, or None if it carries none."""
        if ROLES_KEY not in operation:
            return None
        return cls(frozenset(operation[ROLES_KEY]), operation.get(SCOPE_KEY), bool(operation.get(PUBLIC_KEY)),
                   bool(operation.get(INTERNAL_KEY)), frozenset(operation.get(SERVICES_KEY) or ()))

    def allows(self, role: str, scopes: frozenset[str]) -> bool:
        """Whether a user of `role`, or an API key with `scopes`, may call (through the gateway)."""
        if self.internal:
            return False
        if role == API_CLIENT:
            return self.scope is not None and self.scope in scopes
        return role in self.roles

    def admits(self, caller: Caller) -> bool:
        """Whether a service answers this caller (who has an identity): anyone on a public
        operation, the named parts of the suite where it names them, else as `allows`."""
        if caller.kind == "service" and caller.user_id in self.services:
            return True
        if self.internal:
            return False
        if self.public:
            return True
        if caller.kind in ("anonymous", "service"):
            return False
        return self.allows(caller.role or "", caller.scopes)


def _declare(declared: Access) -> Callable:
    def decorate(func: Callable) -> Callable:
        func = Blueprint.doc(**declared.document())(func)
        setattr(func, _MARK, declared)
        return func

    return decorate


def access(roles: Iterable[str] = (), scope: str | None = None, public: bool = False,
           services: Iterable[str] = ()) -> Callable:
    """Declare who may call the decorated `MethodView` method: `roles` (admin always may),
    the `scope` an API key needs (none: no key may), `public` when no credentials are
    needed at all, and `services`: parts of the suite that may also call it as themselves
    (their service principal), as visits reads a point from registration."""
    roles = frozenset(roles) | {"admin"}
    unknown_services = set(services) - set(PRINCIPALS)
    if unknown_services:
        raise ValueError(f"unknown parts of the suite {sorted(unknown_services)}")
    unknown = roles - EVERYONE
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    return _declare(Access(roles, scope, public, services=frozenset(services)))


def internal(*services: str) -> Callable:
    """Declare an operation for the named parts of the suite only (another service, the
    gateway itself), called with their service principal: the gateway never routes it,
    whoever asks."""
    unknown = set(services) - set(PRINCIPALS)
    if unknown:
        raise ValueError(f"unknown parts of the suite {sorted(unknown)}")
    return _declare(Access(frozenset(), internal=True, services=frozenset(services)))


def declared(func: Callable) -> Access | None:
    return getattr(func, _MARK, None)


def undeclared(app: Flask, blueprints: Iterable[Blueprint]) -> list[str]:
    """`METHOD /path` of every route of these blueprints whose code declares no access."""
    names = {blueprint.name for blueprint in blueprints}
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".", 1)[0] not in names:
            continue
        view = app.view_functions[rule.endpoint]
        view_class = getattr(view, "view_class", None)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            func = getattr(view_class, method.lower(), None) if view_class else view
            if func is None or declared(func) is None:
                missing.append(f"{method} {rule.rule}")
    return missing
