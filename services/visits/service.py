"""Visits use cases: bookings, check-in, screening, bath, rest, check-out, incidents, the
follow-up programmes (随访), the read models kept from registration, and the figures.

Each method works in the caller's transaction (`with store.begin() as session`): it reads
each row it changes once, changes it, and records its events in the outbox in that same
transaction. `check_in` alone opens its own: registration may have to be asked, and never
while a transaction holds the store. `now` comes from the caller; nothing here reads the
clock.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any, Mapping, Protocol
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine.result import result_tuple
from sqlalchemy.orm import Session

from kit.caller import Caller
from kit.db import Transaction, one
from kit.errors import DomainError, NotFound
from kit.outbox import Outbox
from kit.paging import page
from kit.privacy import mask_phone
from kit.readmodel import apply_state, apply_states
from services.visits import domain
from services.visits.config import Settings
from services.visits.models import (
    bath_places, bookings, elders, entry_denials, follow_up_notices, follow_up_plans, follow_ups, incidents, points,
    prices, settlements, slots, staff, subsidies, timeline, visits,
)

class CardLookup(Protocol):
    def by_card(self, card: str) -> dict | None:
        """Registration's state of the elder holding `card` now; {} when nobody holds it;
        None when registration could not be asked."""

    def service_point(self, point_id: str) -> dict | None:
        """Registration's state of a point; {} when there is none; None when it could not be asked."""


@dataclass(frozen=True)
class Admitted:
    visit: dict  # the new visit with its timeline


@dataclass(frozen=True)
class Refused:
    code: str  # the contract's reason code; the refusal is recorded and emitted


def elder_values(data: Mapping) -> dict:
    """Registration's event-carried state of an elder as the read model keeps it."""
    lapses_on = data.get("decision_lapses_on")
    return {
        "citizen_card_no": data["citizen_card_no"], "name": data["name"], "gender": data["gender"],
        "birth_date": date.fromisoformat(data["birth_date"]), "service_point_id": data["service_point_id"],
        "status": data["status"], "latest_assessment_level": data.get("latest_assessment_level"),
        "safety_commitment_version": data.get("safety_commitment_version"),
        "eligible_for_bathing": data.get("eligible_for_bathing"),
        "safety_commitment_current": data.get("safety_commitment_current"),
        "decision_lapses_on": date.fromisoformat(lapses_on) if lapses_on else None,
        "commitment_version_in_force": data.get("commitment_version_in_force"),
        "same_gender_assistant": bool(data.get("same_gender_assistant")),
        "chronic_conditions": data.get("chronic_conditions", []),
    }


def _staff_values(data: Mapping) -> dict:
    return {"name": data["name"], "gender": data.get("gender"), "roles": data["roles"],
            "service_point_id": data.get("service_point_id"), "qualified": data["qualified"],
            "active": data.get("active", True)}


def _point_values(data: Mapping) -> dict:
    return {"name": data["name"], "active": data["active"], "opening_hours": data["opening_hours"],
            "bath_capacity": data["bath_capacity"], "safety_reminders": data.get("safety_reminders", []),
            "rest_seats": data.get("rest_seats")}


def _funds_visits(subsidy: Mapping) -> bool:
    return subsidy["status"] in ("approved", "ended") and bool(subsidy.get("valid_from"))


def _subsidy_values(data: Mapping) -> dict:
    ended_at = data.get("ended_at")
    return {"elder_id": data["elder_id"], "category": data["category"], "status": data["status"],
            "valid_from": date.fromisoformat(data["valid_from"]), "valid_until": date.fromisoformat(data["valid_until"]),
            "ended_at": datetime.fromisoformat(ended_at) if ended_at else None}


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    return (end - start).total_seconds() / 60 if start and end else None


class Visits:
    """The use cases, with the settings and the registration lookup they need."""

    def __init__(self, settings: Settings, outbox: Outbox, registration: CardLookup):
        self.settings = settings
        self.rules = settings.rules
        self.follow_up_rules = settings.follow_up_rules
        self.outbox = outbox
        self.registration = registration
        self.tz = ZoneInfo(settings.common.timezone)
        self._known_points: set[str] = set()  # points this store is known to hold (`_point_known`)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def today(self, now: datetime) -> date:
        return self.local(now).date()

    # --- views ------------------------------------------------------------------------

    def held_decision(self, elder: Mapping) -> domain.HeldDecision:
        return domain.HeldDecision(elder["eligible_for_bathing"], elder["safety_commitment_current"],
                                   elder["decision_lapses_on"], elder["commitment_version_in_force"])

    def elder_view(self, elder: Mapping, today: date) -> domain.ElderView:
        eligible, committed = domain.applied_decision(self.held_decision(elder), today,
                                                      self.settings.common.safety_commitment_version)
        return domain.ElderView(
            id=elder["id"], status=elder["status"], eligible=eligible, commitment_current=committed,
            gender=elder["gender"], same_gender_assistant=elder["same_gender_assistant"],
            chronic_conditions=tuple(elder["chronic_conditions"]))

    @staticmethod
    def point_view(row: Any) -> domain.PointView:
        return domain.PointView(id=row.id, active=row.active, opening_hours=row.opening_hours,
                                bath_capacity=row.bath_capacity, safety_reminders=tuple(row.safety_reminders),
                                rest_seats=row.rest_seats)

    @staticmethod
    def point(session: Session, point_id: str, lock: bool = False) -> Any:
        held = None if lock else _held(session, points, point_id)
        return held if held is not None else one(session, points, "service point", point_id, lock)

    @staticmethod
    def elder(session: Session, elder_id: str) -> Any:
        held = _held(session, elders, elder_id)
        return held if held is not None else one(session, elders, "elder", elder_id)

    # --- registration's read models -------------------------------------------------------

    def elder_changed(self, session: Session, elder_id: str, sequence: int, data: Mapping, now: datetime) -> None:
        """An elder's state from registration; closing the record ends what was planned."""
        self._retire_card_elsewhere(session, data["citizen_card_no"], elder_id)
        applied = apply_state(session, elders, elder_id, sequence, elder_values(data))
        if applied and domain.closing_ends_everything(data["status"]):
            for booking in session.execute(sa.select(bookings).where(bookings.c.elder_id == elder_id,
                                                                     bookings.c.status == "booked")).all():
                self._release(session, booking, "cancelled", now)
            session.execute(follow_up_plans.update().where(follow_up_plans.c.elder_id == elder_id).values(active=False))
            session.execute(follow_ups.update().where(follow_ups.c.elder_id == elder_id, follow_ups.c.status == "open")
                            .values(status="cancelled"))

    def elders_changed(self, session: Session, changes: list[tuple[str, int, Mapping]], now: datetime) -> None:
        """A run of elders' states (elder id, sequence, state), as `elder_changed` would
        leave them one by one, in four statements: the cards they hold freed elsewhere, the
        held sequences read, the new elders inserted and the newer states written. A run in
        which one card passes between elders, or an elder's record closes, is taken one by
        one: there the order is the rule."""
        holders: dict[str, set[str]] = {}
        for elder_id, _, data in changes:
            holders.setdefault(data["citizen_card_no"], set()).add(elder_id)
        if any(len(ids) > 1 for ids in holders.values()) or any(
                domain.closing_ends_everything(data["status"]) for _, _, data in changes):
            for elder_id, sequence, data in changes:
                self.elder_changed(session, elder_id, sequence, data, now)
            return
        session.execute(elders.update().where(elders.c.citizen_card_no == sa.bindparam("card"),
                                              elders.c.id != sa.bindparam("holder"))
                        .values(citizen_card_no="retired:" + elders.c.id),
                        [{"card": card, "holder": next(iter(ids))} for card, ids in holders.items()])
        apply_states(session, elders, [(elder_id, sequence, elder_values(data))
                                       for elder_id, sequence, data in changes])

    @staticmethod
    def _retire_card_elsewhere(session: Session, card: str, elder_id: str) -> None:
        """A reissued card frees the old number: drop it from whoever else holds it here."""
        session.execute(elders.update().where(elders.c.citizen_card_no == card, elders.c.id != elder_id)
                        .values(citizen_card_no="retired:" + elders.c.id))

    @staticmethod
    def staff_changed(session: Session, staff_id: str, sequence: int, data: Mapping) -> None:
        apply_state(session, staff, staff_id, sequence, _staff_values(data))

    @staticmethod
    def staff_members_changed(session: Session, changes: list[tuple[str, int, Mapping]]) -> None:
        """A run of staff states at once (`kit.readmodel.apply_states`)."""
        apply_states(session, staff, [(key, sequence, _staff_values(data)) for key, sequence, data in changes])

    @staticmethod
    def point_changed(session: Session, point_id: str, sequence: int, data: Mapping) -> None:
        apply_state(session, points, point_id, sequence, _point_values(data))

    @staticmethod
    def points_changed(session: Session, changes: list[tuple[str, int, Mapping]]) -> None:
        """A run of points' states at once (`kit.readmodel.apply_states`)."""
        apply_states(session, points, [(key, sequence, _point_values(data)) for key, sequence, data in changes])

    @staticmethod
    def subsidy_changed(session: Session, subsidy_id: str, sequence: int, data: Mapping) -> None:
        """An application's state from registration: kept once approved (and when ended),
        since only those fund visits."""
        if _funds_visits(data):
            apply_state(session, subsidies, subsidy_id, sequence, _subsidy_values(data))

    @staticmethod
    def subsidies_changed(session: Session, changes: list[tuple[str, int, Mapping]]) -> None:
        """A run of applications' states at once, those kept as `subsidy_changed` keeps them."""
        apply_states(session, subsidies, [(key, sequence, _subsidy_values(data)) for key, sequence, data in changes
                                          if _funds_visits(data)])

    def funding(self, held: list[domain.SubsidyView], now: datetime) -> domain.Funding:
        """Who pays for a visit checked in at `now` of the elder whose subsidies are `held`."""
        return domain.funding(held, self.today(now), now)

    # --- bookings ---------------------------------------------------------------------

    def book(self, session: Session, elder_id: str, point_id: str, slot_start: datetime, actor: str | None,
             now: datetime) -> dict:
        elder = self.elder(session, elder_id)
        point = self.point(session, point_id)
        slot_start = self.local(slot_start)
        overlapping = session.execute(sa.select(bookings.c.id).where(
            bookings.c.elder_id == elder_id, bookings.c.status == "booked",
            bookings.c.slot_start < domain.slot_end(slot_start, self.rules), bookings.c.slot_end > slot_start)).first()
        slot_end = domain.check_booking(elder.status, self.point_view(point), slot_start, self.local(now),
                                        overlapping is not None, self.rules)
        self._take_place(session, point, slot_start)
        booking = {"id": str(uuid.uuid4()), "elder_id": elder_id, "service_point_id": point_id,
                   "slot_start": slot_start.astimezone(timezone.utc), "slot_end": slot_end.astimezone(timezone.utc), "status": "booked", "created_by": actor,
                   "created_at": now, "updated_at": now}
        session.execute(bookings.insert().values(**booking))
        self.outbox.add(session, "visits.booking.created", booking["id"], self.booking_state(booking))
        return booking

    @staticmethod
    def _take_place(session: Session, point: Any, slot_start: datetime) -> None:
        """Concurrent bookings contend for one counter row; the conditional update can
        succeed for at most `bath_capacity` of them, whatever the interleaving."""
        key = {"service_point_id": point.id, "slot_start": slot_start}
        exists = session.execute(sa.select(slots.c.taken).filter_by(**key)).first()
        if exists is None:
            try:
                with session.begin_nested():
                    session.execute(slots.insert().values(taken=0, **key))
            except sa.exc.IntegrityError:
                pass  # another booking created it first
        taken = session.execute(slots.update().filter_by(**key).where(slots.c.taken < point.bath_capacity)
                                .values(taken=slots.c.taken + 1))
        if taken.rowcount != 1:
            raise DomainError("SLOT_FULL", "That slot is full.")

    @staticmethod
    def _release(session: Session, booking: Any, status: str, now: datetime) -> dict:
        """A booking leaves `booked` (cancelled or not attended): its place in the slot is free again."""
        session.execute(bookings.update().where(bookings.c.id == booking.id).values(status=status, updated_at=now))
        session.execute(slots.update().filter_by(service_point_id=booking.service_point_id,
                                                 slot_start=booking.slot_start).values(taken=slots.c.taken - 1))
        return dict(booking._mapping) | {"status": status, "updated_at": now}

    def cancel_booking(self, session: Session, booking_id: str, who: Caller, now: datetime) -> dict:
        row = self.booking(session, booking_id, lock=True)
        who.check_point(row.service_point_id, "booking", booking_id)
        domain.check_cancel(row.status, row.slot_start, now)
        booking = self._release(session, row, "cancelled", now)
        self.outbox.add(session, "visits.booking.cancelled", booking_id, self.booking_state(booking))
        return booking

    def mark_no_shows(self, session: Session, now: datetime) -> int:
        due = session.execute(sa.select(bookings).where(
            bookings.c.status == "booked", bookings.c.slot_start <= domain.no_show_cutoff(now, self.rules))
            .with_for_update(skip_locked=True)).all()
        for row in due:
            session.execute(bookings.update().where(bookings.c.id == row.id).values(status="no_show", updated_at=now))
            self.outbox.add(session, "visits.booking.no_show", row.id,
                            self.booking_state(row._mapping) | {"status": "no_show"})
        return len(due)

    @staticmethod
    def booking(session: Session, booking_id: str, lock: bool = False) -> Any:
        return one(session, bookings, "booking", booking_id, lock)

    def bookings(self, session: Session, point: str | None, elder_id: str | None, day: date | None, limit: int,
                 cursor: str | None) -> tuple[list, str | None]:
        query = sa.select(bookings)
        if point:
            query = query.where(bookings.c.service_point_id == point)
        if elder_id:
            query = query.where(bookings.c.elder_id == elder_id)
        if day:
            start = datetime.combine(day, time(0), self.tz)
            query = query.where(bookings.c.slot_start >= start, bookings.c.slot_start < start + timedelta(days=1))
        return page(session, query, bookings, limit, cursor)

    @staticmethod
    def booking_state(booking: Mapping) -> dict:
        return {"id": booking["id"], "elder_id": booking["elder_id"], "service_point_id": booking["service_point_id"],
                "slot_start": booking["slot_start"].isoformat(), "slot_end": booking["slot_end"].isoformat(),
                "status": booking["status"]}

    # --- check-in ---------------------------------------------------------------------

    @staticmethod
    def _card_holder(session: Session, card: str) -> Any:
        return session.execute(sa.select(elders).where(elders.c.citizen_card_no == card)).first()

    def check_in(self, transaction: Transaction, card: str, point_id: str, booking_id: str | None, who: Caller,
                 now: datetime) -> Admitted | Refused:
        """Decided on the owner's current state (docs/events.md, "Check-in on the current
        state"): registration is asked for the card's holder, with no transaction open,
        and its answer decides, so whatever it has confirmed is in force for the very
        next check-in; a point this copy does not hold yet is asked for too. Only when
        registration cannot be asked does the copy decide, for as long as its decision
        holds. A refusal is recorded and emitted, and committed."""
        point_known = self._point_known(transaction, point_id)
        fresh = self.registration.by_card(card)
        fresh_point = None if point_known else self.registration.service_point(point_id)
        with transaction() as session:
            if fresh_point:  # sequence 0: registration's events about the point replace this copy
                self.point_changed(session, point_id, 0, fresh_point)
            return self._check_in(session, card, point_id, booking_id, who, now, fresh)

    def _point_known(self, transaction: Transaction, point_id: str) -> bool:
        """Whether this copy holds the point: asked of the store until it does, then
        remembered (a point, once copied, stays; its state follows registration's events)."""
        if point_id in self._known_points:
            return True
        with transaction() as session:
            if session.execute(sa.select(points.c.id).where(points.c.id == point_id)).first() is None:
                return False
        self._known_points.add(point_id)
        return True

    def _check_in(self, session: Session, card: str, point_id: str, booking_id: str | None, who: Caller,
                  now: datetime, fresh: dict | None) -> Admitted | Refused:
        """`fresh` is registration's answer ({}: nobody holds the card now), or None when it
        could not be asked: then the copy decides, as far as its decision still holds."""
        today = self.today(now)
        elder: Mapping | None
        if fresh is None:
            held = self._card_holder(session, card)
            elder = held._mapping if held is not None else None
        elif fresh:
            elder = {"id": fresh["id"], **elder_values(fresh)}
        else:
            elder = None  # a retired card, or one never issued: the copy's holder is no longer it
        if elder is None:
            point, facts = self.point(session, point_id), _CheckInFacts(False, True, False, [])
        else:
            point, facts = _check_in_facts(session, point_id, elder["id"], card)
        if fresh:
            # sequence 0: kept only where this copy has no row yet; the events that follow replace it
            if facts.card_elsewhere:
                self._retire_card_elsewhere(session, card, fresh["id"])
            if not facts.copied:
                try:  # the consumer may write the same elder's row at this very moment
                    with session.begin_nested():
                        apply_state(session, elders, fresh["id"], 0, {k: v for k, v in elder.items() if k != "id"})
                except sa.exc.IntegrityError:
                    pass  # its row, from an event, is newer than this sequence-0 one and is kept
        code = domain.check_in_refusal(self.elder_view(elder, today) if elder else None, self.point_view(point),
                                       self.local(now), facts.in_visit, self.rules)
        if code:
            self._deny(session, card, elder["id"] if elder else None, point_id, code, who.user_id, now)
            return Refused(code)
        if booking_id:
            booking = self.booking(session, booking_id, lock=True)
            domain.check_attend(booking.status, booking.elder_id, elder["id"])
            session.execute(bookings.update().where(bookings.c.id == booking_id)
                            .values(status="attended", updated_at=now))
        visit = {"id": str(uuid.uuid4()), "elder_id": elder["id"], "service_point_id": point_id,
                 "booking_id": booking_id, "status": "checked_in", "local_date": today, "screening": None,
                 "assistant_staff_id": None, "checked_in_at": now, "bath_started_at": None, "rest_started_at": None,
                 "checked_out_at": None, "early_leave_reason": None, "bath_overrun_alerted": False, "created_at": now}
        funding = self.funding(facts.subsidies, now)
        visit |= {"funding_source": funding.source, "funding_category": funding.category}
        entry = self._timeline(session, visit["id"], "checked_in", who.user_id, who.staff_id, {}, now,
                               change=visits.insert().values(**visit))
        self.outbox.add(session, "visits.visit.checked_in", visit["id"], self.visit_state(visit, now))
        return Admitted(visit | {"timeline": [entry]})

    def _deny(self, session: Session, card: str, elder_id: str | None, point_id: str, code: str, actor: str | None,
              now: datetime) -> None:
        denial_id = str(uuid.uuid4())
        masked = mask_phone(card) or ""
        session.execute(entry_denials.insert().values(
            id=denial_id, elder_id=elder_id, citizen_card_no_masked=masked, service_point_id=point_id, code=code,
            actor=actor, at=now))
        self.outbox.add(session, "visits.visit.entry_denied", denial_id, {
            "elder_id": elder_id, "citizen_card_no_masked": masked, "service_point_id": point_id, "code": code})

    # --- the visit's steps ------------------------------------------------------------

    @staticmethod
    def _visit(session: Session, visit_id: str, who: Caller, lock: bool = False, staff_id: str | None = None) -> Any:
        row = _read_visit(session, visit_id, lock, staff_id)
        who.check_point(row.service_point_id, "visit", visit_id)
        return row

    def visit(self, session: Session, visit_id: str, who: Caller) -> dict:
        return self._with_timeline(session, dict(self._visit(session, visit_id, who)._mapping))

    @staticmethod
    def _timeline(session: Session, visit_id: str, action: str, actor: str | None, staff_id: str | None,
                  details: dict, now: datetime, change: sa.Insert | sa.Update | None = None) -> dict:
        """The timeline row of a step; with `change`, the visit's own insert or update, sent
        before it in one statement where the store allows (PostgreSQL: a `WITH` clause)."""
        entry = {"action": action, "at": now, "actor": actor, "staff_id": staff_id, "details": details}
        insert = timeline.insert().values(visit_id=visit_id, **entry)
        if change is not None and session.get_bind().dialect.name == "postgresql":
            insert = insert.add_cte(change.cte("changed"))
        elif change is not None:
            session.execute(change)
        session.execute(insert)
        held = session.info.get(_TIMELINES, {}).get(visit_id)
        if held is not None:
            held.append({"visit_id": visit_id, **entry})
        return entry

    @staticmethod
    def _with_timeline(session: Session, visit: dict) -> dict:
        """The visit with its timeline: the one read with the visit in this transaction and
        what was added since, else read now."""
        held = session.info.get(_TIMELINES, {}).get(visit["id"])
        if held is None:
            held = [dict(r._mapping) for r in session.execute(
                sa.select(timeline).where(timeline.c.visit_id == visit["id"]).order_by(timeline.c.id)).all()]
        return visit | {"timeline": list(held)}

    def _change(self, session: Session, row: Any, values: dict, action: str, actor: str | None,
                staff_id: str | None, details: dict, event_type: str | None, now: datetime,
                extra: dict | None = None) -> dict:
        """A step on a visit read (and locked) once: the update and its timeline row (one
        statement on PostgreSQL), and its event."""
        visit = dict(row._mapping) | values
        self._timeline(session, row.id, action, actor, staff_id, details, now,
                       change=visits.update().where(visits.c.id == row.id).values(**values))
        if event_type:
            self.outbox.add(session, event_type, row.id, self.visit_state(visit, now) | (extra or {}))
        return visit

    @staticmethod
    def visit_state(visit: Mapping, now: datetime) -> dict:
        screening = visit["screening"] or {}
        return {"id": visit["id"], "elder_id": visit["elder_id"], "service_point_id": visit["service_point_id"],
                "booking_id": visit["booking_id"], "status": visit["status"],
                "assistant_staff_id": visit["assistant_staff_id"],
                "refusal_reasons": screening.get("refusal_reasons", []), "warnings": screening.get("warnings", []),
                "urgent": screening.get("urgent", False), "at": now.isoformat(),
                "funding": ({"source": visit["funding_source"], "category": visit["funding_category"]}
                            if visit.get("funding_source") else None)}

    @staticmethod
    def _acting_id(named: str | None, who: Caller) -> str | None:
        """Who performs a step (screening, rest, check-out): the staff member the body
        names, else the user's linked staff member."""
        return str(named) if named else who.staff_id

    @staticmethod
    def _acting_staff(session: Session, point_id: str, staff_id: str | None) -> str:
        """The staff member performing a step (`_acting_id`, read with the visit), refused
        unless qualified and of the visit's point (`domain.check_step_staff`)."""
        row = None
        if staff_id:
            row = _held(session, staff, staff_id)
            if row is None:
                row = session.execute(sa.select(staff).where(staff.c.id == staff_id)).first()
        domain.check_step_staff(domain.StaffView(
            id=row.id, roles=tuple(row.roles), service_point_id=row.service_point_id, qualified=row.qualified,
            gender=row.gender, active=row.active) if row else None, point_id)
        return staff_id

    def screen(self, session: Session, visit_id: str, form: dict, who: Caller, now: datetime) -> domain.Screening:
        form = dict(form)
        acting_id = self._acting_id(form.pop("staff_id", None), who)
        row = self._visit(session, visit_id, who, lock=True, staff_id=acting_id)
        acting = self._acting_staff(session, row.service_point_id, acting_id)
        elder = self.elder_view(self.elder(session, row.elder_id)._mapping, self.today(now))
        point = self.point_view(self.point(session, row.service_point_id))
        result = domain.screen(form["mental_state"], form["infectious_disease"], form["alcohol"],
                               form.get("systolic"), form.get("diastolic"), form["reminders_given"], elder, point,
                               self.rules)
        status = domain.step(row.status, "screen_ok" if result.status == "screened" else "screen_refused")
        record = {**form, "refusal_reasons": result.refusal_reasons, "warnings": result.warnings,
                  "urgent": result.urgent, "referral_advised": result.referral_advised}
        self._change(session, row, {"status": status, "screening": record}, result.status, who.user_id,
                     acting, record, f"visits.visit.{'screened' if status == 'screened' else 'refused'}", now,
                     {"referral_advised": result.referral_advised})
        return result

    def start_bath(self, session: Session, visit_id: str, assistant_id: str, who: Caller, now: datetime) -> dict:
        row = self._visit(session, visit_id, who, lock=True)
        status = domain.step(row.status, "bath")
        point = self.point(session, row.service_point_id)
        assistant = session.execute(sa.select(staff, sa.exists().where(  # the assistant, bathing another elder?
            visits.c.assistant_staff_id == staff.c.id, visits.c.status == "bathing").label("busy"))
            .where(staff.c.id == assistant_id)).first()
        assistant_busy = bool(assistant and assistant.busy)  # no such assistant: refused as not qualified
        view = domain.StaffView(id=assistant.id, roles=tuple(assistant.roles), service_point_id=assistant.service_point_id,
                                qualified=assistant.qualified, gender=assistant.gender,
                                active=assistant.active) if assistant else None
        elder = self.elder_view(self.elder(session, row.elder_id)._mapping, self.today(now))
        baths_now = self._take_bath_place(session, row, point.bath_capacity)
        domain.check_assistant(view, elder, row.service_point_id, baths_now, self.point_view(point), assistant_busy)
        visit = self._change(session, row, {"status": status, "assistant_staff_id": assistant_id,
                                            "bath_started_at": now},
                             "bath_started", who.user_id, assistant_id, {}, "visits.visit.bath_started", now)
        return self._with_timeline(session, visit)

    def _take_bath_place(self, session: Session, visit: Any, capacity: int) -> int:
        """The baths running at the visit's point before this one, counted on the point's
        counter row for the day, which this bath takes a place on if one is free (one
        conditional upsert: concurrent baths wait for each other on this row only, and no
        interleaving lets more than `capacity` in). When none is free, `capacity`: the rule
        then refuses, and the refusal rolls the transaction back with its place."""
        taken = session.execute(self._bath_place_sql, {"point": visit.service_point_id, "day": visit.local_date,
                                                       "capacity": capacity}).scalar()
        return capacity if taken is None else taken - 1

    _bath_place_sql = sa.text(
        "INSERT INTO bath_places (service_point_id, local_date, in_use) VALUES (:point, :day, 1) "
        "ON CONFLICT (service_point_id, local_date) DO UPDATE SET in_use = bath_places.in_use + 1 "
        "WHERE bath_places.in_use < :capacity RETURNING in_use").bindparams(sa.bindparam("day", type_=sa.Date))

    @staticmethod
    def _give_back_bath_place(session: Session, visit: Any) -> None:
        session.execute(bath_places.update().where(bath_places.c.service_point_id == visit.service_point_id,
                                                   bath_places.c.local_date == visit.local_date)
                        .values(in_use=bath_places.c.in_use - 1))

    def start_rest(self, session: Session, visit_id: str, who: Caller, now: datetime,
                   staff_id: str | None = None) -> dict:
        acting_id = self._acting_id(staff_id, who)
        row = self._visit(session, visit_id, who, lock=True, staff_id=acting_id)
        acting = self._acting_staff(session, row.service_point_id, acting_id)
        status = domain.step(row.status, "rest")
        self._give_back_bath_place(session, row)
        point = self.point(session, row.service_point_id, lock=True)  # serialises the seat count
        resting_now = session.execute(sa.select(sa.func.count()).select_from(visits).where(
            visits.c.service_point_id == row.service_point_id, visits.c.status == "resting")).scalar()
        domain.check_rest_seat(resting_now, self.point_view(point))
        visit = self._change(session, row, {"status": status, "rest_started_at": now}, "rest_started", who.user_id,
                             acting, {}, "visits.visit.rest_started", now)
        return self._with_timeline(session, visit)

    def check_out(self, session: Session, visit_id: str, early_leave_reason: str | None, who: Caller,
                  now: datetime, staff_id: str | None = None) -> dict:
        acting_id = self._acting_id(staff_id, who)
        row = self._visit(session, visit_id, who, lock=True, staff_id=acting_id)
        acting = self._acting_staff(session, row.service_point_id, acting_id)
        status = domain.step(row.status, "checkout")
        domain.check_checkout(row.rest_started_at, now, early_leave_reason, self.rules)
        visit = self._change(session, row, {"status": status, "checked_out_at": now,
                                            "early_leave_reason": early_leave_reason},
                             "checked_out", who.user_id, acting, {"early_leave_reason": early_leave_reason},
                             "visits.visit.checked_out", now)
        return self._with_timeline(session, visit)

    def end_early(self, session: Session, visit_id: str, reason: str, note: str | None, who: Caller,
                  now: datetime) -> dict:
        """Ends a visit not yet checked out, from any step: its bath place (on the point's
        counter for the day) and rest seat (counted from resting visits) are free again and
        the elder may check in again."""
        row = self._visit(session, visit_id, who, lock=True)
        return self._with_timeline(session, self._end(session, row, reason, note, who.user_id, who.staff_id, now))

    def _end(self, session: Session, row: Any, reason: str, note: str | None, actor: str | None,
             staff_id: str | None, now: datetime) -> dict:
        status = domain.step(row.status, "end_early")
        if row.status == "bathing":
            self._give_back_bath_place(session, row)
        details = {"reason": reason, "note": note, "from_status": row.status}
        return self._change(session, row, {"status": status, "early_leave_reason": reason}, "ended_early", actor,
                            staff_id, details, "visits.visit.ended_early", now,
                            {"reason": reason, "ended_from": row.status})

    def sweep_open_visits(self, session: Session, now: datetime) -> int:
        """The end-of-day sweep: a visit still open `visit_close_after_minutes` after its
        point's last opening span of the day is ended (`not_checked_out`), and the point's
        administrator is told (the event's rule in notify)."""
        open_visits = session.execute(sa.select(visits).where(
            visits.c.status.in_(domain.OPEN_STATUSES), visits.c.local_date <= self.today(now))
            .with_for_update(skip_locked=True)).all()
        points_seen: dict[str, domain.PointView] = {}
        ended = 0
        for row in open_visits:
            if row.service_point_id not in points_seen:
                points_seen[row.service_point_id] = self.point_view(self.point(session, row.service_point_id))
            if now >= domain.sweep_after(points_seen[row.service_point_id], row.local_date, self.tz, self.rules):
                self._end(session, row, domain.SWEPT, None, None, None, now)
                ended += 1
        return ended

    def alert_bath_overruns(self, session: Session, now: datetime) -> int:
        """Once per visit: a bath longer than the maximum alerts the administrator."""
        due = session.execute(sa.select(visits).where(
            visits.c.status == "bathing", visits.c.bath_started_at < domain.overrun_cutoff(now, self.rules),
            visits.c.bath_overrun_alerted.is_(False)).with_for_update(skip_locked=True)).all()
        for row in due:
            self._change(session, row, {"bath_overrun_alerted": True}, "bath_overrun", None, None,
                         {"minutes": int((now - row.bath_started_at).total_seconds() // 60)},
                         "visits.visit.bath_overrun", now, {"urgent": True})
        return len(due)

    def visit_list(self, session: Session, point: str | None, day: date | None, status: str | None, limit: int,
                   cursor: str | None, elder_id: str | None = None) -> tuple[list[dict], str | None]:
        query = sa.select(visits)
        if elder_id:
            query = query.where(visits.c.elder_id == elder_id)
        if point:
            query = query.where(visits.c.service_point_id == point)
        if day:
            query = query.where(visits.c.local_date == day)
        if status:
            query = query.where(visits.c.status == status)
        rows, next_cursor = page(session, query, visits, limit, cursor)
        entries: dict[str, list[dict]] = {r.id: [] for r in rows}
        if rows:  # every visit's timeline in one read
            for entry in session.execute(sa.select(timeline).where(timeline.c.visit_id.in_(list(entries)))
                                         .order_by(timeline.c.id)).all():
                entries[entry.visit_id].append(dict(entry._mapping))
        return [dict(r._mapping) | {"timeline": entries[r.id]} for r in rows], next_cursor

    # --- figures ------------------------------------------------------------------------

    @staticmethod
    def daily_figures(session: Session, point_id: str, day: date) -> dict:
        rows = session.execute(sa.select(visits).where(visits.c.service_point_id == point_id,
                                                       visits.c.local_date == day)).all()
        summaries = [domain.VisitSummary(
            status=r.status, refusal_reasons=tuple((r.screening or {}).get("refusal_reasons", [])),
            bath_minutes=_minutes(r.bath_started_at, r.rest_started_at),
            rest_minutes=_minutes(r.rest_started_at, r.checked_out_at)) for r in rows]
        count = session.execute(sa.select(sa.func.count()).select_from(incidents).where(
            incidents.c.visit_id.in_([r.id for r in rows]))).scalar() if rows else 0
        return {"service_point_id": point_id, "date": day.isoformat(), **domain.daily_figures(summaries, count)}

    @staticmethod
    def period_figures(session: Session, point_id: str | None, first: date, last: date) -> dict:
        """The same figures as `daily_figures`, for every day of a period, counted in the
        store (one grouped scan of the period's visits on the point-and-date index)."""
        where = [visits.c.local_date.between(first, last)]
        if point_id:
            where.append(visits.c.service_point_id == point_id)
        seconds = _seconds_between(session.get_bind().dialect.name)
        bath = seconds(visits.c.bath_started_at, visits.c.rest_started_at)
        rest = seconds(visits.c.rest_started_at, visits.c.checked_out_at)
        days: dict = {}
        for row in session.execute(sa.select(
                visits.c.local_date, sa.func.count(),
                sa.func.count(sa.case((visits.c.status == "checked_out", 1))),
                sa.func.count(sa.case((visits.c.status == "refused", 1))),
                sa.func.sum(bath), sa.func.count(bath), sa.func.sum(rest), sa.func.count(rest))
                .where(*where).group_by(visits.c.local_date)):
            days[row[0]] = {"visits": row[1], "checked_out": row[2], "refused": row[3], "refusals_by_reason": {},
                            "incidents": 0, "_bath": (row[4] or 0, row[5]), "_rest": (row[6] or 0, row[7])}
        refused = sa.select(visits.c.local_date, visits.c.screening).where(*where, visits.c.status == "refused")
        for day, screening in session.execute(refused):
            reasons = days[day]["refusals_by_reason"]
            for reason in (screening or {}).get("refusal_reasons", []):
                reasons[reason] = reasons.get(reason, 0) + 1
        for day, count in session.execute(
                sa.select(visits.c.local_date, sa.func.count()).select_from(
                    incidents.join(visits, incidents.c.visit_id == visits.c.id))
                .where(*where).group_by(visits.c.local_date)):
            days[day]["incidents"] = count

        def finish(figures: dict) -> dict:
            (bath_sum, baths), (rest_sum, rests) = figures.pop("_bath"), figures.pop("_rest")
            figures["average_bath_minutes"] = round(bath_sum / baths / 60, 1) if baths else None
            figures["average_rest_minutes"] = round(rest_sum / rests / 60, 1) if rests else None
            return figures

        totals = {"visits": 0, "checked_out": 0, "refused": 0, "refusals_by_reason": {}, "incidents": 0,
                  "_bath": (0, 0), "_rest": (0, 0)}
        for figures in days.values():
            for key in ("visits", "checked_out", "refused", "incidents"):
                totals[key] += figures[key]
            for reason, count in figures["refusals_by_reason"].items():
                totals["refusals_by_reason"][reason] = totals["refusals_by_reason"].get(reason, 0) + count
            for key in ("_bath", "_rest"):
                totals[key] = (totals[key][0] + figures[key][0], totals[key][1] + figures[key][1])
        ordered = [{"date": day, **finish(figures)} for day, figures in sorted(days.items())]
        return {"service_point_id": point_id, "from_": first, "to": last, "totals": finish(totals), "days": ordered}

    def point_figures(self, session: Session, point_id: str | None, first, last) -> dict:
        """A period's figures per point, counted in the store by point and day: each
        point's totals and its visits and incidents per day (a city in one answer)."""
        where = [visits.c.local_date.between(first, last)]
        if point_id:
            where.append(visits.c.service_point_id == point_id)
        by_point: dict[str, dict] = {}

        def of(point: str) -> dict:
            return by_point.setdefault(point, {"service_point_id": point, "visits": 0, "checked_out": 0, "refused": 0,
                                               "incidents": 0, "refusals_by_reason": {}, "days": {}})

        def day_of(point: str, day) -> dict:
            return of(point)["days"].setdefault(day, {"date": day, "visits": 0, "incidents": 0})

        for point, day, count, checked_out, refused in session.execute(sa.select(
                visits.c.service_point_id, visits.c.local_date, sa.func.count(),
                sa.func.count(sa.case((visits.c.status == "checked_out", 1))),
                sa.func.count(sa.case((visits.c.status == "refused", 1))))
                .where(*where).group_by(visits.c.service_point_id, visits.c.local_date)):
            figures = of(point)
            figures["visits"] += count
            figures["checked_out"] += checked_out
            figures["refused"] += refused
            day_of(point, day)["visits"] = count
        refused_visits = sa.select(visits.c.service_point_id, visits.c.screening).where(
            *where, visits.c.status == "refused")
        for point, screening in session.execute(refused_visits):
            reasons = of(point)["refusals_by_reason"]
            for reason in (screening or {}).get("refusal_reasons", []):
                reasons[reason] = reasons.get(reason, 0) + 1
        for point, day, count in session.execute(
                sa.select(visits.c.service_point_id, visits.c.local_date, sa.func.count()).select_from(
                    incidents.join(visits, incidents.c.visit_id == visits.c.id))
                .where(*where).group_by(visits.c.service_point_id, visits.c.local_date)):
            of(point)["incidents"] += count
            day_of(point, day)["incidents"] = count
        points_out = [dict(figures, days=[figures["days"][day] for day in sorted(figures["days"])])
                      for _, figures in sorted(by_point.items())]
        return {"service_point_id": point_id, "from_": first, "to": last, "points": points_out}

    # --- incidents --------------------------------------------------------------------

    def report_incident(self, session: Session, visit_id: str, form: dict, who: Caller, now: datetime) -> dict:
        row = self._visit(session, visit_id, who)
        incident = {"id": str(uuid.uuid4()), "visit_id": visit_id, "elder_id": row.elder_id,
                    "service_point_id": row.service_point_id, "reported_by": who.user_id, "created_at": now,
                    "outcome": None, "outcome_note": None, "closed_at": None, **form}
        session.execute(incidents.insert().values(**incident))
        self._timeline(session, visit_id, "incident", who.user_id, who.staff_id, {"incident_id": incident["id"], **form},
                       now)
        self.outbox.add(session, "visits.incident.reported", incident["id"], {
            "id": incident["id"], "visit_id": visit_id, "elder_id": row.elder_id,
            "service_point_id": row.service_point_id, "kind": form["kind"], "severity": form["severity"],
            "urgent": domain.incident_is_urgent(form["severity"]), "description": form["description"]})
        return incident

    def incident_list(self, session: Session, point: str | None, first: date | None, last: date | None,
                      severity: str | None, limit: int, cursor: str | None) -> tuple[list[dict], str | None]:
        """The incident register: every filter given is applied (days are local days)."""
        query = sa.select(incidents)
        if point:
            query = query.where(incidents.c.service_point_id == point)
        if first:
            query = query.where(incidents.c.created_at >= datetime.combine(first, time(0), self.tz))
        if last:
            query = query.where(incidents.c.created_at < datetime.combine(last + timedelta(days=1), time(0), self.tz))
        if severity:
            query = query.where(incidents.c.severity == severity)
        rows, next_cursor = page(session, query, incidents, limit, cursor)
        return [dict(r._mapping) for r in rows], next_cursor

    @staticmethod
    def incident(session: Session, incident_id: str, who: Caller, lock: bool = False) -> Any:
        row = one(session, incidents, "incident", incident_id, lock)
        who.check_point(row.service_point_id, "incident", incident_id)
        return row

    def close_incident(self, session: Session, incident_id: str, outcome: str, note: str, who: Caller,
                       now: datetime) -> dict:
        row = self.incident(session, incident_id, who, lock=True)
        domain.check_incident_open(row.closed_at)
        changes = {"outcome": outcome, "outcome_note": note, "closed_at": now}
        session.execute(incidents.update().where(incidents.c.id == incident_id).values(**changes))
        self.outbox.add(session, "visits.incident.closed", incident_id, {
            "id": incident_id, "visit_id": row.visit_id, "elder_id": row.elder_id,
            "service_point_id": row.service_point_id, "outcome": outcome, "note": note})
        return dict(row._mapping) | changes

    # --- follow-up programmes (随访) ----------------------------------------------------------

    @staticmethod
    def follow_up_state(row: Mapping, extra: dict | None = None) -> dict:
        return {"id": row["id"], "plan_id": row["plan_id"], "elder_id": row["elder_id"], "programme": row["programme"],
                "staff_id": row["staff_id"], "due_on": row["due_on"].isoformat(),
                "service_point_id": row["service_point_id"], **(extra or {})}

    @staticmethod
    def _open_follow_up(session: Session, plan: Mapping, due_on: date, now: datetime) -> dict:
        follow_up = {"id": str(uuid.uuid4()), "plan_id": plan["id"], "elder_id": plan["elder_id"],
                     "programme": plan["programme"], "staff_id": plan["staff_id"],
                     "service_point_id": plan["service_point_id"], "due_on": due_on, "status": "open",
                     "created_at": now}
        session.execute(follow_ups.insert().values(**follow_up))
        return follow_up

    def create_plan(self, session: Session, fields: dict, who: Caller, now: datetime) -> tuple[dict, dict]:
        """A programme for an elder, with its first follow-up due."""
        domain.check_may_keep(who.role, fields["programme"])
        elder = self.elder(session, str(fields["elder_id"]))
        who.check_point(elder.service_point_id, "elder", elder.id)
        domain.check_plan_allowed(elder.status)
        named = session.execute(sa.select(staff.c.service_point_id).where(staff.c.id == str(fields["staff_id"]))).first()
        domain.check_plan_staff(named is not None, named.service_point_id if named else None, elder.service_point_id)
        if fields.get("care_plan"):
            domain.check_care_plan(fields["care_plan"], self.follow_up_rules)
        today = self.today(now)
        discharged_on = fields.get("discharged_on")
        domain.check_plan_fields(fields["programme"], domain.age_on(elder.birth_date, today), today, discharged_on,
                                 bool(fields.get("service_agreement") or fields.get("referral_source")),
                                 self.follow_up_rules)
        details = {k: fields[k] for k in ("first_reading", "discharged_on", "service_agreement", "referral_source")
                   if fields.get(k)}
        plan = {"id": str(uuid.uuid4()), "elder_id": elder.id, "programme": fields["programme"],
                "staff_id": str(fields["staff_id"]), "service_point_id": elder.service_point_id,
                "care_plan": fields.get("care_plan"), "active": True, "created_at": now,
                "details": _as_json(details) or None, "closed_on": None, "closure_reason": None}
        session.execute(follow_up_plans.insert().values(**plan))
        first = self._open_follow_up(session, plan, domain.first_due_on(plan["programme"], today,
                                                                        self.follow_up_rules, discharged_on), now)
        return plan, first

    def close_plan(self, session: Session, plan_id: str, fields: dict, who: Caller, now: datetime) -> dict:
        """A plan ends with its reason (seed 003, 结案: lost contact among them): its open
        follow-ups are cancelled; a callback after closure, if asked for, is a follow-up due
        that day (recording it opens no other)."""
        plan = one(session, follow_up_plans, "follow-up plan", plan_id, lock=True)
        who.check_point(plan.service_point_id, "follow-up plan", plan_id)
        domain.check_may_keep(who.role, plan.programme)
        domain.check_plan_open(plan.active)
        today = self.today(now)
        domain.check_closure(fields["reason"], fields.get("callback_on"), today)
        details = dict(plan.details or {}) | ({"closure_note": fields["note"]} if fields.get("note") else {})
        changes = {"active": False, "closed_on": today, "closure_reason": fields["reason"], "details": details or None}
        session.execute(follow_up_plans.update().where(follow_up_plans.c.id == plan_id).values(**changes))
        session.execute(follow_ups.update().where(follow_ups.c.plan_id == plan_id, follow_ups.c.status == "open")
                        .values(status="cancelled"))
        view = dict(plan._mapping) | changes
        if fields.get("callback_on"):
            view["callback_follow_up_id"] = self._open_follow_up(session, view, fields["callback_on"], now)["id"]
        return view

    @staticmethod
    def follow_up(session: Session, follow_up_id: str, who: Caller, lock: bool = False) -> Any:
        """A follow-up of the caller's point; a confidential programme's is, to a caller who
        may not see it, one that does not exist (404)."""
        row = one(session, follow_ups, "follow-up", follow_up_id, lock)
        who.check_point(row.service_point_id, "follow-up", follow_up_id)
        if row.programme in domain.hidden_programmes(who.role):
            raise NotFound("follow-up", follow_up_id)
        return row

    def record_follow_up(self, session: Session, follow_up_id: str, form: dict, who: Caller,
                         now: datetime) -> domain.FollowUpOutcome:
        """谁随访，谁记录: the record carries the user who visited."""
        row = one(session, follow_ups, "follow-up", follow_up_id, lock=True)
        who.check_point(row.service_point_id, "follow-up", follow_up_id)
        domain.check_may_keep(who.role, row.programme)
        domain.check_follow_up_open(row.status)
        elder = self.elder(session, row.elder_id)
        plan = session.execute(sa.select(follow_up_plans).where(follow_up_plans.c.id == row.plan_id)).first()
        done = session.execute(
            sa.select(follow_ups.c.visited_on, follow_ups.c.classification, follow_ups.c.face_to_face)
            .where(follow_ups.c.plan_id == row.plan_id, follow_ups.c.status == "done")
            .order_by(follow_ups.c.visited_on, follow_ups.c.created_at)).all()
        previous = done[-1].classification if done else None
        first = (plan.details or {}).get("first_reading")
        readings = ([(date.fromisoformat(first["measured_on"]), True)] if first else []) + [
            (r.visited_on, r.classification in ("high", "danger")) for r in done if r.classification]
        clock_from = max([self.today(plan.created_at)] + [r.visited_on for r in done if r.face_to_face])
        outcome = domain.record_follow_up(row.programme, form["visited_on"], form.get("systolic"),
                                          form.get("diastolic"), form.get("symptoms", []), previous,
                                          domain.age_on(elder.birth_date, form["visited_on"]), self.follow_up_rules,
                                          form.get("adverse_drug_reaction", False), form.get("complications", False),
                                          form["face_to_face"], clock_from, domain.high_reading_days(readings))
        domain.check_review(row.programme, bool(form.get("review")))
        if form.get("care_plan"):
            domain.check_care_plan(form["care_plan"], self.follow_up_rules)
        record = _as_json(form)
        session.execute(follow_ups.update().where(follow_ups.c.id == row.id).values(
            status="done", visited_on=form["visited_on"], face_to_face=form["face_to_face"], record=record,
            classification=outcome.classification, referral=outcome.referral, recorded_by=who.user_id))
        self.outbox.add(session, "visits.follow_up.recorded", row.id, self.follow_up_state(row._mapping, {
            "classification": outcome.classification, "referral": outcome.referral, "emergency": outcome.emergency,
            "next_due_on": outcome.next_due_on.isoformat()}))
        plan_now = dict(plan._mapping)
        if outcome.diagnosed:  # a first diagnosis: from now on a hypertension patient's plan
            plan_now["programme"] = "hypertension"
            session.execute(follow_up_plans.update().where(follow_up_plans.c.id == plan.id)
                            .values(programme="hypertension"))
        if plan.active:
            self._open_follow_up(session, plan_now, outcome.next_due_on, now)
        return outcome

    def watch_follow_ups(self, session: Session, now: datetime) -> int:
        """Announce due follow-ups (3 days before and on the day) and overdue ones, each once."""
        today = self.today(now)
        announced = 0
        horizon = domain.notice_horizon(today, self.follow_up_rules)
        for row in session.execute(sa.select(follow_ups).where(follow_ups.c.status == "open",
                                                               follow_ups.c.due_on <= horizon)).all():
            notice = domain.follow_up_notice(row.due_on, today, self.follow_up_rules)
            if notice is None:
                continue
            kind, on_date = notice
            try:
                with session.begin_nested():
                    session.execute(follow_up_notices.insert().values(follow_up_id=row.id, kind=kind, on_date=on_date,
                                                                      at=now))
            except sa.exc.IntegrityError:
                continue
            self.outbox.add(session, f"visits.follow_up.{kind}", row.id, self.follow_up_state(row._mapping))
            announced += 1
        return announced

    @staticmethod
    def follow_up_list(session: Session, point: str | None, staff_id: str | None, overdue: bool | None,
                       due_before: date | None, today: date, limit: int, cursor: str | None,
                       hidden: frozenset[str] = frozenset()) -> tuple[list, str | None]:
        """The open follow-ups, but those of the `hidden` programmes (the caller's role may not see them)."""
        query = sa.select(follow_ups).where(follow_ups.c.status == "open")
        if hidden:
            query = query.where(follow_ups.c.programme.not_in(sorted(hidden)))
        if point:
            query = query.where(follow_ups.c.service_point_id == point)
        if staff_id:
            query = query.where(follow_ups.c.staff_id == staff_id)
        if overdue is not None:
            query = query.where((follow_ups.c.due_on < today) if overdue else (follow_ups.c.due_on >= today))
        if due_before:
            query = query.where(follow_ups.c.due_on < due_before)
        rows, next_cursor = page(session, query, follow_ups, limit, cursor)
        return [dict(r._mapping) | {"overdue": r.due_on < today} for r in rows], next_cursor

    def meeting_rate(self, session: Session, point: str | None, first: date, last: date) -> dict:
        query = sa.select(follow_ups.c.status, follow_ups.c.face_to_face).where(
            follow_ups.c.due_on >= first, follow_ups.c.due_on <= last, follow_ups.c.programme == "home_visit",
            follow_ups.c.status != "cancelled")
        if point:
            query = query.where(follow_ups.c.service_point_id == point)
        rows = session.execute(query).all()
        met = sum(1 for r in rows if r.status == "done" and r.face_to_face)
        rate = domain.meeting_rate(met, len(rows))
        target = self.follow_up_rules.meeting_rate_target
        return {"due": len(rows), "face_to_face": met, "rate": rate, "target": target,
                "meets_target": domain.meets_meeting_rate_target(rate, self.follow_up_rules)}

    def meeting_rates(self, session: Session, point: str | None, first: date, last: date) -> dict:
        """The same rate per point, counted in the store (one grouped scan), and in total."""
        met = sa.case(((follow_ups.c.status == "done") & follow_ups.c.face_to_face.is_(True), 1))
        query = sa.select(follow_ups.c.service_point_id, sa.func.count(), sa.func.count(met)).where(
            follow_ups.c.due_on >= first, follow_ups.c.due_on <= last, follow_ups.c.programme == "home_visit",
            follow_ups.c.status != "cancelled").group_by(follow_ups.c.service_point_id)
        if point:
            query = query.where(follow_ups.c.service_point_id == point)
        rows = sorted(session.execute(query).all())
        due, face_to_face = sum(r[1] for r in rows), sum(r[2] for r in rows)
        return {"from_": first, "to": last, "target": self.follow_up_rules.meeting_rate_target,
                "totals": {"due": due, "face_to_face": face_to_face, "rate": domain.meeting_rate(face_to_face, due)},
                "points": [{"service_point_id": p, "due": d, "face_to_face": f, "rate": domain.meeting_rate(f, d)}
                           for p, d, f in rows]}

    # --- prices and the monthly settlement (政府购买服务结算) ------------------------------------

    def set_price(self, session: Session, fields: dict, who: Caller, now: datetime) -> dict:
        """A price per bath from a day on (the centre's: city_operator or admin). A later
        price does not replace an earlier one: each applies from its own day, so any past
        month is settled again with the prices then in force. The same price set twice for
        one day keeps the last amount."""
        point = str(fields["service_point_id"]) if fields.get("service_point_id") else None
        if point:
            self.point(session, point)
        domain.check_price(fields["funding"], fields.get("category"), point, fields["amount"],
                           fields["effective_from"], self.today(now))
        key = {"funding": fields["funding"], "category": fields.get("category"), "service_point_id": point,
               "effective_from": fields["effective_from"]}
        session.execute(prices.delete().where(*(prices.c[name].is_(None) if value is None else prices.c[name] == value
                                                for name, value in key.items())))
        price = key | {"id": str(uuid.uuid4()), "amount": fields["amount"], "set_by": who.user_id, "created_at": now}
        session.execute(prices.insert().values(**price))
        return price

    @staticmethod
    def price_list(session: Session, point: str | None) -> list[dict]:
        """The price list with its history: a point's own prices and the city-wide ones."""
        query = sa.select(prices).order_by(prices.c.funding, prices.c.category, prices.c.service_point_id,
                                           prices.c.effective_from)
        if point:
            query = query.where(sa.or_(prices.c.service_point_id == point, prices.c.service_point_id.is_(None)))
        return [dict(r._mapping) for r in session.execute(query).all()]

    def settlement(self, session: Session, month: str | None, point: str | None, now: datetime) -> dict:
        """The month's settlement (结算), per point and for all: the visits billed (checked
        out; one ended early is not) whose local day of check-out falls in the month, by
        funding and subsidy category, priced with the prices in force on the day of each
        bath. Counted in the store (one grouped scan); recomputed the same for any past month."""
        month = month or domain.previous_month(self.today(now))
        first, last = domain.month_days(month)
        start = datetime.combine(first, time(0), self.tz)
        end = datetime.combine(last + timedelta(days=1), time(0), self.tz)
        query = (sa.select(visits.c.service_point_id, visits.c.funding_source, visits.c.funding_category,
                           visits.c.local_date, sa.func.count())
                 .where(visits.c.status.in_(domain.BILLED_STATUSES), visits.c.checked_out_at >= start,
                        visits.c.checked_out_at < end)
                 .group_by(visits.c.service_point_id, visits.c.funding_source, visits.c.funding_category,
                           visits.c.local_date))
        if point:
            query = query.where(visits.c.service_point_id == point)
        price_list = [domain.Price(r.funding, r.category, r.service_point_id, Decimal(r.amount), r.effective_from)
                      for r in session.execute(sa.select(prices).where(prices.c.effective_from <= last)).all()]
        by_point: dict[str, dict] = {}
        for point_id, source, category, day, count in session.execute(query).all():
            figures = by_point.setdefault(point_id, domain.empty_settlement())
            price = domain.price_on(price_list, source, category, point_id, day) if source else None
            domain.add_to_settlement(figures, source, category, count, price)
        names = dict(session.execute(sa.select(points.c.id, points.c.name)
                                     .where(points.c.id.in_(list(by_point)))).all()) if by_point else {}
        totals = domain.empty_settlement()
        for figures in by_point.values():
            domain.merge_settlement(totals, figures)
        return {"month": month, "service_point_id": point, "as_of": now.isoformat(),
                "points": [{"service_point_id": p, "name": names.get(p), **domain.settlement_view(by_point[p])}
                           for p in sorted(by_point)],
                "totals": domain.settlement_view(totals)}

    def produce_settlement(self, session: Session, now: datetime) -> bool:
        """Once a month, from the first day of the next one: last month's settlement stored
        as it was produced, and `visits.settlement.ready` for those who pay the points."""
        month = domain.previous_month(self.today(now))
        if session.execute(sa.select(settlements.c.month).where(settlements.c.month == month)).first():
            return False
        report = self.settlement(session, month, None, now)
        try:
            with session.begin_nested():
                session.execute(settlements.insert().values(month=month, report=report, created_at=now))
        except sa.exc.IntegrityError:
            return False  # another instance produced it first
        self.outbox.add(session, "visits.settlement.ready", str(uuid.uuid5(uuid.NAMESPACE_URL, f"settlement/{month}")),
                        {"month": month, "service_point_ids": [p["service_point_id"] for p in report["points"]],
                         "totals": report["totals"]})
        return True


# What a step read with its visit, kept for the rest of the transaction (`Session.info`):
# the elder and the point as rows by (table, id), the timeline as entries by visit id.
_HELD = "visits.held_rows"
_TIMELINES = "visits.held_timelines"
_VISIT_READ = (
    sa.select(visits, elders, points, staff, timeline)
    .select_from(visits.outerjoin(elders, elders.c.id == visits.c.elder_id)
                 .outerjoin(points, points.c.id == visits.c.service_point_id)
                 .outerjoin(staff, staff.c.id == sa.bindparam("staff_id"))
                 .outerjoin(timeline, timeline.c.visit_id == visits.c.id))
    .where(visits.c.id == sa.bindparam("visit_id"))
    .order_by(timeline.c.id)
)
_VISIT_LOCKED = _VISIT_READ.with_for_update(of=visits)
_PARTS = [(result_tuple([c.key for c in table.c]), len(table.c)) for table in (visits, elders, points, staff, timeline)]


@dataclass(frozen=True)
class _CheckInFacts:
    in_visit: bool  # the elder has a visit not yet checked out
    copied: bool  # this copy holds a row of the elder
    card_elsewhere: bool  # this copy has the card on another elder's row
    subsidies: list[domain.SubsidyView]  # the elder's subsidies that fund visits


_POINT_ROW = result_tuple([c.key for c in points.c])


def _check_in_facts(session: Session, point_id: str, elder_id: str, card: str) -> tuple[Any, _CheckInFacts]:
    """What a check-in decides on besides registration's answer, in one statement: the
    point, whether the elder is in a visit, whether this copy holds the elder and whether
    it has the card on someone else, and the elder's subsidies (one result row each, the
    point repeated). NotFound when there is no such point."""
    rows = session.execute(
        sa.select(
            points,
            sa.exists().where(visits.c.elder_id == elder_id, visits.c.status.in_(domain.OPEN_STATUSES)).label("in_visit"),
            sa.exists().where(elders.c.id == elder_id).label("copied"),
            sa.exists().where(elders.c.citizen_card_no == card, elders.c.id != elder_id).label("card_elsewhere"),
            subsidies.c.category, subsidies.c.valid_from, subsidies.c.valid_until, subsidies.c.ended_at)
        .select_from(points.outerjoin(subsidies, subsidies.c.elder_id == elder_id))
        .where(points.c.id == point_id)).all()
    if not rows:
        raise NotFound("service point", point_id)
    first = rows[0]
    width = len(points.c)
    return _POINT_ROW(first[:width]), _CheckInFacts(
        bool(first.in_visit), bool(first.copied), bool(first.card_elsewhere),
        [domain.SubsidyView(r.category, r.valid_from, r.valid_until, r.ended_at) for r in rows if r.category is not None])


def _held(session: Session, table: sa.Table, key: str) -> Any:
    return session.info.get(_HELD, {}).get((table.name, key))


def _read_visit(session: Session, visit_id: str, lock: bool, staff_id: str | None = None) -> Any:
    """The visit (locked when `lock`) with its elder, its point, the staff member
    `staff_id` (who performs the step) and its timeline in one statement, one result row
    per timeline entry; the elder, the point and the staff member answer `Visits.elder`,
    `Visits.point` and `Visits._acting_staff` for the rest of the transaction, the timeline
    `Visits._with_timeline`. NotFound when there is no such visit."""
    rows = session.execute(_VISIT_LOCKED if lock else _VISIT_READ, {"visit_id": visit_id, "staff_id": staff_id}).all()
    if not rows:
        raise NotFound("visit", visit_id)
    parts = []  # each result row as its four tables' rows
    for row in rows:
        start, split = 0, []
        for make, width in _PARTS:
            split.append(make(row[start:start + width]))
            start += width
        parts.append(split)
    visit, elder, point, member, _ = parts[0]
    held = session.info.setdefault(_HELD, {})
    for table, found in ((elders, elder), (points, point), (staff, member)):
        if found.id is not None:
            held[table.name, found.id] = found
    session.info.setdefault(_TIMELINES, {})[visit_id] = [dict(entry._mapping) for *_, entry in parts
                                                          if entry.id is not None]
    return visit


def _as_json(value: Any) -> Any:
    """Dates in a form's nested parts as ISO text, for a JSON column."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _seconds_between(dialect: str):
    """An SQL expression for the seconds from one timestamp to another (NULL if either is)."""
    if dialect == "postgresql":
        return lambda start, end: sa.func.extract("epoch", end - start)
    return lambda start, end: (sa.func.julianday(end) - sa.func.julianday(start)) * 86400.0
