"""What visits calls outside itself, built by bootstrap.py and passed to the use cases."""
from __future__ import annotations

import json
import logging
from urllib.parse import quote

import urllib3

from kit import context
from kit.identity import ServicePrincipal

log = logging.getLogger("visits")


class RegistrationLookup:
    """Asks registration, the owner of elders and points, for their state now: `by_card`
    (`GET /elders/by-card/{card}`, an operation for visits only) answers the elder holding a
    card, with registration's bathing decision as of today; `service_point`
    (`GET /service-points/{id}`) a point. Each answers the state, `{}` when registration
    knows no such card or point, or None when registration does not answer in time (the
    caller then decides on its copy). Visits calls as itself (its service principal), never
    as the user."""

    def __init__(self, url: str, timeout_seconds: float, principal: ServicePrincipal):
        self.url = url
        self.principal = principal
        self._http = urllib3.PoolManager(maxsize=4, timeout=urllib3.Timeout(total=timeout_seconds), retries=False)

    def _get(self, path: str) -> dict | None:
        sent, headers = self.principal.headers("registration", "GET", path, request_id=context.request_id.get() or "")
        try:
            response = self._http.request("GET", f"{self.url}{sent}", headers=headers)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            log.warning("registration lookup failed", extra={"error": type(exc).__name__})
            return None
        if response.status == 404:
            return {}
        if response.status != 200:
            log.warning("registration lookup failed", extra={"error": f"HTTP {response.status}"})
            return None
        return json.loads(response.data)

    def by_card(self, card: str) -> dict | None:
        return self._get(f"/elders/by-card/{quote(card, safe='')}")

    def service_point(self, point_id: str) -> dict | None:
        return self._get(f"/service-points/{quote(point_id, safe='')}")
