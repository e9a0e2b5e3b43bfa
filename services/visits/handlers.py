"""Events in: which use case each event type calls. Registration's events keep the read
models of elders (with registration's bathing decision), staff, service points and the
approved subsidies that fund visits."""
from __future__ import annotations

from sqlalchemy.orm import Session

from kit.consumer import Handler
from kit.events import Event
from kit.types import utcnow
from services.visits.service import Visits

ELDER_EVENTS = ("registration.elder.registered", "registration.elder.updated", "registration.elder.suspended",
                "registration.elder.reactivated", "registration.elder.closed", "registration.elder.reopened",
                "registration.assessment.recorded", "registration.assessment.expiring",
                "registration.safety_commitment.signed", "registration.consent.recorded")
STAFF_EVENTS = ("registration.staff.created", "registration.staff.updated", "registration.staff.qualification_changed")
POINT_EVENTS = ("registration.service_point.created", "registration.service_point.updated")
SUBSIDY_EVENTS = ("registration.subsidy.decided", "registration.subsidy.ended")


def handlers_for(visits: Visits) -> dict[str, Handler]:
    def elder(session: Session, event: Event) -> None:
        visits.elder_changed(session, event.subject, event.sequence, event.data, utcnow())

    def staff(session: Session, event: Event) -> None:
        visits.staff_changed(session, event.subject, event.sequence, event.data)

    def point(session: Session, event: Event) -> None:
        visits.point_changed(session, event.subject, event.sequence, event.data)

    def subsidy(session: Session, event: Event) -> None:
        visits.subsidy_changed(session, event.subject, event.sequence, event.data)

    return {**dict.fromkeys(ELDER_EVENTS, elder), **dict.fromkeys(STAFF_EVENTS, staff),
            **dict.fromkeys(POINT_EVENTS, point), **dict.fromkeys(SUBSIDY_EVENTS, subsidy)}
