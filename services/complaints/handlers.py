"""Events in: which use case each event type calls. Registration's staff events name each
point's administrator and the supervisors; its point events give the name a report is
headed with; a checked-out visit is where a survey counts and what invites one."""
from __future__ import annotations

from sqlalchemy.orm import Session

from kit.consumer import Handler, Many
from kit.events import Event
from kit.types import utcnow
from services.complaints.service import Complaints

STAFF_EVENTS = ("registration.staff.created", "registration.staff.updated", "registration.staff.qualification_changed")
POINT_EVENTS = ("registration.service_point.created", "registration.service_point.updated")


def handlers_for(complaints: Complaints) -> dict[str, Handler]:
    """Registration's staff and points are taken a run at a time (`kit.consumer.Many`)."""
    def staff(session: Session, taken: list[Event]) -> None:
        complaints.staff_members_changed(session, [(e.subject, e.sequence, e.data) for e in taken])

    def point(session: Session, taken: list[Event]) -> None:
        complaints.points_changed(session, [(e.subject, e.sequence, e.data) for e in taken])

    def checked_out(session: Session, event: Event) -> None:
        complaints.visit_checked_out(session, event.subject, event.sequence, event.data, utcnow())

    return {**dict.fromkeys(STAFF_EVENTS, Many(staff)), **dict.fromkeys(POINT_EVENTS, Many(point)),
            "visits.visit.checked_out": checked_out}
