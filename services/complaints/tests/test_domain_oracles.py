"""Complaint rules against hand-written oracles: which types get which deadlines, rates at
their targets, periods and report days at their edges, the settings' bounds, the
contract's vocabularies and the defaults a deployment gets (DOMAIN.md sections 5 and 8).
No I/O."""
from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime, time, timedelta, timezone

import pytest

from services.complaints import config, domain
from services.complaints.domain import Deadline, Rules

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)

# (type, channel, category) -> the deadlines a new record starts with, as (name, span).
# T0 is Monday 2 November 2026, 09:00 in the record's own zone (UTC here): a complaint is
# investigated by the end of that day (24:00, 15 h later: more than the 4 h that would push
# it to the next day's end); three working days from a Monday end with Thursday, i.e. at
# Friday 00:00 (3 days 15 h); the weekly follow-up is 7 days.
INTAKE = [
    ("complaint", "phone", "safety", [("first_reply", timedelta(hours=24)), ("investigation", timedelta(hours=15)),
                                      ("follow_up", timedelta(days=7))]),
    ("suggestion", "web", "other", [("first_reply", timedelta(hours=24))]),
    ("consultation", "letter", "fees", [("first_reply", timedelta(hours=24))]),
    ("praise", "phone", "service_attitude", []),
    ("suggestion", "online_media", "administrative", [("written_reply", timedelta(hours=24)),
                                                      ("administrative_answer", timedelta(days=3, hours=15))]),
    ("praise", "online_media", "administrative", []),
    ("complaint", "online_media", "administrative", [("written_reply", timedelta(hours=24)),
                                                     ("administrative_answer", timedelta(days=3, hours=15)),
                                                     ("investigation", timedelta(hours=15)),
                                                     ("follow_up", timedelta(days=7))]),
]


@pytest.mark.parametrize("kind,channel,category,deadlines", INTAKE)
def test_each_type_starts_with_its_own_deadlines(kind, channel, category, deadlines):
    assert [(d.name, d.due_at - d.starts_at) for d in domain.intake_deadlines(kind, channel, category, T0, Rules())] \
        == deadlines


# A reply after an approved review is the feedback due within 1 h of it; the result's reply
# answers an administrative question; resolving ends the weekly follow-ups and a
# rectification; closing a suggestion or consultation answers it; a callback, reached or
# not, meets its booked time.
@pytest.mark.parametrize("action,written,met", [
    ("first_reply", False, {"first_reply", "feedback"}), ("first_reply", True, {"first_reply", "feedback",
                                                                               "written_reply"}),
    ("result_reply", False, {"result_reply", "administrative_answer", "feedback"}),
    ("result_reply", True, {"result_reply", "administrative_answer", "feedback", "written_reply"}),
    ("follow_up", False, {"follow_up"}), ("investigate", False, {"investigation"}),
    ("resolve", False, {"follow_up", "rectification"}),
    ("callback_satisfied", False, {"callback"}), ("callback_unsatisfied", False, {"callback"}),
    ("callback_unreached", False, {"callback"}),
    ("close", False, {"first_reply", "administrative_answer"}), ("assign", False, set()), ("escalate", True, set()),
    ("pause", False, set()), ("merge", False, set())])
def test_each_action_meets_its_deadlines(action, written, met):
    assert domain.met_by(action, written) == met


def test_a_reply_is_not_written_unless_said_so():
    assert domain.met_by("first_reply") == {"first_reply", "feedback"}
    assert domain.met_by("result_reply") == {"result_reply", "administrative_answer", "feedback"}


@pytest.mark.parametrize("value,target,meets", [(0.95, 0.95, True), (0.9499, 0.95, False), (1.0, 0.95, True),
                                                (None, 0.95, None)])
def test_a_rate_exactly_at_its_target_meets_it(value, target, meets):
    assert domain.meets(value, target) is meets


def test_a_period_of_one_day_is_allowed_and_one_ending_before_it_starts_is_not():
    day = date(2026, 11, 5)
    assert domain.default_period(date(2026, 11, 20), day, day) == (day, day)
    with pytest.raises(domain.Invalid) as error:
        domain.default_period(date(2026, 11, 20), day, day - timedelta(days=1))
    assert error.value.errors == {"to": ["`to` is before `from`."]}


# The report of a month produced on its day D covers day D+1 of the month before through
# day D (its last day when the month is shorter).
@pytest.mark.parametrize("month,report_day,period", [
    ("2026-11", 25, (date(2026, 10, 26), date(2026, 11, 25))),
    ("2026-01", 25, (date(2025, 12, 26), date(2026, 1, 25))),
    ("2026-03", 31, (date(2026, 3, 1), date(2026, 3, 31))),
    ("2026-02", 31, (date(2026, 2, 1), date(2026, 2, 28))),
    ("2028-03", 30, (date(2028, 3, 1), date(2028, 3, 30))),
    ("2026-11", 1, (date(2026, 10, 2), date(2026, 11, 1)))])
def test_a_reports_period_runs_from_the_day_after_day_d_to_day_d(month, report_day, period):
    assert domain.report_period(month, Rules(report_day=report_day)) == period


# (today, D) -> the report whose period holds today, and the latest one whose period is over.
@pytest.mark.parametrize("today,report_day,current,closed", [
    (date(2026, 11, 25), 25, "2026-11", "2026-10"), (date(2026, 11, 26), 25, "2026-12", "2026-11"),
    (date(2026, 12, 26), 25, "2027-01", "2026-12"), (date(2027, 1, 1), 25, "2027-01", "2026-12"),
    (date(2026, 2, 28), 31, "2026-02", "2026-01"), (date(2026, 3, 1), 31, "2026-03", "2026-02"),
    (date(2026, 11, 1), 1, "2026-11", "2026-10"), (date(2026, 11, 2), 1, "2026-12", "2026-11")])
def test_the_report_of_a_day_and_the_last_closed_one(today, report_day, current, closed):
    rules = Rules(report_day=report_day)
    assert domain.report_month(today, rules) == current
    assert domain.last_closed_report(today, rules) == closed


def test_the_recurring_analysis_looks_at_consecutive_report_months_oldest_first():
    assert domain.report_months_before("2026-02", 3) == ["2025-12", "2026-01", "2026-02"]
    assert domain.report_months_before("2026-11", 1) == ["2026-11"]


@pytest.mark.parametrize("changes", [{"report_day": 1}, {"report_day": 31}, {"satisfied_score": 1},
                                     {"satisfied_score": 5}, {"warn_at": 0.01, "escalate_at": 0.02}])
def test_settings_at_the_edges_of_their_range_are_accepted(changes):
    assert dataclasses.asdict(Rules(**changes)).items() >= changes.items()


@pytest.mark.parametrize("changes", [{"report_day": 0}, {"satisfied_score": 0}, {"satisfied_score": 6},
                                     {"warn_at": 1.0, "escalate_at": 1.0}, {"written_reply_hours": 0},
                                     {"result_reply_minutes": -1}, {"follow_up_days": 0}, {"administrative_days": 0}])
def test_settings_outside_their_range_are_refused(changes):
    with pytest.raises(ValueError):
        Rules(**changes)


@pytest.mark.parametrize("elapsed,level", [(timedelta(hours=19, minutes=11), None), (timedelta(hours=19, minutes=12),
                                                                                      "warn"),
                                           (timedelta(hours=24), "overdue")])
def test_alert_levels_of_a_24_hour_deadline(elapsed, level):
    deadline = Deadline("first_reply", T0, T0 + timedelta(hours=24))
    assert domain.alert_level(deadline, T0 + elapsed, Rules()) == level


def test_a_deadline_met_exactly_at_its_due_time_is_not_missed():
    assert not domain.missed(T0, T0, T0 + timedelta(days=1))
    assert domain.missed(T0, None, T0)


@pytest.mark.parametrize("score,satisfied", [(3, False), (4, True), (5, True)])
def test_satisfaction_scores(score, satisfied):
    assert domain.is_satisfied(score, Rules()) is satisfied


def test_the_vocabularies_are_the_contracts():
    # The contract's six channels, and SMS (a complaint sent in by text message).
    assert domain.CHANNELS == ("phone", "in_person", "letter", "web", "online_media", "fax", "sms")
    assert domain.TYPES == ("complaint", "suggestion", "consultation", "praise")
    assert domain.CATEGORIES == ("service_attitude", "safety", "hygiene_facility", "staff_misconduct",
                                 "waiting_time", "fees", "administrative", "other")
    assert domain.SEVERITIES == ("normal", "major")
    assert domain.STATUSES == ("received", "assigned", "in_progress", "resolved", "replied", "closed", "reopened")
    assert domain.ATTITUDES == ("satisfied", "neutral", "dissatisfied")
    assert domain.CALLBACK_SCORES == (1, 10) and domain.SURVEY_SCORES == (1, 5)
    assert domain.SUBJECT_TYPES == ("visit", "complaint")
    assert domain.STEPS == ("assign", "reply", "follow_up", "investigate", "pause", "resume", "resolve", "callback",
                            "escalate", "review", "merge", "close")
    assert domain.REVIEW_STATES == ("pending", "approved", "returned")


@pytest.mark.parametrize("value", [Rules(), Deadline("x", T0, T0), domain.StaffView("s", (), None)])
def test_rules_and_deadlines_cannot_be_changed_once_made(value):
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, dataclasses.fields(value)[0].name, None)


# DOMAIN.md sections 5 and 8, written out by hand: the feedback 1 h after the review; the
# hotline's night from 20:00 to 08:00 with at least 2 seats, and at least 1 at any time
# (seed 002, A24, A25, A27); the desk's own defaults: 4 h left of a day to investigate the
# same day, an unreached callback tried again after 2 h, a rectification within 72 h, and
# a recurring problem named at 3 complaints in 2 of 3 report periods.
DEFAULTS = {"first_reply_hours": 24, "written_reply_hours": 24, "feedback_hours": 1, "result_reply_minutes": 30,
            "follow_up_days": 7, "min_follow_ups": 3, "administrative_days": 3, "investigation_min_hours": 4,
            "callback_retry_hours": 2, "rectification_hours": 72, "warn_at": 0.8, "escalate_at": 1.0,
            "satisfied_score": 4, "report_day": 25, "satisfaction_target": 0.95, "in_time_target": 0.95,
            "answer_rate_target": 0.90, "recurring_months": 3, "recurring_min_complaints": 3,
            "recurring_min_periods": 2, "night_start": time(20, 0), "night_end": time(8, 0), "min_night_seats": 2,
            "min_seats": 1}


def test_a_deployment_without_settings_gets_the_domains_defaults(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith(("ZHUYU_", "COMPLAINTS_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    assert dataclasses.asdict(config.load().rules) == dataclasses.asdict(Rules()) == DEFAULTS
