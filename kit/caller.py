"""Who is calling a service, and point scoping.

The gateway authenticates and passes the caller on as a signed identity bound to the
request (`kit.identity`), which the service verifies before anything else (`kit.web`).
Every caller is someone: a user, an API key (role `api_client`), a part of the suite (role
`service`) or, on a survey link, nobody (no role). Use cases take a `Caller` to check what
they read and write against it; nothing here knows of HTTP.
"""
from __future__ import annotations

from dataclasses import dataclass

from kit.errors import Forbidden, NotFound

# Roles that may see whole ID numbers and phone numbers (others get them masked).
PERSONAL_DATA_ROLES = frozenset({"admin", "point_admin", "rest_hall_admin", "case_manager", "doctor"})
API_CLIENT = "api_client"  # the role of a third party's API key
SERVICE = "service"  # the role of a part of the suite calling another (kit.identity.ServicePrincipal)


@dataclass(frozen=True)
class Caller:
    user_id: str | None  # a user's or API key's id, a service's name; None on a survey link
    role: str | None
    service_point_id: str | None
    staff_id: str | None
    scopes: frozenset[str] = frozenset()

    @property
    def kind(self) -> str:
        if self.role is None:
            return "anonymous"
        return {API_CLIENT: "key", SERVICE: "service"}.get(self.role, "user")

    @property
    def sees_personal_data(self) -> bool:
        return self.role in PERSONAL_DATA_ROLES

    def sees(self, point_id: str | None) -> bool:
        """Whether the caller may know of a record of this point: its own point's, or any for
        a caller bound to none."""
        return not self.service_point_id or point_id == self.service_point_id

    def check_point(self, point_id: str | None, what: str = "record", id: str = "") -> None:
        """A record of another point is, to a point-bound caller, a record that does not
        exist (404: no existence oracle)."""
        if not self.sees(point_id):
            raise NotFound(what, id)

    def check_own_point(self, point_id: str | None) -> None:
        """403 when a point-bound caller names another point (or none) for what it writes."""
        if self.service_point_id and (str(point_id) if point_id else None) != self.service_point_id:
            raise Forbidden("You may act only for your own service point.")

    def point_filter(self, requested: str | None) -> str | None:
        """The point a list may show: a bound caller's own; asking for another is 403."""
        if self.service_point_id:
            if requested and str(requested) != self.service_point_id:
                raise Forbidden("You may list only your own service point's records.")
            return self.service_point_id
        return str(requested) if requested else None
