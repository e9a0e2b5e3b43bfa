"""Complaints use cases: intake, the handling steps, deadlines on the working-time
calendar, surveys, the hotline (calls, missed-call callbacks, duty roster and handovers),
reply templates, reports, and the read models kept from registration's staff and the
visits' check-outs.

Each method works in the caller's transaction (`with store.begin() as session`): it
changes rows and records its events in the outbox in that same transaction. `now` comes
from the caller; nothing here reads the clock.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit import metrics
from kit.caller import Caller
from kit.db import one
from kit.errors import Invalid, NotFound, Unavailable
from kit.lookup import Lookup
from kit.outbox import Outbox
from kit.paging import page
from kit.readmodel import apply_state, apply_states
from services.complaints import domain
from services.complaints.config import Settings
from services.complaints.domain import Deadline, StaffView, WorkCalendar
from services.complaints.models import (
    calendar_days, calendar_years, calls, complaints, deadlines, duty_shifts, fired_alerts, handovers, history,
    misconduct, monthly_reports, points, reply_templates, staff, survey_invitations, surveys, visits,
)

# The event each handling step emits (steps that move nothing visible to others emit none).
EVENT_OF_ACTION = {"assign": "assigned", "first_reply": "replied", "result_reply": "replied", "resolve": "resolved",
                   "callback_satisfied": "closed", "callback_unsatisfied": "reopened", "close": "closed",
                   "escalate": "escalated", "pause": "paused", "resume": "resumed", "review_approved": "reviewed",
                   "review_returned": "reviewed", "merge": "merged", "callback_unreached": "callback_booked"}
# The history entry of each step.
HISTORY_OF_ACTION = {"assign": "assigned", "first_reply": "replied", "result_reply": "replied",
                     "follow_up": "followed_up", "investigate": "investigated", "pause": "paused",
                     "resume": "resumed", "resolve": "resolved", "callback_satisfied": "callback",
                     "callback_unsatisfied": "callback", "callback_unreached": "callback", "escalate": "escalated",
                     "review_approved": "reviewed", "review_returned": "reviewed", "merge": "merged_into",
                     "close": "closed"}
STATE_FIELDS = ("id", "service_point_id", "elder_id", "type", "channel", "category", "severity", "status",
                "owner_staff_id", "escalation_level", "complainant")
REPORT_NAMESPACE = uuid.UUID("6f1c5a52-8d0e-4a8e-9a57-2b1f0d0c7e11")


def _plain(value: Any) -> Any:
    """Ids as the tables keep them."""
    return str(value) if isinstance(value, uuid.UUID) else value


def _detail(value: Any) -> Any:
    """A step's field as its history entry keeps it (JSON): ids and times as text."""
    return value.isoformat() if isinstance(value, datetime) else _plain(value)


def digits(phone: str | None) -> str | None:
    """A phone number as its digits: how a caller's earlier calls and complaints are found,
    whatever spaces, dashes or brackets it was typed with."""
    if not phone:
        return None
    number = re.sub(r"[^0-9]", "", phone)
    if number.startswith("0086"):
        return number[4:]
    return number[2:] if len(number) == 13 and number.startswith("86") else number


# Survey invitations take their identity from what they are about, so that meeting the same
# checked-out visit again (a read model rebuilt from the visits' events) is the same
# invitation, the same event and the same link, and notify sends nothing twice.
INVITATIONS = uuid.UUID("5b0f6f55-2b8e-4c1e-9a57-6f1d1c1e7a01")


class Complaints:
    """The use cases, with the settings (rules, time zone, the survey links' secret) they need."""

    def __init__(self, settings: Settings, outbox: Outbox, registration: Lookup | None = None):
        self.settings = settings
        self.rules = settings.rules
        self.outbox = outbox
        self.registration = registration  # asked which point an elder a complaint names is of
        self.tz = ZoneInfo(settings.common.timezone)
        self.token_secret = settings.survey_token_secret.encode()

    # --- reading ------------------------------------------------------------------------

    @staticmethod
    def get(session: Session, complaint_id: str, lock: bool = False) -> Any:
        return one(session, complaints, "complaint", complaint_id, lock)

    def owned(self, session: Session, complaint_id: str, who: Caller, lock: bool = False) -> Any:
        """A complaint the caller may see: its point's, or any for a caller bound to none."""
        row = self.get(session, complaint_id, lock)
        who.check_point(row.service_point_id, "complaint", complaint_id)
        return row

    @staticmethod
    def complaint_list(session: Session, point: str | None, status: str | None, overdue: bool | None, limit: int,
                       cursor: str | None, complainant_phone: str | None = None,
                       paused: bool | None = None, elder_id: str | None = None) -> tuple[list, str | None]:
        """By point, status, overdue flag, the complainant's number (a caller's earlier
        complaints, whatever the number's spacing), a paused clock and the elder named."""
        query = sa.select(complaints)
        if point:
            query = query.where(complaints.c.service_point_id == point)
        if status:
            query = query.where(complaints.c.status == status)
        if overdue is not None:
            query = query.where(complaints.c.overdue == overdue)
        if complainant_phone:
            query = query.where(complaints.c.complainant_phone == digits(complainant_phone))
        if paused is not None:
            query = query.where(complaints.c.paused_at.is_not(None) if paused else complaints.c.paused_at.is_(None))
        if elder_id:
            query = query.where(complaints.c.elder_id == str(elder_id))
        return page(session, query, complaints, limit, cursor)

    @staticmethod
    def open_overdue(session: Session) -> int:
        """Open complaints with a missed deadline still unmet (a gauge)."""
        return session.execute(sa.select(sa.func.count()).select_from(complaints).where(
            complaints.c.overdue.is_(True), complaints.c.status != "closed")).scalar_one()

    @staticmethod
    def misconduct_list(session: Session, point: str | None, staff_id: str | None, limit: int,
                        cursor: str | None) -> tuple[list, str | None]:
        query = sa.select(misconduct)
        if point:
            query = query.where(misconduct.c.service_point_id == point)
        if staff_id:
            query = query.where(misconduct.c.staff_id == staff_id)
        return page(session, query, misconduct, limit, cursor)

    def view(self, session: Session, row: Any) -> dict:
        """The whole record: history, the current instance of each deadline, and whether
        the callback or follow-ups are outstanding."""
        result = dict(row._mapping)
        result["history"] = [
            {"at": h.at, "action": h.action, "actor": h.actor, "actor_staff_id": h.staff_id, **h.details}
            for h in session.execute(sa.select(history).where(history.c.complaint_id == row.id)
                                     .order_by(history.c.id)).all()]
        result["deadlines"] = {d.name: {"due_at": d.due_at, "met_at": d.met_at, "working_days": d.working_days,
                                        "provisional": d.provisional} for d in session.execute(
            sa.select(deadlines).where(deadlines.c.complaint_id == row.id).order_by(deadlines.c.id)).all()}
        result["callback_due"] = row.status == "replied"
        result["callback_due_at"] = row.callback_at if row.status == "replied" else None
        result["paused"] = row.paused_at is not None
        result["merged"] = list(session.execute(sa.select(complaints.c.id).where(
            complaints.c.merged_into == row.id).order_by(complaints.c.received_at, complaints.c.id)).scalars())
        result["follow_ups_short"] = (domain.follow_ups_short(row.follow_ups, self.rules)
                                      if row.type in domain.FOLLOWED_UP_TYPES else 0)
        return result

    def staff_views(self, session: Session) -> list[StaffView]:
        return [StaffView(r.id, tuple(r.roles), r.service_point_id, r.active)
                for r in session.execute(sa.select(staff)).all()]

    def state(self, session: Session, row: Any, deadline: Deadline | None = None) -> dict:
        """The complaint's public state as its events carry it (docs/events.md)."""
        data = {name: row._mapping[name] for name in STATE_FIELDS}
        data["supervisor_staff_ids"] = domain.supervisors(self.staff_views(session), row.service_point_id)
        data["escalated_to"] = list(domain.escalated_to(row.severity, row.escalation_level))
        if deadline is not None:
            data["deadline"] = {"name": deadline.name, "due_at": deadline.due_at.isoformat()}
        return data

    # --- intake -------------------------------------------------------------------------

    def check_elder(self, elder_id: str, point_id: str) -> None:
        """The elder a complaint names is registered at the complaint's point, as
        registration says now (asked before the transaction: complaints keeps no copy of
        elders, and a copy fed by events could refuse an elder registered a moment ago).
        Unknown and another point's are the same answer, 422 on `elder_id` (no existence
        oracle); registration not answering is 503 and nothing is stored."""
        found = self.registration.get(f"/elders/{elder_id}/point") if self.registration else None
        if found is None:
            raise Unavailable("The registration service did not answer to check the elder; try again shortly.")
        if found.get("service_point_id") != point_id:
            raise Invalid({"elder_id": ["No elder of this service point."]}, "No elder of this service point.")

    def receive(self, session: Session, fields: dict, actor: str | None, actor_staff: str | None,
                now: datetime) -> Any:
        """Record first (客户投诉处理单), name the owner (the point's administrator, else a
        desk supervisor), start the deadlines; a major complaint goes to management at once."""
        point_id = str(fields["service_point_id"])
        if fields.get("about_staff_id"):  # a staff member of the complaint's point (or the desk)
            self._check_staff(session, str(fields["about_staff_id"]), point_id, "about_staff_id")
        owner = domain.pick_owner(self.staff_views(session), point_id)
        complaint_id = str(uuid.uuid4())
        escalation = domain.initial_escalation(fields["severity"])
        session.execute(complaints.insert().values(
            id=complaint_id, channel=fields["channel"], type=fields["type"], category=fields["category"],
            service_point_id=point_id, elder_id=_plain(fields.get("elder_id")), complainant=fields["complainant"],
            complainant_phone=digits(fields["complainant"]["phone"]),
            about_staff_id=_plain(fields.get("about_staff_id")),
            content=fields["content"], attachments=fields["attachments"], severity=fields["severity"],
            status="received", owner_staff_id=owner, escalation_level=escalation, overdue=False, follow_ups=0,
            received_at=now, created_at=now))
        intake = domain.intake_deadlines(fields["type"], fields["channel"], fields["category"], now, self.rules,
                                         self.work_calendar(session), self.tz, dispatched=owner is not None)
        for deadline in intake:
            self._add_deadline(session, complaint_id, deadline)
        self._history(session, complaint_id, "received", actor, actor_staff, now,
                      {"status": "received", "owner_staff_id": owner})
        row = self.get(session, complaint_id)
        self.outbox.add(session, "complaints.complaint.received", complaint_id, self.state(session, row) | {
            "reply_within_hours": domain.reply_within_hours(intake)})
        if escalation:
            self._history(session, complaint_id, "escalated", actor, actor_staff, now,
                          {"status": "received", "reason": "major complaint", "level": escalation})
            self.outbox.add(session, "complaints.complaint.escalated", complaint_id, self.state(session, row))
        return row

    def _add_deadline(self, session: Session, complaint_id: str, deadline: Deadline) -> None:
        exists = session.execute(sa.select(deadlines.c.id).where(
            deadlines.c.complaint_id == complaint_id, deadlines.c.name == deadline.name,
            deadlines.c.due_at == deadline.due_at)).first()
        if not exists:
            session.execute(deadlines.insert().values(
                complaint_id=complaint_id, name=deadline.name, starts_at=deadline.starts_at, due_at=deadline.due_at,
                working_days=deadline.working_days, provisional=deadline.provisional))

    def _history(self, session: Session, complaint_id: str, action: str, actor: str | None, actor_staff: str | None,
                 now: datetime, details: dict) -> None:
        session.execute(history.insert().values(complaint_id=complaint_id, at=now, action=action, actor=actor,
                                                staff_id=actor_staff, details=details))

    def _meet(self, session: Session, complaint_id: str, names: frozenset[str], now: datetime) -> None:
        if names:
            session.execute(deadlines.update().where(
                deadlines.c.complaint_id == complaint_id, deadlines.c.name.in_(names), deadlines.c.met_at.is_(None))
                .values(met_at=now))

    def _still_overdue(self, session: Session, complaint_id: str) -> bool:
        """Overdue while a deadline whose overdue alert fired is still unmet."""
        return session.execute(sa.select(deadlines.c.id).join(fired_alerts, sa.and_(
            fired_alerts.c.complaint_id == deadlines.c.complaint_id, fired_alerts.c.name == deadlines.c.name,
            fired_alerts.c.due_at == deadlines.c.due_at, fired_alerts.c.level == "overdue")).where(
            deadlines.c.complaint_id == complaint_id, deadlines.c.met_at.is_(None)).limit(1)).first() is not None

    def _open_deadlines(self, session: Session, complaint_id: str) -> list[tuple[int, Deadline]]:
        return [(d.id, Deadline(d.name, d.starts_at, d.due_at, d.working_days, d.provisional))
                for d in session.execute(sa.select(deadlines).where(
                    deadlines.c.complaint_id == complaint_id, deadlines.c.met_at.is_(None))).all()]

    def _move_deadline(self, session: Session, deadline_id: int, moved: Deadline) -> None:
        session.execute(deadlines.update().where(deadlines.c.id == deadline_id).values(
            starts_at=moved.starts_at, due_at=moved.due_at, working_days=moved.working_days,
            provisional=moved.provisional))

    # --- the handling steps --------------------------------------------------------------

    def act(self, session: Session, complaint_id: str, step: str, payload: dict, who: Caller, now: datetime) -> Any:
        """One handling step (`domain.STEPS`) on a complaint the caller may see."""
        row = self.owned(session, complaint_id, who, lock=True)
        actor, actor_staff = who.user_id, who.staff_id
        action = domain.action_of(step, row.status, payload)
        status = domain.apply(row.status, action, row.type)
        domain.check_pause(action, row.paused_at is not None)
        if action.startswith("review_"):
            domain.check_review(row.channel, row.review_status)
        if action in ("callback_satisfied", "callback_unsatisfied"):
            self._check_independent(session, row, who)
        target = self._merge_target(session, row, payload, who) if action == "merge" else None
        callback_at = (domain.next_callback_try(now, payload.get("next_try_at"), self.rules)
                       if action == "callback_unreached" else None)
        if domain.resumes_clock(action, row.paused_at is not None):
            self._resume(session, row, "the desk took the next step", actor, actor_staff, now)
            row = self.get(session, row.id)
        details = {k: _detail(v) for k, v in payload.items()}
        values: dict[str, Any] = {"status": status,
                                  "review_status": domain.review_after(action, row.channel,
                                                                       bool(payload.get("written")),
                                                                       row.review_status)}
        if action == "assign":
            self._check_staff(session, details["staff_id"], row.service_point_id)
            values["owner_staff_id"] = details["staff_id"]
        elif action == "resolve":
            values.update(resolution=payload["resolution"], resolved_at=now)
        elif action == "follow_up":
            values.update(follow_ups=row.follow_ups + 1, last_follow_up_at=now)
        elif action == "escalate":
            values["escalation_level"] = row.escalation_level + 1
            details["level"] = row.escalation_level + 1
        elif action == "pause":
            values.update(paused_at=now, pause_reason=payload["reason"])
        elif action == "merge":
            values.update(merged_into=target.id, paused_at=None, pause_reason=None)
        if action.startswith("callback_"):
            values["callback_at"] = callback_at
            details.pop("next_try_at", None)
            if callback_at is not None:
                details["next_try_at"] = callback_at.isoformat()
        if status == "reopened":
            values["reopened_at"] = now
        if status == "closed":
            values["closed_at"] = now
        if action == "resume":
            self._resume(session, row, payload.get("note") or "", actor, actor_staff, now)
        else:
            session.execute(complaints.update().where(complaints.c.id == row.id).values(**values))
        self._meet(session, row.id, domain.met_by(action, bool(payload.get("written"))), now)
        self._next_deadlines(session, row, action, status, now, callback_at)
        session.execute(complaints.update().where(complaints.c.id == row.id)
                        .values(overdue=self._still_overdue(session, row.id)))
        if action == "first_reply" or action == "result_reply":
            details["reply"] = "first" if action == "first_reply" else "result"
        if action.startswith("callback_"):
            details["outcome"] = action.removeprefix("callback_")
        if action != "resume":
            self._history(session, row.id, HISTORY_OF_ACTION[action], actor, actor_staff, now,
                          {"status": status, **details})
        updated = self.get(session, row.id)
        if action in EVENT_OF_ACTION and action != "resume":
            self.outbox.add(session, f"complaints.complaint.{EVENT_OF_ACTION[action]}", row.id,
                            self.state(session, updated) | self._event_extra(action, updated))
        if target is not None:
            self._history(session, target.id, "merged", actor, actor_staff, now,
                          {"status": target.status, "duplicate_id": row.id})
        if status == "closed" and row.type == "complaint" and action != "merge":
            self._invite(session, "complaint", row.id, row.service_point_id, row.elder_id, row.complainant, now)
        return updated

    @staticmethod
    def _event_extra(action: str, row: Any) -> dict:
        """What the newer events carry beyond the complaint's state (docs/events.md)."""
        if action == "pause":
            return {"reason": row.pause_reason}
        if action in ("review_approved", "review_returned"):
            return {"approved": action == "review_approved"}
        if action == "merge":
            return {"merged_into": row.merged_into}
        if action == "callback_unreached":
            return {"next_try_at": row.callback_at.isoformat()}
        return {}

    def _check_independent(self, session: Session, row: Any, who: Caller) -> None:
        """The closing (or reopening) callback: not by the owner, nor by whoever resolved it."""
        steps = session.execute(sa.select(history.c.action, history.c.actor, history.c.staff_id).where(
            history.c.complaint_id == row.id)).all()
        domain.check_callback_independent(
            who.role, who.user_id, who.staff_id, row.owner_staff_id,
            {h.actor for h in steps if h.actor and row.owner_staff_id and h.staff_id == row.owner_staff_id},
            [(h.actor, h.staff_id) for h in steps if h.action == "resolved"])

    def _merge_target(self, session: Session, row: Any, payload: dict, who: Caller) -> Any:
        target = session.execute(sa.select(complaints).where(complaints.c.id == str(payload["into"]))
                                 .with_for_update()).first()
        if target is None:
            raise Invalid({"into": ["No such record."]}, "No such record to merge into.")
        who.check_point(target.service_point_id)
        domain.check_merge(row.id, row.service_point_id, target.id, target.service_point_id, target.status,
                           target.merged_into)
        return target

    def _resume(self, session: Session, row: Any, note: str, actor: str | None, actor_staff: str | None,
                now: datetime) -> None:
        """The clock runs again: every deadline still running when it paused moves by the
        time (or the working days) the complaint waited on the complainant."""
        work = self.work_calendar(session)
        for deadline_id, deadline in self._open_deadlines(session, row.id):
            moved = domain.paused_deadline(deadline, row.paused_at, now, work, self.tz)
            if moved != deadline:
                self._move_deadline(session, deadline_id, moved)
        session.execute(complaints.update().where(complaints.c.id == row.id).values(paused_at=None, pause_reason=None))
        self._history(session, row.id, "resumed", actor, actor_staff, now, {
            "status": row.status, "paused_at": row.paused_at.isoformat(), "note": note})
        self.outbox.add(session, "complaints.complaint.resumed", row.id, self.state(session, self.get(session, row.id)))

    def _next_deadlines(self, session: Session, row: Any, action: str, status: str, now: datetime,
                        callback_at: datetime | None) -> None:
        """The repeating weekly follow-up while unresolved, an online-media record's written
        reply once it is dispatched, the reply of the result, what follows the quality
        centre's review, the booked callback and the time limit of a reopened complaint."""
        followed = row.type in domain.FOLLOWED_UP_TYPES
        if followed and (action == "follow_up" or status == "reopened"):
            self._add_deadline(session, row.id, domain.follow_up_deadline(
                row.received_at, now if action == "follow_up" else row.last_follow_up_at,
                now if status == "reopened" else row.reopened_at, self.rules))
        dispatch = domain.written_reply_on_dispatch(action, row.type, row.channel, row.owner_staff_id is not None,
                                                    now, self.rules)
        if dispatch is not None:
            self._add_deadline(session, row.id, dispatch)
        if action == "resolve" and row.type in domain.ANSWERED_TYPES:
            self._add_deadline(session, row.id, domain.result_reply_deadline(now, self.rules))
        review = domain.after_review(action, now, self.rules)
        if review is not None:
            self._add_deadline(session, row.id, review)
        if callback_at is not None:
            self._add_deadline(session, row.id, domain.callback_deadline(now, callback_at))
        if status == "reopened" and action == "callback_unsatisfied":
            self._add_deadline(session, row.id, domain.rectification_deadline(now, self.rules))

    @staticmethod
    def _check_staff(session: Session, staff_id: str, point_id: str | None, field: str = "staff_id") -> None:
        """The staff member a record names (a complaint's owner or subject, a misconduct
        record's, a call's agent, a shift's) is one complaints knows from registration, of
        `point_id` or of the desk; with no point (a caller bound to none names a call's agent
        or a shift's staff), of any point. Otherwise 422 on `field`."""
        known = session.execute(sa.select(staff.c.service_point_id).where(staff.c.id == staff_id)).first()
        works_at = known.service_point_id if known is not None and point_id is not None else None
        try:
            domain.check_assignee(known is not None, works_at, point_id)
        except Invalid as error:
            if field == "staff_id":
                raise
            raise Invalid({field: error.errors["staff_id"]}, error.detail) from None

    # --- misconduct ---------------------------------------------------------------------

    def record_misconduct(self, session: Session, complaint_id: str, staff_id: str, note: str, who: Caller,
                          now: datetime) -> Any:
        """A verified staff-misconduct complaint is recorded against the staff member."""
        row = self.owned(session, complaint_id, who, lock=True)
        actor, actor_staff = who.user_id, who.staff_id
        self._check_staff(session, staff_id, row.service_point_id)  # a staff member of the complaint's point
        domain.check_misconduct(row.category, already_recorded=session.execute(
            sa.select(misconduct.c.id).where(misconduct.c.complaint_id == row.id,
                                             misconduct.c.staff_id == staff_id)).first() is not None)
        record_id = str(uuid.uuid4())
        session.execute(misconduct.insert().values(id=record_id, complaint_id=row.id, staff_id=staff_id, note=note,
                                                   service_point_id=row.service_point_id, recorded_by=actor,
                                                   created_at=now))
        self._history(session, row.id, "misconduct_recorded", actor, actor_staff, now,
                      {"status": row.status, "staff_id": staff_id, "note": note})
        record = session.execute(sa.select(misconduct).where(misconduct.c.id == record_id)).first()
        self.outbox.add(session, "complaints.misconduct.recorded", record_id, {
            "id": record_id, "complaint_id": row.id, "staff_id": staff_id, "service_point_id": row.service_point_id,
            "note": note})
        return record

    # --- deadlines ----------------------------------------------------------------------

    def watch_deadlines(self, session: Session, now: datetime) -> int:
        """Tell the owner at 50 % and 80 % of a deadline, mark overdue and escalate at 100 %; each alert of a
        deadline instance fires once, whatever the number of runs or watchers. A paused
        clock (waiting on the complainant) fires nothing."""
        open_deadlines = session.execute(
            sa.select(deadlines.c.complaint_id, deadlines.c.name, deadlines.c.starts_at, deadlines.c.due_at)
            .join(complaints, complaints.c.id == deadlines.c.complaint_id)
            .where(deadlines.c.met_at.is_(None), complaints.c.status != "closed", complaints.c.paused_at.is_(None))
            .order_by(deadlines.c.due_at, deadlines.c.id)).all()
        fired: dict[str, set[tuple[str, datetime, str]]] = {}
        for f in session.execute(sa.select(fired_alerts.c.complaint_id, fired_alerts.c.name, fired_alerts.c.due_at,
                                           fired_alerts.c.level).join(deadlines, sa.and_(
                deadlines.c.complaint_id == fired_alerts.c.complaint_id, deadlines.c.name == fired_alerts.c.name,
                deadlines.c.due_at == fired_alerts.c.due_at)).where(deadlines.c.met_at.is_(None))).all():
            fired.setdefault(f.complaint_id, set()).add((f.name, f.due_at, f.level))
        count = 0
        for row in open_deadlines:
            deadline = Deadline(row.name, row.starts_at, row.due_at)
            for _, level in domain.due_alerts([deadline], fired.get(row.complaint_id, set()), now, self.rules):
                try:
                    with session.begin_nested():
                        session.execute(fired_alerts.insert().values(
                            complaint_id=row.complaint_id, name=row.name, due_at=row.due_at, level=level,
                            fired_at=now))
                except sa.exc.IntegrityError:
                    continue  # another watcher fired it first
                self._fire(session, row.complaint_id, deadline, level, now)
                count += 1
        return count

    def _fire(self, session: Session, complaint_id: str, deadline: Deadline, level: str, now: datetime) -> None:
        row = self.get(session, complaint_id, lock=True)
        due = {"deadline": deadline.name, "due_at": deadline.due_at.isoformat()}
        if level in ("notice", "warn"):  # halfway, then nearly due: the owner is told each time
            self._history(session, complaint_id, "deadline_warning", None, None, now,
                          {"status": row.status, **due, "alert": level})
            self.outbox.add(session, "complaints.complaint.deadline_warning", complaint_id,
                            self.state(session, row, deadline) | {"alert": level})
            return
        metrics.instruments().deadlines_missed.labels(deadline.name).inc()
        level_now = row.escalation_level + 1
        session.execute(complaints.update().where(complaints.c.id == complaint_id).values(
            overdue=True, escalation_level=level_now))
        self._history(session, complaint_id, "overdue", None, None, now, {"status": row.status, **due})
        self._history(session, complaint_id, "escalated", None, None, now, {
            "status": row.status, "reason": f"{deadline.name} deadline missed", "level": level_now, **due})
        updated = self.get(session, complaint_id)
        self.outbox.add(session, "complaints.complaint.overdue", complaint_id, self.state(session, updated, deadline))
        self.outbox.add(session, "complaints.complaint.escalated", complaint_id,
                        self.state(session, updated, deadline))

    # --- surveys --------------------------------------------------------------------------

    def _invite(self, session: Session, subject_type: str, subject_id: str, point_id: str, elder_id: str | None,
                complainant: dict | None, now: datetime) -> None:
        """A survey link (one token, one answer) for elders and families without an account."""
        if session.execute(sa.select(survey_invitations.c.id).where(
                survey_invitations.c.subject_id == subject_id)).first():
            return
        invitation_id = str(uuid.uuid5(INVITATIONS, f"{subject_type}/{subject_id}"))
        # Unguessable without the secret, yet the same whenever this invitation is made.
        token = base64.urlsafe_b64encode(
            hmac.new(self.token_secret, invitation_id.encode(), hashlib.sha256).digest()[:24]).decode()
        session.execute(survey_invitations.insert().values(
            id=invitation_id, token=token, subject_type=subject_type, subject_id=subject_id,
            service_point_id=point_id, elder_id=elder_id, created_at=now))
        self.outbox.add(session, "complaints.survey.invited", invitation_id, {
            "id": invitation_id, "subject_type": subject_type, "subject_id": subject_id,
            "service_point_id": point_id, "elder_id": elder_id, "complainant": complainant, "token": token},
            event_id=str(uuid.uuid5(INVITATIONS, f"complaints.survey.invited/{invitation_id}")))

    # --- the read models: registration's staff, the visits' check-outs ---------------------------

    @staticmethod
    def staff_changed(session: Session, staff_id: str, sequence: int, data: dict) -> None:
        """Who works where: to name each point's administrator and the supervisors."""
        Complaints.staff_members_changed(session, [(staff_id, sequence, data)])

    @staticmethod
    def staff_members_changed(session: Session, changes: list[tuple[str, int, dict]]) -> None:
        """A run of staff states at once (`kit.readmodel.apply_states`)."""
        apply_states(session, staff, [(staff_id, sequence, {
            "name": data.get("name"), "roles": data.get("roles") or [], "service_point_id": data.get("service_point_id"),
            "active": data.get("active", True)}) for staff_id, sequence, data in changes])

    @staticmethod
    def point_changed(session: Session, point_id: str, sequence: int, data: dict) -> None:
        """A point's name, which its monthly report is headed with."""
        Complaints.points_changed(session, [(point_id, sequence, data)])

    @staticmethod
    def points_changed(session: Session, changes: list[tuple[str, int, dict]]) -> None:
        """A run of points' names at once (`kit.readmodel.apply_states`)."""
        apply_states(session, points, [(point_id, sequence, {"name": data["name"]})
                                       for point_id, sequence, data in changes])

    def visit_checked_out(self, session: Session, visit_id: str, sequence: int, data: dict, now: datetime) -> None:
        """The point a visit's survey counts under, and the survey invitation."""
        apply_state(session, visits, visit_id, sequence, {
            "elder_id": data["elder_id"], "service_point_id": data["service_point_id"]})
        self._invite(session, "visit", visit_id, data["service_point_id"], data.get("elder_id"), None, now)

    @staticmethod
    def _subject_point(session: Session, subject_type: str, subject_id: str) -> str:
        """The point a survey counts under: the complaint's, or the checked-out visit's."""
        table = complaints if subject_type == "complaint" else visits
        point = session.execute(sa.select(table.c.service_point_id).where(table.c.id == subject_id)).scalar()
        if point is None:
            raise NotFound(subject_type, subject_id)
        return point

    def submit_survey(self, session: Session, subject_type: str, subject_id: str, score: int, comment: str,
                      who: Caller, now: datetime) -> Any:
        """A satisfaction evaluation of a visit or a complaint the caller may see."""
        point_id = self._subject_point(session, subject_type, subject_id)
        who.check_point(point_id, subject_type, subject_id)
        return self._submit(session, subject_type, subject_id, point_id, score, comment, now)

    def _submit(self, session: Session, subject_type: str, subject_id: str, point_id: str, score: int,
                comment: str, now: datetime) -> Any:
        domain.check_first_answer(session.execute(sa.select(surveys.c.id).where(
            surveys.c.subject_type == subject_type, surveys.c.subject_id == subject_id)).first() is not None,
            f"This {subject_type} has been evaluated already.")
        survey_id = str(uuid.uuid4())
        session.execute(surveys.insert().values(id=survey_id, subject_type=subject_type, subject_id=subject_id,
                                                service_point_id=point_id, score=score, comment=comment,
                                                created_at=now))
        session.execute(survey_invitations.update().where(survey_invitations.c.subject_id == subject_id)
                        .values(survey_id=survey_id))
        self.outbox.add(session, "complaints.survey.submitted", survey_id, {
            "id": survey_id, "subject_type": subject_type, "subject_id": subject_id, "service_point_id": point_id,
            "score": score, "satisfied": domain.is_satisfied(score, self.rules)})
        return session.execute(sa.select(surveys).where(surveys.c.id == survey_id)).first()

    def submit_by_token(self, session: Session, token: str, score: int, comment: str, now: datetime) -> Any:
        invitation = session.execute(sa.select(survey_invitations).where(survey_invitations.c.token == token)
                                     .with_for_update()).first()
        if invitation is None:
            raise NotFound("survey link", token, "No such survey link.")
        domain.check_first_answer(invitation.survey_id is not None, "This survey has been answered.")
        return self._submit(session, invitation.subject_type, invitation.subject_id, invitation.service_point_id,
                            score, comment, now)

    # --- hotline (7×24): calls, a caller's history, missed calls and their callbacks ------------

    def log_call(self, session: Session, fields: dict, who: Caller, now: datetime) -> Any:
        """A hotline call, answered or abandoned; it may name a known complaint the caller may
        see, and an agent other than the caller's own staff member who is staff of the caller's
        point or of the desk."""
        if fields.get("agent_id") and str(fields["agent_id"]) != who.staff_id:
            self._check_staff(session, str(fields["agent_id"]), who.service_point_id, "agent_id")
        if fields.get("complaint_id"):
            point = session.execute(sa.select(complaints.c.service_point_id).where(
                complaints.c.id == str(fields["complaint_id"]))).scalar()
            if point is None or not who.sees(point):  # another point's is no complaint to this caller
                raise Invalid({"complaint_id": ["No such complaint."]}, "No such complaint.")
        values = {k: _plain(v) for k, v in fields.items()}
        call_id = str(uuid.uuid4())
        session.execute(calls.insert().values(id=call_id, created_at=now, caller_digits=digits(fields["caller"]),
                                              callbacks=[], **values))
        return self.call(session, call_id)

    @staticmethod
    def call(session: Session, call_id: str, lock: bool = False) -> Any:
        return one(session, calls, "call", call_id, lock)

    @staticmethod
    def call_list(session: Session, caller: str | None, answered: bool | None, called_back: bool | None,
                  limit: int, cursor: str | None) -> tuple[list, str | None]:
        """A caller's earlier calls (by number, whatever its spacing), missed calls still to
        call back (`answered=false&called_back=false`)."""
        query = sa.select(calls)
        if caller:
            query = query.where(calls.c.caller_digits == digits(caller))
        if answered is not None:
            query = query.where(calls.c.answered == answered)
        if called_back is not None:
            query = query.where(calls.c.called_back_at.is_not(None) if called_back else calls.c.called_back_at.is_(None))
        return page(session, query, calls, limit, cursor)

    def call_back(self, session: Session, call_id: str, reached: bool, note: str, who: Caller,
                  now: datetime) -> Any:
        """A try to call back a missed call: reached, it leaves the missed-call list; not
        reached, it stays there with the try recorded."""
        row = self.call(session, call_id, lock=True)
        domain.check_call_back(row.answered, row.called_back_at is not None)
        tries = [*row.callbacks, {"at": now.isoformat(), "by": who.user_id, "staff_id": who.staff_id,
                                  "reached": reached, "note": note}]
        session.execute(calls.update().where(calls.c.id == row.id).values(
            callbacks=tries, called_back_at=now if reached else None))
        return self.call(session, call_id)

    # --- the working-time calendar ----------------------------------------------------------

    @staticmethod
    def work_calendar(session: Session) -> WorkCalendar:
        """The loaded years' days off and make-up working days (a few dozen rows a year)."""
        off, on = set(), set()
        for day, working in session.execute(sa.select(calendar_days.c.day, calendar_days.c.working)).all():
            (on if working else off).add(day)
        years = frozenset(session.execute(sa.select(calendar_years.c.year)).scalars())
        return WorkCalendar(frozenset(off), frozenset(on), years)

    @staticmethod
    def calendar_years(session: Session) -> list[dict]:
        counts = {(year, working): n for year, working, n in session.execute(
            sa.select(calendar_days.c.year, calendar_days.c.working, sa.func.count())
            .group_by(calendar_days.c.year, calendar_days.c.working)).all()}
        return [{"year": r.year, "source": r.source, "loaded_at": r.loaded_at,
                 "holidays": counts.get((r.year, False), 0), "workdays": counts.get((r.year, True), 0)}
                for r in session.execute(sa.select(calendar_years).order_by(calendar_years.c.year)).all()]

    @staticmethod
    def calendar_year(session: Session, year: int) -> dict:
        loaded = session.execute(sa.select(calendar_years).where(calendar_years.c.year == year)).first()
        if loaded is None:
            raise NotFound("calendar year", str(year), f"No arrangement is loaded for {year}.")
        days = session.execute(sa.select(calendar_days).where(calendar_days.c.year == year)
                               .order_by(calendar_days.c.day)).all()
        return {"year": year, "source": loaded.source, "loaded_at": loaded.loaded_at,
                "holidays": [{"date": d.day, "name": d.name} for d in days if not d.working],
                "workdays": [{"date": d.day, "name": d.name} for d in days if d.working]}

    def load_arrangement(self, session: Session, data: dict, now: datetime) -> dict:
        """A year's official arrangement loaded (or corrected): it replaces that year's days,
        and every working-day deadline still ahead is counted again on it (one counted on
        weekdays alone is provisional until its year is loaded)."""
        arrangement = domain.parse_arrangement(data)
        session.execute(calendar_days.delete().where(calendar_days.c.year == arrangement.year))
        session.execute(calendar_days.delete().where(calendar_days.c.day.in_(
            list(arrangement.off) + list(arrangement.on))))
        rows = [{"day": d, "year": arrangement.year, "working": False, "name": n} for d, n in arrangement.off.items()]
        rows += [{"day": d, "year": arrangement.year, "working": True, "name": n} for d, n in arrangement.on.items()]
        session.execute(calendar_days.insert(), rows)
        session.execute(calendar_years.delete().where(calendar_years.c.year == arrangement.year))
        session.execute(calendar_years.insert().values(year=arrangement.year, source=arrangement.source,
                                                       loaded_at=now))
        work = self.work_calendar(session)
        recounted = 0
        for d in session.execute(sa.select(deadlines).join(complaints, complaints.c.id == deadlines.c.complaint_id)
                                 .where(deadlines.c.working_days.is_not(None), deadlines.c.met_at.is_(None),
                                        deadlines.c.due_at > now, complaints.c.status != "closed")).all():
            held = Deadline(d.name, d.starts_at, d.due_at, d.working_days, d.provisional)
            moved = domain.recounted(held, work, self.tz)
            if moved != held:
                self._move_deadline(session, d.id, moved)
                recounted += 1
        return {"year": arrangement.year, "source": arrangement.source, "holidays": len(arrangement.off),
                "workdays": len(arrangement.on), "recounted_deadlines": recounted}

    # --- reply templates (统一的答复口径) -----------------------------------------------------

    @staticmethod
    def template_list(session: Session, category: str | None, language: str | None, include_inactive: bool,
                      limit: int, cursor: str | None) -> tuple[list, str | None]:
        """Templates for a category (and those for any), in a language."""
        query = sa.select(reply_templates)
        if category:
            query = query.where(sa.or_(reply_templates.c.category == category, reply_templates.c.category.is_(None)))
        if language:
            query = query.where(reply_templates.c.language == language)
        if not include_inactive:
            query = query.where(reply_templates.c.active.is_(True))
        return page(session, query, reply_templates, limit, cursor)

    @staticmethod
    def add_template(session: Session, fields: dict, who: Caller, now: datetime) -> Any:
        template_id = str(uuid.uuid4())
        session.execute(reply_templates.insert().values(
            id=template_id, title=fields["title"], text=fields["text"], category=fields.get("category"),
            language=fields["language"], active=True, created_by=who.user_id, created_at=now))
        return one(session, reply_templates, "reply template", template_id)

    @staticmethod
    def change_template(session: Session, template_id: str, changes: dict) -> Any:
        one(session, reply_templates, "reply template", template_id, lock=True)
        if changes:
            session.execute(reply_templates.update().where(reply_templates.c.id == template_id).values(**changes))
        return one(session, reply_templates, "reply template", template_id)

    # --- the duty roster (值班) and handovers (交接班) ---------------------------------------

    def add_shift(self, session: Session, fields: dict, who: Caller, now: datetime) -> dict:
        """A shift of the hotline's roster; the answer names where the day's roster leaves
        the desk short (fewer than 8 seats at the peak, 2 at night, 1 at any time)."""
        domain.check_shift(fields["starts_at"], fields["ends_at"], fields["staff_ids"])
        for staff_id in fields["staff_ids"]:  # staff of the caller's point or of the desk
            self._check_staff(session, str(staff_id), who.service_point_id, "staff_ids")
        shift_id = str(uuid.uuid4())
        session.execute(duty_shifts.insert().values(
            id=shift_id, starts_at=fields["starts_at"], ends_at=fields["ends_at"],
            staff_ids=[str(s) for s in fields["staff_ids"]], note=fields["note"], created_by=who.user_id,
            created_at=now))
        first = self.today(fields["starts_at"])
        last = self.today(fields["ends_at"] - timedelta(microseconds=1))
        start, end = self.bounds(first, last)
        return {**self.shift_view(session, one(session, duty_shifts, "duty shift", shift_id)),
                "coverage_gaps": self.coverage_gaps(session, start, end)}

    def shift_view(self, session: Session, row: Any) -> dict:
        figures = self.hotline(session, row.starts_at, row.ends_at, by_shift=False)
        return {**dict(row._mapping), "seats": len(row.staff_ids), **figures}

    def shifts(self, session: Session, start: datetime, end: datetime) -> list[Any]:
        return session.execute(sa.select(duty_shifts).where(duty_shifts.c.starts_at < end,
                                                            duty_shifts.c.ends_at > start)
                               .order_by(duty_shifts.c.starts_at, duty_shifts.c.id)).all()

    def coverage_gaps(self, session: Session, start: datetime, end: datetime) -> list[dict]:
        rows = self.shifts(session, start, end)
        return [gap.__dict__ for gap in domain.coverage_gaps(
            [(r.starts_at, r.ends_at, len(r.staff_ids)) for r in rows], start, end, self.tz, self.rules)]

    def handover(self, session: Session, shift_id: str, note: str, open_items: list[str], who: Caller,
                 now: datetime) -> Any:
        """The written handover of a shift (交班人员应向接班者交待班内遗留问题…应有书面记录),
        with what the desk has outstanding at that moment."""
        one(session, duty_shifts, "duty shift", shift_id)
        missed = session.execute(sa.select(calls.c.id).where(calls.c.answered.is_(False),
                                                             calls.c.called_back_at.is_(None))
                                 .order_by(calls.c.started_at)).scalars().all()
        overdue = session.execute(sa.select(complaints.c.id).where(complaints.c.overdue.is_(True),
                                                                   complaints.c.status != "closed")
                                  .order_by(complaints.c.received_at)).scalars().all()
        callbacks_due = session.execute(sa.select(sa.func.count()).select_from(complaints).where(
            complaints.c.status == "replied")).scalar_one()
        pending = {"missed_calls": len(missed), "missed_call_ids": missed[:50], "overdue_complaints": len(overdue),
                   "overdue_complaint_ids": overdue[:50], "callbacks_due": callbacks_due}
        handover_id = str(uuid.uuid4())
        session.execute(handovers.insert().values(
            id=handover_id, shift_id=shift_id, note=note, open_items=open_items, pending=pending,
            written_by=who.user_id, written_by_staff_id=who.staff_id, created_at=now))
        return one(session, handovers, "handover", handover_id)

    @staticmethod
    def accept_handover(session: Session, handover_id: str, who: Caller, now: datetime) -> Any:
        """The next shift takes over: once, and not by whoever wrote the handover."""
        row = one(session, handovers, "handover", handover_id, lock=True)
        domain.check_take_over(row.accepted_at is not None, (row.written_by, row.written_by_staff_id),
                               (who.user_id, who.staff_id))
        session.execute(handovers.update().where(handovers.c.id == handover_id).values(
            accepted_at=now, accepted_by=who.user_id, accepted_by_staff_id=who.staff_id))
        return one(session, handovers, "handover", handover_id)

    @staticmethod
    def handover_list(session: Session, start: datetime, end: datetime, limit: int,
                      cursor: str | None) -> tuple[list, str | None]:
        query = sa.select(handovers).where(handovers.c.created_at >= start, handovers.c.created_at < end)
        return page(session, query, handovers, limit, cursor)

    # --- figures ------------------------------------------------------------------------

    def bounds(self, first: date, last: date) -> tuple[datetime, datetime]:
        """Whole local days, both inclusive, as a half-open range of instants."""
        return (datetime.combine(first, time(0), self.tz),
                datetime.combine(last + timedelta(days=1), time(0), self.tz))

    def today(self, now: datetime) -> date:
        return now.astimezone(self.tz).date()

    def period(self, first: date | None, last: date | None, now: datetime) -> tuple[datetime, datetime]:
        """A period of whole local days; missing ends default to the current month."""
        return self.bounds(*domain.default_period(self.today(now), first, last))

    def satisfaction(self, session: Session, point: str | None, start: datetime, end: datetime) -> dict:
        query = sa.select(surveys.c.score).where(surveys.c.created_at >= start, surveys.c.created_at < end)
        if point:
            query = query.where(surveys.c.service_point_id == point)
        scores = session.execute(query).scalars().all()
        satisfied = sum(domain.is_satisfied(s, self.rules) for s in scores)
        return {"responses": len(scores), "satisfied": satisfied, "rate": domain.rate(satisfied, len(scores))}

    def hotline(self, session: Session, start: datetime, end: datetime, by_shift: bool = True) -> dict:
        """Calls and the answer rate in [start, end); with the roster, the same by shift and
        where the roster left the desk short."""
        answered = session.execute(sa.select(calls.c.answered).where(
            calls.c.started_at >= start, calls.c.started_at < end)).scalars().all()
        count = sum(answered)
        figures: dict[str, Any] = {"calls": len(answered), "answered": count,
                                   "answer_rate": domain.rate(count, len(answered))}
        if by_shift:
            shifts = self.shifts(session, start, end)
            figures["by_shift"] = [
                {"shift_id": r.id, "starts_at": r.starts_at, "ends_at": r.ends_at, "seats": len(r.staff_ids),
                 **self.hotline(session, max(r.starts_at, start), min(r.ends_at, end), by_shift=False)}
                for r in shifts]
            figures["coverage_gaps"] = self.coverage_gaps(session, start, end) if shifts else []
        return figures

    def monthly(self, session: Session, month: str | None, point: str | None, now: datetime) -> dict:
        """The monthly complaint statistics (月度客户投诉统计分析) of a point, or of the city
        without one, as of `now`: records received in the report's period (day D+1 of the
        month before to day D, local time; by default the period running now), duplicates
        merged into another record left out; with the recurring problems of the last
        three periods, each owner's response times, and for the city each point's figures."""
        month = month or domain.report_month(self.today(now), self.rules)
        first, last = domain.report_period(month, self.rules)
        start, end = self.bounds(first, last)
        received = [complaints.c.received_at >= start, complaints.c.received_at < end]
        if point:
            received.append(complaints.c.service_point_id == point)
        where = [*received, complaints.c.merged_into.is_(None)]
        # Counted in the store: a month of a city is tens of thousands of records.
        groups = session.execute(sa.select(complaints.c.channel, complaints.c.category, complaints.c.type,
                                           sa.func.count()).where(*where)
                                 .group_by(complaints.c.channel, complaints.c.category, complaints.c.type)).all()
        by_channel, by_category, by_type = (dict.fromkeys(keys, 0) for keys in
                                            (domain.CHANNELS, domain.CATEGORIES, domain.TYPES))
        for channel, category, kind, count in groups:
            by_channel[channel] = by_channel.get(channel, 0) + count
            by_category[category] = by_category.get(category, 0) + count
            by_type[kind] = by_type.get(kind, 0) + count
        merged = session.execute(sa.select(sa.func.count()).select_from(complaints).where(
            *received, complaints.c.merged_into.is_not(None))).scalar_one()
        missed = _missed(now)
        per_complaint = (sa.select(deadlines.c.complaint_id, sa.func.max(missed).label("missed"))
                         .select_from(deadlines.join(complaints, complaints.c.id == deadlines.c.complaint_id))
                         .where(*where).group_by(deadlines.c.complaint_id).subquery())
        with_deadlines, late = session.execute(sa.select(
            sa.func.count(), sa.func.coalesce(sa.func.sum(per_complaint.c.missed), 0))).one()
        in_time = with_deadlines - late
        satisfaction = self.satisfaction(session, point, start, end)
        hotline = self.hotline(session, start, end, by_shift=False)
        rates = {"satisfaction": satisfaction["rate"], "in_time": domain.rate(in_time, with_deadlines),
                 "answer_rate": hotline["answer_rate"]}
        targets = {"satisfaction": self.rules.satisfaction_target, "in_time": self.rules.in_time_target,
                   "answer_rate": self.rules.answer_rate_target}
        report = {
            "month": month, "period_from": first.isoformat(), "period_to": last.isoformat(),
            "service_point_id": point, "as_of": now,
            "complaints": sum(by_type.values()), "merged": merged,
            "by_channel": by_channel, "by_category": by_category, "by_type": by_type,
            "with_deadlines": with_deadlines, "in_time": in_time, "in_time_rate": rates["in_time"],
            "satisfaction": satisfaction, "hotline": hotline,
            "targets": targets, "targets_met": {k: domain.meets(rates[k], targets[k]) for k in targets},
            "recurring": self.recurring(session, month, point),
            "by_owner": self.owner_figures(session, where),
        }
        if point is None:
            names = dict(session.execute(sa.select(points.c.id, points.c.name)).all())
            report["points"] = [{**figures, "name": names.get(figures["service_point_id"])}
                                for figures in self.point_stats(session, None, start, end, now)["points"]]
        return report

    @staticmethod
    def owner_figures(session: Session, where: list) -> list[dict]:
        """Each owner's response times over the records `where` selects: records owned, those
        answered (the first or the written reply), how many of those in time, and the mean
        and longest hours from receipt to that answer; records with no owner under None."""
        rows = session.execute(
            sa.select(complaints.c.id, complaints.c.owner_staff_id, complaints.c.received_at, deadlines.c.due_at,
                      deadlines.c.met_at)
            .select_from(complaints.outerjoin(deadlines, sa.and_(
                deadlines.c.complaint_id == complaints.c.id,
                deadlines.c.name.in_((domain.FIRST_REPLY, domain.WRITTEN_REPLY)))))
            .where(*where)).all()
        names = dict(session.execute(sa.select(staff.c.id, staff.c.name)).all())
        owners: dict[str | None, dict] = {}
        for row in rows:
            figures = owners.setdefault(row.owner_staff_id, {"records": set(), "hours": [], "in_time": 0})
            figures["records"].add(row.id)
            if row.met_at is not None:
                figures["hours"].append((row.met_at - row.received_at).total_seconds() / 3600)
                figures["in_time"] += row.met_at <= row.due_at
        return [{"owner_staff_id": owner, "name": names.get(owner), "records": len(f["records"]),
                 "answered": len(f["hours"]), "answered_in_time": f["in_time"],
                 "mean_reply_hours": round(sum(f["hours"]) / len(f["hours"]), 2) if f["hours"] else None,
                 "longest_reply_hours": round(max(f["hours"]), 2) if f["hours"] else None}
                for owner, f in sorted(owners.items(), key=lambda item: (item[0] is None, names.get(item[0]) or "",
                                                                         item[0] or ""))]

    def recurring(self, session: Session, month: str, point: str | None) -> dict:
        """Recurring problems (对反复出现的问题…找出解决办法): the categories, points and staff
        members complained of again and again over the last report periods."""
        months = domain.report_months_before(month, self.rules.recurring_months)
        periods = [self.bounds(*domain.report_period(m, self.rules)) for m in months]
        names = {"service_point": dict(session.execute(sa.select(points.c.id, points.c.name)).all()),
                 "staff": dict(session.execute(sa.select(staff.c.id, staff.c.name)).all())}
        found: dict[str, Any] = {"months": months, "min_complaints": self.rules.recurring_min_complaints,
                                 "min_periods": self.rules.recurring_min_periods}
        for dimension, column in (("category", complaints.c.category),
                                  ("service_point", complaints.c.service_point_id),
                                  ("staff", complaints.c.about_staff_id)):
            counts: dict[str, list[int]] = {}
            for index, (start, end) in enumerate(periods):
                query = (sa.select(column, sa.func.count())
                         .where(complaints.c.type == "complaint", complaints.c.merged_into.is_(None),
                                complaints.c.received_at >= start, complaints.c.received_at < end, column.is_not(None))
                         .group_by(column))
                if point:
                    query = query.where(complaints.c.service_point_id == point)
                for key, count in session.execute(query).all():
                    counts.setdefault(key, [0] * len(periods))[index] = count
            found[dimension] = [{**item, "name": names.get(dimension, {}).get(item["key"])}
                                for item in domain.recurring(counts, self.rules)]
        return found

    def point_name(self, session: Session, point_id: str) -> str | None:
        """The point's name as registration last published it (None before the first event)."""
        return session.execute(sa.select(points.c.name).where(points.c.id == point_id)).scalar()

    def point_stats(self, session: Session, point: str | None, start: datetime, end: datetime,
                    now: datetime) -> dict:
        """Per point, the complaints received in [start, end) and how many met every
        deadline, and the satisfaction of the surveys answered then; counted in the store
        (grouped by point), with the city's totals and the targets."""
        by_point: dict[str, dict] = {}

        def of(point_id: str) -> dict:
            return by_point.setdefault(point_id, {"service_point_id": point_id, "complaints": 0, "with_deadlines": 0,
                                                  "in_time": 0, "responses": 0, "satisfied": 0})

        received = [complaints.c.received_at >= start, complaints.c.received_at < end,
                    complaints.c.merged_into.is_(None)]
        answered = [surveys.c.created_at >= start, surveys.c.created_at < end]
        if point:
            received.append(complaints.c.service_point_id == point)
            answered.append(surveys.c.service_point_id == point)
        for point_id, count in session.execute(sa.select(complaints.c.service_point_id, sa.func.count())
                                               .where(*received).group_by(complaints.c.service_point_id)):
            of(point_id)["complaints"] = count
        per_complaint = (sa.select(complaints.c.service_point_id, sa.func.max(_missed(now)).label("missed"))
                         .select_from(deadlines.join(complaints, complaints.c.id == deadlines.c.complaint_id))
                         .where(*received).group_by(deadlines.c.complaint_id, complaints.c.service_point_id)
                         .subquery())
        late = sa.func.coalesce(sa.func.sum(per_complaint.c.missed), 0)
        for point_id, with_deadlines, missed in session.execute(
                sa.select(per_complaint.c.service_point_id, sa.func.count(), late)
                .group_by(per_complaint.c.service_point_id)):
            of(point_id).update(with_deadlines=with_deadlines, in_time=with_deadlines - missed)
        for point_id, score, count in session.execute(sa.select(surveys.c.service_point_id, surveys.c.score,
                                                                sa.func.count()).where(*answered)
                                                      .group_by(surveys.c.service_point_id, surveys.c.score)):
            figures = of(point_id)
            figures["responses"] += count
            figures["satisfied"] += count if domain.is_satisfied(score, self.rules) else 0

        def rated(figures: dict) -> dict:
            return {**figures, "in_time_rate": domain.rate(figures["in_time"], figures["with_deadlines"]),
                    "satisfaction_rate": domain.rate(figures["satisfied"], figures["responses"])}

        totals = {key: sum(f[key] for f in by_point.values())
                  for key in ("complaints", "with_deadlines", "in_time", "responses", "satisfied")}
        return {"service_point_id": point, "points": [rated(f) for _, f in sorted(by_point.items())],
                "totals": rated(totals),
                "targets": {"satisfaction": self.rules.satisfaction_target, "in_time": self.rules.in_time_target,
                            "answer_rate": self.rules.answer_rate_target}}

    def produce_monthly_reports(self, session: Session, now: datetime) -> int:
        """Once day D (default the 25th) is over: the report of the period that ended then,
        for the city and for each known point, stored once; `complaints.report.ready` tells
        who wants to know."""
        month = domain.last_closed_report(self.today(now), self.rules)
        made = session.execute(sa.select(monthly_reports.c.month).where(
            monthly_reports.c.month == month, monthly_reports.c.scope == "city")).first() is not None
        if made:
            return 0
        points_seen = sorted(set(session.execute(sa.union(
            sa.select(complaints.c.service_point_id), sa.select(surveys.c.service_point_id),
            sa.select(visits.c.service_point_id),
            sa.select(staff.c.service_point_id).where(staff.c.service_point_id.is_not(None)))).scalars()))
        for scope in ["city", *points_seen]:
            report = self.monthly(session, month, None if scope == "city" else scope, now)
            session.execute(monthly_reports.insert().values(month=month, scope=scope, report=report_json(report),
                                                            created_at=now))
        report_id = str(uuid.uuid5(REPORT_NAMESPACE, month))
        self.outbox.add(session, "complaints.report.ready", report_id, {
            "id": report_id, "month": month, "service_point_ids": points_seen})
        return 1 + len(points_seen)


def _missed(now: datetime):
    """`domain.missed` as SQL (met after its due time, or unmet once due while the clock
    runs), so a month of a city is counted in the store; the monthly-statistics test checks
    both agree. Joined with `complaints`."""
    as_of = sa.bindparam("as_of", now, type_=deadlines.c.due_at.type)
    return sa.case((deadlines.c.met_at.is_not(None) & (deadlines.c.met_at > deadlines.c.due_at), 1),
                   (deadlines.c.met_at.is_(None) & (deadlines.c.due_at <= as_of) & complaints.c.paused_at.is_(None), 1),
                   else_=0)


def report_json(report: Any) -> Any:
    """A report as JSON: times as ISO 8601."""
    if isinstance(report, dict):
        return {k: report_json(v) for k, v in report.items()}
    if isinstance(report, list):
        return [report_json(v) for v in report]
    return report.isoformat() if isinstance(report, (datetime, date)) else report
