"""Events in: staff (to find each point's administrator and the supervisors) and
checked-out visits (to invite a satisfaction survey)."""
from __future__ import annotations

from typing import Callable

from sqlalchemy.orm import Session

from kit.events import Event
from kit.readmodel import apply_state
from kit.types import utcnow
from services.complaints.models import staff, visits


def on_staff(session: Session, event: Event) -> None:
    data = event.data
    apply_state(session, staff, event.subject, event.sequence, {
        "roles": data["roles"], "service_point_id": data.get("service_point_id"), "active": data.get("active", True)})


def handlers_for(use_cases) -> dict[str, Callable[[Session, Event], None]]:
    def on_checked_out(session: Session, event: Event) -> None:
        apply_state(session, visits, event.subject, event.sequence, {
            "elder_id": event.data["elder_id"], "service_point_id": event.data["service_point_id"]})
        use_cases.invite_after_visit(session, event.data, utcnow())

    return {
        **{f"registration.staff.{name}": on_staff for name in ("created", "updated", "qualification_changed")},
        "visits.visit.checked_out": on_checked_out,
    }
