"""Visits settings from the environment (defaults from DOMAIN.md sections 3 and 4, written
once in `domain.Rules` and `domain.FollowUpRules`)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kit import registry
from kit.settings import CommonSettings, common_settings, env, from_env, service_url
from services.visits.domain import FollowUpRules, Rules


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    rules: Rules
    follow_up_rules: FollowUpRules
    registration_url: str
    registration_timeout_seconds: float
    jobs_every_seconds: float


def load() -> Settings:
    rules = from_env(
        Rules,
        slot_minutes="ZHUYU_SLOT_MINUTES",
        no_show_after_minutes="ZHUYU_NO_SHOW_AFTER_MINUTES",
        max_bath_minutes="ZHUYU_MAX_BATH_MINUTES",
        min_rest_minutes="ZHUYU_MIN_REST_MINUTES",
        bp_danger_systolic="ZHUYU_BP_DANGER_SYSTOLIC",
        bp_danger_diastolic="ZHUYU_BP_DANGER_DIASTOLIC",
        bp_warning_systolic="ZHUYU_BP_WARNING_SYSTOLIC",
        bp_warning_diastolic="ZHUYU_BP_WARNING_DIASTOLIC",
        visit_close_after_minutes="ZHUYU_VISIT_CLOSE_AFTER_MINUTES",
        mandatory_reminders="ZHUYU_MANDATORY_REMINDERS",
    )
    follow_up_rules = from_env(
        FollowUpRules,
        hypertension_interval_days="ZHUYU_HYPERTENSION_INTERVAL_DAYS",
        recheck_within_days="ZHUYU_FOLLOW_UP_RECHECK_DAYS",
        target_systolic="ZHUYU_BP_TARGET_SYSTOLIC",
        target_diastolic="ZHUYU_BP_TARGET_DIASTOLIC",
        senior_age="ZHUYU_BP_SENIOR_AGE",
        senior_target_systolic="ZHUYU_BP_SENIOR_TARGET_SYSTOLIC",
        home_visit_interval_days="ZHUYU_HOME_VISIT_INTERVAL_DAYS",
        case_review_interval_days="ZHUYU_CASE_REVIEW_INTERVAL_DAYS",
        meeting_rate_target="ZHUYU_MEETING_RATE_TARGET",
        max_care_plan_problems="ZHUYU_CARE_PLAN_MAX_PROBLEMS",
        remind_days_before="ZHUYU_FOLLOW_UP_REMIND_DAYS_BEFORE",
        screening_interval_days="ZHUYU_BP_SCREENING_INTERVAL_DAYS",
        high_risk_interval_days="ZHUYU_HIGH_RISK_INTERVAL_DAYS",
        screening_recheck_days="ZHUYU_BP_SCREENING_RECHECK_DAYS",
        diagnosis_high_days="ZHUYU_BP_DIAGNOSIS_HIGH_DAYS",
        health_check_interval_days="ZHUYU_HEALTH_CHECK_INTERVAL_DAYS",
        health_check_age="ZHUYU_HEALTH_CHECK_AGE",
        discharge_first_visit_days="ZHUYU_DISCHARGE_FIRST_VISIT_DAYS",
    )
    return Settings(
        common=common_settings("visits"),
        rules=rules,
        # A danger reading is the same number at screening and at a hypertension follow-up.
        follow_up_rules=dataclasses.replace(follow_up_rules, danger_systolic=rules.bp_danger_systolic,
                                            danger_diastolic=rules.bp_danger_diastolic),
        registration_url=service_url("registration", registry.SERVICES["registration"]),
        registration_timeout_seconds=env.float("VISITS_REGISTRATION_TIMEOUT_SECONDS", 0.5),
        jobs_every_seconds=env.float("VISITS_JOBS_EVERY_SECONDS", 30.0),
    )
