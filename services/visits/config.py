"""Visits settings from the environment (defaults from DOMAIN.md section 3)."""
from __future__ import annotations

from dataclasses import dataclass

from kit.settings import CommonSettings, common_settings, env, service_url
from services.visits.domain import FollowUpRules, Rules


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    rules: Rules
    follow_up_rules: FollowUpRules
    safety_commitment_version: str
    registration_url: str
    registration_timeout_seconds: float
    jobs_every_seconds: float


def load() -> Settings:
    return Settings(
        common=common_settings("visits"),
        rules=Rules(
            slot_minutes=env.int("ZHUYU_SLOT_MINUTES", 30),
            no_show_after_minutes=env.int("ZHUYU_NO_SHOW_AFTER_MINUTES", 30),
            max_bath_minutes=env.int("ZHUYU_MAX_BATH_MINUTES", 20),
            min_rest_minutes=env.int("ZHUYU_MIN_REST_MINUTES", 15),
            bp_danger_systolic=env.int("ZHUYU_BP_DANGER_SYSTOLIC", 180),
            bp_danger_diastolic=env.int("ZHUYU_BP_DANGER_DIASTOLIC", 110),
            bp_warning_systolic=env.int("ZHUYU_BP_WARNING_SYSTOLIC", 140),
            bp_warning_diastolic=env.int("ZHUYU_BP_WARNING_DIASTOLIC", 90),
            eligible_levels=frozenset(env.list("ZHUYU_BATHING_ELIGIBLE_LEVELS", [2, 3], subcast=int)),
        ),
        follow_up_rules=FollowUpRules(
            hypertension_interval_days=env.int("ZHUYU_HYPERTENSION_INTERVAL_DAYS", 91),
            recheck_within_days=env.int("ZHUYU_FOLLOW_UP_RECHECK_DAYS", 14),
            target_systolic=env.int("ZHUYU_BP_TARGET_SYSTOLIC", 140),
            target_diastolic=env.int("ZHUYU_BP_TARGET_DIASTOLIC", 90),
            senior_age=env.int("ZHUYU_BP_SENIOR_AGE", 65),
            senior_target_systolic=env.int("ZHUYU_BP_SENIOR_TARGET_SYSTOLIC", 150),
            home_visit_interval_days=env.int("ZHUYU_HOME_VISIT_INTERVAL_DAYS", 91),
            case_review_interval_days=env.int("ZHUYU_CASE_REVIEW_INTERVAL_DAYS", 91),
            meeting_rate_target=env.float("ZHUYU_MEETING_RATE_TARGET", 0.90),
            max_care_plan_problems=env.int("ZHUYU_CARE_PLAN_MAX_PROBLEMS", 3),
            remind_days_before=env.int("ZHUYU_FOLLOW_UP_REMIND_DAYS_BEFORE", 3),
            danger_systolic=env.int("ZHUYU_BP_DANGER_SYSTOLIC", 180),
            danger_diastolic=env.int("ZHUYU_BP_DANGER_DIASTOLIC", 110),
        ),
        safety_commitment_version=env.str("ZHUYU_SAFETY_COMMITMENT_VERSION", "v1"),
        registration_url=service_url("registration", 8101),
        registration_timeout_seconds=env.float("VISITS_REGISTRATION_TIMEOUT_SECONDS", 0.5),
        jobs_every_seconds=env.float("VISITS_JOBS_EVERY_SECONDS", 30.0),
    )
