"""Visit rules against hand-written oracles: opening-hour and slot edges on every weekday,
the visit's transition table, every danger symptom, each follow-up outcome whole, the
screening's warnings, a point's day, the vocabularies of the contract and the defaults a
deployment gets (DOMAIN.md sections 3 and 4). No I/O."""
from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from services.visits import config, domain
from services.visits.domain import DomainError, ElderView, FollowUpOutcome, FollowUpRules, PointView, Rules

TZ = ZoneInfo("Asia/Shanghai")
ELDER = ElderView(id="e1", status="active", eligible=True, commitment_current=True, gender="female")
# 2026-11-23 is a Monday: each day of that week opens at a different hour, so a day read
# under another day's key is caught.
WEEK = {day: 23 + i for i, day in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])}
EVERY_DAY = PointView(id="p1", active=True, bath_capacity=2,
                      opening_hours={day: [[f"{8 + i:02d}:30", f"{11 + i:02d}:30"]] for i, day in enumerate(WEEK)})


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize("weekday", list(WEEK))
def test_each_weekday_opens_by_its_own_hours_from_the_opening_minute_to_before_the_closing_one(weekday):
    i, day = list(WEEK).index(weekday), WEEK[weekday]
    opens, closes = local(day, 8 + i, 30), local(day, 11 + i, 30)
    one = timedelta(minutes=1)
    assert [domain.is_open(EVERY_DAY, moment) for moment in (opens - one, opens, closes - one, closes)] == [
        False, True, True, False]


@pytest.mark.parametrize("weekday", list(WEEK))
def test_the_first_slot_starts_at_opening_and_the_last_ends_at_closing(weekday):
    i, day = list(WEEK).index(weekday), WEEK[weekday]
    now = local(22, 0)
    first, last = local(day, 8 + i, 30), local(day, 11 + i, 0)
    assert domain.check_slot(EVERY_DAY, first, now, Rules()) == first + timedelta(minutes=30)
    assert domain.check_slot(EVERY_DAY, last, now, Rules()) == local(day, 11 + i, 30)
    for outside in (first - timedelta(minutes=30), last + timedelta(minutes=30)):
        with pytest.raises(DomainError) as error:
            domain.check_slot(EVERY_DAY, outside, now, Rules())
        assert error.value.code == "POINT_CLOSED"


def test_a_slot_off_the_grid_is_invalid_and_one_already_started_too():
    for start, now in ((local(23, 8, 45), local(22, 0)), (local(23, 9, 0), local(23, 9, 0))):
        with pytest.raises(DomainError) as error:
            domain.check_slot(EVERY_DAY, start, now, Rules())
        assert error.value.code == "VALIDATION_FAILED"


# Every step a visit can take, written out: (status, action) -> next status.
# A visit not yet checked out (nor refused) can be ended early from any step.
TRANSITIONS = {("checked_in", "screen_ok"): "screened", ("checked_in", "screen_refused"): "refused",
               ("screened", "bath"): "bathing", ("bathing", "rest"): "resting", ("resting", "checkout"): "checked_out",
               ("checked_in", "end_early"): "ended_early", ("screened", "end_early"): "ended_early",
               ("bathing", "end_early"): "ended_early", ("resting", "end_early"): "ended_early"}
STATUSES = ["checked_in", "screened", "refused", "bathing", "resting", "checked_out", "ended_early"]
ACTIONS = ["screen_ok", "screen_refused", "bath", "rest", "checkout", "end_early"]


@pytest.mark.parametrize("status,action", [(s, a) for s in STATUSES for a in ACTIONS])
def test_each_step_of_a_visit_follows_the_table(status, action):
    if (status, action) in TRANSITIONS:
        assert domain.step(status, action) == TRANSITIONS[(status, action)]
    else:
        with pytest.raises(DomainError) as error:
            domain.step(status, action)
        assert error.value.code == "INVALID_TRANSITION"


def test_a_visit_is_open_until_it_is_checked_out_or_refused():
    assert domain.OPEN_STATUSES == {"checked_in", "screened", "bathing", "resting"}


DANGER_SYMPTOMS = ["altered_consciousness", "severe_headache_or_dizziness", "nausea_and_vomiting", "blurred_vision",
                   "eye_pain", "palpitations", "chest_tightness", "breathless_lying_flat"]


@pytest.mark.parametrize("symptom", DANGER_SYMPTOMS)
def test_every_danger_symptom_makes_a_controlled_reading_an_emergency(symptom):
    outcome = domain.record_follow_up("hypertension", date(2026, 11, 23), 120, 80, [symptom], None, 70, FollowUpRules())
    assert outcome == FollowUpOutcome("danger", True, True, date(2026, 12, 7))


def test_the_api_accepts_exactly_the_danger_symptoms():
    assert list(domain.DANGER_SYMPTOMS) == DANGER_SYMPTOMS


VISITED = date(2026, 11, 23)


@pytest.mark.parametrize("programme,bp,previous,outcome", [
    ("hypertension", (120, 80), None, FollowUpOutcome("controlled", False, False, date(2027, 2, 22))),
    ("hypertension", (150, 80), None, FollowUpOutcome("uncontrolled", False, False, date(2026, 12, 7))),
    ("hypertension", (150, 80), "uncontrolled", FollowUpOutcome("uncontrolled", True, False, date(2026, 12, 7))),
    ("hypertension", (150, 80), "controlled", FollowUpOutcome("uncontrolled", False, False, date(2026, 12, 7))),
    ("hypertension", (180, 80), None, FollowUpOutcome("danger", True, True, date(2026, 12, 7))),
    ("home_visit", (None, None), None, FollowUpOutcome(None, False, False, date(2027, 2, 22))),
    ("case_management", (190, 120), "uncontrolled", FollowUpOutcome(None, False, False, date(2027, 2, 22))),
])
def test_each_follow_up_outcome_whole(programme, bp, previous, outcome):
    assert domain.record_follow_up(programme, VISITED, *bp, [], previous, 60, FollowUpRules()) == outcome


@pytest.mark.parametrize("bp", [(120, None), (None, 80), (None, None)])
def test_a_hypertension_follow_up_needs_both_readings(bp):
    with pytest.raises(DomainError) as error:
        domain.record_follow_up("hypertension", VISITED, *bp, [], None, 60, FollowUpRules())
    assert error.value.code == "VALIDATION_FAILED"


@pytest.mark.parametrize("bp,age,classification", [((149, 89), 65, "controlled"), ((150, 80), 65, "uncontrolled"),
                                                    ((149, 89), 64, "uncontrolled"), ((120, 90), 70, "uncontrolled"),
                                                    ((179, 109), 70, "uncontrolled"), ((120, 110), 70, "danger")])
def test_blood_pressure_classes_at_their_edges(bp, age, classification):
    assert domain.classify_blood_pressure(*bp, [], age, FollowUpRules()) == classification


POINT = PointView(id="p1", active=True, opening_hours={}, bath_capacity=2)


def screen(mental_state="good", bp=(None, None), given=("anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help"),
           **flags):
    return domain.screen(mental_state, flags.get("infectious", False), flags.get("alcohol", False), *bp, list(given),
                         ELDER, POINT, Rules())


def test_a_fair_mental_state_is_a_warning_not_a_refusal():
    result = screen("fair")
    assert (result.status, result.refusal_reasons, result.warnings) == ("screened", [], ["MENTAL_STATE_FAIR"])


def test_a_danger_reading_refuses_with_its_reason_and_is_urgent():
    result = screen(bp=(180, 80))
    assert (result.status, result.refusal_reasons, result.urgent, result.referral_advised) == (
        "refused", ["BLOOD_PRESSURE_DANGER"], True, True)


def test_the_posted_signs_reminders_are_not_required_but_call_for_help_always_is():
    result = screen(given=("call_for_help",))
    assert (result.status, result.refusal_reasons, result.warnings) == ("screened", [], [])
    for given in ((), ("anti_slip", "anti_hypoxia", "anti_fainting")):
        with pytest.raises(DomainError) as error:
            screen(given=given)
        assert (error.value.code, error.value.fields) == ("REMINDERS_MISSING", {"missing": ["call_for_help"]})


CHRONIC = dataclasses.replace(ELDER, chronic_conditions=("高血压",))
OWN_REMINDERS = dataclasses.replace(POINT, safety_reminders=("地面湿滑，扶好扶手",))


# (elder, point, reminders given) -> the mandatory ones missing (DOMAIN 3, spec 7.2 b-d).
@pytest.mark.parametrize("elder,point,given,missing", [
    (CHRONIC, POINT, ("call_for_help",), ["medication"]),
    (ELDER, OWN_REMINDERS, ("call_for_help", "medication"), ["point_specific"]),
    (CHRONIC, OWN_REMINDERS, ("anti_slip",), ["call_for_help", "medication", "point_specific"]),
    (CHRONIC, OWN_REMINDERS, (), ["call_for_help", "medication", "point_specific"]),
])
def test_each_mandatory_reminder_where_it_applies(elder, point, given, missing):
    with pytest.raises(DomainError) as error:
        domain.screen("good", False, False, None, None, list(given), elder, point, Rules())
    assert (error.value.code, error.value.fields) == ("REMINDERS_MISSING", {"missing": missing})
    everything = domain.screen("good", False, False, None, None, ["call_for_help", "medication", "point_specific"],
                               elder, point, Rules())
    assert everything.status == "screened"


def test_the_set_of_mandatory_reminders_is_configurable():
    rules = Rules(mandatory_reminders=frozenset({"anti_slip", "medication"}))
    assert domain.required_reminders(CHRONIC, OWN_REMINDERS, rules) == ["anti_slip", "medication"]
    assert domain.required_reminders(ELDER, OWN_REMINDERS, rules) == ["anti_slip"]
    assert domain.required_reminders(ELDER, POINT, Rules(mandatory_reminders=frozenset())) == []


def test_the_reminders_of_an_elder_with_chronic_disease_at_a_point_with_its_own():
    result = domain.screen("good", False, False, None, None, ["call_for_help", "medication", "point_specific"],
                           CHRONIC, OWN_REMINDERS, Rules())
    assert result.reminders == ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication",
                                "地面湿滑，扶好扶手"]


def test_a_refusal_needs_no_reminders_and_does_not_warn_of_them():
    result = screen(given=(), alcohol=True)
    assert (result.status, result.refusal_reasons, result.warnings) == ("refused", ["ALCOHOL"], [])


def test_the_reminders_given_at_every_screening():
    assert screen().reminders == ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help"]


def test_a_points_day_in_figures():
    summaries = [domain.VisitSummary("checked_out", (), 18.0, 15.0), domain.VisitSummary("checked_out", (), 12.0, 20.0),
                 domain.VisitSummary("checked_out", (), 20.5, None),
                 domain.VisitSummary("refused", ("ALCOHOL", "MENTAL_STATE"), None, None),
                 domain.VisitSummary("refused", ("ALCOHOL",), None, None),
                 domain.VisitSummary("bathing", (), None, None)]
    assert domain.daily_figures(summaries, 2) == {
        "visits": 6, "checked_out": 3, "refused": 2, "refusals_by_reason": {"ALCOHOL": 2, "MENTAL_STATE": 1},
        "incidents": 2, "average_bath_minutes": 16.8, "average_rest_minutes": 17.5}


def test_a_day_without_visits_has_no_averages():
    assert domain.daily_figures([], 0) == {"visits": 0, "checked_out": 0, "refused": 0, "refusals_by_reason": {},
                                           "incidents": 0, "average_bath_minutes": None, "average_rest_minutes": None}


def test_the_vocabularies_are_the_contracts():
    assert domain.MENTAL_STATES == ("good", "fair", "poor")
    assert domain.REMINDERS == ("anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication",
                                "point_specific")
    assert domain.INCIDENT_KINDS == ("fall", "fainting", "hypoxia", "scald", "other")
    assert domain.END_EARLY_REASONS == ("left_before_bath", "unwell", "emergency_transfer", "refused", "other")
    assert domain.SWEPT == "not_checked_out"
    assert domain.FUNDING_SOURCES == ("government", "self_pay")
    assert domain.SEVERITIES == ("minor", "serious", "emergency")
    assert domain.PROGRAMMES == ("hypertension", "home_visit", "case_management", "bp_screening", "high_risk",
                                 "health_check")
    assert domain.CLOSURE_REASONS == ("goals_met", "refused", "lost_contact", "deceased", "moved", "other")


@pytest.mark.parametrize("value", [Rules(), FollowUpRules(), ELDER, POINT, domain.StaffView("s", (), None, True, None),
                                   domain.HeldDecision(True, True, None, "v1"), screen(),
                                   FollowUpOutcome(None, False, False, VISITED), domain.VisitSummary("x", (), None, None),
                                   domain.SubsidyView("dibao", VISITED, VISITED), domain.Funding("self_pay"),
                                   domain.Price("self_pay", None, "p1", Decimal("30"), VISITED)])
def test_rules_and_the_views_they_read_cannot_be_changed_once_made(value):
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, dataclasses.fields(value)[0].name, None)


# DOMAIN.md sections 3 and 4, written out by hand.
RULES = {"slot_minutes": 30, "no_show_after_minutes": 30, "max_bath_minutes": 20, "min_rest_minutes": 15,
         "bp_danger_systolic": 180, "bp_danger_diastolic": 110, "bp_warning_systolic": 140, "bp_warning_diastolic": 90,
         # CONTRACT: ZHUYU_VISIT_CLOSE_AFTER_MINUTES (60); DOMAIN 3 (spec 7.2 b-d): the mandatory reminders.
         "visit_close_after_minutes": 60,
         "mandatory_reminders": frozenset({"call_for_help", "medication", "point_specific"})}
FOLLOW_UP_RULES = {"hypertension_interval_days": 91, "recheck_within_days": 14, "target_systolic": 140,
                   "target_diastolic": 90, "senior_age": 65, "senior_target_systolic": 150,
                   "home_visit_interval_days": 91, "case_review_interval_days": 91, "meeting_rate_target": 0.90,
                   "max_care_plan_problems": 3, "remind_days_before": 3, "danger_systolic": 180,
                   "danger_diastolic": 110,
                   # DOMAIN 4 (seed 001 S1.15, S1.16; seed 000 A0.10): screening once a year, the
                   # high-risk group every 6 months, 3 high days a diagnosis, a yearly check at 65+;
                   # the recheck and the first visit after discharge are ours.
                   "screening_interval_days": 365, "high_risk_interval_days": 182, "screening_recheck_days": 14,
                   "diagnosis_high_days": 3, "health_check_interval_days": 365, "health_check_age": 65,
                   "discharge_first_visit_days": 7}


def test_a_deployment_without_settings_gets_the_domains_defaults(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith(("ZHUYU_", "VISITS_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    settings = config.load()
    assert dataclasses.asdict(settings.rules) == dataclasses.asdict(Rules()) == RULES
    assert dataclasses.asdict(settings.follow_up_rules) == dataclasses.asdict(FollowUpRules()) == FOLLOW_UP_RULES


# The end-of-day sweep (CONTRACT: 60 minutes after the day's last opening span), worked by hand.
@pytest.mark.parametrize("point,day,rules,sweep", [
    (EVERY_DAY, date(2026, 11, 23), Rules(), local(23, 12, 30)),
    (EVERY_DAY, date(2026, 11, 29), Rules(), local(29, 18, 30)),
    (PointView("p2", True, {"mon": [["14:30", "17:30"], ["08:30", "11:30"]]}, 2), date(2026, 11, 23), Rules(),
     local(23, 18, 30)),
    (PointView("p2", True, {"mon": [["14:30", "17:30"]]}, 2), date(2026, 11, 23),
     Rules(visit_close_after_minutes=0), local(23, 17, 30)),
    (PointView("p3", True, {}, 2), date(2026, 11, 23), Rules(), local(24, 1, 0)),
])
def test_a_visit_left_open_is_swept_an_hour_after_the_last_span(point, day, rules, sweep):
    assert domain.sweep_after(point, day, TZ, rules) == sweep


# One assistant, one bath; the point's baths first (DOMAIN 3, CONTRACT: BATHS_FULL, ASSISTANT_BUSY).
ASSISTANT = domain.StaffView("a1", ("bathing_assistant",), "p1", True, "male")


@pytest.mark.parametrize("assistant,elder,baths_now,busy,code", [
    (ASSISTANT, ELDER, 0, False, None),
    (ASSISTANT, ELDER, 1, False, None),
    (ASSISTANT, ELDER, 0, True, "ASSISTANT_BUSY"),
    (ASSISTANT, ELDER, 2, False, "BATHS_FULL"),
    (ASSISTANT, ELDER, 2, True, "BATHS_FULL"),
    (None, ELDER, 0, False, "STAFF_NOT_QUALIFIED"),
    (dataclasses.replace(ASSISTANT, active=False), ELDER, 0, False, "STAFF_NOT_QUALIFIED"),
    (dataclasses.replace(ASSISTANT, roles=("rest_hall_admin",)), ELDER, 0, False, "STAFF_NOT_QUALIFIED"),
    (dataclasses.replace(ASSISTANT, qualified=False), ELDER, 0, False, "STAFF_NOT_QUALIFIED"),
    (dataclasses.replace(ASSISTANT, service_point_id="p2"), ELDER, 0, False, "STAFF_NOT_QUALIFIED"),
    (ASSISTANT, dataclasses.replace(ELDER, same_gender_assistant=True), 0, False, "STAFF_NOT_QUALIFIED"),
    (dataclasses.replace(ASSISTANT, gender="female"), dataclasses.replace(ELDER, same_gender_assistant=True), 0,
     False, None),
])
def test_who_may_bathe_an_elder_now(assistant, elder, baths_now, busy, code):
    if code is None:
        assert domain.check_assistant(assistant, elder, "p1", baths_now, POINT, busy) is None
    else:
        with pytest.raises(DomainError) as error:
            domain.check_assistant(assistant, elder, "p1", baths_now, POINT, busy)
        assert error.value.code == code


@pytest.mark.parametrize("seats,resting,full", [(3, 2, False), (3, 3, True), (3, 4, True), (0, 0, True),
                                                (None, 50, False)])
def test_a_rest_seat_is_free_below_the_points_seats(seats, resting, full):
    point = dataclasses.replace(POINT, rest_seats=seats)
    if full:
        with pytest.raises(DomainError) as error:
            domain.check_rest_seat(resting, point)
        assert error.value.code == "REST_FULL"
    else:
        assert domain.check_rest_seat(resting, point) is None


# Registration's decision as visits holds it: (eligible, commitment current) on 2026-11-22.
@pytest.mark.parametrize("held,decision", [
    (domain.HeldDecision(True, True, None, "v1"), (True, True)),
    (domain.HeldDecision(True, True, date(2026, 11, 23), "v1"), (True, True)),
    (domain.HeldDecision(True, True, date(2026, 11, 22), "v1"), (False, True)),
    (domain.HeldDecision(True, True, None, "v0"), (True, False)),
    (domain.HeldDecision(None, None, None, None), (False, False)),
    (domain.HeldDecision(False, False, date(2027, 1, 1), "v1"), (False, False)),
])
def test_a_held_decision_holds_until_the_day_it_lapses(held, decision):
    assert domain.applied_decision(held, date(2026, 11, 22), "v1") == decision



# A reading at target with complications is referred, one with an adverse drug reaction only
# seen again within 14 days (DOMAIN.md section 4, seed 001): 2026-11-23 + 14 = 2026-12-07.
@pytest.mark.parametrize("adverse,complications,outcome", [
    (False, True, FollowUpOutcome("controlled", True, False, date(2026, 12, 7))),
    (True, False, FollowUpOutcome("controlled", False, False, date(2026, 12, 7))),
])
def test_a_controlled_reading_with_complications_or_a_drug_reaction(adverse, complications, outcome):
    assert domain.record_follow_up("hypertension", VISITED, 130, 80, [], None, 60, FollowUpRules(),
                                   adverse_drug_reaction=adverse, complications=complications) == outcome


def test_a_day_of_mostly_checked_out_visits_with_averages_to_one_place():
    summaries = [domain.VisitSummary("checked_out", (), 10.0, 10.0), domain.VisitSummary("checked_out", (), 10.0, 10.0),
                 domain.VisitSummary("checked_out", (), 10.1, 10.1), domain.VisitSummary("ended_early", (), None, None)]
    assert domain.daily_figures(summaries, 0) == {
        "visits": 4, "checked_out": 3, "refused": 0, "refusals_by_reason": {}, "incidents": 0,
        "average_bath_minutes": 10.0, "average_rest_minutes": 10.0}


def test_a_meeting_rate_to_four_places():
    assert (domain.meeting_rate(1, 3), domain.meeting_rate(2, 3), domain.meeting_rate(9, 10),
            domain.meeting_rate(0, 0)) == (0.3333, 0.6667, 0.9, None)


def test_a_slot_ends_its_length_after_it_starts():
    assert domain.slot_end(local(23, 8, 30), Rules()) == local(23, 9, 0)
    assert domain.slot_end(local(23, 8, 30), Rules(slot_minutes=45)) == local(23, 9, 15)


def test_an_inactive_point_takes_no_booking_and_another_elders_booking_is_not_attended():
    with pytest.raises(DomainError) as error:
        domain.check_slot(dataclasses.replace(EVERY_DAY, active=False), local(23, 9, 0), local(22, 0), Rules())
    assert error.value.code == "POINT_CLOSED"
    for status, owner in (("booked", "e2"), ("cancelled", "e1")):
        with pytest.raises(DomainError) as error:
            domain.check_attend(status, owner, "e1")
        assert error.value.code == "INVALID_TRANSITION"
    assert domain.check_attend("booked", "e1", "e1") is None


def test_a_point_whose_seats_are_not_known_turns_no_one_away_from_rest():
    assert domain.check_rest_seat(50, POINT) is None


def test_a_self_paid_visit_names_no_category():
    assert domain.funding([], VISITED, local(23, 9)).category is None


def test_settlement_counts_add_up_day_after_day_in_every_column():
    figures = domain.empty_settlement()
    for source, category, count, price in (("self_pay", None, 2, Decimal("30")),
                                           ("self_pay", None, 3, None), (None, None, 1, None), (None, None, 4, None),
                                           ("government", "dibao", 2, None), ("government", "dibao", 1, None),
                                           ("government", "other", 2, Decimal("50"))):
        domain.add_to_settlement(figures, source, category, count, price)
    assert figures == {"government": {"sanwu": 0, "dibao": 3, "youfu": 0, "model_worker": 0, "age_90": 0, "other": 2},
                       "self_pay": 5, "undecided": 5, "amount": Decimal("100.00"),
                       "self_pay_amount": Decimal("60.00"), "unpriced": 6}
    city = domain.empty_settlement()
    domain.merge_settlement(city, figures)
    domain.merge_settlement(city, figures)
    assert city["government"] == {"sanwu": 0, "dibao": 6, "youfu": 0, "model_worker": 0, "age_90": 0, "other": 4}


def test_a_self_pay_price_is_the_points_whatever_category_is_asked():
    prices = [domain.Price("self_pay", None, "p1", Decimal("30"), date(2026, 11, 1)),
              domain.Price("government", "dibao", None, Decimal("50"), date(2026, 11, 1))]
    assert [domain.price_on(prices, "self_pay", category, "p1", VISITED) for category in (None, "dibao")] == [
        Decimal("30"), Decimal("30")]
