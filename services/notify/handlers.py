"""Events in: which use case each event type calls. Registration's elders and staff are the
recipients, and their SMS consent given lets a welcome held for want of it go; bookings
schedule and cancel reminders; every event is then planned against
`domain.RULES` (who is told what) and offered to the webhooks that subscribe to it. The
gateway's news of a revoked key or a disabled user stops the webhooks they made."""
from __future__ import annotations

from sqlalchemy.orm import Session

from kit.consumer import Handler, Many
from kit.events import Event
from kit.types import utcnow
from services.notify import domain
from services.notify.service import Notify

ELDER_EVENTS = ("registration.elder.registered", "registration.elder.updated", "registration.elder.suspended",
                "registration.elder.reactivated", "registration.elder.closed", "registration.elder.reopened",
                "registration.assessment.recorded", "registration.assessment.expiring",
                "registration.safety_commitment.signed")
STAFF_EVENTS = ("registration.staff.created", "registration.staff.updated", "registration.staff.qualification_changed")
BOOKING_ENDED = ("visits.booking.cancelled", "visits.booking.no_show")
# Told to nobody by the rules, yet offered to the webhooks that subscribe to them.
FOR_WEBHOOKS = ("visits.visit.checked_in", "visits.visit.checked_out", "visits.visit.screened",
                "visits.visit.entry_denied", "visits.visit.ended_early", "visits.visit.bath_started",
                "visits.visit.rest_started", "visits.follow_up.overdue", "visits.follow_up.recorded",
                "visits.incident.closed", "visits.settlement.ready",
                "complaints.complaint.resolved", "complaints.complaint.closed",
                "complaints.complaint.reopened", "complaints.complaint.resumed", "complaints.complaint.reviewed",
                "complaints.survey.submitted", "complaints.misconduct.recorded", "complaints.report.ready",
                "registration.subsidy.decided", "registration.subsidy.ended", "registration.service_point.created",
                "registration.service_point.updated", "notify.notification.sent", "notify.notification.failed")
# The gateway's news of an owner ended: its webhooks stop (never delivered to a webhook).
OWNERS_ENDED = {"gateway.api_key.revoked": "The API key that made this webhook was revoked.",
                "gateway.user.disabled": "The user who made this webhook was disabled."}


def handlers_for(notify: Notify) -> dict[str, Handler]:
    """The events only planned are taken a run at a time (`kit.consumer.Many`)."""
    def plan(session: Session, taken: list[Event]) -> None:
        notify.plan_many(session, taken, utcnow())

    def elder(session: Session, event: Event) -> None:
        notify.elder_changed(session, event, utcnow())

    def consent(session: Session, event: Event) -> None:
        notify.consent_recorded(session, event, utcnow())

    def staff(session: Session, event: Event) -> None:
        notify.staff_changed(session, event, utcnow())

    def booking_created(session: Session, event: Event) -> None:
        notify.booking_created(session, event, utcnow())

    def booking_ended(session: Session, event: Event) -> None:
        notify.booking_ended(session, event, utcnow())

    def owner_ended(session: Session, event: Event) -> None:
        notify.owner_ended(session, event.subject, OWNERS_ENDED[event.type], utcnow())

    return {**dict.fromkeys(sorted({rule.event_type for rule in domain.RULES} | set(FOR_WEBHOOKS)), Many(plan)),
            **dict.fromkeys(ELDER_EVENTS, elder), "registration.consent.recorded": consent,
            **dict.fromkeys(STAFF_EVENTS, staff),
            "visits.booking.created": booking_created, **dict.fromkeys(BOOKING_ENDED, booking_ended),
            **dict.fromkeys(OWNERS_ENDED, owner_ended)}


def subscribable() -> frozenset[str]:
    """The event types a webhook may name: every type notify takes from the bus (the event
    catalogue's, a test holds them equal) but the gateway's own news."""
    return frozenset(type_ for type_ in handlers_for(None) if type_ not in OWNERS_ENDED)
