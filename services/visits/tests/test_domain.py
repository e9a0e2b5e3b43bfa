"""Visit rules, one test per rule, no I/O."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from services.visits import domain
from services.visits.domain import (
    DomainError, ElderView, Funding, Invalid, PointView, Price, Rules, StaffView, SubsidyView,
)

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
            "diastolic": None, "reminders_given": [*domain.STANDARD_REMINDERS, "point_specific"]} | kw
    return domain.screen(form["mental_state"], form["infectious_disease"], form["alcohol"], form["systolic"],
                         form["diastolic"], form["reminders_given"], kw.pop("elder", ELDER), kw.pop("point", POINT),
                         kw.pop("rules", RULES))


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


CHRONIC = ElderView("e", "active", True, True, "female", chronic_conditions=("高血压",))
BARE_POINT = PointView("p1", True, POINT.opening_hours, 2)


@pytest.mark.parametrize("elder,point,given,missing", [
    # the reminder set, with and without chronic conditions, with and without the point's own
    (ELDER, BARE_POINT, ["call_for_help"], []),
    (ELDER, BARE_POINT, ["anti_slip"], ["call_for_help"]),
    (CHRONIC, BARE_POINT, ["call_for_help"], ["medication"]),
    (CHRONIC, BARE_POINT, ["call_for_help", "medication"], []),
    (ELDER, POINT, ["call_for_help"], ["point_specific"]),
    (CHRONIC, POINT, [], ["call_for_help", "medication", "point_specific"]),
    (CHRONIC, POINT, ["call_for_help", "medication", "point_specific"], []),
])
def test_a_screening_that_admits_records_the_mandatory_reminders(elder, point, given, missing):
    if missing:
        with pytest.raises(DomainError) as caught:
            screen(elder=elder, point=point, reminders_given=given)
        assert (caught.value.code, caught.value.fields["missing"]) == ("REMINDERS_MISSING", missing)
    else:
        assert screen(elder=elder, point=point, reminders_given=given).status == "screened"


def test_a_screening_that_refuses_needs_no_reminder():
    assert screen(elder=CHRONIC, alcohol=True, reminders_given=[]).status == "refused"


def test_the_mandatory_set_is_configurable():
    only_help = Rules(mandatory_reminders=frozenset({"call_for_help"}))
    assert screen(elder=CHRONIC, reminders_given=["call_for_help"], rules=only_help).status == "screened"
    with_slip = Rules(mandatory_reminders=frozenset({"call_for_help", "anti_slip"}))
    with pytest.raises(DomainError) as caught:
        screen(point=BARE_POINT, reminders_given=["call_for_help"], rules=with_slip)
    assert caught.value.fields["missing"] == ["anti_slip"]


def test_chronic_conditions_add_the_medication_reminder_to_the_list():
    result = screen(elder=CHRONIC, reminders_given=[*domain.STANDARD_REMINDERS, "medication", "point_specific"])
    assert "medication" in result.reminders and "medication" not in screen().reminders


def test_reminders_include_the_points_own():
    assert screen().reminders == [*domain.STANDARD_REMINDERS, "地面湿滑"]


def test_every_step_worker_is_a_qualified_active_staff_member_of_the_visits_point():
    for member in (StaffView("s", ("rest_hall_admin",), "p1", True, None),
                   StaffView("s", (), "p1", True, "male")):  # no role needed: spec 5.1 is about the person
        domain.check_step_staff(member, "p1")
    for member in (None, StaffView("s", ("point_admin",), "p1", False, "female"),
                   StaffView("s", ("point_admin",), "p2", True, "female"),
                   StaffView("s", ("point_admin",), None, True, "female"),
                   StaffView("s", ("point_admin",), "p1", True, "female", active=False)):
        with pytest.raises(DomainError) as refused:
            domain.check_step_staff(member, "p1")
        assert refused.value.code == "STAFF_NOT_QUALIFIED"


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


# Seed 001 (S1.20, S1.21): (reading, previous, adverse drug reaction, complications) →
# (referral, days to the next follow-up), written out by hand.
@pytest.mark.parametrize("bp,previous,adr,complications,referral,days", [
    ((130, 80), None, False, False, False, 91),
    ((130, 80), None, True, False, False, 14),        # an adverse drug reaction: recheck in 2 weeks
    ((130, 80), None, False, True, True, 14),         # complications: referral
    ((160, 95), "controlled", False, False, False, 14),
    ((160, 95), "controlled", False, True, True, 14),
    ((160, 95), "controlled", True, False, False, 14),
    ((160, 95), "danger", False, False, True, 14),    # danger, then not controlled: a second in a row
    ((130, 80), "uncontrolled", False, False, False, 91),
])
def test_the_hypertension_triggers_of_seed_001(bp, previous, adr, complications, referral, days):
    outcome = domain.record_follow_up("hypertension", DAY, bp[0], bp[1], [], previous, 60, FOLLOW,
                                      adverse_drug_reaction=adr, complications=complications)
    assert (outcome.referral, outcome.emergency, outcome.next_due_on) == (referral, False, DAY + timedelta(days=days))


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


def test_the_watch_looks_three_days_ahead_and_no_further():
    assert domain.notice_horizon(date(2026, 12, 30), FOLLOW) == date(2027, 1, 2)
    assert domain.notice_horizon(date(2026, 12, 30), FollowUpRules(remind_days_before=0)) == date(2026, 12, 30)
    horizon = domain.notice_horizon(DAY, FOLLOW)  # nothing due after it has a notice today
    assert domain.follow_up_notice(horizon, DAY, FOLLOW) is not None
    assert domain.follow_up_notice(horizon + timedelta(days=1), DAY, FOLLOW) is None


@pytest.mark.parametrize("rate,target,meets", [(0.9, 0.9, True), (0.8999, 0.9, False), (1.0, 0.9, True),
                                               (None, 0.9, False), (0.0, 0.0, True), (0.95, 0.96, False)])
def test_the_meeting_rate_meets_its_target_from_the_target_itself(rate, target, meets):
    assert domain.meets_meeting_rate_target(rate, FollowUpRules(meeting_rate_target=target)) is meets


def test_age_in_whole_years():
    assert domain.age_on(date(1961, 11, 3), DAY) == 64 and domain.age_on(date(1961, 11, 2), DAY) == 65


def test_a_span_ending_at_23_59_stays_open_until_midnight():
    point = PointView("p", True, {"mon": [["00:00", "23:59"]]}, 2)
    assert domain.is_open(point, MONDAY_9.replace(hour=23, minute=59, second=30))


@pytest.mark.parametrize("known,staff_point,refused", [
    (True, "p1", False), (True, None, False),  # the elder's point's, or a city-wide case manager
    (True, "p2", True), (False, None, True), (False, "p1", True),  # another point's, or no one known
])
def test_a_follow_up_plan_names_a_known_staff_member_of_the_elders_point(known, staff_point, refused):
    if not refused:
        domain.check_plan_staff(known, staff_point, "p1")
        return
    with pytest.raises(DomainError) as error:
        domain.check_plan_staff(known, staff_point, "p1")
    assert error.value.code == "VALIDATION_FAILED" and list(error.value.errors) == ["staff_id"]


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


# --- funding and the settlement ------------------------------------------------------------

DIBAO_2026 = SubsidyView("dibao", date(2026, 3, 1), date(2027, 2, 28))


@pytest.mark.parametrize("subsidies,day,at,expected", [
    ([], date(2026, 6, 1), datetime(2026, 6, 1, 9, tzinfo=TZ), Funding("self_pay")),
    ([DIBAO_2026], date(2026, 2, 28), datetime(2026, 2, 28, 9, tzinfo=TZ), Funding("self_pay")),  # day before
    ([DIBAO_2026], date(2026, 3, 1), datetime(2026, 3, 1, 9, tzinfo=TZ), Funding("government", "dibao")),
    ([DIBAO_2026], date(2027, 2, 28), datetime(2027, 2, 28, 17, tzinfo=TZ), Funding("government", "dibao")),
    ([DIBAO_2026], date(2027, 3, 1), datetime(2027, 3, 1, 9, tzinfo=TZ), Funding("self_pay")),  # lapsed
    # ended by the centre at 10:00: a check-in at 9:59 is still funded, one at 10:00 is not
    ([SubsidyView("dibao", date(2026, 3, 1), date(2027, 2, 28), datetime(2026, 6, 1, 10, tzinfo=TZ))],
     date(2026, 6, 1), datetime(2026, 6, 1, 9, 59, tzinfo=TZ), Funding("government", "dibao")),
    ([SubsidyView("dibao", date(2026, 3, 1), date(2027, 2, 28), datetime(2026, 6, 1, 10, tzinfo=TZ))],
     date(2026, 6, 1), datetime(2026, 6, 1, 10, 0, tzinfo=TZ), Funding("self_pay")),
    # two in force: the one valid first
    ([SubsidyView("age_90", date(2026, 5, 1), date(2027, 4, 30)), DIBAO_2026],
     date(2026, 6, 1), datetime(2026, 6, 1, 9, tzinfo=TZ), Funding("government", "dibao")),
    ([SubsidyView("youfu", date(2026, 3, 1), date(2027, 2, 28)), DIBAO_2026],
     date(2026, 6, 1), datetime(2026, 6, 1, 9, tzinfo=TZ), Funding("government", "dibao")),
])
def test_a_visit_is_funded_by_the_subsidy_in_force_at_check_in_else_self_paid(subsidies, day, at, expected):
    assert domain.funding(subsidies, day, at) == expected


@pytest.mark.parametrize("status,billed", [("checked_out", True), ("ended_early", False), ("refused", False),
                                           ("checked_in", False), ("screened", False), ("bathing", False),
                                           ("resting", False)])
def test_only_a_checked_out_visit_is_billed(status, billed):
    assert domain.billed(status) is billed


@pytest.mark.parametrize("month,first,last", [("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
                                              ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
                                              ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
                                              ("2026-04", date(2026, 4, 1), date(2026, 4, 30))])
def test_month_days(month, first, last):
    assert domain.month_days(month) == (first, last)


@pytest.mark.parametrize("today,month", [(date(2026, 12, 1), "2026-11"), (date(2027, 1, 15), "2026-12"),
                                         (date(2026, 3, 31), "2026-02")])
def test_previous_month(today, month):
    assert domain.previous_month(today) == month


PRICES = [Price("self_pay", None, "p1", Decimal("30.00"), date(2026, 1, 1)),
          Price("self_pay", None, "p1", Decimal("35.00"), date(2026, 7, 1)),
          Price("government", "dibao", None, Decimal("40.00"), date(2026, 1, 1)),
          Price("government", "dibao", "p2", Decimal("45.00"), date(2026, 1, 1)),
          Price("government", "age_90", None, Decimal("38.00"), date(2026, 3, 1))]


@pytest.mark.parametrize("source,category,point,day,expected", [
    ("self_pay", None, "p1", date(2025, 12, 31), None),  # before any price
    ("self_pay", None, "p1", date(2026, 1, 1), Decimal("30.00")),
    ("self_pay", None, "p1", date(2026, 6, 30), Decimal("30.00")),
    ("self_pay", None, "p1", date(2026, 7, 1), Decimal("35.00")),  # the change applies from its day
    ("self_pay", None, "p2", date(2026, 7, 1), None),  # another point's price is not this one's
    ("government", "dibao", "p1", date(2026, 7, 1), Decimal("40.00")),  # city-wide
    ("government", "dibao", "p2", date(2026, 7, 1), Decimal("45.00")),  # the point's own
    ("government", "age_90", "p1", date(2026, 2, 28), None),
    ("government", "age_90", "p1", date(2026, 3, 1), Decimal("38.00")),
    ("government", "sanwu", "p1", date(2026, 7, 1), None),
])
def test_the_price_in_force_on_the_day_of_the_bath(source, category, point, day, expected):
    assert domain.price_on(PRICES, source, category, point, day) == expected


def test_a_city_price_of_a_later_day_overrides_a_point_price_of_an_earlier_one():
    prices = [Price("government", "dibao", "p2", Decimal("45.00"), date(2026, 1, 1)),
              Price("government", "dibao", None, Decimal("50.00"), date(2026, 6, 1))]
    assert domain.price_on(prices, "government", "dibao", "p2", date(2026, 6, 1)) == Decimal("50.00")


PRICE_DAY = date(2026, 11, 30)


@pytest.mark.parametrize("source,category,point,amount,start,field", [
    ("government", None, None, Decimal("40"), PRICE_DAY, "category"),
    ("government", "rich", None, Decimal("40"), PRICE_DAY, "category"),
    ("self_pay", None, None, Decimal("30"), PRICE_DAY, "service_point_id"),
    ("self_pay", "dibao", "p1", Decimal("30"), PRICE_DAY, "service_point_id"),
    ("self_pay", None, "p1", Decimal("-0.01"), PRICE_DAY, "amount"),
    ("self_pay", None, "p1", Decimal("30"), date(2026, 11, 29), "effective_from"),
])
def test_a_price_that_breaks_a_rule_is_refused_by_field(source, category, point, amount, start, field):
    with pytest.raises(Invalid) as refused:
        domain.check_price(source, category, point, amount, start, PRICE_DAY)
    assert list(refused.value.errors) == [field]


@pytest.mark.parametrize("source,category,point,amount", [
    ("government", "age_90", None, Decimal("40")), ("government", "dibao", "p1", Decimal("0")),
    ("self_pay", None, "p1", Decimal("30"))])
def test_a_price_from_today_is_accepted(source, category, point, amount):
    domain.check_price(source, category, point, amount, PRICE_DAY, PRICE_DAY)


def test_the_settlement_figures_add_visits_by_funding_and_price_them():
    figures = domain.empty_settlement()
    domain.add_to_settlement(figures, "government", "dibao", 3, Decimal("40.00"))
    domain.add_to_settlement(figures, "government", "age_90", 2, Decimal("38.50"))
    domain.add_to_settlement(figures, "government", "sanwu", 1, None)
    domain.add_to_settlement(figures, "self_pay", None, 4, Decimal("30.00"))
    domain.add_to_settlement(figures, None, None, 5, None)
    view = domain.settlement_view(figures)
    assert view["government"] == {"sanwu": 1, "dibao": 3, "youfu": 0, "model_worker": 0, "age_90": 2}
    assert (view["self_pay"], view["undecided"], view["unpriced"]) == (4, 5, 1)
    assert (view["visits"], view["government_visits"]) == (15, 6)
    assert (view["amount"], view["self_pay_amount"]) == ("197.00", "120.00")  # 3×40 + 2×38.50; 4×30
    totals = domain.empty_settlement()
    domain.merge_settlement(totals, figures)
    domain.merge_settlement(totals, figures)
    assert domain.settlement_view(totals)["amount"] == "394.00"
    assert domain.settlement_view(totals)["government"]["dibao"] == 6


# --- a point's day: ending early, the sweep, one assistant one bath, rest seats ----------

@pytest.mark.parametrize("status", ["checked_in", "screened", "bathing", "resting"])
def test_a_visit_ends_early_from_every_open_step(status):
    assert domain.step(status, "end_early") == "ended_early"


@pytest.mark.parametrize("status", ["refused", "checked_out", "ended_early"])
def test_a_finished_visit_does_not_end_again(status):
    with pytest.raises(DomainError) as caught:
        domain.step(status, "end_early")
    assert caught.value.code == "INVALID_TRANSITION"


def test_the_sweep_reason_is_not_one_a_caller_may_give():
    assert "not_checked_out" not in domain.END_EARLY_REASONS
    assert set(domain.END_EARLY_REASONS) == {"left_before_bath", "unwell", "emergency_transfer", "refused", "other"}


def test_a_busy_assistant_is_refused_when_a_bath_is_free():
    assistant = StaffView("a", ("bathing_assistant",), "p1", True, "female")
    with pytest.raises(DomainError) as caught:
        domain.check_assistant(assistant, ELDER, "p1", 0, POINT, assistant_busy=True)
    assert caught.value.code == "ASSISTANT_BUSY"
    domain.check_assistant(assistant, ELDER, "p1", 1, POINT, assistant_busy=False)
    with pytest.raises(DomainError) as caught:  # every bath taken: that is the answer
        domain.check_assistant(assistant, ELDER, "p1", 2, POINT, assistant_busy=True)
    assert caught.value.code == "BATHS_FULL"


@pytest.mark.parametrize("seats,resting,full", [(2, 1, False), (2, 2, True), (2, 3, True), (1, 0, False),
                                                (None, 50, False)])
def test_rest_seats_n_and_n_plus_one(seats, resting, full):
    point = PointView("p", True, {}, 2, rest_seats=seats)
    if full:
        with pytest.raises(DomainError) as caught:
            domain.check_rest_seat(resting, point)
        assert caught.value.code == "REST_FULL"
    else:
        domain.check_rest_seat(resting, point)


def test_the_sweep_comes_an_hour_after_the_days_last_span():
    monday = MONDAY_9.date()
    assert domain.sweep_after(POINT, monday, TZ, RULES) == datetime(2026, 11, 23, 18, 30, tzinfo=TZ)
    sunday = monday + timedelta(days=6)  # no span: from the next midnight on, plus the hour
    assert domain.sweep_after(POINT, sunday, TZ, RULES) == datetime(2026, 11, 30, 1, 0, tzinfo=TZ)
    late = PointView("p", True, {"mon": [["00:00", "23:59"]]}, 2)
    assert domain.sweep_after(late, monday, TZ, Rules(visit_close_after_minutes=30)) == datetime(
        2026, 11, 24, 0, 29, 59, 999999, tzinfo=TZ)


def test_case_management_is_hidden_from_all_but_case_managers_doctors_and_administrators():
    for role in ("case_manager", "doctor", "admin"):
        assert domain.hidden_programmes(role) == frozenset()
        domain.check_may_keep(role, "case_management")
    for role in ("point_admin", "rest_hall_admin", "city_operator", "cs_supervisor", "api_client", None):
        assert domain.hidden_programmes(role) == {"case_management"}
        domain.check_may_keep(role, "hypertension")
        domain.check_may_keep(role, "home_visit")
        with pytest.raises(DomainError) as refused:
            domain.check_may_keep(role, "case_management")
        assert refused.value.code == "FORBIDDEN"


# --- the programmes of seed 001 and seed 000 A0.10, on 2026-11-02 (DAY); dates worked by hand

def test_each_programme_waits_its_own_interval():
    expected = {"hypertension": date(2027, 2, 1), "home_visit": date(2027, 2, 1),
                "case_management": date(2027, 2, 1), "high_risk": date(2027, 5, 3), "health_check": date(2027, 11, 2),
                "bp_screening": date(2026, 11, 16)}  # the first of a screening plan is the recheck
    assert {p: domain.first_due_on(p, DAY, FOLLOW) for p in domain.PROGRAMMES} == expected
    assert domain.next_regular_due("bp_screening", DAY, True, None, FOLLOW) == date(2027, 11, 2)


@pytest.mark.parametrize("discharged_on,due", [
    (date(2026, 11, 1), date(2026, 11, 8)),  # a week after the discharge
    (date(2026, 10, 20), date(2026, 11, 2)),  # that week is over: at once
    (date(2026, 11, 2), date(2026, 11, 9)),
    (None, date(2027, 2, 1))])
def test_a_patient_just_discharged_is_seen_within_a_week_of_it(discharged_on, due):
    assert domain.first_due_on("hypertension", DAY, FOLLOW, discharged_on) == due
    if discharged_on:  # never later than the programme's own first follow-up
        assert domain.first_due_on("bp_screening", DAY, FOLLOW, discharged_on) == min(due, date(2026, 11, 16))


@pytest.mark.parametrize("programme,face_to_face,clock_from,due", [
    ("hypertension", True, date(2026, 9, 1), date(2027, 2, 1)),  # face to face: a new quarter from today
    ("hypertension", False, date(2026, 9, 1), date(2026, 12, 1)),  # a phone call: the quarter from 1 Sept stands
    ("home_visit", False, date(2026, 9, 1), date(2026, 12, 1)),
    ("hypertension", False, date(2026, 7, 1), date(2026, 11, 2)),  # that quarter is over: due now
    ("hypertension", False, None, date(2027, 2, 1)),
    ("case_management", False, date(2026, 9, 1), date(2027, 2, 1)),  # a review need not be face to face
    ("health_check", False, date(2026, 9, 1), date(2027, 11, 2))])
def test_a_phone_follow_up_does_not_reset_the_face_to_face_clock(programme, face_to_face, clock_from, due):
    assert domain.next_regular_due(programme, DAY, face_to_face, clock_from, FOLLOW) == due
    if programme == "hypertension":
        outcome = domain.record_follow_up(programme, DAY, 130, 80, [], None, 70, FOLLOW, face_to_face=face_to_face,
                                          clock_from=clock_from)
        assert (outcome.classification, outcome.next_due_on) == ("controlled", due)


def test_a_follow_up_is_face_to_face_unless_said_otherwise():
    outcome = domain.record_follow_up("hypertension", DAY, 130, 80, [], None, 70, FOLLOW, clock_from=date(2026, 9, 1))
    assert outcome.next_due_on == date(2027, 2, 1)


def test_danger_is_the_same_at_any_age():
    for age in (40, 64, 65, 90):
        assert domain.is_danger(180, 80, [], FOLLOW) and domain.is_danger(120, 110, [], FOLLOW)
        assert domain.classify_blood_pressure(179, 109, ["eye_pain"], age, FOLLOW) == "danger"
    assert not domain.is_danger(179, 109, ["other"], FOLLOW)


def test_a_run_of_high_days_is_broken_by_a_normal_reading():
    d = [date(2026, 10, day) for day in (1, 8, 15, 22)]
    assert domain.high_reading_days([]) == frozenset()
    assert domain.high_reading_days([(d[0], True), (d[1], True)]) == {d[0], d[1]}
    assert domain.high_reading_days([(d[0], True), (d[0], True)]) == {d[0]}  # one day counts once
    assert domain.high_reading_days([(d[0], True), (d[1], False), (d[2], True)]) == {d[2]}
    assert domain.high_reading_days([(d[0], True), (d[1], True), (d[2], False)]) == frozenset()


@pytest.mark.parametrize("programme,bp,days_before,classification,diagnosed,due", [
    ("bp_screening", (140, 80), 0, "high", False, date(2026, 11, 16)),  # ≥ 140: high, rechecked in 14 days
    ("bp_screening", (120, 90), 1, "high", False, date(2026, 11, 16)),  # ≥ 90 alone
    ("bp_screening", (139, 89), 2, "normal", False, date(2027, 11, 2)),  # normal: the yearly measurement
    ("bp_screening", (145, 85), 2, "high", True, date(2026, 11, 16)),  # third day: diagnosed, managed in 14
    ("high_risk", (139, 89), 0, "normal", False, date(2027, 5, 3)),  # high risk: every 6 months
    ("high_risk", (150, 92), 0, "high", False, date(2026, 11, 16)),
    ("high_risk", (150, 92), 2, "high", True, date(2026, 11, 16)),
    ("bp_screening", (180, 80), 0, "danger", False, date(2026, 11, 16)),
    ("bp_screening", (130, 110), 2, "danger", True, date(2026, 11, 16))])
def test_screening_rechecks_a_high_reading_and_diagnoses_on_the_third_high_day(programme, bp, days_before,
                                                                              classification, diagnosed, due):
    earlier = frozenset([date(2026, 10, 5), date(2026, 10, 19)][:days_before])
    outcome = domain.record_follow_up(programme, DAY, bp[0], bp[1], [], None, 70, FOLLOW, high_days=earlier)
    assert (outcome.classification, outcome.diagnosed, outcome.next_due_on) == (classification, diagnosed, due)
    assert (outcome.referral, outcome.emergency) == ((True, True) if classification == "danger" else (False, False))


def test_a_high_reading_twice_on_one_day_is_not_two_days_and_the_age_makes_no_difference():
    outcome = domain.record_follow_up("bp_screening", DAY, 145, 85, [], None, 80, FOLLOW,
                                      high_days=frozenset([DAY, date(2026, 10, 5)]))
    assert (outcome.classification, outcome.diagnosed) == ("high", False)  # 145 is high at 80 too
    symptom = domain.record_follow_up("high_risk", DAY, 120, 70, ["chest_tightness"], None, 70, FOLLOW)
    assert (symptom.classification, symptom.emergency) == ("danger", True)
    with pytest.raises(DomainError):
        domain.record_follow_up("high_risk", DAY, None, None, [], None, 70, FOLLOW)
    custom = FollowUpRules(diagnosis_high_days=2, screening_recheck_days=7)
    two = domain.record_follow_up("bp_screening", DAY, 145, 85, [], None, 70, custom,
                                  high_days=frozenset([date(2026, 10, 5)]))
    assert (two.diagnosed, two.next_due_on) == (True, date(2026, 11, 16))
    one = domain.record_follow_up("bp_screening", DAY, 145, 85, [], None, 70, custom)
    assert (one.diagnosed, one.next_due_on) == (False, date(2026, 11, 9))


@pytest.mark.parametrize("programme,age,discharged_on,case_parts,field", [
    ("health_check", 64, None, False, "programme"), ("health_check", 65, None, False, None),
    ("hypertension", 50, None, False, None), ("home_visit", 70, date(2026, 11, 3), False, "discharged_on"),
    ("home_visit", 70, DAY, False, None), ("hypertension", 70, None, True, "service_agreement"),
    ("case_management", 70, None, True, None)])
def test_what_a_plan_may_carry(programme, age, discharged_on, case_parts, field):
    if field is None:
        domain.check_plan_fields(programme, age, DAY, discharged_on, case_parts, FOLLOW)
        return
    with pytest.raises(DomainError) as refused:
        domain.check_plan_fields(programme, age, DAY, discharged_on, case_parts, FOLLOW)
    assert list(refused.value.errors) == [field]


def test_a_plan_closes_once_with_a_reason_and_a_callback_to_come():
    for reason in ("goals_met", "refused", "lost_contact", "deceased", "moved", "other"):
        domain.check_closure(reason, None, DAY)
    domain.check_closure("lost_contact", DAY, DAY)
    for reason, callback_on in (("forgotten", None), ("moved", date(2026, 11, 1))):
        with pytest.raises(DomainError):
            domain.check_closure(reason, callback_on, DAY)
    domain.check_plan_open(True)
    with pytest.raises(DomainError) as closed:
        domain.check_plan_open(False)
    assert closed.value.code == "INVALID_TRANSITION"
    domain.check_review("case_management", True)
    domain.check_review("hypertension", False)
    with pytest.raises(DomainError):
        domain.check_review("hypertension", True)
