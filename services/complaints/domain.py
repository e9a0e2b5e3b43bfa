"""Complaint rules (DOMAIN.md sections 5 and 8): states, deadlines, escalation, surveys.

Pure functions; callers pass `now`. Deadlines are data: each has a name, a start, a due
time and, once satisfied, the time it was met; alerts are keyed so none fires twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

CHANNELS = ("phone", "in_person", "letter", "web", "online_media", "fax")
TYPES = ("complaint", "suggestion", "consultation", "praise")
CATEGORIES = ("service_attitude", "safety", "hygiene_facility", "staff_misconduct", "waiting_time", "fees",
              "administrative", "other")
SEVERITIES = ("normal", "major")
STATUSES = ("received", "assigned", "in_progress", "resolved", "replied", "closed", "reopened")
OPEN = frozenset(STATUSES) - {"closed"}


class DomainError(Exception):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail or code)
        self.code = code
        self.detail = detail or code


@dataclass(frozen=True)
class Rules:
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


# --- States (投诉处理单) ------------------------------------------------------------------
# (status, action) → new status; `None` keeps the status (a recorded step that moves nothing).
TRANSITIONS: dict[tuple[str, str], str | None] = {
    **{(s, "assign"): ("assigned" if s == "received" else None) for s in ("received", "assigned", "in_progress", "reopened")},
    ("assigned", "first_reply"): "in_progress",
    ("in_progress", "first_reply"): None,
    ("reopened", "first_reply"): None,
    ("resolved", "result_reply"): "replied",
    **{(s, "follow_up"): None for s in ("received", "assigned", "in_progress", "reopened")},
    ("in_progress", "resolve"): "resolved",
    ("reopened", "resolve"): "resolved",
    ("replied", "callback_satisfied"): "closed",
    ("replied", "callback_unsatisfied"): "reopened",
    ("replied", "callback_unreached"): None,
    **{(s, "escalate"): None for s in OPEN},
}
# Suggestions, consultations and praise close directly, from any open state.
CLOSABLE_TYPES = frozenset({"suggestion", "consultation", "praise"})


def apply(status: str, action: str, complaint_type: str = "complaint") -> str:
    if action == "close":
        if complaint_type not in CLOSABLE_TYPES:
            raise DomainError("CALLBACK_REQUIRED", "A complaint closes only through a satisfied callback.")
        if status not in OPEN:
            raise DomainError("INVALID_TRANSITION", f"A {status} {complaint_type} cannot be closed.")
        return "closed"
    if (status, action) not in TRANSITIONS:
        raise DomainError("INVALID_TRANSITION", f"A {status} complaint cannot take {action} now.")
    return TRANSITIONS[(status, action)] or status


def reply_action(status: str) -> str:
    """A reply before resolution is the first reply; after it, the reply of the result."""
    return "result_reply" if status == "resolved" else "first_reply"


def callback_action(reached: bool, satisfied: bool) -> str:
    if not reached:
        return "callback_unreached"
    return "callback_satisfied" if satisfied else "callback_unsatisfied"


# --- Deadlines ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Deadline:
    name: str
    starts_at: datetime
    due_at: datetime


def intake_deadlines(channel: str, category: str, received_at: datetime, rules: Rules) -> list[Deadline]:
    """The deadlines a new complaint starts with."""
    deadlines = []
    if channel == "online_media":
        deadlines.append(Deadline("written_reply", received_at,
                                  received_at + timedelta(hours=rules.written_reply_hours)))
    else:
        deadlines.append(Deadline("first_reply", received_at, received_at + timedelta(hours=rules.first_reply_hours)))
    if category == "administrative":
        deadlines.append(Deadline("administrative_answer", received_at,
                                  received_at + timedelta(days=rules.administrative_days)))
    deadlines.append(follow_up_deadline(received_at, rules))
    return deadlines


def follow_up_deadline(since: datetime, rules: Rules) -> Deadline:
    """While unresolved: the next follow-up is due a week after receipt or the last one."""
    return Deadline("follow_up", since, since + timedelta(days=rules.follow_up_days))


def result_reply_deadline(resolved_at: datetime, rules: Rules) -> Deadline:
    return Deadline("result_reply", resolved_at, resolved_at + timedelta(minutes=rules.result_reply_minutes))


def met_by(action: str, written: bool) -> set[str]:
    """Which open deadlines an action satisfies."""
    if action == "first_reply":
        return {"first_reply", "administrative_answer"} | ({"written_reply"} if written else set())
    if action == "result_reply":
        return {"result_reply"}
    if action == "follow_up":
        return {"follow_up"}
    if action == "resolve":
        return {"follow_up"}  # no more weekly follow-ups once resolved
    return set()


def alert_level(deadline: Deadline, now: datetime, rules: Rules) -> str | None:
    """`warn` from 80 % of the span, `overdue` from 100 %."""
    span = (deadline.due_at - deadline.starts_at).total_seconds()
    elapsed = (now - deadline.starts_at).total_seconds()
    if span <= 0 or elapsed >= rules.escalate_at * span:
        return "overdue"
    if elapsed >= rules.warn_at * span:
        return "warn"
    return None


def due_alerts(deadlines: list[Deadline], fired: set[tuple[str, datetime, str]], now: datetime,
               rules: Rules) -> list[tuple[Deadline, str]]:
    """Alerts to fire now for unmet deadlines; an (name, due, level) fires once."""
    alerts = []
    for deadline in deadlines:
        level = alert_level(deadline, now, rules)
        if level and (deadline.name, deadline.due_at, level) not in fired:
            alerts.append((deadline, level))
    return alerts


# --- Owners, satisfaction, rates ----------------------------------------------------------

def pick_owner(point_admin_ids: list[str]) -> str | None:
    """By default the point's administrator (专职管理员); several: the first by id."""
    return min(point_admin_ids) if point_admin_ids else None


def initial_escalation(severity: str) -> int:
    """Major complaints go to management at once."""
    return 1 if severity == "major" else 0


def is_satisfied(score: int, rules: Rules) -> bool:
    return score >= rules.satisfied_score


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def report_due(today: date, already_made: bool, rules: Rules) -> bool:
    """The monthly report is produced once a month, on the configured day (or the first
    run after it, should the service have been down that day)."""
    return today.day >= rules.report_day and not already_made
