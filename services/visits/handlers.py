"""Events in: which use case each event type calls. Registration's events keep the read
models of elders (with registration's bathing decision), staff, service points and the
approved subsidies that fund visits."""
from __future__ import annotations

from sqlalchemy.orm import Session

from kit.consumer import Handler, Many
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
    """Each read model takes a run of its events at once (`kit.consumer.Many`)."""
    def changes(taken: list[Event]) -> list[tuple[str, int, dict]]:
        return [(event.subject, event.sequence, event.data) for event in taken]

    def elder(session: Session, taken: list[Event]) -> None:
        visits.elders_changed(session, changes(taken), utcnow())

    def staff(session: Session, taken: list[Event]) -> None:
        visits.staff_members_changed(session, changes(taken))

    def point(session: Session, taken: list[Event]) -> None:
        visits.points_changed(session, changes(taken))

    def subsidy(session: Session, taken: list[Event]) -> None:
        visits.subsidies_changed(session, changes(taken))

    return {**dict.fromkeys(ELDER_EVENTS, Many(elder)), **dict.fromkeys(STAFF_EVENTS, Many(staff)),
            **dict.fromkeys(POINT_EVENTS, Many(point)), **dict.fromkeys(SUBSIDY_EVENTS, Many(subsidy))}
