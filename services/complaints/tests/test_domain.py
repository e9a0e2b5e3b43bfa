"""Complaint rules, one test per rule, a fixed clock and no I/O."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.complaints import config, domain
from services.complaints.domain import Deadline, DomainError, Rules, StaffView

RULES = Rules()
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
POINT = "p-1"


def spans(deadlines):
    return {d.name: d.due_at - d.starts_at for d in deadlines}


# --- deadlines ------------------------------------------------------------------------------

def test_first_reply_is_due_24_hours_after_receipt_and_a_follow_up_a_week_after():
    deadlines = domain.intake_deadlines("complaint", "phone", "safety", T0, RULES)
    assert spans(deadlines) == {"first_reply": timedelta(hours=24), "follow_up": timedelta(days=7)}
    assert all(d.starts_at == T0 for d in deadlines)


def test_online_media_needs_a_written_reply_within_24_hours():
    deadlines = spans(domain.intake_deadlines("complaint", "online_media", "other", T0, RULES))
    assert deadlines["written_reply"] == timedelta(hours=24) and "first_reply" not in deadlines
    assert "written_reply" not in domain.met_by("first_reply", written=False)
    assert "written_reply" in domain.met_by("first_reply", written=True)
    assert "written_reply" in domain.met_by("result_reply", written=True)


def test_administrative_questions_are_answered_within_3_days_by_the_answer_not_the_first_reply():
    deadlines = spans(domain.intake_deadlines("consultation", "web", "administrative", T0, RULES))
    assert deadlines == {"first_reply": timedelta(hours=24), "administrative_answer": timedelta(days=3)}
    assert "administrative_answer" not in domain.met_by("first_reply")
    assert "administrative_answer" in domain.met_by("result_reply")
    assert "administrative_answer" in domain.met_by("close")


def test_the_result_is_replied_within_30_minutes_of_resolution():
    deadline = domain.result_reply_deadline(T0, RULES)
    assert (deadline.name, deadline.starts_at, deadline.due_at) == ("result_reply", T0, T0 + timedelta(minutes=30))
    assert domain.met_by("result_reply") >= {"result_reply"}


def test_praise_needs_no_answer_and_only_complaints_are_followed_up_weekly():
    assert domain.intake_deadlines("praise", "phone", "other", T0, RULES) == []
    assert "follow_up" not in spans(domain.intake_deadlines("suggestion", "phone", "other", T0, RULES))


@given(st.integers(0, 30 * 24), st.one_of(st.none(), st.integers(0, 30 * 24)),
       st.one_of(st.none(), st.integers(0, 30 * 24)))
def test_the_weekly_follow_up_repeats_from_the_latest_of_receipt_last_follow_up_and_reopening(
        received_h, follow_up_h, reopened_h):
    at = lambda hours: None if hours is None else T0 + timedelta(hours=hours)  # noqa: E731
    deadline = domain.follow_up_deadline(at(received_h), at(follow_up_h), at(reopened_h), RULES)
    latest = max(h for h in (received_h, follow_up_h, reopened_h) if h is not None)
    assert deadline.name == "follow_up"
    assert deadline.starts_at == at(latest) and deadline.due_at == at(latest) + timedelta(days=7)


def test_a_follow_up_or_resolution_satisfies_the_weekly_follow_up():
    assert domain.met_by("follow_up") == {"follow_up"} and "follow_up" in domain.met_by("resolve")
    assert domain.met_by("escalate") == frozenset() and domain.met_by("assign") == frozenset()


@pytest.mark.parametrize("recorded,short", [(0, 3), (2, 1), (3, 0), (5, 0)])
def test_at_least_3_follow_ups_is_informational(recorded, short):
    assert domain.follow_ups_short(recorded, RULES) == short


def test_configured_numbers_move_every_deadline(monkeypatch):
    for name, value in {"FIRST_REPLY_HOURS": "2", "WRITTEN_REPLY_HOURS": "3", "RESULT_REPLY_MINUTES": "10",
                        "FOLLOW_UP_DAYS": "5", "ADMINISTRATIVE_DAYS": "1", "REPORT_DAY": "20"}.items():
        monkeypatch.setenv(f"ZHUYU_COMPLAINT_{name}", value)
    rules = config.load().rules
    assert spans(domain.intake_deadlines("complaint", "phone", "administrative", T0, rules)) == {
        "first_reply": timedelta(hours=2), "administrative_answer": timedelta(days=1), "follow_up": timedelta(days=5)}
    assert spans(domain.intake_deadlines("complaint", "online_media", "other", T0, rules))["written_reply"] == \
        timedelta(hours=3)
    assert domain.result_reply_deadline(T0, rules).due_at == T0 + timedelta(minutes=10)
    assert rules.report_day == 20


@pytest.mark.parametrize("changes", [{"warn_at": 1.0}, {"warn_at": 0}, {"report_day": 32}, {"first_reply_hours": 0},
                                     {"satisfied_score": 6}])
def test_rules_refuse_nonsense(changes):
    with pytest.raises(ValueError):
        Rules(**changes)


# --- alerts ---------------------------------------------------------------------------------

FIRST_REPLY = Deadline("first_reply", T0, T0 + timedelta(hours=24))


@pytest.mark.parametrize("elapsed,level", [
    (timedelta(hours=19, minutes=11, seconds=59), None),
    (timedelta(hours=19, minutes=12), "warn"),  # 80 % of 24 h
    (timedelta(hours=23, minutes=59, seconds=59), "warn"),
    (timedelta(hours=24), "overdue"),  # 100 %
    (timedelta(days=3), "overdue"),
])
def test_warn_at_80_percent_and_overdue_at_100(elapsed, level):
    assert domain.alert_level(FIRST_REPLY, T0 + elapsed, RULES) == level


@given(st.integers(0, 10 * 24 * 3600), st.integers(0, 10 * 24 * 3600))
def test_the_alert_level_only_rises_with_time(a, b):
    order = [None, "warn", "overdue"]
    early, late = sorted((a, b))
    assert order.index(domain.alert_level(FIRST_REPLY, T0 + timedelta(seconds=early), RULES)) <= \
        order.index(domain.alert_level(FIRST_REPLY, T0 + timedelta(seconds=late), RULES))


def test_configured_thresholds_move_the_alerts():
    rules = Rules(warn_at=0.5, escalate_at=1.5)
    assert domain.alert_level(FIRST_REPLY, T0 + timedelta(hours=12), rules) == "warn"
    assert domain.alert_level(FIRST_REPLY, T0 + timedelta(hours=30), rules) == "warn"
    assert domain.alert_level(FIRST_REPLY, T0 + timedelta(hours=36), rules) == "overdue"


def test_an_alert_fires_once_per_deadline_instance():
    deadline = Deadline("follow_up", T0, T0 + timedelta(days=7))
    now = T0 + timedelta(days=8)
    assert domain.due_alerts([deadline], set(), now, RULES) == [(deadline, "overdue")]
    fired = {("follow_up", deadline.due_at, "overdue")}
    assert domain.due_alerts([deadline], fired, now + timedelta(days=30), RULES) == []
    next_week = Deadline("follow_up", now, now + timedelta(days=7))  # a new instance of the repeating deadline
    assert domain.due_alerts([next_week], fired, now + timedelta(days=7), RULES) == [(next_week, "overdue")]


def test_a_deadline_found_past_due_gets_only_the_overdue_alert():
    assert domain.due_alerts([FIRST_REPLY], set(), T0 + timedelta(hours=30), RULES) == [(FIRST_REPLY, "overdue")]


def test_a_warning_already_fired_does_not_stop_the_overdue_alert():
    fired = {("first_reply", FIRST_REPLY.due_at, "warn")}
    assert domain.due_alerts([FIRST_REPLY], fired, T0 + timedelta(hours=20), RULES) == []
    assert domain.due_alerts([FIRST_REPLY], fired, T0 + timedelta(hours=24), RULES) == [(FIRST_REPLY, "overdue")]


# --- the state machine ----------------------------------------------------------------------

# The complaint path of DOMAIN.md section 5, written out independently of domain.TRANSITIONS.
LEGAL = {
    ("received", "assign"): "assigned", ("assigned", "assign"): "assigned", ("in_progress", "assign"): "in_progress",
    ("reopened", "assign"): "reopened",
    ("assigned", "first_reply"): "in_progress", ("in_progress", "first_reply"): "in_progress",
    ("reopened", "first_reply"): "reopened",
    ("resolved", "result_reply"): "replied",
    ("received", "follow_up"): "received", ("assigned", "follow_up"): "assigned",
    ("in_progress", "follow_up"): "in_progress", ("reopened", "follow_up"): "reopened",
    ("in_progress", "resolve"): "resolved", ("reopened", "resolve"): "resolved",
    ("replied", "callback_satisfied"): "closed", ("replied", "callback_unsatisfied"): "reopened",
    ("replied", "callback_unreached"): "replied",
    **{(status, "escalate"): status for status in ("received", "assigned", "in_progress", "resolved", "replied",
                                                   "reopened")},
}
ILLEGAL = [(s, a) for s in domain.STATUSES for a in domain.ACTIONS if a != "close" and (s, a) not in LEGAL]


@pytest.mark.parametrize("status,action", sorted(LEGAL))
def test_every_legal_step_of_a_complaint(status, action):
    assert domain.apply(status, action, "complaint") == LEGAL[(status, action)]


@pytest.mark.parametrize("status,action", ILLEGAL)
def test_every_other_step_is_an_invalid_transition(status, action):
    with pytest.raises(DomainError) as error:
        domain.apply(status, action, "complaint")
    assert error.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("status", sorted(domain.OPEN))
def test_a_complaint_closes_only_through_a_satisfied_callback(status):
    with pytest.raises(DomainError) as error:
        domain.apply(status, "close", "complaint")
    assert error.value.code == "CALLBACK_REQUIRED"


@pytest.mark.parametrize("kind", ["suggestion", "consultation", "praise"])
@pytest.mark.parametrize("status", sorted(domain.OPEN))
def test_suggestions_consultations_and_praise_close_directly(kind, status):
    assert domain.apply(status, "close", kind) == "closed"


@pytest.mark.parametrize("kind", domain.TYPES)
def test_nothing_closes_twice(kind):
    with pytest.raises(DomainError) as error:
        domain.apply("closed", "close", kind)
    assert error.value.code == "INVALID_TRANSITION"


def test_a_reply_is_the_first_reply_before_resolution_and_the_result_after():
    assert [domain.reply_action(s) for s in ("assigned", "in_progress", "reopened", "resolved")] == [
        "first_reply", "first_reply", "first_reply", "result_reply"]


@pytest.mark.parametrize("reached,satisfied,action,after", [
    (False, None, "callback_unreached", "replied"),  # a new time is booked; the callback stays due
    (False, True, "callback_unreached", "replied"),
    (True, True, "callback_satisfied", "closed"),
    (True, False, "callback_unsatisfied", "reopened"),  # handled again until satisfied
])
def test_callback_outcomes(reached, satisfied, action, after):
    assert domain.callback_action(reached, satisfied) == action
    assert domain.apply("replied", action) == after


# --- owners and escalation ------------------------------------------------------------------

def test_the_owner_is_the_points_administrator_chosen_by_id():
    staff = [StaffView("b", ("point_admin",), POINT), StaffView("a", ("point_admin", "cs_agent"), POINT),
             StaffView("0", ("point_admin",), "other"), StaffView("1", ("point_admin",), POINT, active=False),
             StaffView("2", ("bathing_assistant",), POINT)]
    assert domain.pick_owner(staff, POINT) == "a"
    assert domain.pick_owner(list(reversed(staff)), POINT) == "a"
    assert domain.pick_owner(staff[2:], POINT) is None


def test_escalations_go_to_the_points_and_the_desks_supervisors():
    staff = [StaffView("s2", ("cs_supervisor",), POINT), StaffView("s1", ("cs_supervisor",), None),
             StaffView("s3", ("cs_supervisor",), "other"), StaffView("s4", ("cs_supervisor",), None, active=False),
             StaffView("s5", ("cs_agent",), None)]
    assert domain.supervisors(staff, POINT) == ["s1", "s2"]


def test_major_complaints_go_to_management_at_once():
    assert domain.initial_escalation("major") == 1 and domain.initial_escalation("normal") == 0


# --- satisfaction, in time, reports ---------------------------------------------------------

def test_satisfied_means_a_score_of_4_or_5():
    assert [domain.is_satisfied(s, RULES) for s in range(1, 6)] == [False, False, False, True, True]
    assert domain.is_satisfied(4, Rules(satisfied_score=5)) is False


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_rates_are_fractions_or_none_with_nothing_counted(part, extra):
    value = domain.rate(part, part + extra)
    assert value is None if part + extra == 0 else 0 <= value <= 1
    assert domain.meets(value, 0.95) == (None if value is None else value >= 0.95)


def test_a_deadline_is_missed_when_met_late_or_unmet_past_due():
    due = T0 + timedelta(hours=24)
    assert not domain.missed(due, due, T0 + timedelta(days=9))  # met at the last moment
    assert domain.missed(due, due + timedelta(seconds=1), T0)
    assert not domain.missed(due, None, due - timedelta(seconds=1))  # still running
    assert domain.missed(due, None, due)
    assert domain.handled_in_time([(due, T0), (due, None)], T0 + timedelta(hours=1))
    assert not domain.handled_in_time([(due, T0), (due, None)], due)


def test_the_monthly_report_is_due_once_on_its_day():
    assert not domain.report_due(date(2026, 11, 24), False, RULES)
    assert domain.report_due(date(2026, 11, 25), False, RULES)
    assert domain.report_due(date(2026, 11, 28), False, RULES)  # the service was down on the 25th
    assert not domain.report_due(date(2026, 11, 25), True, RULES)
    assert domain.report_due(date(2026, 2, 28), False, Rules(report_day=31))  # a short month


def test_periods_default_to_the_current_month_both_ends_inclusive():
    assert domain.default_period(date(2026, 2, 10), None, None) == (date(2026, 2, 1), date(2026, 2, 28))
    assert domain.default_period(date(2026, 2, 10), date(2026, 1, 5), None) == (date(2026, 1, 5), date(2026, 2, 28))
    assert domain.month_days("2028-02") == (date(2028, 2, 1), date(2028, 2, 29))
    with pytest.raises(DomainError):
        domain.default_period(date(2026, 2, 10), date(2026, 2, 9), date(2026, 2, 8))


def test_report_counts_list_every_key_even_at_zero():
    assert domain.count_by(["web", "phone", "web"], domain.CHANNELS) == {
        "phone": 1, "in_person": 0, "letter": 0, "web": 2, "online_media": 0, "fax": 0}


@pytest.mark.parametrize("step,status,payload,action", [
    ("reply", "in_progress", {}, "first_reply"), ("reply", "resolved", {}, "result_reply"),
    ("callback", "replied", {"reached": False}, "callback_unreached"),
    ("callback", "replied", {"satisfied": True}, "callback_satisfied"),
    ("callback", "replied", {"reached": True, "satisfied": False}, "callback_unsatisfied"),
    ("assign", "received", {"staff_id": "s"}, "assign"), ("follow_up", "assigned", {}, "follow_up"),
    ("escalate", "reopened", {}, "escalate"), ("close", "received", {}, "close")])
def test_each_step_is_the_action_the_record_and_the_answer_make_it(step, status, payload, action):
    assert domain.action_of(step, status, payload) == action


def test_an_owner_works_at_the_complaints_point_or_at_the_desk():
    domain.check_assignee(True, "p1", "p1")
    domain.check_assignee(True, None, "p1")
    for known, point in ((True, "p2"), (False, None), (False, "p1")):  # another point's, or nobody known
        with pytest.raises(DomainError) as error:
            domain.check_assignee(known, point, "p1")
        assert error.value.code == "VALIDATION_FAILED" and list(error.value.errors) == ["staff_id"]


def test_misconduct_is_recorded_against_staff_once_and_only_for_a_misconduct_complaint():
    domain.check_misconduct("staff_misconduct", False)
    for category, recorded, code in (("safety", False, "NOT_STAFF_MISCONDUCT"),
                                     ("staff_misconduct", True, "ALREADY_RECORDED")):
        with pytest.raises(DomainError) as error:
            domain.check_misconduct(category, recorded)
        assert error.value.code == code


def test_a_subject_is_evaluated_once():
    domain.check_first_answer(False, "x")
    with pytest.raises(DomainError) as error:
        domain.check_first_answer(True, "This survey has been answered.")
    assert error.value.code == "ALREADY_ANSWERED"


def test_the_complainant_is_promised_the_first_or_written_reply_as_configured():
    def promised(kind, channel, rules=RULES):
        return domain.reply_within_hours(domain.intake_deadlines(kind, channel, "other", T0, rules))

    assert promised("complaint", "phone") == 24
    assert promised("complaint", "phone", Rules(first_reply_hours=12)) == 12
    assert promised("suggestion", "online_media", Rules(written_reply_hours=6)) == 6
    assert promised("praise", "phone") is None
