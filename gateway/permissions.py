"""Who may call what, and which service answers: the table the gateway gathers from the
services' OpenAPI documents, where each operation declares its access next to its code
(`kit.access`: `x-zhuyu-roles`, `x-zhuyu-scope`, ...).

An operation admits `admin` always, a user whose role it lists, an API key holding its
scope. A method no service declares on a known path is the administrator's alone; an
internal operation is nobody's through the gateway. Point scoping (a point-bound user
touching another point's record) is checked by the service that owns the record; this
table decides whether the call may be made at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from kit.access import API_CLIENT, ROLES, SCOPES, Access  # noqa: F401  (the one list, used here by others)

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


def permits(entry: Entry | None, role: str, scopes: frozenset[str]) -> bool:
    """Whether `role` (with an API key's `scopes`) may call the operation `entry` (None:
    a method no service declares on a known path)."""
    if entry is not None and entry.internal:
        return False
    if role == "admin":
        return True
    if entry is None:
        return False
    return Access(entry.roles, entry.scope, entry.public).allows(role, scopes)


class Table:
    """Routing and permissions gathered from the services' OpenAPI documents: each
    operation's declared access (`kit.access`), and the service that answers each path: the
    one declaring the most literal path template that matches it (`/reports/monthly` is
    complaints', `/reports/settlement` visits'), else the one service under that first path
    segment."""

    def __init__(self, entries: Iterable[Entry]):
        # The more literal segments, the earlier: `/visits/rules` before `/visits/{id}`.
        self.entries = tuple(sorted(entries, key=lambda e: -sum(not part.startswith("{")
                                                               for part in (e.path or e.pattern).split("/"))))
        owners: dict[str, str | None] = {}
        heads: dict[str, set[str | None]] = {}
        for entry in self.entries:
            template = entry.path or entry.pattern
            owner = owners.setdefault(template, entry.service)
            if owner != entry.service:
                raise ValueError(f"{template} is claimed by both {owner} and {entry.service}")
            heads.setdefault(template.split("/")[1], set()).add(entry.service)
        # First path segment → the services with operations under it.
        self.routes: dict[str, frozenset[str | None]] = {head: frozenset(s) for head, s in heads.items()}
        self._any = self._alternatives(self.entries)
        self._by_method = {method: self._alternatives([e for e in self.entries if e.method == method])
                           for method in {e.method for e in self.entries}}

    @staticmethod
    def _alternatives(entries: Iterable[Entry]) -> tuple[re.Pattern, dict[str, Entry]]:
        """One pattern trying each entry in turn: the first that matches the whole path wins."""
        named = {f"e{i}": e for i, e in enumerate(entries)}
        return re.compile("|".join(f"(?P<{name}>{e.pattern})" for name, e in named.items())), named

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

    def service_for(self, path: str) -> str | None:
        """The service that answers `path` (relative to /api/v1) whatever the method: the
        owner of the most literal template matching it; for a path no template matches,
        the one service under its first segment (it answers 404 or 405), else nobody."""
        match = self._any[0].fullmatch(path) if self.entries else None
        if match:
            return self._any[1][match.lastgroup].service
        services = self.routes.get(path.split("/")[1] if path.count("/") else "", frozenset())
        return next(iter(services)) if len(services) == 1 else None

    def allowed(self, role: str, scopes: frozenset[str], method: str, path: str) -> bool:
        """`path` is relative to /api/v1, without the query string."""
        return permits(self.entry_for(method, path), role, scopes)


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


# The table of this gateway process, as its catalogue last built it (`install`).
_installed = Table([])


def install(table: Table) -> None:
    global _installed
    _installed = table


def entry_for(method: str, path: str) -> Entry | None:
    return _installed.entry_for(method, path)


def allowed(role: str, scopes: frozenset[str], method: str, path: str) -> bool:
    """`path` is relative to /api/v1, without the query string."""
    return _installed.allowed(role, scopes, method, path)
