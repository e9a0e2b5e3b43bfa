"""Registration use cases: service points, elders (and their bathing decision), staff and
their qualification, home-care subsidies (applications, decisions, validity, re-checks).

Each method works in the caller's transaction (`with store.begin() as session`): it
changes rows and records its events in the outbox in that same transaction. `now` comes
from the caller; nothing here reads the clock.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.caller import Caller
from kit.db import one
from kit.errors import DomainError, Invalid, NotFound
from kit.outbox import Outbox
from kit.paging import id_page, page
from services.registration import domain
from services.registration.config import Settings
from services.registration.models import (
    assessment_notices, assessments, citizen_cards, consents, elder_history, elder_reads, elders, safety_commitments,
    service_points, staff, staff_notices, subsidy_applications,
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
    if "citizen_card" in text:  # elders.citizen_card_no, or a number given before (citizen_cards)
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
        return domain.bathing_decision(row.status, row.latest_assessment_level, row.latest_assessed_on,
                                       row.birth_date, row.safety_commitment_version, self.today(now),
                                       self.settings.common.safety_commitment_version, self.rules)

    def _decided(self, row: Any, now: datetime) -> dict:
        """Today's bathing decision as an elder's record and events show it."""
        decision = self.decision(row, now)
        due_on = domain.assessment_due_on(row.latest_assessed_on, self.rules) if row.latest_assessed_on else None
        return {"eligible_for_bathing": decision.eligible, "safety_commitment_current": decision.commitment_current,
                "ineligibility_reasons": list(decision.ineligibility_reasons), "assessment_due_on": due_on}

    def elder_record(self, row: Any, now: datetime) -> dict:
        """The whole record with today's bathing decision (before masking for a caller)."""
        return dict(row._mapping) | self._decided(row, now)

    def elder_state(self, row: Any, now: datetime) -> dict:
        """Event-carried state: what visits, complaints and notify keep of an elder,
        registration's bathing decision included (visits applies it, never remakes it)."""
        decision = self.decision(row, now)
        decided = self._decided(row, now)
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
            "ineligibility_reasons": decided["ineligibility_reasons"],
            "latest_assessed_on": row.latest_assessed_on.isoformat() if row.latest_assessed_on else None,
            "assessment_due_on": decided["assessment_due_on"].isoformat() if decided["assessment_due_on"] else None,
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
    def _refuse_given_card(session: Session, card: str) -> None:
        """A card number, current or retired, is given to one elder once: a number given
        before (to this elder or another) is 409 `DUPLICATE_CITIZEN_CARD`. The number is
        the key of `citizen_cards`, so two requests giving it at once cannot both succeed."""
        if session.execute(sa.select(citizen_cards.c.elder_id).where(citizen_cards.c.card_no == card)).first():
            raise DomainError("DUPLICATE_CITIZEN_CARD", "An elder with this citizen card is already registered.")

    @staticmethod
    def _give_card(session: Session, card: str, elder_id: str, now: datetime) -> None:
        session.execute(citizen_cards.insert().values(card_no=card, elder_id=elder_id, given_at=now))

    def register_elder(self, session: Session, fields: dict, actor: str | None, now: datetime,
                       reader: Caller | None = None) -> Any:
        """A new elder. The same ID number again is the same person coming back (their record
        is reopened, not made again): 409 naming the existing record to a `reader` who may
        see it, and to nobody else (another point's elder is not told of)."""
        fields = domain.validate_elder_fields(dict(fields, service_point_id=str(fields["service_point_id"])))
        self.service_point(session, fields["service_point_id"])
        self._refuse_given_card(session, fields["citizen_card_no"])
        existing = session.execute(sa.select(elders.c.id, elders.c.service_point_id)
                                   .where(elders.c.id_number == fields["id_number"])).first()
        if existing:
            named = {"elder_id": existing.id} if reader is None or reader.sees(existing.service_point_id) else {}
            raise DomainError("DUPLICATE_ID_NUMBER", "An elder with this ID number is already registered.", **named)
        elder_id = str(uuid.uuid4())
        values = dict(fields, id=elder_id, status="active", previous_citizen_card_nos=[], created_at=now,
                      updated_at=now, consents={kind: None for kind in domain.CONSENT_KINDS})  # None: not recorded yet
        values.setdefault("phone_is_mobile", False)
        try:
            with session.begin_nested():
                session.execute(elders.insert().values(**values))
                self._give_card(session, fields["citizen_card_no"], elder_id, now)
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
                    cursor: str | None) -> tuple[list, str | None]:
        query = sa.select(elder_reads)
        if elder_id:
            query = query.where(elder_reads.c.elder_id == elder_id)
        if user_id:
            query = query.where(elder_reads.c.user_id == user_id)
        return id_page(session, query, elder_reads.c.id, limit, cursor)

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
            # Reissue of a lost card: the old number stops working at once, and is never given again.
            self._refuse_given_card(session, values["citizen_card_no"])
            values["previous_citizen_card_nos"] = [*row.previous_citizen_card_nos, row.citizen_card_no]
        if not values:
            return row
        try:
            with session.begin_nested():
                if "citizen_card_no" in values:
                    self._give_card(session, values["citizen_card_no"], elder_id, now)
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
            status=status, status_reason=reason if status != "active" else None, updated_at=now))
        self._history(session, elder_id, action, {"status": {"before": row.status, "after": status},
                                                  "reason": reason}, actor, now)
        event = {"suspend": "suspended", "reactivate": "reactivated", "close": "closed", "reopen": "reopened"}[action]
        return self._emit_elder(session, elder_id, f"registration.elder.{event}", now)

    def record_assessment(self, session: Session, elder_id: str, fields: dict, actor: str | None,
                          now: datetime) -> dict:
        """能力评估: the one with the latest `assessed_on` counts (the last recorded among
        equal dates); a back-dated one joins the history only."""
        row = self.elder(session, elder_id, lock=True)
        domain.check_open(row.status, "assessed")
        domain.check_assessed_on(fields["assessed_on"], self.today(now))
        assessment_id = str(uuid.uuid4())
        session.execute(assessments.insert().values(id=assessment_id, elder_id=elder_id, recorded_by=actor,
                                                    created_at=now, **fields))
        latest = {"latest_assessment_level": fields["level"], "latest_assessed_on": fields["assessed_on"]} \
            if domain.becomes_latest(fields["assessed_on"], row.latest_assessed_on) else {}
        session.execute(elders.update().where(elders.c.id == elder_id).values(updated_at=now, **latest))
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
        witness = session.execute(sa.select(staff.c.active, staff.c.service_point_id)
                                  .where(staff.c.id == fields["witness_staff_id"])).first()
        domain.check_witness(witness._mapping if witness else None, row.service_point_id)
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

    def remind_assessments(self, session: Session, now: datetime) -> int:
        """The daily check: each active elder whose assessment lapses soon is announced to
        the point once per assessment (一年一评: re-assess before the last valid day)."""
        today = self.today(now)
        # Assessments dated from here on have their last valid day within the reminder window or later.
        earliest = today - timedelta(days=self.rules.assessment_valid_days - 1)
        latest = earliest + timedelta(days=self.rules.assessment_reminder_days)
        announced = 0
        for row in session.execute(sa.select(elders).where(
                elders.c.status == "active", elders.c.latest_assessed_on.between(earliest, latest))).all():
            if not domain.assessment_reminder_due(row.latest_assessed_on, today, self.rules):
                continue
            try:
                with session.begin_nested():
                    session.execute(assessment_notices.insert().values(elder_id=row.id,
                                                                       assessed_on=row.latest_assessed_on, at=now))
            except sa.exc.IntegrityError:
                continue
            due_on = domain.assessment_due_on(row.latest_assessed_on, self.rules)
            self.outbox.add(session, "registration.assessment.expiring", row.id, self.elder_state(row, now) | {
                "days_left": (due_on - today).days})
            announced += 1
        return announced

    # --- home-care subsidy (居家养老补贴) ------------------------------------------------------

    @staticmethod
    def _claim(values: Any) -> domain.SubsidyClaim:
        """The application's statements (a row, or a new application's fields)."""
        get = values.get if isinstance(values, dict) else lambda name: getattr(values, name)
        return domain.SubsidyClaim(get("category"), bool(get("urban")), bool(get("household_registered_locally")),
                                   bool(get("resides_locally")), get("evidence_reference"),
                                   get("model_worker_level"))

    def _subsidy_eligibility(self, claim: domain.SubsidyClaim, elder: Any, now: datetime) -> dict:
        """The rule applied to the elder's record as it is now (age, latest assessment)."""
        result = domain.subsidy_eligibility(claim, elder.birth_date, elder.latest_assessment_level, self.today(now),
                                            self.rules)
        return {"eligible": result.eligible, "basis": result.basis, "problems": list(result.problems),
                "reasons": list(result.reasons)}

    def apply_for_subsidy(self, session: Session, fields: dict, actor: str | None, now: datetime) -> Any:
        """本人申请 at the community station: checked against the rules at once; one open or
        approved application per elder and category."""
        elder = self.elder(session, str(fields["elder_id"]), lock=True)  # one application at a time per elder
        domain.check_open(elder.status, "applied for")
        held = session.execute(sa.select(subsidy_applications.c.stage, subsidy_applications.c.valid_until).where(
            subsidy_applications.c.elder_id == elder.id, subsidy_applications.c.category == fields["category"])).all()
        domain.check_not_duplicate([domain.HeldSubsidy(status, until) for status, until in held], self.today(now),
                                   self.rules)
        evidence = (fields.get("evidence_reference") or "").strip() or None
        values = {"category": fields["category"], "urban": fields["urban"],
                  "household_registered_locally": fields["household_registered_locally"],
                  "resides_locally": fields["resides_locally"], "evidence_reference": evidence,
                  "model_worker_level": fields.get("model_worker_level")}
        application_id = str(uuid.uuid4())
        session.execute(subsidy_applications.insert().values(
            id=application_id, elder_id=elder.id, service_point_id=elder.service_point_id, stage="submitted",
            status_since=now, steps=[{"step": "apply", "actor": actor, "at": now.isoformat()}], created_at=now,
            updated_at=now, **values, **self._subsidy_eligibility(self._claim(values), elder, now)))
        return self.application(session, application_id)

    def decide_subsidy(self, session: Session, application_id: str, step: str, approved: bool, note: str,
                       actor: str | None, now: datetime) -> Any:
        """审核 (`review`) or 审批 (`approve`) on the rules as they apply today; a refusal at
        either step and the centre's approval are the decision, sent to the elder."""
        row = self.application(session, application_id, lock=True)
        eligibility = self._subsidy_eligibility(self._claim(row), self.elder(session, row.elder_id), now)
        status = domain.subsidy_step(row.stage, step, approved, eligibility["eligible"])
        values = {"stage": status, "status_since": now, "updated_at": now, **eligibility,
                  "steps": [*row.steps, {"step": step, "approved": approved, "note": note, "actor": actor,
                                         "at": now.isoformat()}]}
        if status == "approved":
            values["valid_from"], values["valid_until"] = domain.subsidy_validity(self.today(now), self.rules)
        if status in ("approved", "rejected"):
            values["decided_at"] = now
        session.execute(subsidy_applications.update().where(subsidy_applications.c.id == application_id)
                        .values(**values))
        decided = self.application(session, application_id)
        if status in ("approved", "rejected"):
            self.outbox.add(session, "registration.subsidy.decided", application_id,
                            self.subsidy_state(decided) | {"stage": "reviewed" if step == "review" else "approved",
                                                           "approved": approved, "note": note})
        return decided

    def end_subsidy(self, session: Session, application_id: str, reason: str, actor: str | None,
                    now: datetime) -> Any:
        """The centre ends an approved subsidy before its validity runs out (低保 lost, moved
        away): visits checked in from now on are not paid by it."""
        row = self.application(session, application_id, lock=True)
        domain.check_can_end(row.stage)
        session.execute(subsidy_applications.update().where(subsidy_applications.c.id == application_id).values(
            stage="ended", status_since=now, ended_at=now, end_reason=reason, updated_at=now,
            steps=[*row.steps, {"step": "end", "note": reason, "actor": actor, "at": now.isoformat()}]))
        ended = self.application(session, application_id)
        self.outbox.add(session, "registration.subsidy.ended", application_id, self.subsidy_state(ended))
        return ended

    @staticmethod
    def subsidy_state(row: Any) -> dict:
        """An application as its events carry it: visits keeps the approved ones to fund visits."""
        def iso(value: Any) -> str | None:
            return value.isoformat() if value is not None else None

        return {"id": row.id, "elder_id": row.elder_id, "service_point_id": row.service_point_id,
                "category": row.category, "status": row.stage, "eligible": row.eligible,
                "basis": row.basis, "problems": row.problems or [], "reasons": row.reasons,
                "decided_at": iso(row.decided_at), "valid_from": iso(row.valid_from),
                "valid_until": iso(row.valid_until), "ended_at": iso(row.ended_at), "end_reason": row.end_reason}

    def application_view(self, row: Any, now: datetime) -> dict:
        """An application with what today makes of it: whether it is in force, due for its
        yearly re-check, and the elder it is for."""
        today = self.today(now)
        mapping = row._mapping
        approved = row.stage == "approved"
        return dict(mapping) | {
            "status": row.stage, "problems": row.problems or [], "elder_age": domain.age_on(row.elder_birth_date, today),
            "in_force": domain.subsidy_in_force(row.stage, row.valid_from, row.valid_until, today),
            "recheck_due": approved and domain.recheck_due(row.valid_until, today, self.rules),
        }

    @staticmethod
    def _with_elder() -> sa.Select:
        return sa.select(subsidy_applications, elders.c.name.label("elder_name"),
                         elders.c.birth_date.label("elder_birth_date")).join(
            elders, elders.c.id == subsidy_applications.c.elder_id)

    def application(self, session: Session, application_id: str, lock: bool = False) -> Any:
        if lock:
            one(session, subsidy_applications, "subsidy application", application_id, lock=True)
        row = session.execute(self._with_elder().where(subsidy_applications.c.id == application_id)).first()
        if row is None:
            raise NotFound("subsidy application", application_id)
        return row

    def applications(self, session: Session, point: str | None, status: str | None, category: str | None,
                     elder_id: str | None, limit: int, cursor: str | None) -> tuple[list, str | None]:
        """The work list: what has waited longest in its status first."""
        query = self._with_elder()
        for column, value in ((subsidy_applications.c.service_point_id, point),
                              (subsidy_applications.c.stage, status),
                              (subsidy_applications.c.category, category),
                              (subsidy_applications.c.elder_id, elder_id)):
            if value:
                query = query.where(column == value)
        return page(session, query, subsidy_applications, limit, cursor, key=subsidy_applications.c.status_since)

    def rechecks(self, session: Session, point: str | None, now: datetime, limit: int,
                 cursor: str | None) -> tuple[list, str | None]:
        """The yearly re-check list (复核): approved subsidies from `subsidy_recheck_days`
        before their last day (lapsed ones included) that no newer application of the same
        elder and category follows yet; the soonest to lapse first (those with no validity
        on record before all)."""
        horizon = self.today(now) + timedelta(days=self.rules.subsidy_recheck_days)
        newer = subsidy_applications.alias("newer")
        follows = sa.exists().where(newer.c.elder_id == subsidy_applications.c.elder_id,
                                    newer.c.category == subsidy_applications.c.category,
                                    newer.c.created_at > subsidy_applications.c.created_at,
                                    newer.c.stage.in_(("submitted", "reviewed", "approved")))
        until, ident = subsidy_applications.c.valid_until, subsidy_applications.c.id
        query = self._with_elder().where(subsidy_applications.c.stage == "approved", ~follows,
                                         sa.or_(until.is_(None), until <= horizon))
        if point:
            query = query.where(subsidy_applications.c.service_point_id == point)
        if cursor:
            after_until, after_id = _decode_recheck_cursor(cursor)
            query = query.where(sa.or_(until > after_until, sa.and_(until == after_until, ident > after_id))
                                if after_until else sa.or_(until.is_not(None), ident > after_id))
        rows = session.execute(query.order_by(until.is_not(None), until, ident).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        last = rows[-1] if more and rows else None
        return rows, (f"{last.valid_until.isoformat() if last.valid_until else ''}~{last.id}" if last else None)


def _decode_recheck_cursor(cursor: str) -> tuple[date | None, str]:
    try:
        until, ident = cursor.split("~", 1)
        return (date.fromisoformat(until) if until else None), ident
    except ValueError:
        raise Invalid({"cursor": ["Invalid cursor."]}, "Invalid cursor.") from None
