"""Complaint rules (DOMAIN.md sections 5 and 8): states, deadlines, escalation, callbacks
(回访), satisfaction (满意度), the monthly figures, the working-time calendar (工作日与调休)
and the hotline's duty roster (值班).

Pure functions and data; callers pass `now` / `today`. Deadlines are data: each instance
has a name, a start and a due time and, once satisfied, the time it was met; an alert is
keyed by (complaint, name, due time, level) so that none fires twice. A deadline stated in
working days counts the working days of a calendar kept as data (public holidays and the
make-up working days of the State Council's yearly notice); the desk's clock-hour
deadlines (7×24) stay clock hours.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Iterable

from kit.errors import DomainError, Invalid

CHANNELS = ("phone", "in_person", "letter", "web", "online_media", "fax", "sms")
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
REVIEW_STATES = ("pending", "approved", "returned")  # the quality centre's review of an online-media reply
# Who records the closing callback: the desk (the quality check of seed 000), never the
# point that handled the complaint.
CALLBACK_ROLES = frozenset({"cs_agent", "cs_supervisor"})


@dataclass(frozen=True)
class Rules:
    """Every number of DOMAIN.md section 5 and 8 that is a default; config.py reads them."""

    first_reply_hours: float = 24
    written_reply_hours: float = 24
    feedback_hours: float = 1  # after the quality centre's review (审核完成后一小时内反馈)
    result_reply_minutes: float = 30
    follow_up_days: float = 7
    min_follow_ups: int = 3
    administrative_days: int = 3  # working days of the calendar
    investigation_min_hours: float = 4  # less left of the day: investigated by the end of the next
    callback_retry_hours: float = 2  # an unreached callback's next try, unless a time is booked
    rectification_hours: float = 72  # a reopened complaint is handled again within this (限时整改)
    notice_at: float = 0.5  # [ours, asked by the desk's users: warnings at 50, 80 and 100 %]; 0: none
    warn_at: float = 0.8
    escalate_at: float = 1.0
    satisfied_score: int = 4
    report_day: int = 25
    satisfaction_target: float = 0.95
    in_time_target: float = 0.95
    answer_rate_target: float = 0.90
    recurring_months: int = 3  # the recurring-problem analysis looks at this many report periods
    recurring_min_complaints: int = 3  # ... and names what was complained of at least this often
    recurring_min_periods: int = 2  # ... in at least this many of those periods (反复出现)
    night_start: time = time(20, 0)  # the night shift (seed 001: 20:00 to 08:00)
    night_end: time = time(8, 0)
    min_night_seats: int = 2  # 夜班至少2位坐席
    min_seats: int = 1  # 任何情况下至少有一人值守
    # The peak of the day's calls (seed 001: 充分考虑到一天中的来电高峰时段…有至少8位坐席在线):
    # [ours] the hours the seed's two day shifts overlap (A 08:00–20:00, B 09:00–21:00).
    peak_start: time = time(9, 0)
    peak_end: time = time(20, 0)
    min_peak_seats: int = 8

    def __post_init__(self):
        if not 0 < self.warn_at < self.escalate_at:
            raise ValueError("warn_at must be above 0 and below escalate_at")
        if not 0 <= self.notice_at < self.warn_at:
            raise ValueError("notice_at must be from 0 (none) to below warn_at")
        if not 1 <= self.report_day <= 31:
            raise ValueError("report_day must be a day of the month (1-31)")
        if not SURVEY_SCORES[0] <= self.satisfied_score <= SURVEY_SCORES[1]:
            raise ValueError("satisfied_score must be on the survey scale (1-5)")
        if min(self.first_reply_hours, self.written_reply_hours, self.feedback_hours, self.result_reply_minutes,
               self.follow_up_days, self.administrative_days, self.callback_retry_hours,
               self.rectification_hours) <= 0:
            raise ValueError("deadline spans must be positive")
        if not 0 <= self.investigation_min_hours < 24:
            raise ValueError("investigation_min_hours must be from 0 to under 24")
        if not 1 <= self.recurring_min_periods <= self.recurring_months:
            raise ValueError("recurring_min_periods must be from 1 to recurring_months")
        if self.recurring_min_complaints < 1 or self.min_seats < 1 or self.min_night_seats < self.min_seats:
            raise ValueError("the recurring minimum and the seat minimums must be at least 1 (night ≥ day)")
        if self.min_peak_seats < self.min_seats or self.peak_start == self.peak_end:
            raise ValueError("the peak needs at least the seats of any time, and hours of its own")


# --- States (客户投诉处理单) -------------------------------------------------------------
# (status, action) → new status; `None` keeps the status (a recorded step that moves nothing).
# `close` is not here: it depends on the type (see `apply`).
_HANDLING = ("received", "assigned", "in_progress", "reopened")  # not yet resolved
TRANSITIONS: dict[tuple[str, str], str | None] = {
    ("received", "assign"): "assigned",
    ("assigned", "assign"): None,  # reassignment
    ("in_progress", "assign"): None,
    ("reopened", "assign"): None,
    # First-contact responsibility (首问负责): whoever takes the call may answer it at once.
    ("received", "first_reply"): "in_progress",
    ("assigned", "first_reply"): "in_progress",
    ("in_progress", "first_reply"): None,
    ("reopened", "first_reply"): None,
    ("resolved", "result_reply"): "replied",
    **{(status, "follow_up"): None for status in _HANDLING},
    **{(status, "investigate"): None for status in _HANDLING},  # 当天进行调查、核实
    **{(status, "pause"): None for status in _HANDLING},  # waiting on the complainant
    **{(status, "resume"): None for status in _HANDLING},
    ("in_progress", "resolve"): "resolved",
    ("reopened", "resolve"): "resolved",
    ("replied", "callback_satisfied"): "closed",
    ("replied", "callback_unsatisfied"): "reopened",
    ("replied", "callback_unreached"): None,  # a new time is booked; the callback stays due
    **{(status, "escalate"): None for status in OPEN},
    # The quality centre's review of an online-media reply (whether one awaits it: `check_review`).
    **{(status, review): None for status in OPEN for review in ("review_approved", "review_returned")},
    **{(status, "merge"): "closed" for status in OPEN},  # a duplicate merged into another record
}
ACTIONS = ("assign", "first_reply", "result_reply", "follow_up", "investigate", "pause", "resume", "resolve",
           "callback_satisfied", "callback_unsatisfied", "callback_unreached", "escalate", "review_approved",
           "review_returned", "merge", "close")
# Every complaint gets a callback before it closes; the other types close directly.
CLOSABLE_TYPES = frozenset({"suggestion", "consultation", "praise"})
# Steps that leave a paused clock paused; any other step means the desk has what it waited
# for, and the clock runs again first.
KEEPS_PAUSE = frozenset({"assign", "follow_up", "investigate", "escalate", "pause", "merge"})


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


def check_pause(action: str, paused: bool) -> None:
    """A clock pauses once and resumes only when paused."""
    if action == "pause" and paused:
        raise DomainError("INVALID_TRANSITION", "The clock of this complaint is already paused.")
    if action == "resume" and not paused:
        raise DomainError("INVALID_TRANSITION", "The clock of this complaint is not paused.")


def resumes_clock(action: str, paused: bool) -> bool:
    """Whether this step starts a paused clock again before it is taken (`resume` is the
    explicit way and does it itself)."""
    return paused and action not in KEEPS_PAUSE and action != "resume"


def check_callback_independent(role: str | None, user_id: str | None, staff_id: str | None,
                               owner_staff_id: str | None, owner_users: Iterable[str],
                               resolvers: Iterable[tuple[str | None, str | None]]) -> None:
    """The callback that closes or reopens a complaint is the quality department's
    (品质管部门对每一起派单件进行回访): recorded by desk staff who neither own nor resolved it,
    matched by linked staff member and by user."""
    def refuse(detail: str):
        raise DomainError("CALLBACK_NOT_INDEPENDENT", detail)

    if role not in CALLBACK_ROLES:
        refuse("The callback is the desk's quality check: a customer-service agent or supervisor records it.")
    if (staff_id is not None and staff_id == owner_staff_id) or (user_id is not None and user_id in set(owner_users)):
        refuse("The owner of a complaint does not call it back; another member of the desk does.")
    for resolver_user, resolver_staff in resolvers:
        if (user_id is not None and user_id == resolver_user) or (staff_id is not None and staff_id == resolver_staff):
            refuse("Whoever resolved a complaint does not call it back; another member of the desk does.")


def next_callback_try(now: datetime, booked: datetime | None, rules: Rules) -> datetime:
    """When an unreached complainant is called again: the time they asked for, or after the
    configured wait (如不方便预约回访时间)."""
    if booked is None:
        return now + timedelta(hours=rules.callback_retry_hours)
    if booked <= now:
        raise Invalid({"next_try_at": ["The next try must be later than now."]}, "The next try must be later than now.")
    return booked


def check_review(channel: str, review_status: str | None) -> None:
    """The quality centre reviews the written reply of an online-media complaint once it is
    submitted (对分公司提交的书面回复进行审核)."""
    if channel != "online_media":
        raise DomainError("INVALID_TRANSITION", "Only online-media complaints are reviewed by the quality centre.")
    if review_status != "pending":
        raise DomainError("INVALID_TRANSITION", "No written reply awaits the quality centre's review.")


def review_after(action: str, channel: str, written: bool, review_status: str | None) -> str | None:
    """Where the review of an online-media reply stands after a step: a written reply (a
    first one, or one after a returned review) awaits review; the review approves or
    returns it."""
    if action == "review_approved":
        return "approved"
    if action == "review_returned":
        return "returned"
    if (channel == "online_media" and written and action in ("first_reply", "result_reply")
            and review_status in (None, "returned")):
        return "pending"
    return review_status


def check_call_back(answered: bool, called_back: bool) -> None:
    """Only a missed call is called back, until the caller is reached."""
    if answered:
        raise DomainError("INVALID_TRANSITION", "This call was answered: there is nobody to call back.")
    if called_back:
        raise DomainError("INVALID_TRANSITION", "This caller has been reached already.")


def check_shift(starts_at: datetime, ends_at: datetime, staff_ids: list) -> None:
    """A shift of the roster: from 1 minute to 24 hours, with its staff named once each."""
    errors: dict[str, list[str]] = {}
    if not timedelta(minutes=1) <= ends_at - starts_at <= timedelta(hours=24):
        errors["ends_at"] = ["A shift ends 1 minute to 24 hours after it starts."]
    if not staff_ids or len(set(staff_ids)) != len(staff_ids):
        errors["staff_ids"] = ["Name each member of the shift once."]
    if errors:
        raise Invalid(errors, "The shift is not valid.")


def check_take_over(accepted: bool, writer: tuple[str | None, str | None], taker: tuple[str | None, str | None]) -> None:
    """A handover is taken over once, by someone of the next shift, not by its writer."""
    if accepted:
        raise DomainError("INVALID_TRANSITION", "This handover has been taken over already.")
    if any(mine is not None and mine == theirs for mine, theirs in zip(taker, writer)):
        raise DomainError("INVALID_TRANSITION", "Whoever wrote a handover does not take it over.")


def check_merge(duplicate_id: str, duplicate_point: str, target_id: str, target_point: str, target_status: str,
                target_merged_into: str | None) -> None:
    """A duplicate merges into another open record of the same point, which keeps the
    handling and the one callback."""
    def refuse(detail: str):
        raise DomainError("MERGE_REFUSED", detail)

    if duplicate_id == target_id:
        refuse("A record cannot be merged into itself.")
    if target_merged_into is not None or target_status == "closed":
        refuse("The record to merge into is closed.")
    if duplicate_point != target_point:
        refuse("Only records of the same service point are merged.")


# The handling steps a desk takes, each one or more actions depending on the record.
STEPS = ("assign", "reply", "follow_up", "investigate", "pause", "resume", "resolve", "callback", "escalate",
         "review", "merge", "close")


def action_of(step: str, status: str, payload: dict) -> str:
    """The action a step is on a complaint in `status`: a reply is the first reply or the
    reply of the result; a callback is satisfied, unsatisfied or not reached; a review
    approves or returns the written reply."""
    if step == "reply":
        return reply_action(status)
    if step == "callback":
        return callback_action(payload.get("reached", True), payload.get("satisfied"))
    if step == "review":
        return "review_approved" if payload.get("approved") else "review_returned"
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


# --- The working-time calendar (工作日、调休) ----------------------------------------------

@dataclass(frozen=True)
class WorkCalendar:
    """Days off and make-up working days (调休上班) of the years whose official arrangement
    is loaded; any other day is a working day from Monday to Friday. A year not loaded is
    counted on weekdays alone, and what is counted so is provisional."""

    off: frozenset[date] = frozenset()
    on: frozenset[date] = frozenset()
    years: frozenset[int] = frozenset()

    def is_working_day(self, day: date) -> bool:
        if day in self.on:
            return True
        return day not in self.off and day.weekday() < 5

    def covers(self, day: date) -> bool:
        return day.year in self.years


WEEKDAYS = WorkCalendar()  # no arrangement loaded


def end_of_day(day: date, tz: tzinfo) -> datetime:
    """The end of a local day: 24:00, the start of the next (民法典第二百零三条)."""
    return datetime.combine(day + timedelta(days=1), time(0), tz)


def add_working_days(start: datetime, days: int, work: WorkCalendar, tz: tzinfo) -> tuple[datetime, bool]:
    """The end of the `days`-th working day after the day of `start` (the day something
    arrives is not counted: 民法典第二百零一条), and whether that count is provisional (a day
    it went through lies in a year whose arrangement is not loaded)."""
    day = start.astimezone(tz).date()
    provisional = False
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        provisional = provisional or not work.covers(day)
        counted += work.is_working_day(day)
    return end_of_day(day, tz), provisional


def working_days_between(first: date, last: date, work: WorkCalendar) -> int:
    """Working days after `first` up to and including `last` (none when `last` ≤ `first`)."""
    count, day = 0, first
    while day < last:
        day += timedelta(days=1)
        count += work.is_working_day(day)
    return count


@dataclass(frozen=True)
class Arrangement:
    """One year's official arrangement (国务院办公厅关于某年部分节假日安排的通知), as loaded."""

    year: int
    source: str
    off: dict[date, str]  # day → the holiday's name
    on: dict[date, str]  # make-up working day → the holiday it makes up for


def _day(text: object, where: str, errors: dict[str, list[str]]) -> date | None:
    if isinstance(text, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    errors.setdefault(where, []).append("Not a date (YYYY-MM-DD).")
    return None


CALENDAR_YEARS = (2000, 2100)  # the years an arrangement may be loaded for


def is_calendar_year(year: int) -> bool:
    return CALENDAR_YEARS[0] <= year <= CALENDAR_YEARS[1]


def parse_arrangement(data: dict) -> Arrangement:
    """A year's arrangement as an operator types it from the notice: `{"year", "source",
    "holidays": [{"name", "from", "to"}], "workdays": [{"name", "date"}]}`. Holidays run at
    most 10 days and lie in the year (or the last days of the year before); a make-up
    working day is a Saturday or Sunday; no day is both."""
    errors: dict[str, list[str]] = {}
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not is_calendar_year(year):
        raise Invalid({"year": ["A year from 2000 to 2100."]}, "A year from 2000 to 2100.")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip() or len(source) > 500:
        errors["source"] = ["Name the notice the days come from (up to 500 characters)."]
    first_allowed, last_allowed = date(year - 1, 12, 1), date(year, 12, 31)
    off: dict[date, str] = {}
    on: dict[date, str] = {}
    holidays, workdays = data.get("holidays"), data.get("workdays", [])
    if not isinstance(holidays, list) or not holidays or not isinstance(workdays, list):
        raise Invalid({"holidays": ["A list of holidays, and `workdays` a list."]}, "A list of holidays is required.")
    for index, item in enumerate(holidays):
        where = f"holidays.{index}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            errors.setdefault(where, []).append("Each holiday has a name, `from` and `to`.")
            continue
        start, end = _day(item.get("from"), where, errors), _day(item.get("to", item.get("from")), where, errors)
        if start is None or end is None:
            continue
        if not (first_allowed <= start <= end <= last_allowed) or (end - start).days >= 10:
            errors.setdefault(where, []).append(f"A holiday runs 1 to 10 days within {year}.")
            continue
        day = start
        while day <= end:
            off[day] = item["name"].strip()
            day += timedelta(days=1)
    for index, item in enumerate(workdays):
        where = f"workdays.{index}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            errors.setdefault(where, []).append("Each make-up working day has a name and a date.")
            continue
        day = _day(item.get("date"), where, errors)
        if day is None:
            continue
        if not first_allowed <= day <= last_allowed or day.weekday() < 5:
            errors.setdefault(where, []).append(f"A make-up working day is a Saturday or Sunday within {year}.")
        elif day in off:
            errors.setdefault(where, []).append("This day is also a holiday.")
        else:
            on[day] = item["name"].strip()
    if errors:
        raise Invalid(errors, "The arrangement is not valid.")
    return Arrangement(year, source.strip(), off, on)


# --- Deadlines ---------------------------------------------------------------------------
# Names of the deadline instances a complaint may carry.
FIRST_REPLY, WRITTEN_REPLY, ADMINISTRATIVE_ANSWER = "first_reply", "written_reply", "administrative_answer"
FOLLOW_UP, RESULT_REPLY, INVESTIGATION = "follow_up", "result_reply", "investigation"
FEEDBACK, CALLBACK, RECTIFICATION = "feedback", "callback", "rectification"
# Which types are held to which deadlines: praise needs no answer; only complaints are
# investigated, followed up weekly and called back.
ANSWERED_TYPES = frozenset({"complaint", "suggestion", "consultation"})
FOLLOWED_UP_TYPES = frozenset({"complaint"})


@dataclass(frozen=True)
class Deadline:
    name: str
    starts_at: datetime
    due_at: datetime
    working_days: int | None = None  # counted in working days of the calendar from `starts_at`
    provisional: bool = False  # counted on weekdays alone: the year's arrangement is not loaded


def working_deadline(name: str, starts_at: datetime, days: int, work: WorkCalendar, tz: tzinfo) -> Deadline:
    due, provisional = add_working_days(starts_at, days, work, tz)
    return Deadline(name, starts_at, due, days, provisional)


def investigation_deadline(received_at: datetime, tz: tzinfo, rules: Rules) -> Deadline:
    """Investigated and verified the same day (当天进行调查、核实): by the end of the local day
    of receipt, or of the next day when less than the configured hours are left of it."""
    local = received_at.astimezone(tz)
    due = end_of_day(local.date(), tz)
    if due - local < timedelta(hours=rules.investigation_min_hours):
        due = end_of_day(local.date() + timedelta(days=1), tz)
    return Deadline(INVESTIGATION, received_at, due)


def intake_deadlines(complaint_type: str, channel: str, category: str, received_at: datetime, rules: Rules,
                     work: WorkCalendar = WEEKDAYS, tz: tzinfo | None = None,
                     dispatched: bool = True) -> list[Deadline]:
    """The deadlines a new record starts with: the first reply within 24 h (online media:
    a written one, counted from the dispatch to the branch, which is intake when an owner is
    named then: see `written_reply_on_dispatch`), administrative questions answered within
    3 working days, a complaint investigated the same day and followed up weekly."""
    if complaint_type not in ANSWERED_TYPES:
        return []
    tz = tz or received_at.tzinfo
    if channel == "online_media":
        deadlines = [written_reply(received_at, rules)] if dispatched else []
    else:
        deadlines = [Deadline(FIRST_REPLY, received_at, received_at + timedelta(hours=rules.first_reply_hours))]
    if category == "administrative":
        deadlines.append(working_deadline(ADMINISTRATIVE_ANSWER, received_at, rules.administrative_days, work, tz))
    if complaint_type in FOLLOWED_UP_TYPES:
        deadlines.append(investigation_deadline(received_at, tz, rules))
        deadlines.append(follow_up_deadline(received_at, None, None, rules))
    return deadlines


def written_reply(dispatched_at: datetime, rules: Rules) -> Deadline:
    """An online-media complaint's written reply to the quality centre, 24 h after the
    branch receives it (seed 000: 分公司接单后24小时内书面回复)."""
    return Deadline(WRITTEN_REPLY, dispatched_at, dispatched_at + timedelta(hours=rules.written_reply_hours))


def written_reply_on_dispatch(action: str, complaint_type: str, channel: str, dispatched: bool, now: datetime,
                              rules: Rules) -> Deadline | None:
    """An online-media record with no owner at intake reaches the branch with its first
    assignment, and its written reply is counted from then; a later assignment moves nothing."""
    if action == "assign" and channel == "online_media" and complaint_type in ANSWERED_TYPES and not dispatched:
        return written_reply(now, rules)
    return None


def follow_up_deadline(received_at: datetime, last_follow_up_at: datetime | None, reopened_at: datetime | None,
                       rules: Rules) -> Deadline:
    """While unresolved the next follow-up is due a week after the latest of receipt, the
    last follow-up and a reopening (a repeating deadline, one instance at a time)."""
    since = max(t for t in (received_at, last_follow_up_at, reopened_at) if t is not None)
    return Deadline(FOLLOW_UP, since, since + timedelta(days=rules.follow_up_days))


def result_reply_deadline(resolved_at: datetime, rules: Rules) -> Deadline:
    """Once handling is finished, the complainant hears the result within 30 min."""
    return Deadline(RESULT_REPLY, resolved_at, resolved_at + timedelta(minutes=rules.result_reply_minutes))


def after_review(action: str, now: datetime, rules: Rules) -> Deadline | None:
    """After the quality centre's review: the feedback within 1 h of an approval; a returned
    reply is written again within the written-reply span."""
    if action == "review_approved":
        return Deadline(FEEDBACK, now, now + timedelta(hours=rules.feedback_hours))
    if action == "review_returned":
        return written_reply(now, rules)
    return None


def callback_deadline(now: datetime, next_try_at: datetime) -> Deadline:
    """The booked time of an unreached callback, warned of and escalated like the others."""
    return Deadline(CALLBACK, now, next_try_at)


def rectification_deadline(reopened_at: datetime, rules: Rules) -> Deadline:
    """Unsatisfied at the callback: handled again within a time limit (限时整改)."""
    return Deadline(RECTIFICATION, reopened_at, reopened_at + timedelta(hours=rules.rectification_hours))


def paused_deadline(deadline: Deadline, paused_at: datetime, resumed_at: datetime, work: WorkCalendar,
                    tz: tzinfo) -> Deadline:
    """A deadline after its clock was paused (waiting on the complainant) and resumed: a
    clock-hour deadline moves by the time paused; one in working days counts the working
    days the pause took up (from the day after it began to the day it ended) on top. A
    deadline already missed when the pause began stays missed."""
    if deadline.due_at <= paused_at:
        return deadline
    if deadline.working_days is None:
        gap = resumed_at - paused_at
        return replace(deadline, starts_at=deadline.starts_at + gap, due_at=deadline.due_at + gap)
    lost = working_days_between(paused_at.astimezone(tz).date(), resumed_at.astimezone(tz).date(), work)
    return recounted(replace(deadline, working_days=deadline.working_days + lost), work, tz)


def recounted(deadline: Deadline, work: WorkCalendar, tz: tzinfo) -> Deadline:
    """A working-day deadline counted again on the calendar (a year's arrangement loaded)."""
    if deadline.working_days is None:
        return deadline
    due, provisional = add_working_days(deadline.starts_at, deadline.working_days, work, tz)
    return replace(deadline, due_at=due, provisional=provisional)


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
    complaint needs no more weekly follow-ups; any reply after an approved review is the
    feedback; any callback meets the booked time."""
    if action == "first_reply":
        return frozenset({FIRST_REPLY, FEEDBACK} | ({WRITTEN_REPLY} if written else set()))
    if action == "result_reply":
        return frozenset({RESULT_REPLY, ADMINISTRATIVE_ANSWER, FEEDBACK} | ({WRITTEN_REPLY} if written else set()))
    if action == "follow_up":
        return frozenset({FOLLOW_UP})
    if action == "investigate":
        return frozenset({INVESTIGATION})
    if action == "resolve":
        return frozenset({FOLLOW_UP, RECTIFICATION})
    if action.startswith("callback_"):
        return frozenset({CALLBACK})
    if action == "close":
        return frozenset({FIRST_REPLY, ADMINISTRATIVE_ANSWER})
    return frozenset()


def follow_ups_short(recorded: int, rules: Rules) -> int:
    """How many follow-ups are missing to the minimum of 3 (informational, not a condition
    for closing)."""
    return max(0, rules.min_follow_ups - recorded)


def alert_level(deadline: Deadline, now: datetime, rules: Rules) -> str | None:
    """`notice` from 50 % of the deadline's span (none when `notice_at` is 0), `warn` from
    80 %, `overdue` from 100 %."""
    span = (deadline.due_at - deadline.starts_at).total_seconds()
    elapsed = (now - deadline.starts_at).total_seconds()
    if span <= 0 or elapsed >= rules.escalate_at * span:
        return "overdue"
    if elapsed >= rules.warn_at * span:
        return "warn"
    if rules.notice_at and elapsed >= rules.notice_at * span:
        return "notice"
    return None


def due_alerts(deadlines: Iterable[Deadline], fired: set[tuple[str, datetime, str]], now: datetime,
               rules: Rules) -> list[tuple[Deadline, str]]:
    """Alerts to fire now for unmet deadlines; an alert (name, due time, level) fires once.
    A deadline found past 100 % gets only the overdue alert, not a late warning (nor one
    past 80 % a late notice)."""
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
    """One owner per complaint from intake: the point's administrator (专职管理员), else a
    customer-service supervisor (the desk's fallback: the point's own, else one bound to no
    point); of several, the first by id, so that the choice does not depend on the order
    rows come back in. None only when the desk has no supervisor at all."""
    staff = [s for s in staff if s.active]
    for role, points in (("point_admin", (point_id,)), ("cs_supervisor", (point_id,)), ("cs_supervisor", (None,))):
        chosen = [s.id for s in staff if role in s.roles and s.service_point_id in points]
        if chosen:
            return min(chosen)
    return None


def supervisors(staff: Iterable[StaffView], point_id: str) -> list[str]:
    """The customer-service supervisors (客服主管) an escalation goes to: those of the
    complaint's point and those bound to no point (the city desk)."""
    return sorted(s.id for s in staff if s.active and "cs_supervisor" in s.roles
                  and s.service_point_id in (None, point_id))


def initial_escalation(severity: str) -> int:
    """Major complaints (重大投诉) go to management at once."""
    return 1 if severity == "major" else 0


# The escalation ladder, level by level (seed 002: 逐级进行): the desk's supervisors (客服主管),
# then the point's administrator as the responsible department (部门经理 / 责任部门), then,
# for a major complaint, the city's operators (管理处经理 / 主任).
ESCALATION_LADDER = ("supervisors", "point_admins", "city_operators")


def escalated_to(severity: str, level: int) -> tuple[str, ...]:
    """Who an escalation at `level` reaches, each rung keeping those below it: level 1 the
    desk's supervisors, level 2 also the point's administrators; the city's operators from
    level 3, and only for a major complaint (a major complaint starts at level 1, so its
    first missed deadline reaches the point and its second the city)."""
    rungs = ESCALATION_LADDER[:max(0, level)]
    return rungs if severity == "major" else rungs[:2]


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


def _shift_month(month: str, by: int) -> str:
    year, number = (int(part) for part in month.split("-"))
    index = year * 12 + number - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _report_day_of(month: str, report_day: int) -> date:
    """Day D of a month (its last day when the month is shorter)."""
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, min(report_day, calendar.monthrange(year, number)[1]))


def report_period(month: str, rules: Rules) -> tuple[date, date]:
    """The days the report of `month` covers, both inclusive: day D+1 of the month before
    through day D of this one (每月25日: the 26th to the 25th), so that consecutive reports
    leave no day out and count none twice."""
    first = _report_day_of(_shift_month(month, -1), rules.report_day) + timedelta(days=1)
    return first, _report_day_of(month, rules.report_day)


def report_month(today: date, rules: Rules) -> str:
    """The report whose period holds `today` (after day D it is next month's)."""
    month = month_of(today)
    return month if today <= _report_day_of(month, rules.report_day) else _shift_month(month, 1)


def report_months_before(month: str, count: int) -> list[str]:
    """`count` consecutive report months ending with `month`, oldest first."""
    return [_shift_month(month, offset) for offset in range(1 - count, 1)]


def last_closed_report(today: date, rules: Rules) -> str:
    """The latest report whose period is over: the report ending on day D is produced once
    that day has ended, so that it holds the whole day (or on the first run after, should
    the service be down)."""
    return _shift_month(report_month(today, rules), -1)


def recurring(counts: dict[str, list[int]], rules: Rules) -> list[dict]:
    """Recurring problems (反复出现的问题): the categories, points or staff members complained
    of at least `recurring_min_complaints` times over the analysed periods and in at least
    `recurring_min_periods` of them; the most frequent first."""
    found = [{"key": key, "counts": list(per_period), "total": sum(per_period)}
             for key, per_period in counts.items()
             if sum(per_period) >= rules.recurring_min_complaints
             and sum(1 for n in per_period if n) >= rules.recurring_min_periods]
    return sorted(found, key=lambda item: (-item["total"], item["key"]))


# --- The hotline's duty roster (值班、交接班) -----------------------------------------------

@dataclass(frozen=True)
class Gap:
    starts_at: datetime
    ends_at: datetime
    seats: int
    required: int


def _within(local: time, start: time, end: time) -> bool:
    """In [start, end) of the local day, a span past midnight when it ends before it starts."""
    return (local >= start or local < end) if start > end else start <= local < end


def is_night(moment: datetime, tz: tzinfo, rules: Rules) -> bool:
    return _within(moment.astimezone(tz).time(), rules.night_start, rules.night_end)


def is_peak(moment: datetime, tz: tzinfo, rules: Rules) -> bool:
    return _within(moment.astimezone(tz).time(), rules.peak_start, rules.peak_end)


def seats_required(moment: datetime, tz: tzinfo, rules: Rules) -> int:
    """The seats the desk needs at `moment`: 8 at the peak of the day's calls, 2 at night,
    1 at any time (the most of those that apply)."""
    required = rules.min_seats
    if is_night(moment, tz, rules):
        required = max(required, rules.min_night_seats)
    if is_peak(moment, tz, rules):
        required = max(required, rules.min_peak_seats)
    return required


def coverage_gaps(shifts: Iterable[tuple[datetime, datetime, int]], start: datetime, end: datetime, tz: tzinfo,
                  rules: Rules) -> list[Gap]:
    """Where the roster leaves the desk short in [start, end): fewer seats than one at any
    time, than two at night or than eight at the peak (seed 001: 夜班至少2位坐席, 来电高峰时段
    …至少8位坐席; seed 002: 至少有一人值守).
    `shifts` are (starts_at, ends_at, seats); adjacent short spans with the same figures
    are one gap."""
    shifts = [(max(a, start), min(b, end), seats) for a, b, seats in shifts if a < end and b > start]
    cuts = {start, end} | {t for a, b, _ in shifts for t in (a, b)}
    day = start.astimezone(tz).date() - timedelta(days=1)
    while datetime.combine(day, time(0), tz) < end:
        for moment in (rules.night_start, rules.night_end, rules.peak_start, rules.peak_end):
            cut = datetime.combine(day, moment, tz)
            if start < cut < end:
                cuts.add(cut)
        day += timedelta(days=1)
    points = sorted(cuts)
    gaps: list[Gap] = []
    for a, b in zip(points, points[1:]):
        seats = sum(n for s, e, n in shifts if s <= a and e >= b)
        required = seats_required(a, tz, rules)
        if seats >= required:
            continue
        if gaps and gaps[-1].ends_at == a and (gaps[-1].seats, gaps[-1].required) == (seats, required):
            gaps[-1] = replace(gaps[-1], ends_at=b)
        else:
            gaps.append(Gap(a, b, seats, required))
    return gaps


def count_by(values: Iterable[str], keys: Iterable[str]) -> dict[str, int]:
    """Counts for every key, zeros included, so reports always have the same rows."""
    counts = dict.fromkeys(keys, 0)
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts
