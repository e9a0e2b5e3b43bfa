"""Registration use cases: each one is a unit of work that changes the store and records
its events in the outbox, in one transaction."""
from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.outbox import Outbox
from kit.types import utcnow
from kit.web import ApiError
from services.registration.models import elders, service_points

POINT_FIELDS = ("name", "address", "district", "bath_capacity", "rest_seats", "opening_hours",
                "safety_reminders", "contact_phone", "active")


def point_event_data(row: Any) -> dict:
    return {"id": row.id, **{field: getattr(row, field) for field in POINT_FIELDS}}


def create_service_point(session: Session, outbox: Outbox, fields: dict) -> Any:
    now = utcnow()
    point_id = str(uuid.uuid4())
    session.execute(service_points.insert().values(id=point_id, created_at=now, updated_at=now, **fields))
    row = get_service_point(session, point_id)
    outbox.add(session, "registration.service_point.created", point_id, point_event_data(row))
    return row


def update_service_point(session: Session, outbox: Outbox, point_id: str, changes: dict) -> Any:
    get_service_point(session, point_id)
    session.execute(service_points.update().where(service_points.c.id == point_id).values(updated_at=utcnow(), **changes))
    row = get_service_point(session, point_id)
    outbox.add(session, "registration.service_point.updated", point_id, point_event_data(row))
    return row


def get_service_point(session: Session, point_id: str) -> Any:
    row = session.execute(sa.select(service_points).where(service_points.c.id == point_id)).first()
    if row is None:
        raise ApiError(404, "NOT_FOUND", f"No service point {point_id}.")
    return row


def elder_event_data(row: Any) -> dict:
    """Event-carried state: what visits, complaints and notify keep in their read models."""
    return {
        "id": row.id,
        "name": row.name,
        "gender": row.gender,
        "birth_date": row.birth_date.isoformat(),
        "citizen_card_no": row.citizen_card_no,
        "phone": row.phone,
        "service_point_id": row.service_point_id,
        "emergency_contacts": row.emergency_contacts,
        "chronic_conditions": row.chronic_conditions,
        "status": row.status,
    }


def register_elder(session: Session, outbox: Outbox, fields: dict) -> Any:
    fields = dict(fields, service_point_id=str(fields["service_point_id"]))
    get_service_point(session, fields["service_point_id"])
    _refuse_duplicates(session, fields["citizen_card_no"], fields["id_number"])
    now = utcnow()
    elder_id = str(uuid.uuid4())
    session.execute(elders.insert().values(id=elder_id, status="active", created_at=now, updated_at=now, **fields))
    row = get_elder(session, elder_id)
    outbox.add(session, "registration.elder.registered", elder_id, elder_event_data(row))
    return row


def _refuse_duplicates(session: Session, card: str, id_number: str) -> None:
    if session.execute(sa.select(elders.c.id).where(elders.c.citizen_card_no == card)).first():
        raise ApiError(409, "DUPLICATE_CITIZEN_CARD", "An elder with this citizen card is already registered.")
    if session.execute(sa.select(elders.c.id).where(elders.c.id_number == id_number)).first():
        raise ApiError(409, "DUPLICATE_ID_NUMBER", "An elder with this ID number is already registered.")


def get_elder(session: Session, elder_id: str) -> Any:
    row = session.execute(sa.select(elders).where(elders.c.id == elder_id)).first()
    if row is None:
        raise ApiError(404, "NOT_FOUND", f"No elder {elder_id}.")
    return row
