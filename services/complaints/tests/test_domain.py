"""Complaint rules, one test per rule, a fixed clock and no I/O."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from services.complaints import domain
from services.complaints.domain import Deadline, DomainError, Rules

RULES = Rules()
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def names(deadlines):
    return {d.name: d.due_at - d.starts_at for d in deadlines}


def test_first_reply_within_24_hours_and_weekly_follow_up():
    assert names(domain.intake_deadlines("phone", "safety", T0, RULES)) == {
        "first_reply": timedelta(hours=24), "follow_up": timedelta(days=7)}


def test_online_media_needs_a_written_reply_within_24_hours():
    deadlines = names(domain.intake_deadlines("online_media", "other", T0, RULES))
    assert deadlines["written_reply"] == timedelta(hours=24) and "first_reply" not in deadlines
    assert "written_reply" not in domain.met_by("first_reply", written=False)
    assert "written_reply" in domain.met_by("first_reply", written=True)


def test_administrative_questions_are_answered_within_3_days():
    assert names(domain.intake_deadlines("web", "administrative", T0, RULES))["administrative_answer"] == timedelta(days=3)


def test_reply_of_the_result_within_30_minutes_of_resolution():
    deadline = domain.result_reply_deadline(T0, RULES)
    assert deadline.due_at - T0 == timedelta(minutes=30)


def test_follow_ups_repeat_weekly_from_the_last_one():
    later = T0 + timedelta(days=5)
    assert domain.follow_up_deadline(later, RULES).due_at == later + timedelta(days=7)


@pytest.mark.parametrize("elapsed,level", [(timedelta(hours=19, minutes=11), None), (timedelta(hours=19, minutes=12), "warn"),
                                           (timedelta(hours=23, minutes=59), "warn"), (timedelta(hours=24), "overdue")])
def test_warn_at_80_percent_and_overdue_at_100(elapsed, level):
    deadline = Deadline("first_reply", T0, T0 + timedelta(hours=24))
    assert domain.alert_level(deadline, T0 + elapsed, RULES) == level


def test_an_alert_never_fires_twice_for_the_same_deadline_instance():
    deadline = Deadline("follow_up", T0, T0 + timedelta(days=7))
    now = T0 + timedelta(days=8)
    [(fired, level)] = domain.due_alerts([deadline], set(), now, RULES)
    assert level == "overdue"
    assert domain.due_alerts([deadline], {("follow_up", deadline.due_at, "overdue")}, now, RULES) == []
    next_week = Deadline("follow_up", now, now + timedelta(days=7))
    assert domain.due_alerts([next_week], {("follow_up", deadline.due_at, "overdue")}, now + timedelta(days=7),
                             RULES) == [(next_week, "overdue")]


HAPPY = [("received", "assign", "assigned"), ("assigned", "first_reply", "in_progress"),
         ("in_progress", "resolve", "resolved"), ("resolved", "result_reply", "replied"),
         ("replied", "callback_satisfied", "closed")]


@pytest.mark.parametrize("status,action,after", HAPPY)
def test_the_complaint_path(status, action, after):
    assert domain.apply(status, action) == after


def test_unsatisfied_callback_reopens_and_a_reopened_complaint_resolves_again():
    assert domain.apply("replied", "callback_unsatisfied") == "reopened"
    assert domain.apply("reopened", "resolve") == "resolved"


def test_callback_not_reached_changes_nothing():
    assert domain.apply("replied", "callback_unreached") == "replied"


ACTIONS = ["assign", "first_reply", "result_reply", "follow_up", "resolve", "callback_satisfied",
           "callback_unsatisfied", "callback_unreached", "escalate"]


@pytest.mark.parametrize("status,action", [(s, a) for s in domain.STATUSES for a in ACTIONS
                                           if (s, a) not in domain.TRANSITIONS])
def test_every_other_step_is_an_invalid_transition(status, action):
    with pytest.raises(DomainError) as error:
        domain.apply(status, action)
    assert error.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("status", sorted(domain.OPEN))
def test_a_complaint_closes_only_through_a_callback(status):
    with pytest.raises(DomainError) as error:
        domain.apply(status, "close", "complaint")
    assert error.value.code == "CALLBACK_REQUIRED"


@pytest.mark.parametrize("kind", ["suggestion", "consultation", "praise"])
def test_suggestions_consultations_and_praise_close_directly(kind):
    assert domain.apply("received", "close", kind) == "closed"
    with pytest.raises(DomainError):
        domain.apply("closed", "close", kind)


def test_owner_is_the_points_administrator_and_major_complaints_escalate_at_once():
    assert domain.pick_owner(["b", "a"]) == "a"
    assert domain.pick_owner([]) is None
    assert domain.initial_escalation("major") == 1 and domain.initial_escalation("normal") == 0


def test_satisfaction_counts_4_and_5_as_satisfied():
    assert [domain.is_satisfied(s, RULES) for s in range(1, 6)] == [False, False, False, True, True]
    assert domain.rate(19, 20) == 0.95 and domain.rate(0, 0) is None
