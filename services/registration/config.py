"""Registration settings from the environment (defaults from DOMAIN.md, written once in
`domain.Rules`)."""
from __future__ import annotations

from dataclasses import dataclass

from kit.settings import CommonSettings, common_settings, env, from_env
from services.registration.domain import Rules


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    rules: Rules
    certificate_check_every_seconds: float
    assessment_check_every_seconds: float


def load() -> Settings:
    return Settings(
        common=common_settings("registration"),
        rules=from_env(
            Rules,
            min_experience_years="ZHUYU_STAFF_MIN_EXPERIENCE_YEARS",
            certificate_warning_days="ZHUYU_CERTIFICATE_WARNING_DAYS",
            eligible_levels="ZHUYU_BATHING_ELIGIBLE_LEVELS",
            assessment_valid_days="ZHUYU_ASSESSMENT_VALID_DAYS",
            assessment_reminder_days="ZHUYU_ASSESSMENT_REMINDER_DAYS",
            min_age="ZHUYU_MIN_AGE",
            subsidy_min_age="ZHUYU_SUBSIDY_MIN_AGE",
            subsidy_age_with_category="ZHUYU_SUBSIDY_AGE_WITH_CATEGORY",
            subsidy_age_alone="ZHUYU_SUBSIDY_AGE_ALONE",
            severe_disability_level="ZHUYU_SEVERE_DISABILITY_LEVEL",
            model_worker_min_level="ZHUYU_SUBSIDY_MODEL_WORKER_MIN_LEVEL",
            subsidy_valid_days="ZHUYU_SUBSIDY_VALID_DAYS",
            subsidy_recheck_days="ZHUYU_SUBSIDY_RECHECK_DAYS",
        ),
        certificate_check_every_seconds=env.float("ZHUYU_CERTIFICATE_CHECK_EVERY_SECONDS", 3600.0),
        assessment_check_every_seconds=env.float("ZHUYU_ASSESSMENT_CHECK_EVERY_SECONDS", 3600.0),
    )
