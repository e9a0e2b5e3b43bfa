"""Visit rules, one test per rule, no I/O."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.visits import domain
from services.visits.domain import DomainError, ElderView, Invalid, PointView, Rules, StaffView

TZ = ZoneInfo("Asia/Shanghai")
RULES = Rules()
MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
ELDER = ElderView(id="e1", status="active", eligible=True, commitment_current=True, gender="female")
POINT = PointView(id="p1", active=True, opening_hours={"mon": [["08:30", "11:30"], ["14:30", "17:30"]]},
                  bath_capacity=2, safety_reminders=("地面湿滑",))


def refusal(elder=ELDER, point=POINT, at=MONDAY_9, in_visit=False):
    return domain.check_in_refusal(elder, point, at, in_visit, RULES)


def test_check_in_passes_for_an_eligible_committed_elder_at_an_open_point():
    assert refusal() is None


@pytest.mark.parametrize("elder,at,in_visit,code", [
    (None, MONDAY_9, False, "UNKNOWN_CARD"),
    (ElderView("e", "suspended", False, False, "female"), MONDAY_9, True, "ELDER_SUSPENDED"),
    (ElderView("e", "closed", True, True, "female"), MONDAY_9, False, "ELDER_SUSPENDED"),
    (ElderView("e", "active", False, False, "female"), MONDAY_9, True, "NOT_ELIGIBLE"),
    (ElderView("e", "active", False, True, "female"), MONDAY_9, False, "NOT_ELIGIBLE"),
    (ElderView("e", "active", True, False, "female"), MONDAY_9 + timedelta(hours=4), True, "NO_SAFETY_COMMITMENT"),
    (ELDER, MONDAY_9 + timedelta(hours=4), True, "POINT_CLOSED"),
    (ELDER, MONDAY_9, True, "ALREADY_IN_VISIT"),
])
def test_check_in_refusals_come_in_the_contract_order(elder, at, in_visit, code):
    assert refusal(elder, POINT, at, in_visit) == code


def test_a_missing_day_or_inactive_point_is_closed():
    sunday = MONDAY_9 - timedelta(days=1)
    assert refusal(at=sunday) == "POINT_CLOSED"
    assert refusal(point=PointView("p", False, POINT.opening_hours, 2)) == "POINT_CLOSED"


def screen(**kw):
    form = {"mental_state": "good", "infectious_disease": False, "alcohol": False, "systolic": None,
            "diastolic": None, "reminders_given": list(domain.STANDARD_REMINDERS)} | kw
    return domain.screen(form["mental_state"], form["infectious_disease"], form["alcohol"], form["systolic"],
                         form["diastolic"], form["reminders_given"], kw.pop("elder", ELDER), POINT, RULES)


@pytest.mark.parametrize("bp,status,warning", [((179, 109), "screened", True), ((180, 80), "refused", False),
                                               ((120, 110), "refused", False), ((139, 89), "screened", False),
                                               ((140, 80), "screened", True), ((120, 90), "screened", True)])
def test_blood_pressure_boundaries(bp, status, warning):
    result = screen(systolic=bp[0], diastolic=bp[1])
    assert result.status == status
    assert ("BLOOD_PRESSURE_RAISED" in result.warnings) is warning
    assert result.urgent is (status == "refused") and result.referral_advised is (status == "refused")


def test_infectious_disease_alcohol_and_poor_mental_state_forbid_bathing():
    result = screen(infectious_disease=True, alcohol=True, mental_state="poor")
    assert result.status == "refused"
    assert result.refusal_reasons == ["INFECTIOUS_DISEASE", "ALCOHOL", "MENTAL_STATE"]
    assert not result.urgent


def test_only_one_blood_pressure_value_is_invalid():
    with pytest.raises(DomainError):
        screen(systolic=120)


def test_chronic_conditions_need_a_medication_reminder():
    elder = ElderView("e", "active", True, True, "female", chronic_conditions=("高血压",))
    assert "MEDICATION_REMINDER_MISSING" in screen(elder=elder).warnings
    result = screen(elder=elder, reminders_given=[*domain.STANDARD_REMINDERS, "medication"])
    assert "MEDICATION_REMINDER_MISSING" not in result.warnings
    assert "medication" in result.reminders


def test_reminders_include_the_points_own():
    assert screen().reminders == [*domain.STANDARD_REMINDERS, "地面湿滑"]


ASSISTANT = StaffView("s1", ("bathing_assistant",), "p1", True, "female")


def test_only_a_qualified_assistant_of_the_point_may_bathe():
    domain.check_assistant(ASSISTANT, ELDER, "p1", 0, POINT)
    for staff in (None, StaffView("s", ("rest_hall_admin",), "p1", True, "female"),
                  StaffView("s", ("bathing_assistant",), "p1", False, "female"),
                  StaffView("s", ("bathing_assistant",), "p2", True, "female")):
        with pytest.raises(DomainError) as error:
            domain.check_assistant(staff, ELDER, "p1", 0, POINT)
        assert error.value.code == "STAFF_NOT_QUALIFIED"


def test_same_gender_preference_is_honoured():
    elder = ElderView("e", "active", True, True, "female", same_gender_assistant=True)
    with pytest.raises(DomainError):
        domain.check_assistant(StaffView("s", ("bathing_assistant",), "p1", True, "male"), elder, "p1", 0, POINT)
    domain.check_assistant(ASSISTANT, elder, "p1", 0, POINT)


def test_baths_are_limited_by_capacity():
    domain.check_assistant(ASSISTANT, ELDER, "p1", 1, POINT)
    with pytest.raises(DomainError) as error:
        domain.check_assistant(ASSISTANT, ELDER, "p1", 2, POINT)
    assert error.value.code == "BATHS_FULL"


def test_minimum_rest_before_check_out():
    rested = MONDAY_9
    with pytest.raises(DomainError) as error:
        domain.check_checkout(rested, rested + timedelta(minutes=14, seconds=59), None, RULES)
    assert error.value.code == "REST_TOO_SHORT"
    domain.check_checkout(rested, rested + timedelta(minutes=15), None, RULES)
    domain.check_checkout(rested, rested + timedelta(minutes=1), "家属来接", RULES)


def test_bath_longer_than_the_maximum_is_an_overrun():
    """The watch's SQL asks for baths started before the cutoff."""
    assert not MONDAY_9 < domain.overrun_cutoff(MONDAY_9 + timedelta(minutes=20), RULES)
    assert MONDAY_9 < domain.overrun_cutoff(MONDAY_9 + timedelta(minutes=20, seconds=1), RULES)
    assert MONDAY_9 < domain.overrun_cutoff(MONDAY_9 + timedelta(minutes=26), Rules(max_bath_minutes=25))


def test_an_incident_is_closed_once():
    domain.check_incident_open(None)
    with pytest.raises(DomainError) as error:
        domain.check_incident_open(MONDAY_9)
    assert error.value.code == "INVALID_TRANSITION"


LEGAL = {("checked_in", "screen_ok"), ("checked_in", "screen_refused"), ("screened", "bath"), ("bathing", "rest"),
         ("resting", "checkout")}
STATUSES = ["checked_in", "screened", "refused", "bathing", "resting", "checked_out"]
ACTIONS = ["screen_ok", "screen_refused", "bath", "rest", "checkout"]


@pytest.mark.parametrize("status,action", [(s, a) for s in STATUSES for a in ACTIONS if (s, a) not in LEGAL])
def test_every_step_out_of_order_is_refused(status, action):
    with pytest.raises(DomainError) as error:
        domain.step(status, action)
    assert error.value.code == "INVALID_TRANSITION"


def test_the_happy_path_of_a_visit():
    status = "checked_in"
    for action in ("screen_ok", "bath", "rest", "checkout"):
        status = domain.step(status, action)
    assert status == "checked_out"


def test_slots_start_on_the_grid_inside_opening_hours():
    now = MONDAY_9 - timedelta(days=1)
    assert domain.check_slot(POINT, MONDAY_9, now, RULES) == MONDAY_9 + timedelta(minutes=30)
    with pytest.raises(DomainError):
        domain.check_slot(POINT, MONDAY_9 + timedelta(minutes=10), now, RULES)
    with pytest.raises(DomainError) as error:
        domain.check_slot(POINT, MONDAY_9.replace(hour=11, minute=30), now, RULES)
    assert error.value.code == "POINT_CLOSED"
    with pytest.raises(DomainError):
        domain.check_slot(POINT, MONDAY_9, MONDAY_9, RULES)


def test_no_show_after_30_minutes():
    """The watch's SQL asks for booked slots that started at or before the cutoff."""
    assert not MONDAY_9 <= domain.no_show_cutoff(MONDAY_9 + timedelta(minutes=29), RULES)
    assert MONDAY_9 <= domain.no_show_cutoff(MONDAY_9 + timedelta(minutes=30), RULES)


def test_a_booking_needs_an_active_elder_a_slot_on_the_grid_and_no_overlap():
    now = MONDAY_9 - timedelta(days=1)
    assert domain.check_booking("active", POINT, MONDAY_9, now, False, RULES) == MONDAY_9 + timedelta(minutes=30)
    for status, slot, overlapping, code in (("suspended", MONDAY_9, False, "ELDER_SUSPENDED"),
                                            ("closed", MONDAY_9, True, "ELDER_SUSPENDED"),
                                            ("active", MONDAY_9.replace(hour=12), False, "POINT_CLOSED"),
                                            ("active", MONDAY_9, True, "DOUBLE_BOOKING")):
        with pytest.raises(DomainError) as error:
            domain.check_booking(status, POINT, slot, now, overlapping, RULES)
        assert error.value.code == code
    with pytest.raises(Invalid):
        domain.check_booking("active", POINT, MONDAY_9 + timedelta(minutes=10), now, False, RULES)


def test_a_booking_is_cancelled_up_to_the_start_of_its_slot():
    domain.check_cancel("booked", MONDAY_9, MONDAY_9 - timedelta(seconds=1))
    for status, now in (("booked", MONDAY_9), ("cancelled", MONDAY_9 - timedelta(hours=1)),
                        ("attended", MONDAY_9 - timedelta(hours=1))):
        with pytest.raises(DomainError) as error:
            domain.check_cancel(status, MONDAY_9, now)
        assert error.value.code == "INVALID_TRANSITION"


def test_a_check_in_names_only_the_elders_own_open_booking():
    domain.check_attend("booked", "e1", "e1")
    for status, owner in (("booked", "e2"), ("cancelled", "e1")):
        with pytest.raises(DomainError):
            domain.check_attend(status, owner, "e1")


@pytest.mark.parametrize("status,ends", [("closed", True), ("suspended", False), ("active", False)])
def test_only_closing_an_elder_ends_bookings_and_plans(status, ends):
    assert domain.closing_ends_everything(status) is ends


TODAY = MONDAY_9.date()


@pytest.mark.parametrize("decision,holds", [
    (domain.HeldDecision(True, True, None, "v1"), True),
    (domain.HeldDecision(False, True, None, "v1"), True),
    (domain.HeldDecision(True, True, TODAY + timedelta(days=1), "v1"), True),
    (domain.HeldDecision(True, True, TODAY, "v1"), False),
    (domain.HeldDecision(True, True, None, "v0"), False),
    (domain.HeldDecision(None, None, None, None), False),
])
def test_a_held_decision_holds_until_its_date_and_under_the_commitment_text_in_force(decision, holds):
    assert domain.decision_holds(decision, TODAY, "v1") is holds


def test_what_has_lapsed_of_a_held_decision_is_not_in_force():
    assert domain.applied_decision(domain.HeldDecision(True, True, None, "v1"), TODAY, "v1") == (True, True)
    assert domain.applied_decision(domain.HeldDecision(True, True, TODAY, "v1"), TODAY, "v1") == (False, True)
    assert domain.applied_decision(domain.HeldDecision(True, True, None, "v0"), TODAY, "v1") == (True, False)
    assert domain.applied_decision(domain.HeldDecision(None, None, None, None), TODAY, "v1") == (False, False)


@pytest.mark.parametrize("severity,urgent", [("minor", False), ("serious", True), ("emergency", True)])
def test_serious_and_emergency_incidents_are_urgent(severity, urgent):
    assert domain.incident_is_urgent(severity) is urgent


# --- Follow-up programmes ---------------------------------------------------------------

from datetime import date  # noqa: E402

from services.visits.domain import FollowUpRules  # noqa: E402

FOLLOW = FollowUpRules()
DAY = date(2026, 11, 2)


@pytest.mark.parametrize("bp,age,classification", [((139, 89), 64, "controlled"), ((140, 80), 64, "uncontrolled"),
                                                   ((149, 89), 65, "controlled"), ((149, 89), 64, "uncontrolled"),
                                                   ((150, 80), 65, "uncontrolled"), ((120, 90), 70, "uncontrolled"),
                                                   ((179, 109), 70, "uncontrolled"), ((180, 80), 70, "danger"),
                                                   ((120, 110), 50, "danger")])
def test_blood_pressure_targets_with_the_65_plus_rule(bp, age, classification):
    assert domain.classify_blood_pressure(bp[0], bp[1], [], age, FOLLOW) == classification


def test_a_danger_symptom_makes_it_danger_whatever_the_reading():
    assert domain.classify_blood_pressure(120, 80, ["chest_tightness"], 70, FOLLOW) == "danger"


def test_controlled_hypertension_is_seen_again_in_a_quarter():
    outcome = domain.record_follow_up("hypertension", DAY, 130, 80, [], None, 70, FOLLOW)
    assert (outcome.classification, outcome.referral, outcome.next_due_on) == ("controlled", False, DAY + timedelta(days=91))


def test_first_uncontrolled_reading_brings_the_next_within_14_days():
    outcome = domain.record_follow_up("hypertension", DAY, 160, 95, [], "controlled", 60, FOLLOW)
    assert (outcome.classification, outcome.referral, outcome.next_due_on) == ("uncontrolled", False, DAY + timedelta(days=14))


def test_two_consecutive_uncontrolled_readings_mean_referral():
    outcome = domain.record_follow_up("hypertension", DAY, 160, 95, [], "uncontrolled", 60, FOLLOW)
    assert outcome.referral and not outcome.emergency and outcome.next_due_on == DAY + timedelta(days=14)


def test_danger_means_emergency_referral_and_follow_up_within_14_days():
    outcome = domain.record_follow_up("hypertension", DAY, 185, 100, [], None, 60, FOLLOW)
    assert outcome.emergency and outcome.referral and outcome.next_due_on == DAY + timedelta(days=14)


def test_home_visits_and_case_reviews_come_every_quarter():
    for programme in ("home_visit", "case_management"):
        assert domain.first_due_on(programme, DAY, FOLLOW) == DAY + timedelta(days=91)
        assert domain.record_follow_up(programme, DAY, None, None, [], None, 80, FOLLOW).classification is None


def test_a_care_plan_has_at_most_three_complete_problems():
    problem = {"problem": "失眠", "goal": "改善", "measures": "随访", "responsible": "王"}
    domain.check_care_plan([problem] * 3, FOLLOW)
    with pytest.raises(DomainError):
        domain.check_care_plan([problem] * 4, FOLLOW)
    with pytest.raises(DomainError):
        domain.check_care_plan([dict(problem, goal="")], FOLLOW)


@pytest.mark.parametrize("days_before,notice", [(4, None), (3, ("due", -3)), (1, ("due", -3)), (0, ("due", 0)),
                                                (-1, ("overdue", 0))])
def test_reminders_three_days_before_and_on_the_day_then_overdue(days_before, notice):
    due = DAY + timedelta(days=10)
    result = domain.follow_up_notice(due, due - timedelta(days=days_before), FOLLOW)
    expected = None if notice is None else (notice[0], due + timedelta(days=notice[1]))
    assert result == expected


def test_meeting_rate_is_face_to_face_over_due():
    assert domain.meeting_rate(9, 10) == 0.9 and domain.meeting_rate(0, 0) is None


def test_age_in_whole_years():
    assert domain.age_on(date(1961, 11, 3), DAY) == 64 and domain.age_on(date(1961, 11, 2), DAY) == 65


def test_a_span_ending_at_23_59_stays_open_until_midnight():
    point = PointView("p", True, {"mon": [["00:00", "23:59"]]}, 2)
    assert domain.is_open(point, MONDAY_9.replace(hour=23, minute=59, second=30))


def test_a_closed_elder_gets_no_follow_up_plan():
    domain.check_plan_allowed("active")
    domain.check_plan_allowed("suspended")
    with pytest.raises(DomainError) as error:
        domain.check_plan_allowed("closed")
    assert error.value.code == "ELDER_SUSPENDED"


@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_a_follow_up_is_recorded_once_and_never_after_its_cancellation(status):
    domain.check_follow_up_open("open")
    with pytest.raises(DomainError) as error:
        domain.check_follow_up_open(status)
    assert error.value.code == "INVALID_TRANSITION"


def test_a_danger_reading_at_follow_up_is_the_screenings_danger_reading():
    assert (FOLLOW.danger_systolic, FOLLOW.danger_diastolic) == (RULES.bp_danger_systolic, RULES.bp_danger_diastolic)
