"""Asking another part of the suite for the state of what it owns, as this service (its
service principal, `kit.identity`), never as the user: an answer, `{}` when the owner knows
no such record (404), or None when it does not answer in time or fails (the caller decides
what that means: its own copy, or 503)."""
from __future__ import annotations

import json
import logging
from typing import Any

import urllib3

from kit import context
from kit.identity import ServicePrincipal

log = logging.getLogger("kit.lookup")


class Lookup:
    def __init__(self, service: str, url: str, timeout_seconds: float, principal: ServicePrincipal):
        self.service = service
        self.url = url
        self.principal = principal
        self._http = urllib3.PoolManager(maxsize=4, timeout=urllib3.Timeout(total=timeout_seconds), retries=False)

    def get(self, path: str) -> Any:
        sent, headers = self.principal.headers(self.service, "GET", path, request_id=context.request_id.get() or "")
        try:
            response = self._http.request("GET", f"{self.url}{sent}", headers=headers)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            log.warning("lookup failed", extra={"service": self.service, "error": type(exc).__name__})
            return None
        if response.status == 404:
            return {}
        if response.status != 200:
            log.warning("lookup failed", extra={"service": self.service, "error": f"HTTP {response.status}"})
            return None
        return json.loads(response.data)
