"""Events in: staff (to find each point's administrator and the supervisors) and
checked-out visits (to invite a satisfaction survey)."""
from __future__ import annotations

from typing import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.events import Event
from kit.types import utcnow
from services.complaints.models import staff, visits


def _upsert(session: Session, table: sa.Table, key: str, sequence: int, values: dict) -> bool:
    held = session.execute(sa.select(table.c.sequence).where(table.c.id == key)).scalar()
    if held is not None and held >= sequence:
        return False
    if held is None:
        session.execute(table.insert().values(id=key, sequence=sequence, **values))
    else:
        session.execute(table.update().where(table.c.id == key).values(sequence=sequence, **values))
    return True


def on_staff(session: Session, event: Event) -> None:
    data = event.data
    _upsert(session, staff, event.subject, event.sequence, {
        "roles": data["roles"], "service_point_id": data.get("service_point_id"), "active": data.get("active", True)})


def handlers_for(use_cases) -> dict[str, Callable[[Session, Event], None]]:
    def on_checked_out(session: Session, event: Event) -> None:
        _upsert(session, visits, event.subject, event.sequence, {
            "elder_id": event.data["elder_id"], "service_point_id": event.data["service_point_id"]})
        use_cases.invite_after_visit(session, event.data, utcnow())

    return {
        **{f"registration.staff.{name}": on_staff for name in ("created", "updated", "qualification_changed")},
        "visits.visit.checked_out": on_checked_out,
    }
