"""What visits calls outside itself, built by bootstrap.py and passed to the use cases."""
from __future__ import annotations

import json
import logging
from urllib.parse import quote

import urllib3

from kit import context

log = logging.getLogger("visits")


class RegistrationLookup:
    """Asks registration (`GET /elders/by-card/{card}`) for the elder holding a card now:
    its event-carried state with registration's bathing decision as of today, or None when
    registration does not know the card or does not answer in time."""

    def __init__(self, url: str, timeout_seconds: float):
        self.url = url
        self._http = urllib3.PoolManager(maxsize=4, timeout=urllib3.Timeout(total=timeout_seconds), retries=False)

    def by_card(self, card: str) -> dict | None:
        try:
            response = self._http.request("GET", f"{self.url}/elders/by-card/{quote(card, safe='')}",
                                          headers={"X-Request-ID": context.request_id.get() or ""})
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            log.warning("registration lookup failed", extra={"error": type(exc).__name__})
            return None
        if response.status != 200:
            return None
        return json.loads(response.data)
