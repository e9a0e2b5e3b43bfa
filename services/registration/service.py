"""Registration use cases: service points, elders (and their bathing decision), staff and
their qualification, subsidy applications.

Each method works in the caller's transaction (`with store.begin() as session`): it
changes rows and records its events in the outbox in that same transaction. `now` comes
from the caller; nothing here reads the clock.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.db import one
from kit.errors import DomainError, NotFound
from kit.outbox import Outbox
from kit.paging import page
from services.registration import domain
from services.registration.config import Settings
from services.registration.models import (
    assessments, consents, elder_history, elder_reads, elders, safety_commitments, service_points, staff,
    staff_notices, subsidy_applications,
)

POINT_FIELDS = ("name", "address", "district", "bath_capacity", "rest_seats", "opening_hours",
                "safety_reminders", "contact_phone", "active")
STAFF_FIELDS = ("name", "gender", "roles", "service_point_id", "phone", "email", "health_certificate",
                "experience_years", "care_training", "active")


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


def _unique_violation(error: sa.exc.IntegrityError) -> DomainError:
    text = str(error.orig).lower()
    if "citizen_card_no" in text:
        return DomainError("DUPLICATE_CITIZEN_CARD", "An elder with this citizen card is already registered.")
    if "id_number" in text:
        return DomainError("DUPLICATE_ID_NUMBER", "An elder with this ID number is already registered.")
    return DomainError("CONFLICT", "The record conflicts with an existing one.")


class Registration:
    """The use cases, with the settings (rules, the commitment text in force) they need."""

    def __init__(self, settings: Settings, outbox: Outbox):
        self.settings = settings
        self.rules = settings.rules
        self.outbox = outbox
        self.tz = ZoneInfo(settings.common.timezone)

    def today(self, now: datetime) -> date:
        return now.astimezone(self.tz).date()

    # --- service points -----------------------------------------------------------------

    @staticmethod
    def point_state(row: Any) -> dict:
        return {"id": row.id, **{name: getattr(row, name) for name in POINT_FIELDS}}

    def create_service_point(self, session: Session, fields: dict, now: datetime) -> Any:
        domain.validate_opening_hours(fields["opening_hours"])
        point_id = str(uuid.uuid4())
        session.execute(service_points.insert().values(id=point_id, created_at=now, updated_at=now, **fields))
        row = self.service_point(session, point_id)
        self.outbox.add(session, "registration.service_point.created", point_id, self.point_state(row))
        return row

    def update_service_point(self, session: Session, point_id: str, changes: dict, now: datetime) -> Any:
        self.service_point(session, point_id, lock=True)
        if "opening_hours" in changes:
            domain.validate_opening_hours(changes["opening_hours"])
        session.execute(service_points.update().where(service_points.c.id == point_id)
                        .values(updated_at=now, **changes))
        row = self.service_point(session, point_id)
        self.outbox.add(session, "registration.service_point.updated", point_id, self.point_state(row))
        return row

    @staticmethod
    def service_point(session: Session, point_id: str, lock: bool = False) -> Any:
        return one(session, service_points, "service point", point_id, lock)

    @staticmethod
    def service_points(session: Session, only: str | None, limit: int, cursor: str | None) -> tuple[list, str | None]:
        query = sa.select(service_points)
        if only:
            query = query.where(service_points.c.id == only)
        return page(session, query, service_points, limit, cursor)

    # --- elders -------------------------------------------------------------------------

    def decision(self, row: Any, now: datetime) -> domain.BathingDecision:
        return domain.bathing_decision(row.status, row.latest_assessment_level, row.safety_commitment_version,
                                       self.today(now), self.settings.common.safety_commitment_version, self.rules)

    def elder_record(self, row: Any, now: datetime) -> dict:
        """The whole record with today's bathing decision (before masking for a caller)."""
        decision = self.decision(row, now)
        return dict(row._mapping) | {"eligible_for_bathing": decision.eligible,
                                     "safety_commitment_current": decision.commitment_current}

    def elder_state(self, row: Any, now: datetime) -> dict:
        """Event-carried state: what visits, complaints and notify keep of an elder,
        registration's bathing decision included (visits applies it, never remakes it)."""
        decision = self.decision(row, now)
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
            "safety_commitment_current": decision.commitment_current,
            "eligible_for_bathing": decision.eligible,
            "decision_lapses_on": decision.lapses_on.isoformat() if decision.lapses_on else None,
            "commitment_version_in_force": self.settings.common.safety_commitment_version,
            "same_gender_assistant": row.same_gender_assistant,
            "language": row.language,
            "consents": row.consents,
        }

    # What check-in needs of an elder (visits' read model): no phone, contacts or consents.
    CHECK_IN_FIELDS = ("id", "name", "gender", "birth_date", "citizen_card_no", "service_point_id", "status",
                       "latest_assessment_level", "safety_commitment_version", "safety_commitment_current",
                       "eligible_for_bathing", "decision_lapses_on", "commitment_version_in_force",
                       "same_gender_assistant", "chronic_conditions")

    def check_in_state(self, row: Any, now: datetime) -> dict:
        """The part of an elder's state a check-in is decided on, for the visits service."""
        state = self.elder_state(row, now)
        return {name: state[name] for name in self.CHECK_IN_FIELDS}

    def _emit_elder(self, session: Session, elder_id: str, type_: str, now: datetime, extra: dict | None = None) -> Any:
        row = self.elder(session, elder_id)
        self.outbox.add(session, type_, elder_id, self.elder_state(row, now) | (extra or {}))
        return row

    @staticmethod
    def _history(session: Session, elder_id: str, action: str, changes: dict, actor: str | None,
                 now: datetime) -> None:
        session.execute(elder_history.insert().values(elder_id=elder_id, action=action, changes=_json_dates(changes),
                                                      actor=actor, at=now))

    @staticmethod
    def _refuse_duplicate_card(session: Session, card: str, elder_id: str | None = None) -> None:
        """A card number, current or retired, belongs to one elder only."""
        taken = session.execute(sa.select(elders.c.id).where(elders.c.citizen_card_no == card)).scalar()
        if taken and taken != elder_id:
            raise DomainError("DUPLICATE_CITIZEN_CARD", "An elder with this citizen card is already registered.")

    def register_elder(self, session: Session, fields: dict, actor: str | None, now: datetime) -> Any:
        fields = domain.validate_elder_fields(dict(fields, service_point_id=str(fields["service_point_id"])))
        self.service_point(session, fields["service_point_id"])
        self._refuse_duplicate_card(session, fields["citizen_card_no"])
        if session.execute(sa.select(elders.c.id).where(elders.c.id_number == fields["id_number"])).first():
            raise DomainError("DUPLICATE_ID_NUMBER", "An elder with this ID number is already registered.")
        elder_id = str(uuid.uuid4())
        values = dict(fields, id=elder_id, status="active", previous_citizen_card_nos=[], created_at=now,
                      updated_at=now, consents={kind: None for kind in domain.CONSENT_KINDS})  # None: not recorded yet
        values.setdefault("phone_is_mobile", False)
        try:
            with session.begin_nested():
                session.execute(elders.insert().values(**values))
        except sa.exc.IntegrityError as error:
            raise _unique_violation(error) from None
        self._history(session, elder_id, "registered", {}, actor, now)
        return self._emit_elder(session, elder_id, "registration.elder.registered", now)

    @staticmethod
    def elder(session: Session, elder_id: str, lock: bool = False) -> Any:
        return one(session, elders, "elder", elder_id, lock)

    @staticmethod
    def elder_by_card(session: Session, card: str) -> Any:
        """The elder holding this card now; a retired card finds nobody."""
        row = session.execute(sa.select(elders).where(elders.c.citizen_card_no == card)).first()
        if row is None:
            raise NotFound("card", card, "No elder holds this card.")
        return row

    @staticmethod
    def elders(session: Session, point: str | None, card: str | None, name_prefix: str | None, limit: int,
               cursor: str | None, id_number: str | None = None) -> tuple[list, str | None]:
        query = sa.select(elders)
        if point:
            query = query.where(elders.c.service_point_id == point)
        if card:
            query = query.where(elders.c.citizen_card_no == card)
        if name_prefix:
            query = query.where(elders.c.name.startswith(name_prefix, autoescape=True))
        if id_number:
            query = query.where(elders.c.id_number == id_number.strip().upper())
        return page(session, query, elders, limit, cursor)

    @staticmethod
    def record_reads(session: Session, elder_ids: list[str], user_id: str | None, role: str | None,
                     request_id: str | None, now: datetime) -> None:
        """Who (a user, or an API key with role `api_client`), when and through which request
        read an elder's unmasked record."""
        if not elder_ids:
            return
        session.execute(elder_reads.insert(), [{"elder_id": elder_id, "user_id": user_id, "role": role,
                                                "request_id": request_id, "at": now} for elder_id in elder_ids])

    @staticmethod
    def elder_reads(session: Session, elder_id: str | None, user_id: str | None, limit: int,
                    after: int) -> tuple[list, str | None]:
        query = sa.select(elder_reads).where(elder_reads.c.id > after)
        if elder_id:
            query = query.where(elder_reads.c.elder_id == elder_id)
        if user_id:
            query = query.where(elder_reads.c.user_id == user_id)
        rows = session.execute(query.order_by(elder_reads.c.id).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, str(rows[-1].id) if more and rows else None

    def update_elder(self, session: Session, elder_id: str, changes: dict, actor: str | None, now: datetime) -> Any:
        row = self.elder(session, elder_id, lock=True)
        domain.check_open(row.status, "changed")
        if "service_point_id" in changes:
            changes["service_point_id"] = str(changes["service_point_id"])
            self.service_point(session, changes["service_point_id"])
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
            self._refuse_duplicate_card(session, values["citizen_card_no"], elder_id)
            values["previous_citizen_card_nos"] = [*row.previous_citizen_card_nos, row.citizen_card_no]
        if not values:
            return row
        try:
            with session.begin_nested():
                session.execute(elders.update().where(elders.c.id == elder_id).values(updated_at=now, **values))
        except sa.exc.IntegrityError as error:
            raise _unique_violation(error) from None
        self._history(session, elder_id, "updated",
                      {k: {"before": getattr(row, k), "after": v} for k, v in values.items()}, actor, now)
        return self._emit_elder(session, elder_id, "registration.elder.updated", now)

    def change_status(self, session: Session, elder_id: str, action: str, reason: str | None, actor: str | None,
                      now: datetime) -> Any:
        row = self.elder(session, elder_id, lock=True)
        status = domain.transition(row.status, action)
        session.execute(elders.update().where(elders.c.id == elder_id).values(
            status=status, status_reason=reason, updated_at=now))
        self._history(session, elder_id, action, {"status": {"before": row.status, "after": status},
                                                  "reason": reason}, actor, now)
        event = {"suspend": "suspended", "reactivate": "reactivated", "close": "closed"}[action]
        return self._emit_elder(session, elder_id, f"registration.elder.{event}", now)

    def record_assessment(self, session: Session, elder_id: str, fields: dict, actor: str | None,
                          now: datetime) -> dict:
        """能力评估: the last one recorded is the one that counts."""
        row = self.elder(session, elder_id, lock=True)
        domain.check_open(row.status, "assessed")
        assessment_id = str(uuid.uuid4())
        session.execute(assessments.insert().values(id=assessment_id, elder_id=elder_id, recorded_by=actor,
                                                    created_at=now, **fields))
        session.execute(elders.update().where(elders.c.id == elder_id).values(
            latest_assessment_level=fields["level"], updated_at=now))
        assessment = {"id": assessment_id, "elder_id": elder_id, **_json_dates(fields)}
        self._emit_elder(session, elder_id, "registration.assessment.recorded", now, {"assessment": assessment})
        return assessment

    def sign_commitment(self, session: Session, elder_id: str, fields: dict, actor: str | None,
                        now: datetime) -> dict:
        """安全承诺: only the current text version can be signed."""
        row = self.elder(session, elder_id, lock=True)
        domain.check_open(row.status, "signed for")
        domain.check_commitment_version(fields["text_version"], self.settings.common.safety_commitment_version)
        fields = dict(fields, witness_staff_id=str(fields["witness_staff_id"]))
        commitment_id = str(uuid.uuid4())
        session.execute(safety_commitments.insert().values(id=commitment_id, elder_id=elder_id, recorded_by=actor,
                                                           created_at=now, **fields))
        session.execute(elders.update().where(elders.c.id == elder_id).values(
            safety_commitment_version=fields["text_version"], updated_at=now))
        self._emit_elder(session, elder_id, "registration.safety_commitment.signed", now)
        return {"id": commitment_id, "elder_id": elder_id, "signed_at": now, "current": True, **fields}

    def record_consent(self, session: Session, elder_id: str, fields: dict, actor: str | None, now: datetime) -> dict:
        row = self.elder(session, elder_id, lock=True)
        consent_id = str(uuid.uuid4())
        session.execute(consents.insert().values(id=consent_id, elder_id=elder_id, recorded_by=actor, created_at=now,
                                                 **fields))
        session.execute(elders.update().where(elders.c.id == elder_id).values(
            consents={**row.consents, fields["kind"]: fields["granted"]}, updated_at=now))
        self._emit_elder(session, elder_id, "registration.consent.recorded", now)
        return {"id": consent_id, "elder_id": elder_id, "recorded_at": now, **fields}

    # --- staff --------------------------------------------------------------------------

    @staticmethod
    def staff_state(row: Any) -> dict:
        certificate = row.health_certificate or {}
        return {
            "id": row.id, "name": row.name, "gender": row.gender, "roles": row.roles,
            "service_point_id": row.service_point_id, "phone": row.phone, "email": row.email,
            "qualified": row.qualified, "qualification_problems": row.qualification_problems,
            "health_certificate_expires_on": certificate.get("expires_on"), "active": row.active,
        }

    def _qualification(self, fields: dict, today: date) -> list[str]:
        return domain.qualification_problems(_dates(fields.get("health_certificate"), "issued_on", "expires_on"),
                                             fields["experience_years"], fields.get("care_training"), today,
                                             self.rules)

    def create_staff(self, session: Session, fields: dict, now: datetime) -> Any:
        fields = dict(fields, service_point_id=str(fields["service_point_id"]) if fields.get("service_point_id")
                      else None)
        if fields["service_point_id"]:
            self.service_point(session, fields["service_point_id"])
        problems = self._qualification(fields, self.today(now))
        staff_id = str(uuid.uuid4())
        values = {k: _json_dates(v) for k, v in fields.items()}
        session.execute(staff.insert().values(id=staff_id, qualified=not problems, qualification_problems=problems,
                                              created_at=now, updated_at=now, **values))
        row = self.staff_member(session, staff_id)
        self.outbox.add(session, "registration.staff.created", staff_id, self.staff_state(row))
        return row

    def update_staff(self, session: Session, staff_id: str, changes: dict, now: datetime) -> Any:
        row = self.staff_member(session, staff_id, lock=True)
        if changes.get("service_point_id"):
            changes["service_point_id"] = str(changes["service_point_id"])
            self.service_point(session, changes["service_point_id"])
        merged = {name: getattr(row, name) for name in STAFF_FIELDS} | changes
        problems = self._qualification(merged, self.today(now))
        values = {k: _json_dates(v) for k, v in changes.items()}
        session.execute(staff.update().where(staff.c.id == staff_id).values(
            qualified=not problems, qualification_problems=problems, updated_at=now, **values))
        updated = self.staff_member(session, staff_id)
        self.outbox.add(session, "registration.staff.updated", staff_id, self.staff_state(updated))
        if updated.qualified != row.qualified:
            change = "renewed" if updated.qualified else "expired"
            self.outbox.add(session, "registration.staff.qualification_changed", staff_id,
                            self.staff_state(updated) | {"change": change, "days_left": None})
        return updated

    @staticmethod
    def staff_member(session: Session, staff_id: str, lock: bool = False) -> Any:
        return one(session, staff, "staff member", staff_id, lock)

    @staticmethod
    def staff_list(session: Session, point: str | None, role: str | None, limit: int,
                   cursor: str | None) -> tuple[list, str | None]:
        query = sa.select(staff)
        if point:
            query = query.where(staff.c.service_point_id == point)
        rows, next_cursor = page(session, query, staff, limit, cursor)
        return [r for r in rows if not role or role in r.roles], next_cursor

    def check_certificates(self, session: Session, now: datetime) -> int:
        """The daily check: announce each certificate that expired or will soon, once."""
        today = self.today(now)
        announced = 0
        for row in session.execute(sa.select(staff).where(staff.c.health_certificate.isnot(None),
                                                          staff.c.active)).all():
            expires_on = date.fromisoformat(row.health_certificate["expires_on"])
            change = domain.certificate_change(expires_on, today, self.rules)
            if change is None:
                continue
            key = {"staff_id": row.id, "change": change, "expires_on": expires_on}
            if session.execute(sa.select(staff_notices.c.staff_id).filter_by(**key)).first():
                continue
            session.execute(staff_notices.insert().values(at=now, **key))
            problems = self._qualification({name: getattr(row, name) for name in STAFF_FIELDS}, today)
            session.execute(staff.update().where(staff.c.id == row.id).values(
                qualified=not problems, qualification_problems=problems, updated_at=now))
            updated = self.staff_member(session, row.id)
            self.outbox.add(session, "registration.staff.qualification_changed", row.id,
                            self.staff_state(updated) | {"change": change, "days_left": (expires_on - today).days})
            announced += 1
        return announced

    # --- subsidy applications -------------------------------------------------------------

    def apply_for_subsidy(self, session: Session, fields: dict, now: datetime) -> Any:
        elder = self.elder(session, str(fields["elder_id"]))
        eligible, reasons = domain.subsidy_eligibility(fields["category"], fields["urban"], elder.birth_date,
                                                       elder.latest_assessment_level, self.today(now), self.rules)
        application_id = str(uuid.uuid4())
        session.execute(subsidy_applications.insert().values(
            id=application_id, elder_id=elder.id, category=fields["category"], urban=fields["urban"],
            eligible=eligible, reasons=reasons, stage="submitted", steps=[], created_at=now, updated_at=now))
        return self.application(session, application_id)

    def decide_subsidy(self, session: Session, application_id: str, step: str, approved: bool, note: str,
                       actor: str | None, now: datetime) -> Any:
        row = self.application(session, application_id, lock=True)
        stage = domain.subsidy_step(row.stage, step, approved)
        steps = [*row.steps, {"step": step, "approved": approved, "note": note, "actor": actor,
                              "at": now.isoformat()}]
        session.execute(subsidy_applications.update().where(subsidy_applications.c.id == application_id).values(
            stage=stage, steps=steps, updated_at=now))
        if stage in ("approved", "rejected"):
            self.outbox.add(session, "registration.subsidy.decided", application_id, {
                "id": application_id, "elder_id": row.elder_id, "category": row.category, "eligible": row.eligible,
                "reasons": row.reasons, "stage": "reviewed" if step == "review" else "approved",
                "approved": approved, "note": note,
            })
        return self.application(session, application_id)

    @staticmethod
    def application(session: Session, application_id: str, lock: bool = False) -> Any:
        return one(session, subsidy_applications, "subsidy application", application_id, lock)
