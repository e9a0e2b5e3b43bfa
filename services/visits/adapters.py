"""What visits calls outside itself, built by bootstrap.py and passed to the use cases."""
from __future__ import annotations

from urllib.parse import quote

from kit.identity import ServicePrincipal
from kit.lookup import Lookup


class RegistrationLookup(Lookup):
    """Asks registration, the owner of elders and points, for their state now: `by_card`
    (`GET /elders/by-card/{card}`, an operation for visits only) answers the elder holding a
    card, with registration's bathing decision as of today; `service_point`
    (`GET /service-points/{id}`) a point. Each answers the state, `{}` when registration
    knows no such card or point, or None when registration does not answer in time (the
    caller then decides on its copy). Visits calls as itself (its service principal), never
    as the user."""

    def __init__(self, url: str, timeout_seconds: float, principal: ServicePrincipal):
        super().__init__("registration", url, timeout_seconds, principal)

    def by_card(self, card: str) -> dict | None:
        return self.get(f"/elders/by-card/{quote(card, safe='')}")

    def service_point(self, point_id: str) -> dict | None:
        return self.get(f"/service-points/{quote(point_id, safe='')}")
