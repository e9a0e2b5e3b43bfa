"""Events in: none. Registration is where elders, staff and service points come from; it
keeps no copy of another service's records (the table is empty, so it runs no consumer)."""
from __future__ import annotations

from kit.consumer import Handler
from services.registration.service import Registration


def handlers_for(registration: Registration) -> dict[str, Handler]:
    return {}
