"""The services' OpenAPI documents as the gateway loads them, and the routing and permission
table built from them (`permissions.Table`): no copy of a service's routes or roles is
kept by hand here.

Documents are loaded when the gateway starts and again in the background: every second
while one is missing (a service that is not up yet), every minute once all are in (a
service that now declares more). A service whose document never loaded answers 503 with
Retry-After, like a service that is down; a service that stops answering keeps the last
document it gave.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Iterable

import urllib3

from gateway import permissions
from gateway.proxy import UpstreamUnavailable, Upstreams
from kit import context

log = logging.getLogger("gateway")
API = "/api/v1/"
# First path segments under /api/v1 the gateway answers itself.
OWN = frozenset({"auth", "users", "api-keys", "health", "openapi.json", "docs"})


@dataclass(frozen=True)
class Route:
    """Where a request under /api/v1 goes: the service and its declared operation (None: a
    method nobody declares there), or `pending` while the owner is not known yet."""

    service: str | None
    path: str  # relative to /api/v1
    entry: permissions.Entry | None = None
    pending: bool = False

    @property
    def public(self) -> bool:
        return self.entry is not None and self.entry.public


class Catalogue:
    def __init__(self, upstreams: Upstreams, services: Iterable[str], refresh_seconds: float = 60.0,
                 retry_seconds: float = 1.0, timeout: urllib3.Timeout | None = None):
        self.upstreams = upstreams
        self.services = tuple(services)
        self.refresh_seconds = refresh_seconds
        self.retry_seconds = retry_seconds
        self.timeout = timeout or urllib3.Timeout(connect=0.5, read=2.0)
        self.documents: dict[str, dict] = {}
        self.table = permissions.Table([])
        self._lock = threading.Lock()
        self._tried_at = float("-inf")
        self._complete_at = float("-inf")

    @property
    def missing(self) -> list[str]:
        return [name for name in self.services if name not in self.documents]

    def load(self) -> None:
        """Fetch every service's document and rebuild the table (one load at a time)."""
        with self._lock:
            self._tried_at = time.monotonic()
            documents = dict(self.documents)
            for name in self.services:
                try:
                    response = self.upstreams.request(name, "GET", "/openapi.json", None,
                                                      {"X-Request-ID": context.request_id.get() or ""},
                                                      timeout=self.timeout)
                    if response.status == 200:
                        documents[name] = json.loads(response.data)
                except (UpstreamUnavailable, ValueError):
                    pass  # not up yet, or down: its last document (if any) stays
            try:
                table = permissions.Table.from_documents(documents)
            except ValueError:
                log.exception("the services' documents disagree; the table is kept as it was")
                return
            self.documents, self.table = documents, table
            permissions.install(table)
            if not self.missing:
                self._complete_at = time.monotonic()

    def refresh_soon(self) -> None:
        """Start a load in the background when one is due; the caller never waits for it."""
        now = time.monotonic()
        due = (now - self._tried_at >= self.retry_seconds if self.missing
               else now - self._complete_at >= self.refresh_seconds)
        if due and not self._lock.locked():
            self._tried_at = now  # one load per period, however many requests ask
            threading.Thread(target=self.load, name="openapi-refresh", daemon=True).start()

    def route(self, method: str, path: str) -> Route | None:
        """The route of an /api/v1 request, or None for the gateway's own endpoints and
        anything outside the API."""
        if not path.startswith(API):
            return None
        head = path[len(API):].split("/", 1)[0]
        if head in OWN:
            return None
        self.refresh_soon()
        table = self.table
        relative = path[len(API) - 1:]
        service = table.service_for(relative)
        if service is None:
            # An unknown resource, unless a service whose document is missing owns it.
            return Route(None, relative, pending=True) if self.missing else None
        return Route(service, relative, table.entry_for(method, relative))
