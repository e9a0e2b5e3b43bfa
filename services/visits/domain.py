"""Visit rules (DOMAIN.md sections 3 and 4): bookings, check-in, screening (提醒注意), bath,
rest, incidents, and the follow-up programmes (随访).

Pure functions: callers pass the views they hold and `now` (aware, deployment time zone).
Whether an elder may bathe at all is registration's decision (its `bathing_decision`);
visits applies it as carried in registration's events, for as long as it holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from kit.errors import DomainError, Forbidden, Invalid

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
    visit_close_after_minutes: int = 60  # the end-of-day sweep: this long after the day's last opening span
    # DOMAIN 7.2: the reminders a screening that admits the elder must record, each where it
    # applies (`medication`: chronic conditions; `point_specific`: the point has its own).
    mandatory_reminders: frozenset[str] = field(
        default_factory=lambda: frozenset({"call_for_help", "medication", "point_specific"}))


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
    rest_seats: int | None = None  # None: not known (a copy made before seats were carried)


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


def applied_decision(decision: HeldDecision, today: date, version_in_force: str) -> tuple[bool, bool]:
    """(eligible, commitment current) as a held decision allows today: what has lapsed is
    not in force (registration decides at check-in; this is for when it cannot be asked)."""
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
# Ending a visit before check-out, from any open step (the bath place and rest seat are freed).
END_EARLY_REASONS = ("left_before_bath", "unwell", "emergency_transfer", "refused", "other")
SWEPT = "not_checked_out"  # the reason the end-of-day sweep gives; no caller may give it
TRANSITIONS.update({(status, "end_early"): "ended_early" for status in OPEN_STATUSES})


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
    reminders.extend(point.safety_reminders)
    missing = [r for r in required_reminders(elder, point, rules) if r not in reminders_given]
    if missing and not reasons:  # a screening that refuses needs none
        raise DomainError("REMINDERS_MISSING", f"Give and record these reminders first: {', '.join(missing)}.",
                          missing=missing)
    return Screening("refused" if reasons else "screened", reasons, warnings, danger, danger, reminders)


def required_reminders(elder: ElderView, point: PointView, rules: Rules) -> list[str]:
    """应…作出提醒 (7.2): the reminders a screening must record before the elder may bathe."""
    applies = {"call_for_help": True, "medication": bool(elder.chronic_conditions),
               "point_specific": bool(point.safety_reminders)}
    return [r for r in REMINDERS if r in rules.mandatory_reminders and applies.get(r, True)]


def check_assistant(assistant: StaffView | None, elder: ElderView, point_id: str, baths_now: int,
                    point: PointView, assistant_busy: bool = False) -> None:
    if (assistant is None or not assistant.active or "bathing_assistant" not in assistant.roles
            or not assistant.qualified or assistant.service_point_id != point_id):
        raise DomainError("STAFF_NOT_QUALIFIED", "Only a qualified bathing assistant of this point may bathe the elder.")
    if elder.same_gender_assistant and assistant.gender != elder.gender:
        raise DomainError("STAFF_NOT_QUALIFIED", "The elder asked for an assistant of the same gender.")
    if baths_now >= point.bath_capacity:  # first: another assistant would not help
        raise DomainError("BATHS_FULL", f"All {point.bath_capacity} baths are in use.")
    if assistant_busy:
        raise DomainError("ASSISTANT_BUSY", "This assistant is bathing another elder; one assistant, one bath.")


def check_step_staff(member: StaffView | None, point_id: str) -> None:
    """Spec 5.1 for every service worker: whoever screens, runs the rest hall or checks an
    elder out is a staff member known here, active, qualified (health certificate, two
    years' experience, elder-care-worker training) and of the visit's point. No staff
    member at all (none named, none linked to the user) is refused the same way."""
    if member is None or not member.active or not member.qualified or member.service_point_id != point_id:
        raise DomainError("STAFF_NOT_QUALIFIED",
                          "Only a qualified staff member of this point may do this step: name one (staff_id) "
                          "or act as a user linked to one.")


def check_rest_seat(resting_now: int, point: PointView) -> None:
    """The rest hall has `rest_seats` seats; the next elder waits for one to be freed."""
    if point.rest_seats is not None and resting_now >= point.rest_seats:
        raise DomainError("REST_FULL", f"All {point.rest_seats} rest seats are taken.")


def sweep_after(point: PointView, day: date, tz, rules: Rules) -> datetime:
    """When a visit of `day` still open is ended by the end-of-day sweep: the day's last
    opening span's end plus `visit_close_after_minutes` (a day with no span: its midnight)."""
    spans = _spans(point, day)
    last = datetime.combine(day, max(end for _, end in spans), tz) if spans \
        else datetime.combine(day + timedelta(days=1), time(0), tz)
    return last + timedelta(minutes=rules.visit_close_after_minutes)


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

PROGRAMMES = ("hypertension", "home_visit", "case_management", "bp_screening", "high_risk", "health_check")
# bp_screening: after a first high reading, rechecks until three days high (a first diagnosis:
# the plan becomes a hypertension one) or a normal one (back to the yearly measurement);
# high_risk: the high-risk group's blood pressure every 6 months; health_check: the yearly
# health check of residents 65+ (seed 001 S1.15, S1.16, S1.22; seed 000 A0.10).
SCREENING_PROGRAMMES = frozenset({"bp_screening", "high_risk"})
# The programmes whose clock only a face-to-face follow-up resets (seed 001: at least 4
# face-to-face a year; seed 000: a home visit every 3 months, counted by its meeting rate).
FACE_TO_FACE_PROGRAMMES = frozenset({"hypertension", "home_visit"})
# Seed 003 (home-care case management, 结案): why a plan ends; a callback may follow.
CLOSURE_REASONS = ("goals_met", "refused", "lost_contact", "deceased", "moved", "other")
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
    screening_interval_days: int = 365  # S1.15: residents 35+ have their blood pressure taken once a year
    high_risk_interval_days: int = 182  # S1.16: the high-risk group at least every 6 months
    screening_recheck_days: int = 14  # [ours] the recheck after a high screening reading (预约其复查)
    diagnosis_high_days: int = 3  # S1.15: high on 3 different days (非同日3次) is a first diagnosis
    health_check_interval_days: int = 365  # S1.22 / A0.10: a health check at least once a year
    health_check_age: int = 65  # A0.10: for residents 65+
    discharge_first_visit_days: int = 7  # [ours] the first follow-up after a discharge from hospital
    # The same danger reading as at screening (DOMAIN 3 and 4): one number, written in Rules.
    danger_systolic: int = Rules.bp_danger_systolic
    danger_diastolic: int = Rules.bp_danger_diastolic


@dataclass(frozen=True)
class FollowUpOutcome:
    classification: str | None
    referral: bool
    emergency: bool
    next_due_on: date
    diagnosed: bool = False  # bp_screening / high_risk: high on enough days; the plan becomes hypertension


def age_on(birth_date: date, today: date) -> int:
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


def interval_days(programme: str, rules: FollowUpRules) -> int:
    return {"hypertension": rules.hypertension_interval_days, "home_visit": rules.home_visit_interval_days,
            "case_management": rules.case_review_interval_days, "bp_screening": rules.screening_interval_days,
            "high_risk": rules.high_risk_interval_days,
            "health_check": rules.health_check_interval_days}[programme]


def first_due_on(programme: str, start: date, rules: FollowUpRules, discharged_on: date | None = None) -> date:
    """A programme's first follow-up: one interval from the start; for `bp_screening`, the
    recheck of the high reading that opened it; for a patient just discharged from hospital
    (A0.10, 对新出院老年患者的第一次随访), within `discharge_first_visit_days` of the discharge
    if that comes sooner (never before the start)."""
    days = rules.screening_recheck_days if programme == "bp_screening" else interval_days(programme, rules)
    due = start + timedelta(days=days)
    if discharged_on is not None:
        due = max(start, min(due, discharged_on + timedelta(days=rules.discharge_first_visit_days)))
    return due


def check_plan_fields(programme: str, age: int, today: date, discharged_on: date | None, case_parts: bool,
                      rules: FollowUpRules) -> None:
    """What a new plan may carry: the yearly health check is for residents 65+; a discharge
    has already happened; a service agreement or referral source belongs to case management."""
    errors: dict[str, list[str]] = {}
    if programme == "health_check" and age < rules.health_check_age:
        errors["programme"] = [f"The yearly health check is for residents {rules.health_check_age} and over."]
    if discharged_on is not None and discharged_on > today:
        errors["discharged_on"] = ["A discharge from hospital is a day that has come."]
    if case_parts and programme != "case_management":
        errors["service_agreement"] = ["A service agreement and a referral source are case management's."]
    if errors:
        raise Invalid(errors)


def next_regular_due(programme: str, visited_on: date, face_to_face: bool, clock_from: date | None,
                     rules: FollowUpRules) -> date:
    """The next follow-up when nothing calls for one sooner: one interval after this one;
    but in a programme counted face to face, a follow-up that was not (a phone call) leaves
    the clock where the last face-to-face one (or the plan's start, `clock_from`) set it, so
    the next is due then, or at once if that day has passed (seed 001: 4 face-to-face a year)."""
    interval = timedelta(days=interval_days(programme, rules))
    if face_to_face or programme not in FACE_TO_FACE_PROGRAMMES or clock_from is None:
        return visited_on + interval
    return max(clock_from + interval, visited_on)


def high_reading_days(readings: list[tuple[date, bool]]) -> frozenset[date]:
    """The different days with a high reading since the last normal one (`readings`: each
    day and whether it was high, in order): 非同日3次测量血压均高于正常 counts an unbroken run."""
    days: set[date] = set()
    for day, high in readings:
        if high:
            days.add(day)
        else:
            days.clear()
    return frozenset(days)


def screening_outcome(programme: str, visited_on: date, systolic: int, diastolic: int, symptoms: list[str],
                      high_days: frozenset[date], regular: date, rules: FollowUpRules) -> FollowUpOutcome:
    """A blood-pressure screening (bp_screening, high_risk): high is ≥ 140 or ≥ 90 whatever
    the age (seed 001 S1.15); a high reading is rechecked within `screening_recheck_days`,
    and high on `diagnosis_high_days` different days is a first diagnosis, whose management
    starts within `recheck_within_days` as any uncontrolled reading; a danger reading is an
    emergency referral as in the hypertension programme; a normal one waits the interval."""
    danger = is_danger(systolic, diastolic, symptoms, rules)
    high = danger or systolic >= rules.target_systolic or diastolic >= rules.target_diastolic
    diagnosed = high and len(high_days | {visited_on}) >= rules.diagnosis_high_days
    if danger:
        return FollowUpOutcome("danger", True, True, visited_on + timedelta(days=rules.recheck_within_days), diagnosed)
    if not high:
        return FollowUpOutcome("normal", False, False, regular)
    days = rules.recheck_within_days if diagnosed else rules.screening_recheck_days
    return FollowUpOutcome("high", False, False, visited_on + timedelta(days=days), diagnosed)


def check_review(programme: str, has_review: bool) -> None:
    """The quarterly review (阶段性检视, seed 003) is a case-management record's."""
    if has_review and programme != "case_management":
        raise Invalid({"review": ["A quarterly review belongs to case management."]})


def check_plan_open(active: bool) -> None:
    """A plan is closed once."""
    if not active:
        raise DomainError("INVALID_TRANSITION", "This plan is already closed.")


def check_closure(reason: str, callback_on: date | None, today: date) -> None:
    """A plan ends with one of the reasons of seed 003 (lost contact, 失联, among them); a
    callback after closure (结案后回访) is a day to come."""
    if reason not in CLOSURE_REASONS:
        raise Invalid({"reason": [f"One of {', '.join(CLOSURE_REASONS)}."]})
    if callback_on is not None and callback_on < today:
        raise Invalid({"callback_on": ["The callback after closure is today or later."]})


# Seed 003, 保管者要注意保密: the case-management handbook stays with those who keep it.
CONFIDENTIAL_PROGRAMMES = frozenset({"case_management"})
CASE_RECORD_ROLES = frozenset({"case_manager", "doctor", "admin"})


def hidden_programmes(role: str | None) -> frozenset[str]:
    """The programmes whose plans and follow-ups a role may not know of: case management
    for everyone but case managers, doctors and administrators (a point's staff, the city
    operator, a partner's key: not even that an elder is in it)."""
    return frozenset() if role in CASE_RECORD_ROLES else CONFIDENTIAL_PROGRAMMES


def check_may_keep(role: str | None, programme: str) -> None:
    """Only those who may see a programme's records plan or record them (403)."""
    if programme in hidden_programmes(role):
        raise Forbidden("Case-management records are kept by case managers and doctors only.")


def check_plan_allowed(elder_status: str) -> None:
    """A closed elder gets no follow-up plan."""
    if elder_status == "closed":
        raise DomainError("ELDER_SUSPENDED", "The elder's record is closed.")


def check_plan_staff(known: bool, staff_point: str | None, elder_point: str) -> None:
    """The staff member a follow-up plan names is one known here, of the elder's point or
    of none (a city-wide case manager); any other id is refused, never stored."""
    if not known:
        raise Invalid({"staff_id": ["No such staff member."]}, "No such staff member.")
    if staff_point not in (None, elder_point):
        raise Invalid({"staff_id": ["This staff member works at another service point."]},
                      "This staff member works at another service point.")


def check_follow_up_open(status: str) -> None:
    """A follow-up is recorded once (谁随访，谁记录), and not after it was cancelled."""
    if status != "open":
        raise DomainError("INVALID_TRANSITION", "This follow-up is already recorded or cancelled.")


def is_danger(systolic: int, diastolic: int, symptoms: list[str], rules: FollowUpRules) -> bool:
    """≥ 180 or ≥ 110, or a danger symptom: an emergency referral (seed 001 S1.18)."""
    return systolic >= rules.danger_systolic or diastolic >= rules.danger_diastolic or bool(
        set(symptoms) & set(DANGER_SYMPTOMS))


def classify_blood_pressure(systolic: int, diastolic: int, symptoms: list[str], age: int,
                            rules: FollowUpRules) -> str:
    """Controlled below 140/90 (150/90 from 65); danger at ≥180 or ≥110 or a danger symptom."""
    if is_danger(systolic, diastolic, symptoms, rules):
        return "danger"
    target = rules.senior_target_systolic if age >= rules.senior_age else rules.target_systolic
    return "controlled" if systolic < target and diastolic < rules.target_diastolic else "uncontrolled"


def record_follow_up(programme: str, visited_on: date, systolic: int | None, diastolic: int | None,
                     symptoms: list[str], previous: str | None, age: int, rules: FollowUpRules,
                     adverse_drug_reaction: bool = False, complications: bool = False, face_to_face: bool = True,
                     clock_from: date | None = None, high_days: frozenset[date] = frozenset()) -> FollowUpOutcome:
    """The classification and when the next follow-up is due (DOMAIN.md section 4; seed 001):
    a first reading not controlled, or an adverse drug reaction, is seen again within
    `recheck_within_days`; a second in a row not controlled (a danger one counts), or new or
    worse complications, is referred, and seen again within the same days. Otherwise the
    next is regular (`next_regular_due`: a phone call does not reset the face-to-face clock).
    Screening programmes: `screening_outcome`, with the run of high days so far."""
    regular = next_regular_due(programme, visited_on, face_to_face, clock_from, rules)
    if programme not in SCREENING_PROGRAMMES and programme != "hypertension":
        return FollowUpOutcome(None, False, False, regular)
    if systolic is None or diastolic is None:
        raise Invalid("A blood-pressure follow-up records systolic and diastolic pressure.")
    if programme in SCREENING_PROGRAMMES:
        return screening_outcome(programme, visited_on, systolic, diastolic, symptoms, high_days, regular, rules)
    classification = classify_blood_pressure(systolic, diastolic, symptoms, age, rules)
    soon = visited_on + timedelta(days=rules.recheck_within_days)
    if classification == "danger":
        return FollowUpOutcome("danger", True, True, soon)
    if classification == "uncontrolled":
        return FollowUpOutcome("uncontrolled", previous in ("uncontrolled", "danger") or complications, False, soon)
    if complications or adverse_drug_reaction:
        return FollowUpOutcome("controlled", complications, False, soon)
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


def notice_horizon(today: date, rules: FollowUpRules) -> date:
    """The last due day an open follow-up can have and still announce something today (its
    reminder comes `remind_days_before` days ahead; every earlier one is due or overdue)."""
    return today + timedelta(days=rules.remind_days_before)


def meeting_rate(face_to_face: int, due: int) -> float | None:
    """见面率: follow-ups done face to face over those that fell due."""
    return round(face_to_face / due, 4) if due else None


def meets_meeting_rate_target(rate: float | None, rules: FollowUpRules) -> bool:
    """The rate reaches the target (≥ 90 % by default, the target itself included); a
    period with nothing due has no rate and does not meet it."""
    return rate is not None and rate >= rules.meeting_rate_target


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


# --- Funding and the monthly settlement (政府购买服务 / 自费, seed 004 篇1) ---------------------
# Registration decides who the government pays for (its subsidy categories); visits records,
# at each check-in, who pays for that visit, and counts the month's visits for the points.
SUBSIDY_CATEGORIES = ("sanwu", "dibao", "youfu", "model_worker", "age_90")
FUNDING_SOURCES = ("government", "self_pay")
BILLED_STATUSES = frozenset({"checked_out"})  # ended early, refused or still open: not billed


@dataclass(frozen=True)
class SubsidyView:
    """An approved subsidy as registration's events carry it."""
    category: str
    valid_from: date
    valid_until: date
    ended_at: datetime | None = None


@dataclass(frozen=True)
class Funding:
    source: str  # government | self_pay
    category: str | None = None


def funding(subsidies: list[SubsidyView], today: date, now: datetime) -> Funding:
    """Who pays for a visit checked in at `now` (on the local day `today`): the government
    under a subsidy in force then (within its validity, both days included, and not ended
    before `now`), else the elder (自费). Of two in force, the one valid first (then by
    category), so the same state always gives the same answer."""
    in_force = sorted((s for s in subsidies
                       if s.valid_from <= today <= s.valid_until and (s.ended_at is None or now < s.ended_at)),
                      key=lambda s: (s.valid_from, s.category))
    return Funding("government", in_force[0].category) if in_force else Funding("self_pay")


def billed(status: str) -> bool:
    """A visit is billed once checked out; one ended early, refused or still open is not."""
    return status in BILLED_STATUSES


def month_days(month: str) -> tuple[date, date]:
    """First and last day of a `YYYY-MM` month."""
    year, number = (int(part) for part in month.split("-"))
    first = date(year, number, 1)
    return first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def previous_month(today: date) -> str:
    return (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


@dataclass(frozen=True)
class Price:
    """A price per bath from `effective_from` on: self-pay at a point, or what the
    government pays a point for a bath of one subsidy category."""
    funding: str
    category: str | None
    service_point_id: str | None
    amount: Decimal
    effective_from: date


def price_on(prices: list[Price], funding_source: str, category: str | None, point: str, day: date) -> Decimal | None:
    """The price in force on `day` for a bath at `point`: of the prices of that funding (and,
    for the government, that category) that started on or before `day`, the latest; one set
    for the point itself wins over the city-wide one of the same day. None: no price."""
    matching = [p for p in prices if p.funding == funding_source and p.effective_from <= day
                and (funding_source == "self_pay" or p.category == category)
                and p.service_point_id in (None, point)]
    if not matching:
        return None
    return max(matching, key=lambda p: (p.effective_from, p.service_point_id is not None)).amount


def check_price(funding_source: str, category: str | None, point: str | None, amount: Decimal, effective_from: date,
                today: date) -> None:
    """A price is for a known funding (a government price names its category; a self-pay
    one its point), not negative, and applies from today or later, so that a past month
    always reproduces with the prices then in force."""
    errors: dict[str, list[str]] = {}
    if funding_source == "government" and category not in SUBSIDY_CATEGORIES:
        errors["category"] = [f"A government price names its category: one of {', '.join(SUBSIDY_CATEGORIES)}."]
    if funding_source == "self_pay" and (category is not None or point is None):
        errors["service_point_id"] = ["A self-pay price is a point's, without a category."]
    if amount < 0:
        errors["amount"] = ["A price is not negative."]
    if effective_from < today:
        errors["effective_from"] = ["A price applies from today or later; past months keep the prices they had."]
    if errors:
        raise Invalid(errors)


def empty_settlement() -> dict:
    return {"government": dict.fromkeys(SUBSIDY_CATEGORIES, 0), "self_pay": 0, "undecided": 0,
            "amount": Decimal("0.00"), "self_pay_amount": Decimal("0.00"), "unpriced": 0}


def add_to_settlement(figures: dict, source: str | None, category: str | None, count: int,
                      price: Decimal | None) -> None:
    """`count` billed visits of one funding on one day, at `price` each: the government's
    visits go to their category and to `amount` (what the point is paid), self-pay ones to
    `self_pay` and `self_pay_amount`; a visit checked in before funding was recorded is
    `undecided`, and one with no price in force is counted in `unpriced` (and in no amount)."""
    if source == "government":
        figures["government"][category] = figures["government"].get(category, 0) + count
    elif source == "self_pay":
        figures["self_pay"] += count
    else:
        figures["undecided"] += count
        return
    if price is None:
        figures["unpriced"] += count
    else:
        figures["amount" if source == "government" else "self_pay_amount"] += price * count


def merge_settlement(into: dict, figures: dict) -> None:
    for category, count in figures["government"].items():
        into["government"][category] = into["government"].get(category, 0) + count
    for key in ("self_pay", "undecided", "amount", "self_pay_amount", "unpriced"):
        into[key] += figures[key]


def settlement_view(figures: dict) -> dict:
    """Amounts in yuan with two decimals, as text (exact); `visits` is every billed visit."""
    government = sum(figures["government"].values())
    return {**figures, "visits": government + figures["self_pay"] + figures["undecided"],
            "government_visits": government,
            "amount": f"{figures['amount']:.2f}", "self_pay_amount": f"{figures['self_pay_amount']:.2f}"}
