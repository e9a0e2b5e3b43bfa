"""Registration use cases. Each one changes the store and records its events in the
outbox in the caller's transaction (`with store.begin() as session`)."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.outbox import Outbox
from kit.types import utcnow
from kit.errors import DomainError, NotFound
from services.registration import domain
from services.registration.domain import Rules
from services.registration.models import (
    assessments, consents, elder_history, elder_reads, elders, safety_commitments, service_points, staff,
    staff_notices, subsidy_applications,
)

POINT_FIELDS = ("name", "address", "district", "bath_capacity", "rest_seats", "opening_hours",
                "safety_reminders", "contact_phone", "active")
STAFF_FIELDS = ("name", "gender", "roles", "service_point_id", "phone", "email", "health_certificate",
                "experience_years", "care_training", "active")


def today_in(tz: str) -> date:
    return datetime.now(ZoneInfo(tz)).date()


def _json_dates(value: Any) -> Any:
    """Dates inside JSON columns are kept as ISO strings."""
    if isinstance(value, dict):
        return {k: _json_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_dates(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _dates(value: dict | None, *names: str) -> dict | None:
    if not value:
        return value
    return {k: (date.fromisoformat(v) if k in names and isinstance(v, str) else v) for k, v in value.items()}


# --- Service points ------------------------------------------------------------------

def point_state(row: Any) -> dict:
    return {"id": row.id, **{name: getattr(row, name) for name in POINT_FIELDS}}


def create_service_point(session: Session, outbox: Outbox, fields: dict) -> Any:
    domain.validate_opening_hours(fields["opening_hours"])
    now = utcnow()
    point_id = str(uuid.uuid4())
    session.execute(service_points.insert().values(id=point_id, created_at=now, updated_at=now, **fields))
    row = get_service_point(session, point_id)
    outbox.add(session, "registration.service_point.created", point_id, point_state(row))
    return row


def update_service_point(session: Session, outbox: Outbox, point_id: str, changes: dict) -> Any:
    get_service_point(session, point_id, lock=True)
    if "opening_hours" in changes:
        domain.validate_opening_hours(changes["opening_hours"])
    session.execute(service_points.update().where(service_points.c.id == point_id).values(updated_at=utcnow(), **changes))
    row = get_service_point(session, point_id)
    outbox.add(session, "registration.service_point.updated", point_id, point_state(row))
    return row


def get_service_point(session: Session, point_id: str, lock: bool = False) -> Any:
    query = sa.select(service_points).where(service_points.c.id == point_id)
    row = session.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound("service point", point_id)
    return row


# --- Elders --------------------------------------------------------------------------

def elder_state(row: Any, rules: Rules) -> dict:
    """Event-carried state: what visits, complaints and notify keep of an elder."""
    return {
        "id": row.id,
        "name": row.name,
        "gender": row.gender,
        "birth_date": row.birth_date.isoformat(),
        "citizen_card_no": row.citizen_card_no,
        "previous_citizen_card_nos": row.previous_citizen_card_nos,
        "phone": row.phone,
        "phone_is_mobile": row.phone_is_mobile,
        "service_point_id": row.service_point_id,
        "district": row.district,
        "emergency_contacts": row.emergency_contacts,
        "chronic_conditions": row.chronic_conditions,
        "status": row.status,
        "status_reason": row.status_reason,
        "latest_assessment_level": row.latest_assessment_level,
        "safety_commitment_version": row.safety_commitment_version,
        "safety_commitment_current": domain.commitment_current(row.safety_commitment_version, rules),
        "eligible_for_bathing": domain.eligible_for_bathing(row.status, row.latest_assessment_level, rules),
        "same_gender_assistant": row.same_gender_assistant,
        "language": row.language,
        "consents": row.consents,
    }


def _emit_elder(session: Session, outbox: Outbox, rules: Rules, elder_id: str, type_: str, extra: dict | None = None) -> Any:
    row = get_elder(session, elder_id)
    outbox.add(session, type_, elder_id, elder_state(row, rules) | (extra or {}))
    return row


def _history(session: Session, elder_id: str, action: str, changes: dict, actor: str | None) -> None:
    session.execute(elder_history.insert().values(elder_id=elder_id, action=action, changes=_json_dates(changes),
                                                  actor=actor, at=utcnow()))


def _unique_violation(error: sa.exc.IntegrityError) -> DomainError:
    text = str(error.orig).lower()
    if "citizen_card_no" in text:
        return DomainError("DUPLICATE_CITIZEN_CARD", "An elder with this citizen card is already registered.")
    if "id_number" in text:
        return DomainError("DUPLICATE_ID_NUMBER", "An elder with this ID number is already registered.")
    return DomainError("CONFLICT", "The record conflicts with an existing one.")


def _refuse_duplicate_card(session: Session, card: str, elder_id: str | None = None) -> None:
    """A card number, current or retired, belongs to one elder only."""
    taken = session.execute(sa.select(elders.c.id).where(elders.c.citizen_card_no == card)).scalar()
    if taken and taken != elder_id:
        raise DomainError("DUPLICATE_CITIZEN_CARD", "An elder with this citizen card is already registered.")


def register_elder(session: Session, outbox: Outbox, rules: Rules, fields: dict, actor: str | None) -> Any:
    fields = dict(fields, service_point_id=str(fields["service_point_id"]))
    fields = domain.validate_elder_fields(fields)
    get_service_point(session, fields["service_point_id"])
    _refuse_duplicate_card(session, fields["citizen_card_no"])
    if session.execute(sa.select(elders.c.id).where(elders.c.id_number == fields["id_number"])).first():
        raise DomainError("DUPLICATE_ID_NUMBER", "An elder with this ID number is already registered.")
    now = utcnow()
    elder_id = str(uuid.uuid4())
    values = dict(fields, id=elder_id, status="active", previous_citizen_card_nos=[], created_at=now, updated_at=now,
                  consents={kind: None for kind in domain.CONSENT_KINDS})  # None: not recorded yet
    values.setdefault("phone_is_mobile", False)
    try:
        with session.begin_nested():
            session.execute(elders.insert().values(**values))
    except sa.exc.IntegrityError as error:
        raise _unique_violation(error) from None
    _history(session, elder_id, "registered", {}, actor)
    return _emit_elder(session, outbox, rules, elder_id, "registration.elder.registered")


def get_elder(session: Session, elder_id: str, lock: bool = False) -> Any:
    query = sa.select(elders).where(elders.c.id == elder_id)
    row = session.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound("elder", elder_id)
    return row


def find_by_card(session: Session, card: str) -> Any | None:
    """The elder holding this card now; a retired card finds nobody."""
    return session.execute(sa.select(elders).where(elders.c.citizen_card_no == card)).first()


def record_read(session: Session, elder_id: str, user_id: str | None, role: str | None, request_id: str | None) -> None:
    record_reads(session, [elder_id], user_id, role, request_id)


def record_reads(session: Session, elder_ids: list[str], user_id: str | None, role: str | None,
                 request_id: str | None) -> None:
    """Who (a user, or an API key with role `api_client`), when and through which request
    read an elder's unmasked record."""
    if not elder_ids:
        return
    now = utcnow()
    session.execute(elder_reads.insert(), [{"elder_id": elder_id, "user_id": user_id, "role": role,
                                            "request_id": request_id, "at": now} for elder_id in elder_ids])


def update_elder(session: Session, outbox: Outbox, rules: Rules, elder_id: str, changes: dict, actor: str | None) -> Any:
    row = get_elder(session, elder_id, lock=True)
    if row.status == "closed":
        raise DomainError("INVALID_TRANSITION", "A closed elder's record cannot be changed.")
    if "service_point_id" in changes:
        changes["service_point_id"] = str(changes["service_point_id"])
        get_service_point(session, changes["service_point_id"])
    merged = {"birth_date": changes.get("birth_date", row.birth_date), "gender": changes.get("gender", row.gender)}
    if {"id_number", "birth_date", "gender"} & set(changes):
        merged["id_number"] = changes.get("id_number", row.id_number)
    checked = domain.validate_elder_fields({**changes, **merged})
    values = {k: v for k, v in checked.items() if k in changes or k in ("phone_is_mobile", "id_number")}
    if "phone" not in changes:
        values.pop("phone_is_mobile", None)
    values = {k: v for k, v in values.items() if getattr(row, k) != v}
    if "citizen_card_no" in values:
        # Reissue of a lost card: the old number stops working at once.
        _refuse_duplicate_card(session, values["citizen_card_no"], elder_id)
        values["previous_citizen_card_nos"] = [*row.previous_citizen_card_nos, row.citizen_card_no]
    if not values:
        return row
    try:
        with session.begin_nested():
            session.execute(elders.update().where(elders.c.id == elder_id).values(updated_at=utcnow(), **values))
    except sa.exc.IntegrityError as error:
        raise _unique_violation(error) from None
    _history(session, elder_id, "updated",
             {k: {"before": getattr(row, k), "after": v} for k, v in values.items()}, actor)
    return _emit_elder(session, outbox, rules, elder_id, "registration.elder.updated")


def change_status(session: Session, outbox: Outbox, rules: Rules, elder_id: str, action: str,
                  reason: str | None, actor: str | None) -> Any:
    row = get_elder(session, elder_id, lock=True)
    status = domain.transition(row.status, action)
    session.execute(elders.update().where(elders.c.id == elder_id).values(
        status=status, status_reason=reason, updated_at=utcnow()))
    _history(session, elder_id, action, {"status": {"before": row.status, "after": status}, "reason": reason}, actor)
    event = {"suspend": "suspended", "reactivate": "reactivated", "close": "closed"}[action]
    return _emit_elder(session, outbox, rules, elder_id, f"registration.elder.{event}")


def record_assessment(session: Session, outbox: Outbox, rules: Rules, elder_id: str, fields: dict, actor: str | None) -> dict:
    """能力评估: the last one recorded is the one that counts."""
    row = get_elder(session, elder_id, lock=True)
    if row.status == "closed":
        raise DomainError("INVALID_TRANSITION", "A closed elder cannot be assessed.")
    assessment_id = str(uuid.uuid4())
    session.execute(assessments.insert().values(id=assessment_id, elder_id=elder_id, recorded_by=actor,
                                                created_at=utcnow(), **fields))
    session.execute(elders.update().where(elders.c.id == elder_id).values(
        latest_assessment_level=fields["level"], updated_at=utcnow()))
    assessment = {"id": assessment_id, "elder_id": elder_id, **_json_dates(fields)}
    _emit_elder(session, outbox, rules, elder_id, "registration.assessment.recorded", {"assessment": assessment})
    return assessment


def sign_commitment(session: Session, outbox: Outbox, rules: Rules, elder_id: str, fields: dict, actor: str | None) -> dict:
    """安全承诺: only the current text version can be signed."""
    row = get_elder(session, elder_id, lock=True)
    if row.status == "closed":
        raise DomainError("INVALID_TRANSITION", "A closed elder cannot sign.")
    domain.check_commitment_version(fields["text_version"], rules)
    fields = dict(fields, witness_staff_id=str(fields["witness_staff_id"]))
    commitment_id = str(uuid.uuid4())
    now = utcnow()
    session.execute(safety_commitments.insert().values(id=commitment_id, elder_id=elder_id, recorded_by=actor,
                                                       created_at=now, **fields))
    session.execute(elders.update().where(elders.c.id == elder_id).values(
        safety_commitment_version=fields["text_version"], updated_at=now))
    _emit_elder(session, outbox, rules, elder_id, "registration.safety_commitment.signed")
    return {"id": commitment_id, "elder_id": elder_id, "signed_at": now, "current": True, **fields}


def record_consent(session: Session, outbox: Outbox, rules: Rules, elder_id: str, fields: dict, actor: str | None) -> dict:
    row = get_elder(session, elder_id, lock=True)
    consent_id = str(uuid.uuid4())
    now = utcnow()
    session.execute(consents.insert().values(id=consent_id, elder_id=elder_id, recorded_by=actor, created_at=now, **fields))
    session.execute(elders.update().where(elders.c.id == elder_id).values(
        consents={**row.consents, fields["kind"]: fields["granted"]}, updated_at=now))
    _emit_elder(session, outbox, rules, elder_id, "registration.consent.recorded")
    return {"id": consent_id, "elder_id": elder_id, "recorded_at": now, **fields}


# --- Staff ---------------------------------------------------------------------------

def staff_state(row: Any) -> dict:
    certificate = row.health_certificate or {}
    return {
        "id": row.id, "name": row.name, "gender": row.gender, "roles": row.roles,
        "service_point_id": row.service_point_id, "phone": row.phone, "email": row.email, "qualified": row.qualified,
        "qualification_problems": row.qualification_problems,
        "health_certificate_expires_on": certificate.get("expires_on"), "active": row.active,
    }


def _qualification(fields: dict, today: date, rules: Rules) -> list[str]:
    return domain.qualification_problems(_dates(fields.get("health_certificate"), "issued_on", "expires_on"),
                                         fields["experience_years"], fields.get("care_training"), today, rules)


def create_staff(session: Session, outbox: Outbox, rules: Rules, fields: dict, today: date) -> Any:
    fields = dict(fields, service_point_id=str(fields["service_point_id"]) if fields.get("service_point_id") else None)
    if fields["service_point_id"]:
        get_service_point(session, fields["service_point_id"])
    problems = _qualification(fields, today, rules)
    now = utcnow()
    staff_id = str(uuid.uuid4())
    values = {k: _json_dates(v) for k, v in fields.items()}
    session.execute(staff.insert().values(id=staff_id, qualified=not problems, qualification_problems=problems,
                                          created_at=now, updated_at=now, **values))
    row = get_staff(session, staff_id)
    outbox.add(session, "registration.staff.created", staff_id, staff_state(row))
    return row


def update_staff(session: Session, outbox: Outbox, rules: Rules, staff_id: str, changes: dict, today: date) -> Any:
    row = get_staff(session, staff_id, lock=True)
    if changes.get("service_point_id"):
        changes["service_point_id"] = str(changes["service_point_id"])
        get_service_point(session, changes["service_point_id"])
    merged = {name: getattr(row, name) for name in STAFF_FIELDS} | changes
    problems = _qualification(merged, today, rules)
    values = {k: _json_dates(v) for k, v in changes.items()}
    session.execute(staff.update().where(staff.c.id == staff_id).values(
        qualified=not problems, qualification_problems=problems, updated_at=utcnow(), **values))
    updated = get_staff(session, staff_id)
    outbox.add(session, "registration.staff.updated", staff_id, staff_state(updated))
    if updated.qualified != row.qualified:
        change = "renewed" if updated.qualified else "expired"
        outbox.add(session, "registration.staff.qualification_changed", staff_id,
                   staff_state(updated) | {"change": change, "days_left": None})
    return updated


def get_staff(session: Session, staff_id: str, lock: bool = False) -> Any:
    query = sa.select(staff).where(staff.c.id == staff_id)
    row = session.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound("staff member", staff_id)
    return row


def check_certificates(session: Session, outbox: Outbox, rules: Rules, today: date) -> int:
    """The daily check: announce each certificate that expired or will soon, once."""
    announced = 0
    for row in session.execute(sa.select(staff).where(staff.c.health_certificate.isnot(None), staff.c.active)).all():
        expires_on = date.fromisoformat(row.health_certificate["expires_on"])
        change = domain.certificate_change(expires_on, today, rules)
        if change is None:
            continue
        key = {"staff_id": row.id, "change": change, "expires_on": expires_on}
        if session.execute(sa.select(staff_notices.c.staff_id).filter_by(**key)).first():
            continue
        session.execute(staff_notices.insert().values(at=utcnow(), **key))
        problems = _qualification({name: getattr(row, name) for name in STAFF_FIELDS}, today, rules)
        session.execute(staff.update().where(staff.c.id == row.id).values(
            qualified=not problems, qualification_problems=problems, updated_at=utcnow()))
        updated = get_staff(session, row.id)
        outbox.add(session, "registration.staff.qualification_changed", row.id,
                   staff_state(updated) | {"change": change, "days_left": (expires_on - today).days})
        announced += 1
    return announced


# --- Subsidy applications --------------------------------------------------------------

def apply_for_subsidy(session: Session, rules: Rules, fields: dict, today: date) -> Any:
    elder = get_elder(session, str(fields["elder_id"]))
    eligible, reasons = domain.subsidy_eligibility(fields["category"], fields["urban"], elder.birth_date,
                                                   elder.latest_assessment_level, today, rules)
    now = utcnow()
    application_id = str(uuid.uuid4())
    session.execute(subsidy_applications.insert().values(
        id=application_id, elder_id=elder.id, category=fields["category"], urban=fields["urban"], eligible=eligible,
        reasons=reasons, stage="submitted", steps=[], created_at=now, updated_at=now))
    return get_application(session, application_id)


def decide_subsidy(session: Session, outbox: Outbox, application_id: str, step: str, approved: bool,
                   note: str, actor: str | None) -> Any:
    row = get_application(session, application_id, lock=True)
    stage = domain.subsidy_step(row.stage, step, approved)
    steps = [*row.steps, {"step": step, "approved": approved, "note": note, "actor": actor,
                          "at": utcnow().isoformat()}]
    session.execute(subsidy_applications.update().where(subsidy_applications.c.id == application_id).values(
        stage=stage, steps=steps, updated_at=utcnow()))
    if stage in ("approved", "rejected"):
        outbox.add(session, "registration.subsidy.decided", application_id, {
            "id": application_id, "elder_id": row.elder_id, "category": row.category, "eligible": row.eligible,
            "reasons": row.reasons, "stage": "reviewed" if step == "review" else "approved", "approved": approved,
            "note": note,
        })
    return get_application(session, application_id)


def get_application(session: Session, application_id: str, lock: bool = False) -> Any:
    query = sa.select(subsidy_applications).where(subsidy_applications.c.id == application_id)
    row = session.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound("subsidy application", application_id)
    return row
