"""The caller a service test speaks as, in the form a service reads it from the gateway:
every service test builds its caller here, so when that form changes only this does."""
from __future__ import annotations

from typing import Iterable

from kit.caller import Caller, forwarded


def caller(role: str, user: str | None = None, point: str | None = None, staff: str | None = None,
           scopes: Iterable[str] = ()) -> dict[str, str]:
    """The request headers of a call by this user (or API key: role `api_client`)."""
    return forwarded(Caller(user_id=user, role=role, service_point_id=point, staff_id=staff,
                            scopes=frozenset(scopes)))


ADMIN = caller("admin", user="u-admin")
