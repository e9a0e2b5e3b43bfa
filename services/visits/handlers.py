"""Events in: the read models of elders, staff and service points (event-carried state).

Each row keeps the `sequence` of the event it came from; an older or repeated event is
ignored, so redeliveries and reordering leave the newest state in place.
"""
from __future__ import annotations

from datetime import date
from typing import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.events import Event
from kit.readmodel import apply_state
from kit.types import utcnow
from services.visits.models import bookings, elders, points, slots, staff


def elder_values(data: dict) -> dict:
    return {
        "citizen_card_no": data["citizen_card_no"], "name": data["name"], "gender": data["gender"],
        "birth_date": date.fromisoformat(data["birth_date"]), "service_point_id": data["service_point_id"],
        "status": data["status"], "latest_assessment_level": data.get("latest_assessment_level"),
        "safety_commitment_version": data.get("safety_commitment_version"),
        "same_gender_assistant": bool(data.get("same_gender_assistant")),
        "chronic_conditions": data.get("chronic_conditions", []),
    }


def on_elder(session: Session, event: Event, follow_ups=None) -> None:
    # A reissued card frees the old number: drop it from whoever holds it here first.
    session.execute(elders.update().where(elders.c.citizen_card_no == event.data["citizen_card_no"],
                                          elders.c.id != event.subject)
                    .values(citizen_card_no="retired:" + elders.c.id))
    applied = apply_state(session, elders, event.subject, event.sequence, elder_values(event.data))
    if applied and event.data["status"] == "closed":
        # Closing an elder cancels their bookings still to come and ends their follow-ups.
        booked = session.execute(sa.select(bookings).where(bookings.c.elder_id == event.subject,
                                                           bookings.c.status == "booked")).all()
        for booking in booked:
            session.execute(bookings.update().where(bookings.c.id == booking.id)
                            .values(status="cancelled", updated_at=utcnow()))
            session.execute(slots.update().filter_by(service_point_id=booking.service_point_id,
                                                     slot_start=booking.slot_start).values(taken=slots.c.taken - 1))
        if follow_ups is not None:
            follow_ups.end_plans(session, event.subject)


def on_staff(session: Session, event: Event) -> None:
    data = event.data
    apply_state(session, staff, event.subject, event.sequence, {
        "name": data["name"], "gender": data.get("gender"), "roles": data["roles"],
        "service_point_id": data.get("service_point_id"), "qualified": data["qualified"],
        "active": data.get("active", True),
    })


def on_point(session: Session, event: Event) -> None:
    data = event.data
    apply_state(session, points, event.subject, event.sequence, {
        "name": data["name"], "active": data["active"], "opening_hours": data["opening_hours"],
        "bath_capacity": data["bath_capacity"], "safety_reminders": data.get("safety_reminders", []),
    })


ELDER_EVENTS = ("registration.elder.registered", "registration.elder.updated", "registration.elder.suspended",
                "registration.elder.reactivated", "registration.elder.closed", "registration.assessment.recorded",
                "registration.safety_commitment.signed", "registration.consent.recorded")


def handlers_for(follow_ups) -> dict[str, Callable[[Session, Event], None]]:
    def elder(session: Session, event: Event) -> None:
        on_elder(session, event, follow_ups)

    return {
        **{name: elder for name in ELDER_EVENTS},
        **{f"registration.staff.{name}": on_staff for name in ("created", "updated", "qualification_changed")},
        "registration.service_point.created": on_point,
        "registration.service_point.updated": on_point,
    }
