"""Registration settings from the environment (defaults from DOMAIN.md)."""
from __future__ import annotations

from dataclasses import dataclass

from kit.settings import CommonSettings, common_settings, env
from services.registration.domain import Rules


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    rules: Rules
    certificate_check_every_seconds: float


def load() -> Settings:
    return Settings(
        common=common_settings("registration"),
        rules=Rules(
            min_experience_years=env.float("ZHUYU_STAFF_MIN_EXPERIENCE_YEARS", 2.0),
            certificate_warning_days=env.int("ZHUYU_CERTIFICATE_WARNING_DAYS", 30),
            safety_commitment_version=env.str("ZHUYU_SAFETY_COMMITMENT_VERSION", "v1"),
            eligible_levels=frozenset(env.list("ZHUYU_BATHING_ELIGIBLE_LEVELS", [2, 3], subcast=int)),
            subsidy_min_age=env.int("ZHUYU_SUBSIDY_MIN_AGE", 60),
            subsidy_age_with_category=env.int("ZHUYU_SUBSIDY_AGE_WITH_CATEGORY", 70),
            subsidy_age_alone=env.int("ZHUYU_SUBSIDY_AGE_ALONE", 90),
            severe_disability_level=env.int("ZHUYU_SEVERE_DISABILITY_LEVEL", 3),
        ),
        certificate_check_every_seconds=env.float("ZHUYU_CERTIFICATE_CHECK_EVERY_SECONDS", 3600.0),
    )
