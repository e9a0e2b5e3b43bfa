"""Complaint rules against hand-written oracles: which types get which deadlines, rates at
their targets, periods and report days at their edges, the settings' bounds, the
contract's vocabularies and the defaults a deployment gets (DOMAIN.md sections 5 and 8).
No I/O."""
from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime, timedelta, timezone

import pytest

from services.complaints import config, domain
from services.complaints.domain import Deadline, Rules

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)

# (type, channel, category) -> the deadlines a new record starts with, as (name, span).
INTAKE = [
    ("complaint", "phone", "safety", [("first_reply", timedelta(hours=24)), ("follow_up", timedelta(days=7))]),
    ("suggestion", "web", "other", [("first_reply", timedelta(hours=24))]),
    ("consultation", "letter", "fees", [("first_reply", timedelta(hours=24))]),
    ("praise", "phone", "service_attitude", []),
    ("suggestion", "online_media", "administrative", [("written_reply", timedelta(hours=24)),
                                                      ("administrative_answer", timedelta(days=3))]),
    ("praise", "online_media", "administrative", []),
]


@pytest.mark.parametrize("kind,channel,category,deadlines", INTAKE)
def test_each_type_starts_with_its_own_deadlines(kind, channel, category, deadlines):
    assert [(d.name, d.due_at - d.starts_at) for d in domain.intake_deadlines(kind, channel, category, T0, Rules())] \
        == deadlines


@pytest.mark.parametrize("action,written,met", [
    ("first_reply", False, {"first_reply"}), ("first_reply", True, {"first_reply", "written_reply"}),
    ("result_reply", False, {"result_reply", "administrative_answer"}),
    ("result_reply", True, {"result_reply", "administrative_answer", "written_reply"}),
    ("follow_up", False, {"follow_up"}), ("resolve", False, {"follow_up"}),
    ("close", False, {"first_reply", "administrative_answer"}), ("assign", False, set()), ("escalate", True, set())])
def test_each_action_meets_its_deadlines(action, written, met):
    assert domain.met_by(action, written) == met


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


@pytest.mark.parametrize("today,report_day,due", [
    (date(2026, 11, 24), 25, False), (date(2026, 11, 25), 25, True), (date(2026, 11, 30), 25, True),
    (date(2026, 2, 27), 31, False), (date(2026, 2, 28), 31, True), (date(2026, 11, 1), 1, True)])
def test_the_report_is_due_from_its_day_or_the_months_last(today, report_day, due):
    assert domain.report_due(today, False, Rules(report_day=report_day)) is due
    assert domain.report_due(today, True, Rules(report_day=report_day)) is False


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
    assert domain.CHANNELS == ("phone", "in_person", "letter", "web", "online_media", "fax")
    assert domain.TYPES == ("complaint", "suggestion", "consultation", "praise")
    assert domain.CATEGORIES == ("service_attitude", "safety", "hygiene_facility", "staff_misconduct",
                                 "waiting_time", "fees", "administrative", "other")
    assert domain.SEVERITIES == ("normal", "major")
    assert domain.STATUSES == ("received", "assigned", "in_progress", "resolved", "replied", "closed", "reopened")
    assert domain.ATTITUDES == ("satisfied", "neutral", "dissatisfied")
    assert domain.CALLBACK_SCORES == (1, 10) and domain.SURVEY_SCORES == (1, 5)
    assert domain.SUBJECT_TYPES == ("visit", "complaint")
    assert domain.STEPS == ("assign", "reply", "follow_up", "resolve", "callback", "escalate", "close")


@pytest.mark.parametrize("value", [Rules(), Deadline("x", T0, T0), domain.StaffView("s", (), None)])
def test_rules_and_deadlines_cannot_be_changed_once_made(value):
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, dataclasses.fields(value)[0].name, None)


# DOMAIN.md sections 5 and 8, written out by hand.
DEFAULTS = {"first_reply_hours": 24, "written_reply_hours": 24, "result_reply_minutes": 30, "follow_up_days": 7,
            "min_follow_ups": 3, "administrative_days": 3, "warn_at": 0.8, "escalate_at": 1.0, "satisfied_score": 4,
            "report_day": 25, "satisfaction_target": 0.95, "in_time_target": 0.95, "answer_rate_target": 0.90}


def test_a_deployment_without_settings_gets_the_domains_defaults(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith(("ZHUYU_", "COMPLAINTS_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    assert dataclasses.asdict(config.load().rules) == dataclasses.asdict(Rules()) == DEFAULTS
