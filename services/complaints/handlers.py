"""Events in: staff (to find each point's administrator and the supervisors), service
points (the name a report is headed with) and checked-out visits (the point a visit's
survey counts under, and the survey invitation)."""
from __future__ import annotations

from typing import Callable

from sqlalchemy.orm import Session

from kit.events import Event
from kit.readmodel import apply_state
from kit.types import utcnow
from services.complaints.models import points, staff, visits
from services.complaints.service import Complaints


def on_staff(session: Session, event: Event) -> None:
    data = event.data
    apply_state(session, staff, event.subject, event.sequence, {
        "name": data.get("name"), "roles": data.get("roles") or [], "service_point_id": data.get("service_point_id"),
        "active": data.get("active", True)})


def on_point(session: Session, event: Event) -> None:
    apply_state(session, points, event.subject, event.sequence, {"name": event.data["name"]})


def handlers_for(use_cases: Complaints) -> dict[str, Callable[[Session, Event], None]]:
    def on_checked_out(session: Session, event: Event) -> None:
        apply_state(session, visits, event.subject, event.sequence, {
            "elder_id": event.data["elder_id"], "service_point_id": event.data["service_point_id"]})
        use_cases.on_visit_checked_out(session, {**event.data, "id": event.subject}, utcnow())

    return {
        **{f"registration.staff.{name}": on_staff for name in ("created", "updated", "qualification_changed")},
        "visits.visit.checked_out": on_checked_out,
        "registration.service_point.created": on_point,
        "registration.service_point.updated": on_point,
    }
