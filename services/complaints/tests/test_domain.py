"""Complaint rules, one test per rule, a fixed clock and no I/O."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from pathlib import Path

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
    # T0 is 09:00 UTC: the same-day investigation is due at midnight, 15 hours later.
    assert spans(deadlines) == {"first_reply": timedelta(hours=24), "follow_up": timedelta(days=7),
                                "investigation": timedelta(hours=15)}
    assert all(d.starts_at == T0 for d in deadlines)


def test_online_media_needs_a_written_reply_within_24_hours():
    deadlines = spans(domain.intake_deadlines("complaint", "online_media", "other", T0, RULES))
    assert deadlines["written_reply"] == timedelta(hours=24) and "first_reply" not in deadlines
    assert "written_reply" not in domain.met_by("first_reply", written=False)
    assert "written_reply" in domain.met_by("first_reply", written=True)
    assert "written_reply" in domain.met_by("result_reply", written=True)


def test_online_media_waits_for_its_dispatch_to_the_branch_before_its_written_reply_is_counted():
    # seed 000: the branch replies in writing within 24 h of receiving the ticket (接单后24小时内)
    waiting = spans(domain.intake_deadlines("complaint", "online_media", "other", T0, RULES, dispatched=False))
    assert waiting == {"follow_up": timedelta(days=7), "investigation": timedelta(hours=15)}
    assert spans(domain.intake_deadlines("complaint", "phone", "other", T0, RULES, dispatched=False))[
        "first_reply"] == timedelta(hours=24)  # the other channels count from receipt
    later = T0 + timedelta(hours=5)
    assert domain.written_reply_on_dispatch("assign", "complaint", "online_media", False, later, RULES) == Deadline(
        "written_reply", later, later + timedelta(hours=24))
    assert domain.written_reply_on_dispatch("assign", "suggestion", "online_media", False, later,
                                            Rules(written_reply_hours=6)).due_at == later + timedelta(hours=6)
    for action, kind, channel, dispatched in (("assign", "complaint", "online_media", True),
                                              ("follow_up", "complaint", "online_media", False),
                                              ("assign", "complaint", "web", False),
                                              ("assign", "praise", "online_media", False)):
        assert domain.written_reply_on_dispatch(action, kind, channel, dispatched, later, RULES) is None


def test_administrative_questions_are_answered_within_3_days_by_the_answer_not_the_first_reply():
    deadlines = spans(domain.intake_deadlines("consultation", "web", "administrative", T0, RULES))
    # Monday 2 Nov 09:00: three working days are Tue, Wed and Thu, due at the end of Thursday.
    assert deadlines == {"first_reply": timedelta(hours=24), "administrative_answer": timedelta(days=3, hours=15)}
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
        "first_reply": timedelta(hours=2), "administrative_answer": timedelta(days=1, hours=15),
        "follow_up": timedelta(days=5), "investigation": timedelta(hours=15)}
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
    (timedelta(hours=11, minutes=59, seconds=59), None),
    (timedelta(hours=12), "notice"),  # 50 % of 24 h
    (timedelta(hours=19, minutes=11, seconds=59), "notice"),
    (timedelta(hours=19, minutes=12), "warn"),  # 80 % of 24 h
    (timedelta(hours=23, minutes=59, seconds=59), "warn"),
    (timedelta(hours=24), "overdue"),  # 100 %
    (timedelta(days=3), "overdue"),
])
def test_notice_at_50_percent_warn_at_80_and_overdue_at_100(elapsed, level):
    assert domain.alert_level(FIRST_REPLY, T0 + elapsed, RULES) == level


@given(st.integers(0, 10 * 24 * 3600), st.integers(0, 10 * 24 * 3600))
def test_the_alert_level_only_rises_with_time(a, b):
    order = [None, "notice", "warn", "overdue"]
    early, late = sorted((a, b))
    assert order.index(domain.alert_level(FIRST_REPLY, T0 + timedelta(seconds=early), RULES)) <= \
        order.index(domain.alert_level(FIRST_REPLY, T0 + timedelta(seconds=late), RULES))


def test_configured_thresholds_move_the_alerts():
    rules = Rules(notice_at=0.25, warn_at=0.5, escalate_at=1.5)
    assert domain.alert_level(FIRST_REPLY, T0 + timedelta(hours=5, minutes=59), rules) is None
    assert domain.alert_level(FIRST_REPLY, T0 + timedelta(hours=6), rules) == "notice"
    assert domain.alert_level(FIRST_REPLY, T0 + timedelta(hours=11, minutes=59), rules) == "notice"
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


def test_no_notice_when_it_is_set_to_zero_and_none_late_once_past_the_warning():
    silent = Rules(notice_at=0)
    assert domain.alert_level(FIRST_REPLY, T0 + timedelta(hours=19), silent) is None
    assert domain.alert_level(FIRST_REPLY, T0 + timedelta(hours=20), silent) == "warn"
    assert domain.due_alerts([FIRST_REPLY], set(), T0 + timedelta(hours=13), RULES) == [(FIRST_REPLY, "notice")]
    fired = {("first_reply", FIRST_REPLY.due_at, "notice")}
    assert domain.due_alerts([FIRST_REPLY], fired, T0 + timedelta(hours=14), RULES) == []
    assert domain.due_alerts([FIRST_REPLY], set(), T0 + timedelta(hours=20), RULES) == [(FIRST_REPLY, "warn")]


@pytest.mark.parametrize("changes", [{"notice_at": -0.1}, {"notice_at": 0.8}, {"notice_at": 0.9},
                                     {"notice_at": 0.3, "warn_at": 0.3}])
def test_a_notice_at_or_after_the_warning_is_refused(changes):
    with pytest.raises(ValueError):
        Rules(**changes)


def test_a_warning_already_fired_does_not_stop_the_overdue_alert():
    fired = {("first_reply", FIRST_REPLY.due_at, "warn")}
    assert domain.due_alerts([FIRST_REPLY], fired, T0 + timedelta(hours=20), RULES) == []
    assert domain.due_alerts([FIRST_REPLY], fired, T0 + timedelta(hours=24), RULES) == [(FIRST_REPLY, "overdue")]


# --- the state machine ----------------------------------------------------------------------

# The complaint path of DOMAIN.md section 5, written out independently of domain.TRANSITIONS.
LEGAL = {
    ("received", "assign"): "assigned", ("assigned", "assign"): "assigned", ("in_progress", "assign"): "in_progress",
    ("reopened", "assign"): "reopened",
    ("received", "first_reply"): "in_progress",  # first-contact responsibility
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
    # Investigation and a paused clock belong to a complaint still being handled.
    **{(status, action): status for status in ("received", "assigned", "in_progress", "reopened")
       for action in ("investigate", "pause", "resume")},
    # The quality centre reviews, and a duplicate is merged away, at any open step.
    **{(status, action): status for status in ("received", "assigned", "in_progress", "resolved", "replied",
                                               "reopened") for action in ("review_approved", "review_returned")},
    **{(status, "merge"): "closed" for status in ("received", "assigned", "in_progress", "resolved", "replied",
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


@pytest.mark.parametrize(("severity", "level", "reached"), [
    # seed 002: L1 the desk (客服主管), L2 the responsible department (部门经理), L3 the manager
    # (管理处经理/主任) for major complaints; level by level (逐级进行)
    ("normal", 0, ()),
    ("normal", 1, ("supervisors",)),
    ("normal", 2, ("supervisors", "point_admins")),
    ("normal", 3, ("supervisors", "point_admins")),
    ("normal", 7, ("supervisors", "point_admins")),
    ("major", 0, ()),
    ("major", 1, ("supervisors",)),
    ("major", 2, ("supervisors", "point_admins")),
    ("major", 3, ("supervisors", "point_admins", "city_operators")),
    ("major", 5, ("supervisors", "point_admins", "city_operators")),
    ("major", -1, ()),
])
def test_an_escalation_climbs_the_ladder_and_only_a_major_complaint_reaches_the_city(severity, level, reached):
    assert domain.escalated_to(severity, level) == reached


def test_a_major_complaints_first_missed_deadline_goes_beyond_the_desk():
    first_miss = domain.initial_escalation("major") + 1
    assert "point_admins" in domain.escalated_to("major", first_miss)
    assert "city_operators" in domain.escalated_to("major", first_miss + 1)
    assert domain.escalated_to("normal", domain.initial_escalation("normal") + 1) == ("supervisors",)


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


def test_the_monthly_report_is_made_once_its_last_day_has_ended():
    # The report of November covers 26 Oct to 25 Nov: made from the 26th on, not on the 25th.
    assert domain.last_closed_report(date(2026, 11, 25), RULES) == "2026-10"
    assert domain.last_closed_report(date(2026, 11, 26), RULES) == "2026-11"
    assert domain.last_closed_report(date(2026, 11, 28), RULES) == "2026-11"  # the service was down on the 26th
    assert domain.last_closed_report(date(2026, 12, 25), RULES) == "2026-11"
    assert domain.last_closed_report(date(2027, 1, 3), RULES) == "2026-12"  # across the new year
    assert domain.last_closed_report(date(2026, 3, 1), Rules(report_day=31)) == "2026-02"  # a short month


@pytest.mark.parametrize("month,first,last", [
    ("2026-11", date(2026, 10, 26), date(2026, 11, 25)),
    ("2026-01", date(2025, 12, 26), date(2026, 1, 25)),
    ("2026-03", date(2026, 2, 26), date(2026, 3, 25)),
])
def test_a_report_covers_day_d_plus_1_of_last_month_to_day_d(month, first, last):
    assert domain.report_period(month, RULES) == (first, last)


def test_with_day_31_a_report_runs_to_each_months_last_day():
    rules = Rules(report_day=31)
    assert domain.report_period("2026-02", rules) == (date(2026, 2, 1), date(2026, 2, 28))
    assert domain.report_period("2026-03", rules) == (date(2026, 3, 1), date(2026, 3, 31))
    assert domain.report_period("2028-03", Rules(report_day=30)) == (date(2028, 3, 1), date(2028, 3, 30))


@pytest.mark.parametrize("report_day", [1, 15, 25, 28, 29, 30, 31])
@pytest.mark.parametrize("year", [2026, 2028])
def test_twelve_consecutive_report_periods_tile_the_year_with_no_gap_and_no_overlap(report_day, year):
    rules = Rules(report_day=report_day)
    periods = [domain.report_period(f"{year}-{m:02d}", rules) for m in range(1, 13)]
    for (_, last), (first, _) in zip(periods, periods[1:]):
        assert first == last + timedelta(days=1)
    covered = sum((last - first).days + 1 for first, last in periods)
    first_day, last_day = periods[0][0], periods[-1][1]
    assert covered == (last_day - first_day).days + 1
    # Every day of the span lies in exactly one period, and the report of that day's month is it.
    day = first_day
    while day <= last_day:
        holding = [m for m, (a, b) in enumerate(periods, 1) if a <= day <= b]
        assert len(holding) == 1
        assert domain.report_month(day, rules) == f"{year}-{holding[0]:02d}"
        day += timedelta(days=1)


def test_periods_default_to_the_current_month_both_ends_inclusive():
    assert domain.default_period(date(2026, 2, 10), None, None) == (date(2026, 2, 1), date(2026, 2, 28))
    assert domain.default_period(date(2026, 2, 10), date(2026, 1, 5), None) == (date(2026, 1, 5), date(2026, 2, 28))
    assert domain.month_days("2028-02") == (date(2028, 2, 1), date(2028, 2, 29))
    with pytest.raises(DomainError):
        domain.default_period(date(2026, 2, 10), date(2026, 2, 9), date(2026, 2, 8))


def test_report_counts_list_every_key_even_at_zero():
    assert domain.count_by(["web", "phone", "web"], domain.CHANNELS) == {
        "phone": 1, "in_person": 0, "letter": 0, "web": 2, "online_media": 0, "fax": 0, "sms": 0}


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


# --- the working-time calendar ----------------------------------------------------------------

CST = timezone(timedelta(hours=8))
SHIPPED_2026 = Path(domain.__file__).parent / "calendars" / "2026.json"


def loaded(*years_data: dict) -> domain.WorkCalendar:
    off, on, years = set(), set(), set()
    for data in years_data:
        arrangement = domain.parse_arrangement(data)
        off |= set(arrangement.off)
        on |= set(arrangement.on)
        years.add(arrangement.year)
    return domain.WorkCalendar(frozenset(off), frozenset(on), frozenset(years))


WORK_2026 = loaded(json.loads(SHIPPED_2026.read_text(encoding="utf-8")))


def test_the_shipped_2026_calendar_is_the_state_councils_notice():
    """国办发明电〔2025〕: 元旦 1/1-1/3, 春节 2/15-2/23, 清明 4/4-4/6, 劳动节 5/1-5/5, 端午
    6/19-6/21, 中秋 9/25-9/27, 国庆 10/1-10/7; at work 1/4, 2/14, 2/28, 5/9, 9/20, 10/10."""
    arrangement = domain.parse_arrangement(json.loads(SHIPPED_2026.read_text(encoding="utf-8")))
    assert len(arrangement.off) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert sorted(arrangement.on) == [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
                                      date(2026, 9, 20), date(2026, 10, 10)]
    assert arrangement.off[date(2026, 2, 23)] == "春节" and date(2026, 2, 24) not in arrangement.off


@pytest.mark.parametrize("received,due,provisional", [
    # Thursday before the Mid-Autumn holiday (Fri 25 to Sun 27 Sep): Mon 28, Tue 29, Wed 30.
    (datetime(2026, 9, 24, 10, 0, tzinfo=CST), datetime(2026, 10, 1, 0, 0, tzinfo=CST), False),
    # The eve of National Day: 1-7 Oct off, Thu 8, Fri 9 and the make-up Saturday 10 Oct.
    (datetime(2026, 9, 30, 10, 0, tzinfo=CST), datetime(2026, 10, 11, 0, 0, tzinfo=CST), False),
    # Friday 9 Oct: the make-up Saturday counts, then Mon 12 and Tue 13.
    (datetime(2026, 10, 9, 16, 0, tzinfo=CST), datetime(2026, 10, 14, 0, 0, tzinfo=CST), False),
    # The make-up Sunday 20 Sep counts; received on it, the count starts the day after.
    (datetime(2026, 9, 19, 9, 0, tzinfo=CST), datetime(2026, 9, 23, 0, 0, tzinfo=CST), False),
    # An ordinary week: Mon 2 Nov → Tue, Wed, Thu.
    (datetime(2026, 11, 2, 9, 0, tzinfo=CST), datetime(2026, 11, 6, 0, 0, tzinfo=CST), False),
    # Into 2027, not loaded: Thu 31 Dec, then Fri 1 Jan and Mon 4 Jan counted on weekdays alone.
    (datetime(2026, 12, 30, 9, 0, tzinfo=CST), datetime(2027, 1, 5, 0, 0, tzinfo=CST), True),
])
def test_three_working_days_count_the_calendars_holidays_and_make_up_days(received, due, provisional):
    deadline = domain.working_deadline("administrative_answer", received, 3, WORK_2026, CST)
    assert (deadline.due_at, deadline.provisional, deadline.working_days) == (due, provisional, 3)


def test_with_no_year_loaded_the_count_is_weekdays_and_provisional():
    received = datetime(2026, 9, 24, 10, 0, tzinfo=CST)  # the holiday is not known: Fri 25, Mon 28, Tue 29
    due, provisional = domain.add_working_days(received, 3, domain.WEEKDAYS, CST)
    assert (due, provisional) == (datetime(2026, 9, 30, 0, 0, tzinfo=CST), True)


def test_the_deadline_follows_the_desks_local_day_not_utc():
    # 23:30 UTC on Sunday is Monday 07:30 in China: counted from Monday.
    received = datetime(2026, 11, 1, 23, 30, tzinfo=timezone.utc)
    assert domain.add_working_days(received, 1, WORK_2026, CST)[0] == datetime(2026, 11, 4, 0, 0, tzinfo=CST)


def test_intake_counts_the_administrative_answer_on_the_calendar():
    received = datetime(2026, 9, 30, 10, 0, tzinfo=CST)
    [answer] = [d for d in domain.intake_deadlines("consultation", "phone", "administrative", received, RULES,
                                                    WORK_2026, CST) if d.name == "administrative_answer"]
    assert answer.due_at == datetime(2026, 10, 11, 0, 0, tzinfo=CST)
    [first] = [d for d in domain.intake_deadlines("consultation", "phone", "administrative", received, RULES,
                                                   WORK_2026, CST) if d.name == "first_reply"]
    assert first.due_at - received == timedelta(hours=24)  # the 7×24 desk keeps clock hours, holiday or not


def _arrangement(**changes) -> dict:
    return {"year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知",
            "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
            "workdays": [{"name": "春节", "date": "2027-02-06"}]} | changes


@pytest.mark.parametrize("changes,field", [
    ({"year": 1999}, "year"), ({"source": ""}, "source"),
    ({"holidays": []}, "holidays"),
    ({"holidays": [{"name": "春节", "from": "2027-02-01", "to": "2027-02-11"}]}, "holidays.0"),  # 11 days
    ({"holidays": [{"name": "元旦", "from": "2026-11-01", "to": "2026-11-02"}]}, "holidays.0"),  # not the year
    ({"holidays": [{"name": "元旦", "from": "2027-01-03", "to": "2027-01-01"}]}, "holidays.0"),  # backwards
    ({"holidays": [{"name": "元旦", "from": "2027-02-30"}]}, "holidays.0"),  # no such day
    ({"workdays": [{"name": "春节", "date": "2027-02-08"}]}, "workdays.0"),  # a Monday
    ({"workdays": [{"name": "元旦", "date": "2027-01-02"}]}, "workdays.0"),  # also a holiday
])
def test_an_arrangement_with_a_mistake_is_refused_whole(changes, field):
    with pytest.raises(DomainError) as error:
        domain.parse_arrangement(_arrangement(**changes))
    assert error.value.code == "VALIDATION_FAILED" and field in error.value.errors


def test_a_valid_arrangement_is_read_day_by_day():
    arrangement = domain.parse_arrangement(_arrangement())
    assert arrangement.off == {date(2027, 1, 1): "元旦", date(2027, 1, 2): "元旦", date(2027, 1, 3): "元旦"}
    assert arrangement.on == {date(2027, 2, 6): "春节"}
    # Loaded, 2027 counts its holidays and stops being provisional.
    work = loaded(json.loads(SHIPPED_2026.read_text(encoding="utf-8")), _arrangement())
    assert domain.add_working_days(datetime(2026, 12, 30, 9, 0, tzinfo=CST), 3, work, CST) == (
        datetime(2027, 1, 6, 0, 0, tzinfo=CST), False)  # Thu 31 Dec, Mon 4, Tue 5 Jan


# --- a paused clock ---------------------------------------------------------------------------

def test_a_paused_clock_hour_deadline_moves_by_the_time_paused():
    paused = domain.paused_deadline(FIRST_REPLY, T0 + timedelta(hours=2), T0 + timedelta(hours=5),
                                    WORK_2026, CST)
    assert (paused.starts_at, paused.due_at) == (T0 + timedelta(hours=3), T0 + timedelta(hours=27))


def test_a_paused_working_day_deadline_adds_the_working_days_the_pause_took():
    start = datetime(2026, 11, 2, 9, 0, tzinfo=CST)  # due at the end of Thu 5 Nov
    answer = domain.working_deadline("administrative_answer", start, 3, WORK_2026, CST)
    # Paused Tue 3 Nov, answered Thu 5 Nov: Wed and Thu were lost; five days in all, to Mon 9 Nov.
    moved = domain.paused_deadline(answer, datetime(2026, 11, 3, 10, 0, tzinfo=CST),
                                   datetime(2026, 11, 5, 15, 0, tzinfo=CST), WORK_2026, CST)
    assert (moved.due_at, moved.working_days) == (datetime(2026, 11, 10, 0, 0, tzinfo=CST), 5)
    # Paused from Friday evening to Sunday: no working day lost.
    later = domain.working_deadline("administrative_answer", datetime(2026, 11, 5, 9, 0, tzinfo=CST), 3,
                                    WORK_2026, CST)  # Fri 6, Mon 9, Tue 10
    weekend = domain.paused_deadline(later, datetime(2026, 11, 6, 18, 0, tzinfo=CST),
                                     datetime(2026, 11, 8, 20, 0, tzinfo=CST), WORK_2026, CST)
    assert weekend.due_at == later.due_at == datetime(2026, 11, 11, 0, 0, tzinfo=CST)


def test_a_deadline_missed_before_the_pause_stays_missed():
    assert domain.paused_deadline(FIRST_REPLY, T0 + timedelta(hours=25), T0 + timedelta(hours=40),
                                  WORK_2026, CST) == FIRST_REPLY


def test_a_clock_pauses_once_and_resumes_only_when_paused():
    domain.check_pause("pause", False)
    domain.check_pause("resume", True)
    for action, paused in (("pause", True), ("resume", False)):
        with pytest.raises(DomainError) as error:
            domain.check_pause(action, paused)
        assert error.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("action,paused,resumes", [
    ("first_reply", True, True), ("resolve", True, True), ("result_reply", True, True),
    ("assign", True, False), ("follow_up", True, False), ("investigate", True, False), ("escalate", True, False),
    ("merge", True, False), ("resume", True, False), ("first_reply", False, False),
])
def test_the_desk_acting_for_the_complainant_starts_the_clock_again(action, paused, resumes):
    assert domain.resumes_clock(action, paused) is resumes


# --- the quality check's independence ------------------------------------------------------------

@pytest.mark.parametrize("role,user,staff,code", [
    ("cs_agent", "u-q", "s-q", None), ("cs_supervisor", "u-q", None, None),
    ("point_admin", "u-q", "s-q", "CALLBACK_NOT_INDEPENDENT"), ("admin", "u-q", None, "CALLBACK_NOT_INDEPENDENT"),
    ("cs_agent", "u-q", "s-owner", "CALLBACK_NOT_INDEPENDENT"),  # the owner's staff member
    ("cs_agent", "u-owner", None, "CALLBACK_NOT_INDEPENDENT"),  # a user linked to the owner
    ("cs_agent", "u-res", "s-q", "CALLBACK_NOT_INDEPENDENT"),  # resolved it (by user)
    ("cs_supervisor", "u-q", "s-res", "CALLBACK_NOT_INDEPENDENT"),  # resolved it (by staff member)
])
def test_the_closing_callback_is_the_desks_and_independent(role, user, staff, code):
    def check():
        domain.check_callback_independent(role, user, staff, "s-owner", ["u-owner"], [("u-res", "s-res")])
    if code is None:
        check()
    else:
        with pytest.raises(DomainError) as error:
            check()
        assert error.value.code == code


def test_an_unreached_callback_is_tried_again_when_booked_or_after_the_wait():
    assert domain.next_callback_try(T0, None, RULES) == T0 + timedelta(hours=2)
    assert domain.next_callback_try(T0, T0 + timedelta(days=1), RULES) == T0 + timedelta(days=1)
    with pytest.raises(DomainError):
        domain.next_callback_try(T0, T0, RULES)
    booked = domain.callback_deadline(T0, T0 + timedelta(hours=5))
    assert (booked.name, booked.due_at) == ("callback", T0 + timedelta(hours=5))
    assert "callback" in domain.met_by("callback_unreached") and "callback" in domain.met_by("callback_satisfied")


# --- intake's other deadlines --------------------------------------------------------------------

@pytest.mark.parametrize("hour,minute,due_day", [(9, 0, 2), (19, 59, 2), (20, 0, 2), (20, 1, 3), (23, 30, 3)])
def test_the_investigation_is_the_same_day_unless_under_4_hours_are_left(hour, minute, due_day):
    received = datetime(2026, 11, 2, hour, minute, tzinfo=CST)
    deadline = domain.investigation_deadline(received, CST, RULES)
    assert deadline.due_at == datetime(2026, 11, due_day + 1, 0, 0, tzinfo=CST)


def test_online_media_review_then_feedback_within_the_hour():
    domain.check_review("online_media", "pending")
    for channel, state in (("phone", "pending"), ("online_media", None), ("online_media", "approved")):
        with pytest.raises(DomainError):
            domain.check_review(channel, state)
    assert domain.review_after("first_reply", "online_media", True, None) == "pending"
    assert domain.review_after("first_reply", "online_media", False, None) is None  # spoken, not written
    assert domain.review_after("result_reply", "online_media", True, "returned") == "pending"
    assert domain.review_after("first_reply", "phone", True, None) is None
    assert domain.review_after("review_approved", "online_media", False, "pending") == "approved"
    assert domain.review_after("review_returned", "online_media", False, "pending") == "returned"
    feedback = domain.after_review("review_approved", T0, RULES)
    assert (feedback.name, feedback.due_at) == ("feedback", T0 + timedelta(hours=1))
    again = domain.after_review("review_returned", T0, RULES)
    assert (again.name, again.due_at) == ("written_reply", T0 + timedelta(hours=24))
    assert domain.after_review("first_reply", T0, RULES) is None
    assert "feedback" in domain.met_by("first_reply") and "feedback" in domain.met_by("result_reply")


def test_unsatisfied_the_complaint_is_handled_again_within_72_hours():
    deadline = domain.rectification_deadline(T0, RULES)
    assert (deadline.name, deadline.due_at) == ("rectification", T0 + timedelta(hours=72))
    assert "rectification" in domain.met_by("resolve")


# --- merge, the missed-call list, the roster -----------------------------------------------------

@pytest.mark.parametrize("args,ok", [
    (("a", "p", "b", "p", "in_progress", None), True),
    (("a", "p", "a", "p", "in_progress", None), False),  # itself
    (("a", "p", "b", "p", "closed", None), False),
    (("a", "p", "b", "p", "received", "c"), False),  # the target was merged away itself
    (("a", "p", "b", "q", "received", None), False),  # another point
])
def test_a_duplicate_merges_into_an_open_record_of_its_point(args, ok):
    if ok:
        domain.check_merge(*args)
    else:
        with pytest.raises(DomainError) as error:
            domain.check_merge(*args)
        assert error.value.code == "MERGE_REFUSED"


def test_only_a_missed_call_not_yet_reached_is_called_back():
    domain.check_call_back(False, False)
    for answered, called_back in ((True, False), (False, True)):
        with pytest.raises(DomainError):
            domain.check_call_back(answered, called_back)


def test_a_handover_is_taken_over_once_and_not_by_its_writer():
    domain.check_take_over(False, ("u-1", "s-1"), ("u-2", "s-2"))
    for accepted, taker in ((True, ("u-2", "s-2")), (False, ("u-1", None)), (False, ("u-3", "s-1"))):
        with pytest.raises(DomainError):
            domain.check_take_over(accepted, ("u-1", "s-1"), taker)


def test_a_shift_runs_up_to_24_hours_with_its_staff_named_once():
    domain.check_shift(T0, T0 + timedelta(hours=12), ["a", "b"])
    for end, staff in ((T0, ["a"]), (T0 + timedelta(hours=25), ["a"]), (T0 + timedelta(hours=8), []),
                       (T0 + timedelta(hours=8), ["a", "a"])):
        with pytest.raises(DomainError):
            domain.check_shift(T0, end, staff)


# The night and any-time rules alone (the peak asks no more than any time).
NO_PEAK = Rules(min_peak_seats=1)


def test_the_roster_needs_two_seats_at_night_and_one_by_day():
    day = datetime(2026, 11, 2, 8, 0, tzinfo=CST)
    night = datetime(2026, 11, 2, 20, 0, tzinfo=CST)
    end = datetime(2026, 11, 3, 8, 0, tzinfo=CST)
    # One seat all day and one at night: the night is short by one.
    gaps = domain.coverage_gaps([(day, night, 1), (night, end, 1)], day, end, CST, NO_PEAK)
    assert [(g.starts_at, g.ends_at, g.seats, g.required) for g in gaps] == [(night, end, 1, 2)]
    # Two at night, but nobody from 12:00 to 13:00.
    noon, one = day + timedelta(hours=4), day + timedelta(hours=5)
    gaps = domain.coverage_gaps([(day, noon, 1), (one, night, 1), (night, end, 2)], day, end, CST, NO_PEAK)
    assert [(g.starts_at, g.ends_at, g.seats, g.required) for g in gaps] == [(noon, one, 0, 1)]
    assert domain.coverage_gaps([(day, end, 2)], day, end, CST, NO_PEAK) == []


@pytest.mark.parametrize("moment,night", [((19, 59), False), ((20, 0), True), ((3, 0), True), ((7, 59), True),
                                          ((8, 0), False)])
def test_the_night_shift_runs_from_20_to_8(moment, night):
    assert domain.is_night(datetime(2026, 11, 2, *moment, tzinfo=CST), CST, RULES) is night


def test_recurring_problems_are_frequent_and_come_back():
    counts = {"safety": [1, 1, 1], "fees": [3, 0, 0], "hygiene_facility": [0, 2, 2], "other": [1, 0, 1]}
    assert domain.recurring(counts, RULES) == [
        {"key": "hygiene_facility", "counts": [0, 2, 2], "total": 4},
        {"key": "safety", "counts": [1, 1, 1], "total": 3}]  # fees: one month only; other: twice in all


def test_the_owner_is_the_points_administrator_else_a_desk_supervisor():
    admin = StaffView("s-9", ("point_admin",), POINT)
    own_supervisor = StaffView("s-5", ("cs_supervisor",), POINT)
    desk = StaffView("s-1", ("cs_supervisor",), None)
    elsewhere = StaffView("s-0", ("cs_supervisor",), "p-2")
    assert domain.pick_owner([desk, own_supervisor, admin, elsewhere], POINT) == "s-9"
    assert domain.pick_owner([desk, own_supervisor, elsewhere], POINT) == "s-5"
    assert domain.pick_owner([desk, elsewhere], POINT) == "s-1"
    assert domain.pick_owner([elsewhere, StaffView("s-2", ("cs_supervisor",), None, active=False)], POINT) is None
