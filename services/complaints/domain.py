"""Complaint rules (DOMAIN.md sections 5 and 8): states, deadlines, escalation, callbacks
(回访), satisfaction (满意度) and the monthly figures.

Pure functions and data; callers pass `now` / `today`. Deadlines are data: each instance
has a name, a start and a due time and, once satisfied, the time it was met; an alert is
keyed by (complaint, name, due time, level) so that none fires twice.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable

from kit.errors import DomainError, Invalid

CHANNELS = ("phone", "in_person", "letter", "web", "online_media", "fax")
TYPES = ("complaint", "suggestion", "consultation", "praise")
CATEGORIES = ("service_attitude", "safety", "hygiene_facility", "staff_misconduct", "waiting_time", "fees",
              "administrative", "other")
SEVERITIES = ("normal", "major")
STATUSES = ("received", "assigned", "in_progress", "resolved", "replied", "closed", "reopened")
OPEN = frozenset(STATUSES) - {"closed"}
ATTITUDES = ("satisfied", "neutral", "dissatisfied")  # 满意 / 一般 / 不满意
CALLBACK_SCORES = (1, 10)
SURVEY_SCORES = (1, 5)  # 5 = very satisfied … 1 = very dissatisfied
SUBJECT_TYPES = ("visit", "complaint")


@dataclass(frozen=True)
class Rules:
    """Every number of DOMAIN.md section 5 and 8 that is a default; config.py reads them."""

    first_reply_hours: float = 24
    written_reply_hours: float = 24
    result_reply_minutes: float = 30
    follow_up_days: float = 7
    min_follow_ups: int = 3
    administrative_days: float = 3
    warn_at: float = 0.8
    escalate_at: float = 1.0
    satisfied_score: int = 4
    report_day: int = 25
    satisfaction_target: float = 0.95
    in_time_target: float = 0.95
    answer_rate_target: float = 0.90

    def __post_init__(self):
        if not 0 < self.warn_at < self.escalate_at:
            raise ValueError("warn_at must be above 0 and below escalate_at")
        if not 1 <= self.report_day <= 31:
            raise ValueError("report_day must be a day of the month (1-31)")
        if not SURVEY_SCORES[0] <= self.satisfied_score <= SURVEY_SCORES[1]:
            raise ValueError("satisfied_score must be on the survey scale (1-5)")
        if min(self.first_reply_hours, self.written_reply_hours, self.result_reply_minutes, self.follow_up_days,
               self.administrative_days) <= 0:
            raise ValueError("deadline spans must be positive")


# --- States (客户投诉处理单) -------------------------------------------------------------
# (status, action) → new status; `None` keeps the status (a recorded step that moves nothing).
# `close` is not here: it depends on the type (see `apply`).
_HANDLING = ("received", "assigned", "in_progress", "reopened")  # not yet resolved
TRANSITIONS: dict[tuple[str, str], str | None] = {
    ("received", "assign"): "assigned",
    ("assigned", "assign"): None,  # reassignment
    ("in_progress", "assign"): None,
    ("reopened", "assign"): None,
    ("assigned", "first_reply"): "in_progress",
    ("in_progress", "first_reply"): None,
    ("reopened", "first_reply"): None,
    ("resolved", "result_reply"): "replied",
    **{(status, "follow_up"): None for status in _HANDLING},
    ("in_progress", "resolve"): "resolved",
    ("reopened", "resolve"): "resolved",
    ("replied", "callback_satisfied"): "closed",
    ("replied", "callback_unsatisfied"): "reopened",
    ("replied", "callback_unreached"): None,  # a new time is booked; the callback stays due
    **{(status, "escalate"): None for status in OPEN},
}
ACTIONS = ("assign", "first_reply", "result_reply", "follow_up", "resolve", "callback_satisfied",
           "callback_unsatisfied", "callback_unreached", "escalate", "close")
# Every complaint gets a callback before it closes; the other types close directly.
CLOSABLE_TYPES = frozenset({"suggestion", "consultation", "praise"})


def apply(status: str, action: str, complaint_type: str = "complaint") -> str:
    """The status after `action`, or DomainError INVALID_TRANSITION / CALLBACK_REQUIRED."""
    if action == "close":
        if status not in OPEN:
            raise DomainError("INVALID_TRANSITION", f"A {status} {complaint_type} cannot be closed.")
        if complaint_type not in CLOSABLE_TYPES:
            raise DomainError("CALLBACK_REQUIRED", "A complaint closes only through a satisfied callback.")
        return "closed"
    if (status, action) not in TRANSITIONS:
        raise DomainError("INVALID_TRANSITION", f"A {status} {complaint_type} cannot take `{action}` now.")
    return TRANSITIONS[(status, action)] or status


def reply_action(status: str) -> str:
    """A reply before resolution is the first reply; after it, the reply of the result."""
    return "result_reply" if status == "resolved" else "first_reply"


def callback_action(reached: bool, satisfied: bool | None) -> str:
    if not reached:
        return "callback_unreached"
    return "callback_satisfied" if satisfied else "callback_unsatisfied"


# The handling steps a desk takes, each one or more actions depending on the record.
STEPS = ("assign", "reply", "follow_up", "resolve", "callback", "escalate", "close")


def action_of(step: str, status: str, payload: dict) -> str:
    """The action a step is on a complaint in `status`: a reply is the first reply or the
    reply of the result; a callback is satisfied, unsatisfied or not reached."""
    if step == "reply":
        return reply_action(status)
    if step == "callback":
        return callback_action(payload.get("reached", True), payload.get("satisfied"))
    return step


def check_assignee(known: bool, assignee_point: str | None, complaint_point: str) -> None:
    """A staff member named on a complaint (its owner, the subject of a misconduct record)
    works at the complaint's point or at the desk (no point). An id that names no staff
    member known here is refused, never stored (a member just created is known as soon as
    registration's event arrives)."""
    if not known:
        raise Invalid({"staff_id": ["No such staff member."]}, "No such staff member.")
    if assignee_point not in (None, complaint_point):
        raise Invalid({"staff_id": ["This staff member works at another service point."]},
                      "This staff member works at another service point.")


def check_misconduct(category: str, already_recorded: bool) -> None:
    """A verified staff-misconduct complaint is recorded against the staff member, once."""
    if category != "staff_misconduct":
        raise DomainError("NOT_STAFF_MISCONDUCT", "Only a staff-misconduct complaint is recorded against staff.")
    if already_recorded:
        raise DomainError("ALREADY_RECORDED", "This complaint is already recorded against this staff member.")


def check_first_answer(answered: bool, detail: str) -> None:
    """A visit or a complaint is evaluated once, and a survey link answers once."""
    if answered:
        raise DomainError("ALREADY_ANSWERED", detail)


# --- Deadlines ---------------------------------------------------------------------------
# Names of the deadline instances a complaint may carry.
FIRST_REPLY, WRITTEN_REPLY, ADMINISTRATIVE_ANSWER = "first_reply", "written_reply", "administrative_answer"
FOLLOW_UP, RESULT_REPLY = "follow_up", "result_reply"
# Which types are held to which deadlines: praise needs no answer; only complaints are
# followed up weekly and called back.
ANSWERED_TYPES = frozenset({"complaint", "suggestion", "consultation"})
FOLLOWED_UP_TYPES = frozenset({"complaint"})


@dataclass(frozen=True)
class Deadline:
    name: str
    starts_at: datetime
    due_at: datetime


def intake_deadlines(complaint_type: str, channel: str, category: str, received_at: datetime,
                     rules: Rules) -> list[Deadline]:
    """The deadlines a new record starts with: the first reply within 24 h (online media:
    a written one), administrative questions answered within 3 days, a weekly follow-up."""
    if complaint_type not in ANSWERED_TYPES:
        return []
    if channel == "online_media":
        deadlines = [Deadline(WRITTEN_REPLY, received_at, received_at + timedelta(hours=rules.written_reply_hours))]
    else:
        deadlines = [Deadline(FIRST_REPLY, received_at, received_at + timedelta(hours=rules.first_reply_hours))]
    if category == "administrative":
        deadlines.append(Deadline(ADMINISTRATIVE_ANSWER, received_at,
                                  received_at + timedelta(days=rules.administrative_days)))
    if complaint_type in FOLLOWED_UP_TYPES:
        deadlines.append(follow_up_deadline(received_at, None, None, rules))
    return deadlines


def follow_up_deadline(received_at: datetime, last_follow_up_at: datetime | None, reopened_at: datetime | None,
                       rules: Rules) -> Deadline:
    """While unresolved the next follow-up is due a week after the latest of receipt, the
    last follow-up and a reopening (a repeating deadline, one instance at a time)."""
    since = max(t for t in (received_at, last_follow_up_at, reopened_at) if t is not None)
    return Deadline(FOLLOW_UP, since, since + timedelta(days=rules.follow_up_days))


def result_reply_deadline(resolved_at: datetime, rules: Rules) -> Deadline:
    """Once handling is finished, the complainant hears the result within 30 min."""
    return Deadline(RESULT_REPLY, resolved_at, resolved_at + timedelta(minutes=rules.result_reply_minutes))


def reply_within_hours(intake: Iterable[Deadline]) -> float | None:
    """What the complainant is promised at intake: the hours to the first (or the written)
    reply, or None for a record that needs no answer."""
    for deadline in intake:
        if deadline.name in (FIRST_REPLY, WRITTEN_REPLY):
            return (deadline.due_at - deadline.starts_at).total_seconds() / 3600
    return None


def met_by(action: str, written: bool = False) -> frozenset[str]:
    """The open deadlines an action satisfies. An administrative question is answered by
    the reply of the result, or by closing a suggestion or consultation; a resolved
    complaint needs no more weekly follow-ups."""
    if action == "first_reply":
        return frozenset({FIRST_REPLY} | ({WRITTEN_REPLY} if written else set()))
    if action == "result_reply":
        return frozenset({RESULT_REPLY, ADMINISTRATIVE_ANSWER} | ({WRITTEN_REPLY} if written else set()))
    if action == "follow_up":
        return frozenset({FOLLOW_UP})
    if action == "resolve":
        return frozenset({FOLLOW_UP})
    if action == "close":
        return frozenset({FIRST_REPLY, ADMINISTRATIVE_ANSWER})
    return frozenset()


def follow_ups_short(recorded: int, rules: Rules) -> int:
    """How many follow-ups are missing to the minimum of 3 (informational, not a condition
    for closing)."""
    return max(0, rules.min_follow_ups - recorded)


def alert_level(deadline: Deadline, now: datetime, rules: Rules) -> str | None:
    """`warn` from 80 % of the deadline's span, `overdue` from 100 %."""
    span = (deadline.due_at - deadline.starts_at).total_seconds()
    elapsed = (now - deadline.starts_at).total_seconds()
    if span <= 0 or elapsed >= rules.escalate_at * span:
        return "overdue"
    if elapsed >= rules.warn_at * span:
        return "warn"
    return None


def due_alerts(deadlines: Iterable[Deadline], fired: set[tuple[str, datetime, str]], now: datetime,
               rules: Rules) -> list[tuple[Deadline, str]]:
    """Alerts to fire now for unmet deadlines; an alert (name, due time, level) fires once.
    A deadline found past 100 % gets only the overdue alert, not a late warning."""
    alerts = []
    for deadline in deadlines:
        level = alert_level(deadline, now, rules)
        if level and (deadline.name, deadline.due_at, level) not in fired:
            alerts.append((deadline, level))
    return alerts


def missed(due_at: datetime, met_at: datetime | None, now: datetime) -> bool:
    """Met after its due time, or still unmet once the due time has passed."""
    return met_at > due_at if met_at is not None else now >= due_at


def handled_in_time(deadlines: Iterable[tuple[datetime, datetime | None]], now: datetime) -> bool:
    """No deadline missed (one still running is not missed yet)."""
    return not any(missed(due_at, met_at, now) for due_at, met_at in deadlines)


# --- Owners and escalation ---------------------------------------------------------------

@dataclass(frozen=True)
class StaffView:
    id: str
    roles: tuple[str, ...]
    service_point_id: str | None
    active: bool = True


def pick_owner(staff: Iterable[StaffView], point_id: str) -> str | None:
    """One owner per complaint: the point's administrator (专职管理员); of several, the
    first by id, so that the choice does not depend on the order rows come back in."""
    admins = [s.id for s in staff if s.active and "point_admin" in s.roles and s.service_point_id == point_id]
    return min(admins) if admins else None


def supervisors(staff: Iterable[StaffView], point_id: str) -> list[str]:
    """The customer-service supervisors (客服主管) an escalation goes to: those of the
    complaint's point and those bound to no point (the city desk)."""
    return sorted(s.id for s in staff if s.active and "cs_supervisor" in s.roles
                  and s.service_point_id in (None, point_id))


def initial_escalation(severity: str) -> int:
    """Major complaints (重大投诉) go to management at once."""
    return 1 if severity == "major" else 0


# --- Satisfaction, rates, periods ----------------------------------------------------------

def is_satisfied(score: int, rules: Rules) -> bool:
    """Very satisfied and satisfied (4 and 5 by default) count as satisfied."""
    return score >= rules.satisfied_score


def rate(part: int, whole: int) -> float | None:
    """A fraction 0–1, or None when there is nothing to count."""
    return round(part / whole, 4) if whole else None


def meets(value: float | None, target: float) -> bool | None:
    return None if value is None else value >= target


def month_of(day: date) -> str:
    return day.strftime("%Y-%m")


def month_days(month: str) -> tuple[date, date]:
    """First and last day of a `YYYY-MM` month."""
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def default_period(today: date, first: date | None, last: date | None) -> tuple[date, date]:
    """A period of whole days, both inclusive; missing ends default to the current month."""
    start, end = month_days(month_of(today))
    first, last = first or start, last or end
    if last < first:
        raise Invalid({"to": ["`to` is before `from`."]}, "`to` is before `from`.")
    return first, last


def report_due(today: date, already_made: bool, rules: Rules) -> bool:
    """The monthly report is produced once a month on the report day (the month's last
    day when it is shorter), or on the first run after it should the service be down."""
    last_day = calendar.monthrange(today.year, today.month)[1]
    return today.day >= min(rules.report_day, last_day) and not already_made


def count_by(values: Iterable[str], keys: Iterable[str]) -> dict[str, int]:
    """Counts for every key, zeros included, so reports always have the same rows."""
    counts = dict.fromkeys(keys, 0)
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts
