"""Visits use cases: bookings, check-in, screening, bath, rest, check-out, incidents."""
from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import sqlalchemy as sa
import urllib3
from sqlalchemy.orm import Session

from kit import context
from kit.outbox import Outbox
from kit.readmodel import apply_state
from kit.privacy import mask_phone
from kit.types import utcnow
from kit.errors import DomainError, NotFound
from services.visits import domain, handlers
from services.visits.config import Settings
from services.visits.models import bookings, elders, entry_denials, incidents, points, slots, staff, timeline, visits

log = logging.getLogger("visits")


class Visits:
    """The use cases, with the settings and the registration client they need."""

    def __init__(self, settings: Settings, outbox: Outbox):
        self.settings = settings
        self.rules = settings.rules
        self.outbox = outbox
        self.tz = ZoneInfo(settings.common.timezone)
        self._registration = urllib3.PoolManager(
            maxsize=4, timeout=urllib3.Timeout(total=settings.registration_timeout_seconds), retries=False)

    # --- views ------------------------------------------------------------------------

    def elder_view(self, row: Any) -> domain.ElderView:
        return domain.ElderView(
            id=row.id, status=row.status, latest_level=row.latest_assessment_level,
            commitment_current=row.safety_commitment_version == self.settings.safety_commitment_version,
            gender=row.gender, same_gender_assistant=row.same_gender_assistant,
            chronic_conditions=tuple(row.chronic_conditions))

    @staticmethod
    def point_view(row: Any) -> domain.PointView:
        return domain.PointView(id=row.id, active=row.active, opening_hours=row.opening_hours,
                                bath_capacity=row.bath_capacity, safety_reminders=tuple(row.safety_reminders))

    def point(self, session: Session, point_id: str, lock: bool = False) -> Any:
        query = sa.select(points).where(points.c.id == point_id)
        row = session.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound("service point", point_id)
        return row

    def elder(self, session: Session, elder_id: str) -> Any:
        row = session.execute(sa.select(elders).where(elders.c.id == elder_id)).first()
        if row is None:
            raise NotFound("elder", elder_id)
        return row

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    # --- bookings ---------------------------------------------------------------------

    def book(self, session: Session, elder_id: str, point_id: str, slot_start: datetime, actor: str | None) -> Any:
        elder = self.elder(session, elder_id)
        point = self.point(session, point_id)
        if elder.status != "active":
            raise DomainError("ELDER_SUSPENDED", "The elder is not active.")
        now = utcnow()
        slot_start = self.local(slot_start)
        slot_end = domain.check_slot(self.point_view(point), slot_start, self.local(now), self.rules)
        overlapping = session.execute(sa.select(bookings.c.id).where(
            bookings.c.elder_id == elder_id, bookings.c.status == "booked",
            bookings.c.slot_start < slot_end, bookings.c.slot_end > slot_start)).first()
        if overlapping:
            raise DomainError("DOUBLE_BOOKING", "The elder already has a booking at that time.")
        self._take_place(session, point, slot_start)
        booking_id = str(uuid.uuid4())
        session.execute(bookings.insert().values(
            id=booking_id, elder_id=elder_id, service_point_id=point_id, slot_start=slot_start, slot_end=slot_end,
            status="booked", created_by=actor, created_at=now, updated_at=now))
        row = self.booking(session, booking_id)
        self.outbox.add(session, "visits.booking.created", booking_id, self.booking_state(row))
        return row

    def _take_place(self, session: Session, point: Any, slot_start: datetime) -> None:
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

    def cancel_booking(self, session: Session, booking_id: str, actor: str | None) -> Any:
        row = self.booking(session, booking_id, lock=True)
        if row.status != "booked" or utcnow() >= row.slot_start:
            raise DomainError("INVALID_TRANSITION", "Only a booking whose slot has not started can be cancelled.")
        session.execute(bookings.update().where(bookings.c.id == booking_id).values(status="cancelled", updated_at=utcnow()))
        session.execute(slots.update().filter_by(service_point_id=row.service_point_id, slot_start=row.slot_start)
                        .values(taken=slots.c.taken - 1))
        row = self.booking(session, booking_id)
        self.outbox.add(session, "visits.booking.cancelled", booking_id, self.booking_state(row))
        return row

    def mark_no_shows(self, session: Session, now: datetime) -> int:
        cutoff = now - timedelta(minutes=self.rules.no_show_after_minutes)
        due = session.execute(sa.select(bookings).where(bookings.c.status == "booked", bookings.c.slot_start <= cutoff)
                              .with_for_update(skip_locked=True)).all()
        for row in due:
            session.execute(bookings.update().where(bookings.c.id == row.id).values(status="no_show", updated_at=now))
            self.outbox.add(session, "visits.booking.no_show", row.id, self.booking_state(row) | {"status": "no_show"})
        return len(due)

    def booking(self, session: Session, booking_id: str, lock: bool = False) -> Any:
        query = sa.select(bookings).where(bookings.c.id == booking_id)
        row = session.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound("booking", booking_id)
        return row

    @staticmethod
    def booking_state(row: Any) -> dict:
        return {"id": row.id, "elder_id": row.elder_id, "service_point_id": row.service_point_id,
                "slot_start": row.slot_start.isoformat(), "slot_end": row.slot_end.isoformat(), "status": row.status}

    # --- check-in ---------------------------------------------------------------------

    def lookup_card(self, session: Session, card: str) -> Any | None:
        row = session.execute(sa.select(elders).where(elders.c.citizen_card_no == card)).first()
        if row is not None:
            return row
        # Not known here yet (its event may still be on the way): ask registration once.
        try:
            response = self._registration.request(
                "GET", f"{self.settings.registration_url}/elders/by-card/{quote(card, safe='')}",
                headers={"X-Request-ID": context.request_id.get() or ""})
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            log.warning("registration lookup failed", extra={"error": type(exc).__name__})
            return None
        if response.status != 200:
            return None
        data = json.loads(response.data)
        # Sequence 0: the registration events that follow always replace this copy.
        apply_state(session, elders, data["id"], 0, handlers.elder_values(data))
        return session.execute(sa.select(elders).where(elders.c.id == data["id"])).first()

    def check_in(self, session: Session, card: str, point_id: str, booking_id: str | None,
                 actor: str | None, staff_id: str | None) -> Any:
        point = self.point(session, point_id)
        elder = self.lookup_card(session, card)
        now = utcnow()
        in_visit = elder is not None and session.execute(sa.select(visits.c.id).where(
            visits.c.elder_id == elder.id, visits.c.status.in_(domain.OPEN_STATUSES))).first() is not None
        code = domain.check_in_refusal(self.elder_view(elder) if elder else None, self.point_view(point),
                                       self.local(now), in_visit, self.rules)
        if code:
            denial_id = str(uuid.uuid4())
            masked = mask_phone(card) or ""
            session.execute(entry_denials.insert().values(
                id=denial_id, elder_id=elder.id if elder else None, citizen_card_no_masked=masked,
                service_point_id=point_id, code=code, actor=actor, at=now))
            self.outbox.add(session, "visits.visit.entry_denied", denial_id, {
                "elder_id": elder.id if elder else None, "citizen_card_no_masked": masked,
                "service_point_id": point_id, "code": code})
            return code
        if booking_id:
            booking = self.booking(session, booking_id, lock=True)
            if booking.elder_id != elder.id or booking.status != "booked":
                raise DomainError("INVALID_TRANSITION", "The booking is not this elder's open booking.")
            session.execute(bookings.update().where(bookings.c.id == booking_id).values(status="attended", updated_at=now))
        visit_id = str(uuid.uuid4())
        session.execute(visits.insert().values(
            id=visit_id, elder_id=elder.id, service_point_id=point_id, booking_id=booking_id, status="checked_in",
            local_date=self.local(now).date(), checked_in_at=now, created_at=now, bath_overrun_alerted=False))
        return self._record(session, visit_id, "checked_in", actor, staff_id, {}, "visits.visit.checked_in")

    # --- the visit's steps ------------------------------------------------------------

    def visit(self, session: Session, visit_id: str, lock: bool = False) -> Any:
        query = sa.select(visits).where(visits.c.id == visit_id)
        row = session.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound("visit", visit_id)
        return row

    def _record(self, session: Session, visit_id: str, action: str, actor: str | None, staff_id: str | None,
                details: dict, event_type: str | None, extra: dict | None = None) -> Any:
        session.execute(timeline.insert().values(visit_id=visit_id, action=action, at=utcnow(), actor=actor,
                                                 staff_id=staff_id, details=details))
        row = self.visit(session, visit_id)
        if event_type:
            self.outbox.add(session, event_type, visit_id, self.visit_state(row) | (extra or {}))
        return row

    @staticmethod
    def visit_state(row: Any) -> dict:
        screening = row.screening or {}
        return {"id": row.id, "elder_id": row.elder_id, "service_point_id": row.service_point_id,
                "booking_id": row.booking_id, "status": row.status, "assistant_staff_id": row.assistant_staff_id,
                "refusal_reasons": screening.get("refusal_reasons", []), "warnings": screening.get("warnings", []),
                "urgent": screening.get("urgent", False), "at": utcnow().isoformat()}

    def screen(self, session: Session, visit_id: str, form: dict, actor: str | None, staff_id: str | None) -> domain.Screening:
        row = self.visit(session, visit_id, lock=True)
        elder = self.elder_view(self.elder(session, row.elder_id))
        point = self.point_view(self.point(session, row.service_point_id))
        result = domain.screen(form["mental_state"], form["infectious_disease"], form["alcohol"],
                               form.get("systolic"), form.get("diastolic"), form["reminders_given"], elder, point,
                               self.rules)
        status = domain.step(row.status, "screen_ok" if result.status == "screened" else "screen_refused")
        record = {**form, "refusal_reasons": result.refusal_reasons, "warnings": result.warnings,
                  "urgent": result.urgent, "referral_advised": result.referral_advised}
        session.execute(visits.update().where(visits.c.id == visit_id).values(status=status, screening=record))
        self._record(session, visit_id, result.status, actor, staff_id, record,
                     f"visits.visit.{'screened' if status == 'screened' else 'refused'}",
                     {"referral_advised": result.referral_advised})
        return result

    def start_bath(self, session: Session, visit_id: str, assistant_id: str, actor: str | None) -> Any:
        row = self.visit(session, visit_id, lock=True)
        status = domain.step(row.status, "bath")
        point = self.point(session, row.service_point_id, lock=True)  # serialises the capacity check
        assistant = session.execute(sa.select(staff).where(staff.c.id == assistant_id)).first()
        baths_now = session.execute(sa.select(sa.func.count()).select_from(visits).where(
            visits.c.service_point_id == row.service_point_id, visits.c.status == "bathing")).scalar()
        view = domain.StaffView(id=assistant.id, roles=tuple(assistant.roles), service_point_id=assistant.service_point_id,
                                qualified=assistant.qualified, gender=assistant.gender,
                                active=assistant.active) if assistant else None
        domain.check_assistant(view, self.elder_view(self.elder(session, row.elder_id)), row.service_point_id,
                               baths_now, self.point_view(point))
        session.execute(visits.update().where(visits.c.id == visit_id).values(
            status=status, assistant_staff_id=assistant_id, bath_started_at=utcnow()))
        return self._record(session, visit_id, "bath_started", actor, assistant_id, {}, "visits.visit.bath_started")

    def start_rest(self, session: Session, visit_id: str, actor: str | None, staff_id: str | None) -> Any:
        row = self.visit(session, visit_id, lock=True)
        status = domain.step(row.status, "rest")
        session.execute(visits.update().where(visits.c.id == visit_id).values(status=status, rest_started_at=utcnow()))
        return self._record(session, visit_id, "rest_started", actor, staff_id, {}, "visits.visit.rest_started")

    def check_out(self, session: Session, visit_id: str, early_leave_reason: str | None, actor: str | None,
                  staff_id: str | None) -> Any:
        row = self.visit(session, visit_id, lock=True)
        status = domain.step(row.status, "checkout")
        domain.check_checkout(row.rest_started_at, utcnow(), early_leave_reason, self.rules)
        session.execute(visits.update().where(visits.c.id == visit_id).values(
            status=status, checked_out_at=utcnow(), early_leave_reason=early_leave_reason))
        return self._record(session, visit_id, "checked_out", actor, staff_id,
                            {"early_leave_reason": early_leave_reason}, "visits.visit.checked_out")

    def alert_bath_overruns(self, session: Session, now: datetime) -> int:
        """Once per visit: a bath longer than the maximum alerts the administrator."""
        cutoff = now - timedelta(minutes=self.rules.max_bath_minutes)
        due = session.execute(sa.select(visits).where(
            visits.c.status == "bathing", visits.c.bath_started_at < cutoff,
            visits.c.bath_overrun_alerted.is_(False)).with_for_update(skip_locked=True)).all()
        for row in due:
            session.execute(visits.update().where(visits.c.id == row.id).values(bath_overrun_alerted=True))
            self._record(session, row.id, "bath_overrun", None, None,
                         {"minutes": int((now - row.bath_started_at).total_seconds() // 60)},
                         "visits.visit.bath_overrun", {"urgent": True})
        return len(due)

    def daily_figures(self, session: Session, point_id: str, day) -> dict:
        rows = session.execute(sa.select(visits).where(visits.c.service_point_id == point_id,
                                                       visits.c.local_date == day)).all()

        def minutes(start, end):
            return (end - start).total_seconds() / 60 if start and end else None

        summaries = [domain.VisitSummary(
            status=r.status, refusal_reasons=tuple((r.screening or {}).get("refusal_reasons", [])),
            bath_minutes=minutes(r.bath_started_at, r.rest_started_at),
            rest_minutes=minutes(r.rest_started_at, r.checked_out_at)) for r in rows]
        count = session.execute(sa.select(sa.func.count()).select_from(incidents).where(
            incidents.c.visit_id.in_([r.id for r in rows]))).scalar() if rows else 0
        return {"service_point_id": point_id, "date": day.isoformat(), **domain.daily_figures(summaries, count)}

    def period_figures(self, session: Session, point_id: str | None, first, last) -> dict:
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

    # --- incidents --------------------------------------------------------------------

    def report_incident(self, session: Session, visit_id: str, form: dict, actor: str | None,
                        staff_id: str | None) -> Any:
        row = self.visit(session, visit_id)
        incident_id = str(uuid.uuid4())
        session.execute(incidents.insert().values(
            id=incident_id, visit_id=visit_id, elder_id=row.elder_id, service_point_id=row.service_point_id,
            reported_by=actor, created_at=utcnow(), **form))
        session.execute(timeline.insert().values(visit_id=visit_id, action="incident", at=utcnow(), actor=actor,
                                                 staff_id=staff_id, details={"incident_id": incident_id, **form}))
        incident = self.incident(session, incident_id)
        self.outbox.add(session, "visits.incident.reported", incident_id, {
            "id": incident_id, "visit_id": visit_id, "elder_id": row.elder_id,
            "service_point_id": row.service_point_id, "kind": form["kind"], "severity": form["severity"],
            "urgent": domain.incident_is_urgent(form["severity"]), "description": form["description"]})
        return incident

    def incident(self, session: Session, incident_id: str) -> Any:
        row = session.execute(sa.select(incidents).where(incidents.c.id == incident_id)).first()
        if row is None:
            raise NotFound("incident", incident_id)
        return row

    def close_incident(self, session: Session, incident_id: str, outcome: str, note: str) -> Any:
        row = self.incident(session, incident_id)
        if row.closed_at is not None:
            raise DomainError("INVALID_TRANSITION", "The incident is already closed.")
        session.execute(incidents.update().where(incidents.c.id == incident_id).values(
            outcome=outcome, outcome_note=note, closed_at=utcnow()))
        self.outbox.add(session, "visits.incident.closed", incident_id, {
            "id": incident_id, "visit_id": row.visit_id, "elder_id": row.elder_id,
            "service_point_id": row.service_point_id, "outcome": outcome, "note": note})
        return self.incident(session, incident_id)


def _seconds_between(dialect: str):
    """An SQL expression for the seconds from one timestamp to another (NULL if either is)."""
    if dialect == "postgresql":
        return lambda start, end: sa.func.extract("epoch", end - start)
    return lambda start, end: (sa.func.julianday(end) - sa.func.julianday(start)) * 86400.0
