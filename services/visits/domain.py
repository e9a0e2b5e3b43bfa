"""Visit rules (DOMAIN.md sections 3 and 4): bookings, check-in, screening (提醒注意), bath,
rest, incidents, and the follow-up programmes (随访).

Pure functions: callers pass the views they hold and `now` (aware, deployment time zone).
Whether an elder may bathe at all is registration's decision (its `bathing_decision`);
visits applies it as carried in registration's events, for as long as it holds.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kit.errors import DomainError, Invalid

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MENTAL_STATES = ("good", "fair", "poor")
STANDARD_REMINDERS = ("anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help")
REMINDERS = (*STANDARD_REMINDERS, "medication", "point_specific")
INCIDENT_KINDS = ("fall", "fainting", "hypoxia", "scald", "other")
SEVERITIES = ("minor", "serious", "emergency")
URGENT_SEVERITIES = frozenset({"serious", "emergency"})


@dataclass(frozen=True)
class Rules:
    slot_minutes: int = 30
    no_show_after_minutes: int = 30
    max_bath_minutes: int = 20
    min_rest_minutes: int = 15
    bp_danger_systolic: int = 180
    bp_danger_diastolic: int = 110
    bp_warning_systolic: int = 140
    bp_warning_diastolic: int = 90


@dataclass(frozen=True)
class ElderView:
    id: str
    status: str
    eligible: bool  # registration's decision, as it holds today
    commitment_current: bool
    gender: str
    same_gender_assistant: bool = False
    chronic_conditions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PointView:
    id: str
    active: bool
    opening_hours: dict
    bath_capacity: int
    safety_reminders: tuple[str, ...] = ()


@dataclass(frozen=True)
class StaffView:
    id: str
    roles: tuple[str, ...]
    service_point_id: str | None
    qualified: bool
    gender: str | None
    active: bool = True


# --- Opening hours and slots ------------------------------------------------------------

def _spans(point: PointView, day: date) -> list[tuple[time, time]]:
    """A day's opening spans; an end of 23:59 means open until midnight (24:00 cannot be written)."""
    spans = point.opening_hours.get(WEEKDAYS[day.weekday()], [])
    return [(time.fromisoformat(start), time.max if end == "23:59" else time.fromisoformat(end))
            for start, end in spans]


def is_open(point: PointView, local_now: datetime) -> bool:
    if not point.active:
        return False
    moment = local_now.time()
    return any(start <= moment < end for start, end in _spans(point, local_now.date()))


def check_slot(point: PointView, slot_start: datetime, now: datetime, rules: Rules) -> datetime:
    """The slot's end if `slot_start` begins a slot inside an opening span, else why not."""
    if slot_start <= now:
        raise Invalid("The slot has already started.")
    if not point.active:
        raise DomainError("POINT_CLOSED", "The service point is not active.")
    slot_end = slot_start + timedelta(minutes=rules.slot_minutes)
    for start, end in _spans(point, slot_start.date()):
        opened = datetime.combine(slot_start.date(), start, slot_start.tzinfo)
        closed = datetime.combine(slot_start.date(), end, slot_start.tzinfo)
        if opened <= slot_start and slot_end <= closed:
            if (slot_start - opened) % timedelta(minutes=rules.slot_minutes):
                raise Invalid(f"Slots start every {rules.slot_minutes} minutes from {start:%H:%M}.")
            return slot_end
    raise DomainError("POINT_CLOSED", "The point is not open for that whole slot.")


def slot_end(slot_start: datetime, rules: Rules) -> datetime:
    return slot_start + timedelta(minutes=rules.slot_minutes)


def check_booking(elder_status: str, point: PointView, slot_start: datetime, now: datetime, overlapping: bool,
                  rules: Rules) -> datetime:
    """预约: an active elder, a slot on the point's grid that has not started, and no other
    booking of the elder at an overlapping time. The slot's end, or why not."""
    if elder_status != "active":
        raise DomainError("ELDER_SUSPENDED", "The elder is not active.")
    end = check_slot(point, slot_start, now, rules)
    if overlapping:
        raise DomainError("DOUBLE_BOOKING", "The elder already has a booking at that time.")
    return end


def check_cancel(booking_status: str, slot_start: datetime, now: datetime) -> None:
    """A booking may be cancelled up to the start of its slot."""
    if booking_status != "booked" or now >= slot_start:
        raise DomainError("INVALID_TRANSITION", "Only a booking whose slot has not started can be cancelled.")


def check_attend(booking_status: str, booking_elder_id: str, elder_id: str) -> None:
    """A check-in may name the elder's own open booking only."""
    if booking_elder_id != elder_id or booking_status != "booked":
        raise DomainError("INVALID_TRANSITION", "The booking is not this elder's open booking.")


def no_show_cutoff(now: datetime, rules: Rules) -> datetime:
    """A booking whose slot started at or before this instant, and still booked, is a no-show."""
    return now - timedelta(minutes=rules.no_show_after_minutes)


def closing_ends_everything(elder_status: str) -> bool:
    """Closing an elder (DOMAIN 1) cancels their bookings still to come and ends their
    follow-up plans, their open follow-ups cancelled."""
    return elder_status == "closed"


# --- Registration's decision, as visits holds it ---------------------------------------

@dataclass(frozen=True)
class HeldDecision:
    """Registration's bathing decision as the read model keeps it (None: not carried)."""

    eligible: bool | None
    commitment_current: bool | None
    lapses_on: date | None
    commitment_version: str | None  # the commitment text in force when it was made


def decision_holds(decision: HeldDecision, today: date, version_in_force: str) -> bool:
    """A held decision stays registration's while its date has not come and the commitment
    text it was made under is still the one in force; otherwise registration is asked again."""
    return (decision.eligible is not None and decision.commitment_current is not None
            and (decision.lapses_on is None or today < decision.lapses_on)
            and decision.commitment_version == version_in_force)


def applied_decision(decision: HeldDecision, today: date, version_in_force: str) -> tuple[bool, bool]:
    """(eligible, commitment current) as a held decision allows today: what has lapsed is
    not in force (used when registration cannot be asked again)."""
    eligible = bool(decision.eligible) and (decision.lapses_on is None or today < decision.lapses_on)
    current = bool(decision.commitment_current) and decision.commitment_version == version_in_force
    return eligible, current


# --- Check-in --------------------------------------------------------------------------

def check_in_refusal(elder: ElderView | None, point: PointView, local_now: datetime, in_visit: bool,
                     rules: Rules) -> str | None:
    """The first reason to refuse entry, in the contract's order, or None."""
    if elder is None:
        return "UNKNOWN_CARD"
    if elder.status != "active":
        return "ELDER_SUSPENDED"
    if not elder.eligible:
        return "NOT_ELIGIBLE"
    if not elder.commitment_current:
        return "NO_SAFETY_COMMITMENT"
    if not is_open(point, local_now):
        return "POINT_CLOSED"
    if in_visit:
        return "ALREADY_IN_VISIT"
    return None


# --- The visit's steps -------------------------------------------------------------------

TRANSITIONS = {
    ("checked_in", "screen_ok"): "screened",
    ("checked_in", "screen_refused"): "refused",
    ("screened", "bath"): "bathing",
    ("bathing", "rest"): "resting",
    ("resting", "checkout"): "checked_out",
}
OPEN_STATUSES = frozenset({"checked_in", "screened", "bathing", "resting"})


def step(status: str, action: str) -> str:
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise DomainError("INVALID_TRANSITION", f"A visit that is {status} cannot do {action} now.") from None


@dataclass(frozen=True)
class Screening:
    status: str
    refusal_reasons: list[str]
    warnings: list[str]
    urgent: bool
    referral_advised: bool
    reminders: list[str]


def screen(mental_state: str, infectious_disease: bool, alcohol: bool, systolic: int | None,
           diastolic: int | None, reminders_given: list[str], elder: ElderView, point: PointView,
           rules: Rules) -> Screening:
    """提醒注意: sight judgement, forbidden conditions, blood pressure, reminders."""
    if (systolic is None) != (diastolic is None):
        raise Invalid("Give both systolic and diastolic, or neither.")
    reasons, warnings = [], []
    if infectious_disease:
        reasons.append("INFECTIOUS_DISEASE")
    if alcohol:
        reasons.append("ALCOHOL")
    if mental_state == "poor":
        reasons.append("MENTAL_STATE")
    danger = systolic is not None and (systolic >= rules.bp_danger_systolic or diastolic >= rules.bp_danger_diastolic)
    if danger:
        reasons.append("BLOOD_PRESSURE_DANGER")
    elif systolic is not None and (systolic >= rules.bp_warning_systolic or diastolic >= rules.bp_warning_diastolic):
        warnings.append("BLOOD_PRESSURE_RAISED")
    if mental_state == "fair":
        warnings.append("MENTAL_STATE_FAIR")
    reminders = list(STANDARD_REMINDERS)
    if elder.chronic_conditions:
        reminders.append("medication")
        if "medication" not in reminders_given:
            warnings.append("MEDICATION_REMINDER_MISSING")
    reminders.extend(point.safety_reminders)
    missing = [r for r in STANDARD_REMINDERS if r not in reminders_given]
    if missing and not reasons:
        warnings.append("REMINDERS_MISSING")
    return Screening("refused" if reasons else "screened", reasons, warnings, danger, danger, reminders)


def check_assistant(assistant: StaffView | None, elder: ElderView, point_id: str, baths_now: int,
                    point: PointView) -> None:
    if (assistant is None or not assistant.active or "bathing_assistant" not in assistant.roles
            or not assistant.qualified or assistant.service_point_id != point_id):
        raise DomainError("STAFF_NOT_QUALIFIED", "Only a qualified bathing assistant of this point may bathe the elder.")
    if elder.same_gender_assistant and assistant.gender != elder.gender:
        raise DomainError("STAFF_NOT_QUALIFIED", "The elder asked for an assistant of the same gender.")
    if baths_now >= point.bath_capacity:
        raise DomainError("BATHS_FULL", f"All {point.bath_capacity} baths are in use.")


def overrun_cutoff(now: datetime, rules: Rules) -> datetime:
    """A bath started before this instant, and still running, has run over the maximum."""
    return now - timedelta(minutes=rules.max_bath_minutes)


def check_checkout(rest_started_at: datetime | None, now: datetime, early_leave_reason: str | None,
                   rules: Rules) -> None:
    if rest_started_at is None or early_leave_reason:
        return
    if now - rest_started_at < timedelta(minutes=rules.min_rest_minutes):
        raise DomainError("REST_TOO_SHORT",
                          f"The elder should rest at least {rules.min_rest_minutes} minutes; give a reason to leave early.")


def incident_is_urgent(severity: str) -> bool:
    return severity in URGENT_SEVERITIES


def check_incident_open(closed_at: datetime | None) -> None:
    """An incident is closed once, with its outcome."""
    if closed_at is not None:
        raise DomainError("INVALID_TRANSITION", "The incident is already closed.")


# --- Follow-up programmes (随访) ----------------------------------------------------------

PROGRAMMES = ("hypertension", "home_visit", "case_management")
DANGER_SYMPTOMS = ("altered_consciousness", "severe_headache_or_dizziness", "nausea_and_vomiting", "blurred_vision",
                   "eye_pain", "palpitations", "chest_tightness", "breathless_lying_flat")


@dataclass(frozen=True)
class FollowUpRules:
    hypertension_interval_days: int = 91  # at least 4 face-to-face follow-ups a year
    recheck_within_days: int = 14
    target_systolic: int = 140
    target_diastolic: int = 90
    senior_age: int = 65
    senior_target_systolic: int = 150
    home_visit_interval_days: int = 91  # every 3 months
    case_review_interval_days: int = 91  # quarterly evaluation
    meeting_rate_target: float = 0.90
    max_care_plan_problems: int = 3
    remind_days_before: int = 3
    # The same danger reading as at screening (DOMAIN 3 and 4): one number, written in Rules.
    danger_systolic: int = Rules.bp_danger_systolic
    danger_diastolic: int = Rules.bp_danger_diastolic


@dataclass(frozen=True)
class FollowUpOutcome:
    classification: str | None
    referral: bool
    emergency: bool
    next_due_on: date


def age_on(birth_date: date, today: date) -> int:
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


def interval_days(programme: str, rules: FollowUpRules) -> int:
    return {"hypertension": rules.hypertension_interval_days, "home_visit": rules.home_visit_interval_days,
            "case_management": rules.case_review_interval_days}[programme]


def first_due_on(programme: str, start: date, rules: FollowUpRules) -> date:
    return start + timedelta(days=interval_days(programme, rules))


def check_plan_allowed(elder_status: str) -> None:
    """A closed elder gets no follow-up plan."""
    if elder_status == "closed":
        raise DomainError("ELDER_SUSPENDED", "The elder's record is closed.")


def check_follow_up_open(status: str) -> None:
    """A follow-up is recorded once (谁随访，谁记录), and not after it was cancelled."""
    if status != "open":
        raise DomainError("INVALID_TRANSITION", "This follow-up is already recorded or cancelled.")


def classify_blood_pressure(systolic: int, diastolic: int, symptoms: list[str], age: int,
                            rules: FollowUpRules) -> str:
    """Controlled below 140/90 (150/90 from 65); danger at ≥180 or ≥110 or a danger symptom."""
    if systolic >= rules.danger_systolic or diastolic >= rules.danger_diastolic or set(symptoms) & set(DANGER_SYMPTOMS):
        return "danger"
    target = rules.senior_target_systolic if age >= rules.senior_age else rules.target_systolic
    return "controlled" if systolic < target and diastolic < rules.target_diastolic else "uncontrolled"


def record_follow_up(programme: str, visited_on: date, systolic: int | None, diastolic: int | None,
                     symptoms: list[str], previous: str | None, age: int, rules: FollowUpRules) -> FollowUpOutcome:
    """The classification and when the next follow-up is due (DOMAIN.md section 4)."""
    regular = visited_on + timedelta(days=interval_days(programme, rules))
    if programme != "hypertension":
        return FollowUpOutcome(None, False, False, regular)
    if systolic is None or diastolic is None:
        raise Invalid("A hypertension follow-up records systolic and diastolic pressure.")
    classification = classify_blood_pressure(systolic, diastolic, symptoms, age, rules)
    soon = visited_on + timedelta(days=rules.recheck_within_days)
    if classification == "danger":
        return FollowUpOutcome("danger", True, True, soon)
    if classification == "uncontrolled":
        return FollowUpOutcome("uncontrolled", previous == "uncontrolled", False, soon)
    return FollowUpOutcome("controlled", False, False, regular)


def check_care_plan(problems: list[dict], rules: FollowUpRules) -> None:
    """个案管理: at most 3 main problems, each with goal, measures and a responsible person."""
    if len(problems) > rules.max_care_plan_problems:
        raise Invalid(f"A care plan lists at most {rules.max_care_plan_problems} main problems.")
    for problem in problems:
        if not all(problem.get(k) for k in ("problem", "goal", "measures", "responsible")):
            raise Invalid("Each problem needs a goal, measures and a responsible person.")


def follow_up_notice(due_on: date, today: date, rules: FollowUpRules) -> tuple[str, date] | None:
    """What an open follow-up announces today, keyed so each fires once: `due` from 3 days
    before (keyed on that day), `due` again on the day, `overdue` after it."""
    reminder = due_on - timedelta(days=rules.remind_days_before)
    if today > due_on:
        return "overdue", due_on
    if today == due_on:
        return "due", due_on
    if today >= reminder:
        return "due", reminder
    return None


def meeting_rate(face_to_face: int, due: int) -> float | None:
    """见面率: follow-ups done face to face over those that fell due."""
    return round(face_to_face / due, 4) if due else None


@dataclass(frozen=True)
class VisitSummary:
    status: str
    refusal_reasons: tuple[str, ...]
    bath_minutes: float | None
    rest_minutes: float | None


def daily_figures(summaries: list[VisitSummary], incidents: int) -> dict:
    """A point's day: visits, refusals by reason, incidents, average bath and rest time."""
    refusals: dict[str, int] = {}
    for summary in summaries:
        for reason in summary.refusal_reasons:
            refusals[reason] = refusals.get(reason, 0) + 1
    baths = [s.bath_minutes for s in summaries if s.bath_minutes is not None]
    rests = [s.rest_minutes for s in summaries if s.rest_minutes is not None]
    return {
        "visits": len(summaries),
        "checked_out": sum(1 for s in summaries if s.status == "checked_out"),
        "refused": sum(1 for s in summaries if s.status == "refused"),
        "refusals_by_reason": refusals,
        "incidents": incidents,
        "average_bath_minutes": round(sum(baths) / len(baths), 1) if baths else None,
        "average_rest_minutes": round(sum(rests) / len(rests), 1) if rests else None,
    }
