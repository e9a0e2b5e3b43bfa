"""What visits calls outside itself, built by bootstrap.py and passed to the use cases."""
from __future__ import annotations

import json
import logging

import urllib3

from kit import context
from kit.identity import ServicePrincipal

log = logging.getLogger("visits")


class RegistrationLookup:
    """Asks registration (`GET /elders/by-card/{card}`, an operation for visits only) for the
    elder holding a card now: what check-in needs of its state, with registration's bathing
    decision as of today, or None when registration does not know the card or does not
    answer in time. Visits calls as itself (its service principal), never as the user."""

    def __init__(self, url: str, timeout_seconds: float, principal: ServicePrincipal):
        self.url = url
        self.principal = principal
        self._http = urllib3.PoolManager(maxsize=4, timeout=urllib3.Timeout(total=timeout_seconds), retries=False)

    def by_card(self, card: str) -> dict | None:
        sent, headers = self.principal.headers("registration", "GET", f"/elders/by-card/{card}",
                                               request_id=context.request_id.get() or "")
        try:
            response = self._http.request("GET", f"{self.url}{sent}", headers=headers)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            log.warning("registration lookup failed", extra={"error": type(exc).__name__})
            return None
        if response.status != 200:
            return None
        return json.loads(response.data)
