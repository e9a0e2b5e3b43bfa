"""Who is calling a service, and point scoping.

The gateway authenticates and passes the caller on (read by `kit.web.caller()`); services
are reachable only from the gateway's network. A caller with no role comes from inside
the suite (another service, an operator's command) and sees all points. Use cases take a
`Caller` to check what they read against it; nothing here knows of HTTP.
"""
from __future__ import annotations

from dataclasses import dataclass

from kit.errors import Forbidden

# Roles that may see whole ID numbers and phone numbers (others get them masked).
PERSONAL_DATA_ROLES = frozenset({"admin", "point_admin", "rest_hall_admin", "case_manager", "doctor"})


@dataclass(frozen=True)
class Caller:
    user_id: str | None
    role: str | None
    service_point_id: str | None
    staff_id: str | None
    scopes: frozenset[str] = frozenset()

    @property
    def internal(self) -> bool:
        return self.role is None

    @property
    def sees_personal_data(self) -> bool:
        return self.internal or self.role in PERSONAL_DATA_ROLES

    def check_point(self, point_id: str | None) -> None:
        """403 when a point-bound caller touches another point's record."""
        if self.service_point_id and point_id != self.service_point_id:
            raise Forbidden("This record belongs to another service point.")

    def point_filter(self, requested: str | None) -> str | None:
        """The point a list may show: a bound caller's own; asking for another is 403."""
        if self.service_point_id:
            if requested and str(requested) != self.service_point_id:
                raise Forbidden("You may list only your own service point's records.")
            return self.service_point_id
        return str(requested) if requested else None


def forwarded(caller: Caller) -> dict[str, str]:
    """The headers a caller is passed on to a service in (by the gateway; read back by
    `kit.web.caller()`): the one place they are written."""
    headers = {}
    if caller.user_id:
        headers["X-Zhuyu-User"] = caller.user_id
    if caller.role:
        headers["X-Zhuyu-Role"] = caller.role
    if caller.service_point_id:
        headers["X-Zhuyu-Point"] = caller.service_point_id
    if caller.staff_id:
        headers["X-Zhuyu-Staff"] = caller.staff_id
    if caller.scopes:
        headers["X-Zhuyu-Scopes"] = " ".join(sorted(caller.scopes))
    return headers
