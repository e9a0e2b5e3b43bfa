"""Complaints use cases: intake, the handling steps, deadlines, surveys, hotline, reports."""
from __future__ import annotations

import secrets
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.outbox import Outbox
from kit.types import utcnow
from kit.web import ApiError
from services.complaints import domain
from services.complaints.domain import Deadline, DomainError, Rules
from services.complaints.models import (
    calls, complaints, deadlines, fired_alerts, history, misconduct, monthly_reports, staff, survey_invitations,
    surveys, visits,
)

EVENT_OF_ACTION = {"assign": "assigned", "first_reply": "replied", "result_reply": "replied", "resolve": "resolved",
                   "callback_satisfied": "closed", "callback_unsatisfied": "reopened", "close": "closed",
                   "escalate": "escalated"}


def conflict(error: DomainError) -> ApiError:
    return ApiError(409, error.code, error.detail)


class Complaints:
    def __init__(self, rules: Rules, outbox: Outbox, timezone: str):
        self.rules = rules
        self.outbox = outbox
        self.tz = ZoneInfo(timezone)

    # --- reading ------------------------------------------------------------------------

    def get(self, session: Session, complaint_id: str, lock: bool = False) -> Any:
        query = sa.select(complaints).where(complaints.c.id == complaint_id)
        row = session.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise ApiError(404, "NOT_FOUND", f"No complaint {complaint_id}.")
        return row

    def view(self, session: Session, row: Any) -> dict:
        result = dict(row._mapping)
        result["history"] = [dict(h._mapping) | {"actor": h.actor} for h in session.execute(
            sa.select(history.c.at, history.c.action, history.c.actor, history.c.staff_id, history.c.details)
            .where(history.c.complaint_id == row.id).order_by(history.c.id)).all()]
        result["deadlines"] = {d.name: {"due_at": d.due_at, "met_at": d.met_at} for d in session.execute(
            sa.select(deadlines).where(deadlines.c.complaint_id == row.id).order_by(deadlines.c.id)).all()}
        return result

    def state(self, session: Session, row: Any, deadline: Deadline | None = None) -> dict:
        data = {k: row._mapping[k] for k in ("id", "service_point_id", "elder_id", "type", "channel", "category",
                                             "severity", "status", "owner_staff_id", "escalation_level", "complainant")}
        data["supervisor_staff_ids"] = self.supervisors(session)
        if deadline is not None:
            data["deadline"] = {"name": deadline.name, "due_at": deadline.due_at.isoformat()}
        return data

    def supervisors(self, session: Session) -> list[str]:
        rows = session.execute(sa.select(staff.c.id, staff.c.roles).where(staff.c.active)).all()
        return sorted(r.id for r in rows if "cs_supervisor" in r.roles)

    # --- intake -------------------------------------------------------------------------

    def receive(self, session: Session, fields: dict, actor: str | None, now: datetime) -> Any:
        point_id = str(fields["service_point_id"])
        admins = [r.id for r in session.execute(sa.select(staff.c.id, staff.c.roles).where(
            staff.c.service_point_id == point_id, staff.c.active)).all() if "point_admin" in r.roles]
        complaint_id = str(uuid.uuid4())
        escalation = domain.initial_escalation(fields["severity"])
        session.execute(complaints.insert().values(
            id=complaint_id, channel=fields["channel"], type=fields["type"], category=fields["category"],
            service_point_id=point_id, elder_id=str(fields["elder_id"]) if fields.get("elder_id") else None,
            complainant=fields["complainant"], content=fields["content"], attachments=fields["attachments"],
            severity=fields["severity"], status="received", owner_staff_id=domain.pick_owner(admins),
            escalation_level=escalation, overdue=False, follow_ups=0, received_at=now, created_at=now))
        if fields["type"] == "complaint":
            for deadline in domain.intake_deadlines(fields["channel"], fields["category"], now, self.rules):
                self._add_deadline(session, complaint_id, deadline)
        self._history(session, complaint_id, "received", actor, None, {"owner_staff_id": domain.pick_owner(admins)}, now)
        row = self.get(session, complaint_id)
        self.outbox.add(session, "complaints.complaint.received", complaint_id, self.state(session, row))
        if escalation:
            self._history(session, complaint_id, "escalated", None, None, {"reason": "major complaint", "level": 1}, now)
            self.outbox.add(session, "complaints.complaint.escalated", complaint_id, self.state(session, row))
        return row

    def _add_deadline(self, session: Session, complaint_id: str, deadline: Deadline) -> None:
        session.execute(deadlines.insert().values(complaint_id=complaint_id, name=deadline.name,
                                                  starts_at=deadline.starts_at, due_at=deadline.due_at))

    def _history(self, session: Session, complaint_id: str, action: str, actor: str | None, staff_id: str | None,
                 details: dict, now: datetime) -> None:
        session.execute(history.insert().values(complaint_id=complaint_id, at=now, action=action, actor=actor,
                                                staff_id=staff_id, details=details))

    def _meet(self, session: Session, complaint_id: str, names: set[str], now: datetime) -> None:
        if names:
            session.execute(deadlines.update().where(
                deadlines.c.complaint_id == complaint_id, deadlines.c.name.in_(names), deadlines.c.met_at.is_(None))
                .values(met_at=now))

    # --- the handling steps --------------------------------------------------------------

    def act(self, session: Session, complaint_id: str, action: str, payload: dict, actor: str | None,
            staff_id: str | None, now: datetime) -> Any:
        row = self.get(session, complaint_id, lock=True)
        try:
            status = domain.apply(row.status, action, row.type)
        except DomainError as error:
            raise conflict(error) from None
        values: dict[str, Any] = {"status": status}
        if action == "assign":
            values["owner_staff_id"] = str(payload["staff_id"])
        elif action == "resolve":
            values.update(resolution=payload["resolution"], resolved_at=now)
        elif action == "follow_up":
            values["follow_ups"] = row.follow_ups + 1
        elif action == "escalate":
            values["escalation_level"] = row.escalation_level + 1
        elif status == "closed":
            values["closed_at"] = now
        session.execute(complaints.update().where(complaints.c.id == complaint_id).values(**values))
        self._meet(session, complaint_id, domain.met_by(action, bool(payload.get("written"))), now)
        if action == "follow_up" and row.type == "complaint":
            self._add_deadline(session, complaint_id, domain.follow_up_deadline(now, self.rules))
        if action == "resolve" and row.type == "complaint":
            self._add_deadline(session, complaint_id, domain.result_reply_deadline(now, self.rules))
        if status == "reopened":
            self._add_deadline(session, complaint_id, domain.follow_up_deadline(now, self.rules))
        self._history(session, complaint_id, "escalated" if action == "escalate" else action, actor, staff_id,
                      {k: str(v) if isinstance(v, uuid.UUID) else v for k, v in payload.items()}, now)
        updated = self.get(session, complaint_id)
        event = EVENT_OF_ACTION.get(action)
        if event:
            self.outbox.add(session, f"complaints.complaint.{event}", complaint_id, self.state(session, updated))
        if status == "closed" and row.type == "complaint":
            self._invite(session, "complaint", complaint_id, row.service_point_id, row.elder_id, now)
        return updated

    def record_misconduct(self, session: Session, complaint_id: str, staff_id: str, note: str, actor: str | None,
                          now: datetime) -> dict:
        row = self.get(session, complaint_id)
        if row.category != "staff_misconduct":
            raise ApiError(409, "INVALID_TRANSITION", "Only a staff-misconduct complaint can be recorded against staff.")
        record_id = str(uuid.uuid4())
        session.execute(misconduct.insert().values(id=record_id, complaint_id=complaint_id, staff_id=staff_id,
                                                   note=note, recorded_by=actor, created_at=now))
        self._history(session, complaint_id, "misconduct_recorded", actor, staff_id, {"note": note}, now)
        return {"id": record_id, "complaint_id": complaint_id, "staff_id": staff_id, "note": note, "created_at": now}

    # --- deadlines ----------------------------------------------------------------------

    def watch_deadlines(self, session: Session, now: datetime) -> int:
        """Warn at 80 %, mark overdue and escalate at 100 %; each alert fires once."""
        fired_count = 0
        rows = session.execute(
            sa.select(deadlines, complaints.c.status).join(complaints, complaints.c.id == deadlines.c.complaint_id)
            .where(deadlines.c.met_at.is_(None), complaints.c.status != "closed")).all()
        for row in rows:
            deadline = Deadline(row.name, row.starts_at, row.due_at)
            done = {(f.name, f.due_at, f.level) for f in session.execute(sa.select(fired_alerts).where(
                fired_alerts.c.complaint_id == row.complaint_id, fired_alerts.c.name == row.name)).all()}
            for _, level in domain.due_alerts([deadline], done, now, self.rules):
                try:
                    with session.begin_nested():
                        session.execute(fired_alerts.insert().values(complaint_id=row.complaint_id, name=row.name,
                                                                     due_at=row.due_at, level=level, fired_at=now))
                except sa.exc.IntegrityError:
                    continue  # another watcher fired it
                self._fire(session, row.complaint_id, deadline, level, now)
                fired_count += 1
        return fired_count

    def _fire(self, session: Session, complaint_id: str, deadline: Deadline, level: str, now: datetime) -> None:
        row = self.get(session, complaint_id, lock=True)
        if level == "warn":
            self._history(session, complaint_id, "deadline_warning", None, None, {"deadline": deadline.name}, now)
            self.outbox.add(session, "complaints.complaint.deadline_warning", complaint_id,
                            self.state(session, row, deadline))
            return
        session.execute(complaints.update().where(complaints.c.id == complaint_id).values(
            overdue=True, escalation_level=row.escalation_level + 1))
        self._history(session, complaint_id, "overdue", None, None, {"deadline": deadline.name}, now)
        self._history(session, complaint_id, "escalated", None, None,
                      {"reason": f"{deadline.name} deadline missed", "level": row.escalation_level + 1}, now)
        updated = self.get(session, complaint_id)
        self.outbox.add(session, "complaints.complaint.overdue", complaint_id, self.state(session, updated, deadline))
        self.outbox.add(session, "complaints.complaint.escalated", complaint_id, self.state(session, updated, deadline))

    # --- surveys and hotline --------------------------------------------------------------

    def _invite(self, session: Session, subject_type: str, subject_id: str, point_id: str, elder_id: str | None,
                now: datetime) -> None:
        if session.execute(sa.select(survey_invitations.c.token).where(
                survey_invitations.c.subject_id == subject_id)).first():
            return
        token = secrets.token_urlsafe(24)
        session.execute(survey_invitations.insert().values(token=token, subject_type=subject_type,
                                                           subject_id=subject_id, service_point_id=point_id,
                                                           elder_id=elder_id, created_at=now))
        self.outbox.add(session, "complaints.survey.invited", subject_id, {
            "subject_type": subject_type, "subject_id": subject_id, "service_point_id": point_id,
            "elder_id": elder_id, "token": token})

    def invite_after_visit(self, session: Session, visit: dict, now: datetime) -> None:
        self._invite(session, "visit", visit["id"], visit["service_point_id"], visit.get("elder_id"), now)

    def subject_point(self, session: Session, subject_type: str, subject_id: str) -> str:
        table = complaints if subject_type == "complaint" else visits
        point = session.execute(sa.select(table.c.service_point_id).where(table.c.id == subject_id)).scalar()
        if point is None:
            raise ApiError(404, "NOT_FOUND", f"No {subject_type} {subject_id}.")
        return point

    def submit_survey(self, session: Session, subject_type: str, subject_id: str, score: int, comment: str,
                      now: datetime) -> Any:
        point = self.subject_point(session, subject_type, subject_id)
        survey_id = str(uuid.uuid4())
        session.execute(surveys.insert().values(id=survey_id, subject_type=subject_type, subject_id=subject_id,
                                                service_point_id=point, score=score, comment=comment, created_at=now))
        session.execute(survey_invitations.update().where(survey_invitations.c.subject_id == subject_id)
                        .values(survey_id=survey_id))
        self.outbox.add(session, "complaints.survey.submitted", survey_id, {
            "id": survey_id, "subject_type": subject_type, "subject_id": subject_id, "service_point_id": point,
            "score": score, "satisfied": domain.is_satisfied(score, self.rules)})
        return session.execute(sa.select(surveys).where(surveys.c.id == survey_id)).first()

    def submit_by_token(self, session: Session, token: str, score: int, comment: str, now: datetime) -> Any:
        invitation = session.execute(sa.select(survey_invitations).where(survey_invitations.c.token == token)
                                     .with_for_update()).first()
        if invitation is None:
            raise ApiError(404, "NOT_FOUND", "No such survey link.")
        if invitation.survey_id:
            raise ApiError(409, "ALREADY_ANSWERED", "This survey has been answered.")
        if invitation.subject_type == "visit" and not session.execute(
                sa.select(visits.c.id).where(visits.c.id == invitation.subject_id)).first():
            session.execute(visits.insert().values(id=invitation.subject_id, elder_id=invitation.elder_id or "",
                                                   service_point_id=invitation.service_point_id, sequence=0))
        return self.submit_survey(session, invitation.subject_type, invitation.subject_id, score, comment, now)

    def log_call(self, session: Session, fields: dict, now: datetime) -> Any:
        call_id = str(uuid.uuid4())
        values = {k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in fields.items()}
        session.execute(calls.insert().values(id=call_id, created_at=now, **values))
        return session.execute(sa.select(calls).where(calls.c.id == call_id)).first()

    # --- figures ------------------------------------------------------------------------

    def day_bounds(self, first: date, last: date) -> tuple[datetime, datetime]:
        return (datetime.combine(first, time(0), self.tz), datetime.combine(last + timedelta(days=1), time(0), self.tz))

    def month_bounds(self, month: str) -> tuple[datetime, datetime]:
        year, number = (int(x) for x in month.split("-"))
        start = date(year, number, 1)
        end = date(year + (number == 12), number % 12 + 1, 1)
        return datetime.combine(start, time(0), self.tz), datetime.combine(end, time(0), self.tz)

    def satisfaction(self, session: Session, point: str | None, start: datetime, end: datetime) -> dict:
        query = sa.select(surveys.c.score).where(surveys.c.created_at >= start, surveys.c.created_at < end)
        if point:
            query = query.where(surveys.c.service_point_id == point)
        scores = session.execute(query).scalars().all()
        satisfied = sum(domain.is_satisfied(s, self.rules) for s in scores)
        return {"responses": len(scores), "satisfied": satisfied, "rate": domain.rate(satisfied, len(scores))}

    def hotline(self, session: Session, start: datetime, end: datetime) -> dict:
        rows = session.execute(sa.select(calls.c.answered).where(calls.c.started_at >= start,
                                                                 calls.c.started_at < end)).scalars().all()
        answered = sum(rows)
        return {"calls": len(rows), "answered": answered, "answer_rate": domain.rate(answered, len(rows))}

    def monthly(self, session: Session, month: str, point: str | None) -> dict:
        start, end = self.month_bounds(month)
        query = sa.select(complaints).where(complaints.c.received_at >= start, complaints.c.received_at < end)
        if point:
            query = query.where(complaints.c.service_point_id == point)
        rows = session.execute(query).all()
        ids = [r.id for r in rows]
        cutoff = min(end, utcnow())  # a deadline still running is not missed yet
        late = set(session.execute(sa.select(deadlines.c.complaint_id).where(
            deadlines.c.complaint_id.in_(ids),
            sa.or_(deadlines.c.met_at > deadlines.c.due_at,
                   sa.and_(deadlines.c.met_at.is_(None), deadlines.c.due_at < cutoff)))).scalars())
        with_deadlines = set(session.execute(sa.select(deadlines.c.complaint_id).where(
            deadlines.c.complaint_id.in_(ids))).scalars())

        def count(field: str) -> dict[str, int]:
            counts: dict[str, int] = {}
            for row in rows:
                counts[getattr(row, field)] = counts.get(getattr(row, field), 0) + 1
            return counts

        in_time = len(with_deadlines - late)
        return {
            "month": month, "service_point_id": point, "complaints": len(rows),
            "by_channel": count("channel"), "by_category": count("category"), "by_type": count("type"),
            "in_time": in_time, "in_time_rate": domain.rate(in_time, len(with_deadlines)),
            "satisfaction": self.satisfaction(session, point, start, end),
            "hotline": self.hotline(session, start, end),
        }

    def produce_monthly_reports(self, session: Session, now: datetime) -> int:
        """On the report day: the month's report for the city and each point, stored once."""
        today = now.astimezone(self.tz).date()
        month = today.strftime("%Y-%m")
        made = session.execute(sa.select(monthly_reports.c.month).where(
            monthly_reports.c.month == month, monthly_reports.c.scope == "city")).first() is not None
        if not domain.report_due(today, made, self.rules):
            return 0
        points = session.execute(sa.select(complaints.c.service_point_id).distinct()).scalars().all()
        for scope in ["city", *points]:
            report = self.monthly(session, month, None if scope == "city" else scope)
            session.execute(monthly_reports.insert().values(month=month, scope=scope, report=report, created_at=now))
        self.outbox.add(session, "complaints.report.ready", f"report-{month}", {"month": month, "points": len(points)})
        return 1 + len(points)
