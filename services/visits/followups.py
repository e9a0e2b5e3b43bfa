"""Follow-up programmes (随访): plans, due follow-ups, records and the due/overdue watch."""
from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.outbox import Outbox
from kit.types import utcnow
from kit.errors import DomainError, NotFound
from services.visits import domain
from services.visits.domain import FollowUpRules
from services.visits.models import elders, follow_up_notices, follow_up_plans, follow_ups


class FollowUps:
    def __init__(self, rules: FollowUpRules, outbox: Outbox):
        self.rules = rules
        self.outbox = outbox

    def state(self, row: Any, extra: dict | None = None) -> dict:
        return {"id": row.id, "plan_id": row.plan_id, "elder_id": row.elder_id, "programme": row.programme,
                "staff_id": row.staff_id, "due_on": row.due_on.isoformat(), "service_point_id": row.service_point_id,
                **(extra or {})}

    def _open(self, session: Session, plan: Any, due_on: date) -> Any:
        follow_up_id = str(uuid.uuid4())
        session.execute(follow_ups.insert().values(
            id=follow_up_id, plan_id=plan.id, elder_id=plan.elder_id, programme=plan.programme, staff_id=plan.staff_id,
            service_point_id=plan.service_point_id, due_on=due_on, status="open", created_at=utcnow()))
        return self.get(session, follow_up_id)

    def create_plan(self, session: Session, fields: dict, today: date) -> tuple[Any, Any]:
        elder = session.execute(sa.select(elders).where(elders.c.id == str(fields["elder_id"]))).first()
        if elder is None:
            raise NotFound("elder", fields["elder_id"])
        if elder.status == "closed":
            raise DomainError("ELDER_SUSPENDED", "The elder's record is closed.")
        if fields.get("care_plan"):
            domain.check_care_plan(fields["care_plan"], self.rules)
        plan_id = str(uuid.uuid4())
        session.execute(follow_up_plans.insert().values(
            id=plan_id, elder_id=elder.id, programme=fields["programme"], staff_id=str(fields["staff_id"]),
            service_point_id=elder.service_point_id, care_plan=fields.get("care_plan"), active=True,
            created_at=utcnow()))
        plan = session.execute(sa.select(follow_up_plans).where(follow_up_plans.c.id == plan_id)).first()
        first = self._open(session, plan, domain.first_due_on(plan.programme, today, self.rules))
        return plan, first

    def get(self, session: Session, follow_up_id: str, lock: bool = False) -> Any:
        query = sa.select(follow_ups).where(follow_ups.c.id == follow_up_id)
        row = session.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound("follow-up", follow_up_id)
        return row

    def record(self, session: Session, follow_up_id: str, form: dict, actor: str | None) -> domain.FollowUpOutcome:
        row = self.get(session, follow_up_id, lock=True)
        if row.status != "open":
            raise DomainError("INVALID_TRANSITION", "This follow-up is already recorded or cancelled.")
        elder = session.execute(sa.select(elders).where(elders.c.id == row.elder_id)).first()
        previous = session.execute(
            sa.select(follow_ups.c.classification).where(follow_ups.c.plan_id == row.plan_id,
                                                         follow_ups.c.status == "done")
            .order_by(follow_ups.c.visited_on.desc(), follow_ups.c.created_at.desc()).limit(1)).scalar()
        outcome = domain.record_follow_up(row.programme, form["visited_on"], form.get("systolic"),
                                          form.get("diastolic"), form.get("symptoms", []), previous,
                                          domain.age_on(elder.birth_date, form["visited_on"]), self.rules)
        if form.get("care_plan"):
            domain.check_care_plan(form["care_plan"], self.rules)
        record = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in form.items()}
        session.execute(follow_ups.update().where(follow_ups.c.id == row.id).values(
            status="done", visited_on=form["visited_on"], face_to_face=form["face_to_face"], record=record,
            classification=outcome.classification, referral=outcome.referral, recorded_by=actor))
        plan = session.execute(sa.select(follow_up_plans).where(follow_up_plans.c.id == row.plan_id)).first()
        self.outbox.add(session, "visits.follow_up.recorded", row.id, self.state(row, {
            "classification": outcome.classification, "referral": outcome.referral, "emergency": outcome.emergency,
            "next_due_on": outcome.next_due_on.isoformat()}))
        if plan.active:
            self._open(session, plan, outcome.next_due_on)
        return outcome

    def end_plans(self, session: Session, elder_id: str) -> None:
        """A closed elder's plans end and their open follow-ups are cancelled."""
        session.execute(follow_up_plans.update().where(follow_up_plans.c.elder_id == elder_id).values(active=False))
        session.execute(follow_ups.update().where(follow_ups.c.elder_id == elder_id, follow_ups.c.status == "open")
                        .values(status="cancelled"))

    def watch(self, session: Session, today: date) -> int:
        """Announce due follow-ups (3 days before and on the day) and overdue ones, each once."""
        announced = 0
        horizon = date.fromordinal(today.toordinal() + self.rules.remind_days_before)
        for row in session.execute(sa.select(follow_ups).where(follow_ups.c.status == "open",
                                                               follow_ups.c.due_on <= horizon)).all():
            notice = domain.follow_up_notice(row.due_on, today, self.rules)
            if notice is None:
                continue
            kind, on_date = notice
            try:
                with session.begin_nested():
                    session.execute(follow_up_notices.insert().values(follow_up_id=row.id, kind=kind, on_date=on_date,
                                                                      at=utcnow()))
            except sa.exc.IntegrityError:
                continue
            self.outbox.add(session, f"visits.follow_up.{kind}", row.id, self.state(row))
            announced += 1
        return announced

    def meeting_rate(self, session: Session, point: str | None, first: date, last: date) -> dict:
        query = sa.select(follow_ups.c.status, follow_ups.c.face_to_face).where(
            follow_ups.c.due_on >= first, follow_ups.c.due_on <= last, follow_ups.c.programme == "home_visit",
            follow_ups.c.status != "cancelled")
        if point:
            query = query.where(follow_ups.c.service_point_id == point)
        rows = session.execute(query).all()
        met = sum(1 for r in rows if r.status == "done" and r.face_to_face)
        rate = domain.meeting_rate(met, len(rows))
        return {"due": len(rows), "face_to_face": met, "rate": rate, "target": self.rules.meeting_rate_target,
                "meets_target": rate is not None and rate >= self.rules.meeting_rate_target}
