"""Complaints settings from the environment (defaults from DOMAIN.md sections 5 and 8)."""
from __future__ import annotations

from dataclasses import dataclass

from kit.settings import CommonSettings, common_settings, env, generated_secret
from services.complaints.domain import Rules


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    rules: Rules
    deadline_watch_every_seconds: float
    report_check_every_seconds: float
    survey_token_secret: str  # makes survey links; the same secret makes the same link again


def load() -> Settings:
    return Settings(
        common=common_settings("complaints"),
        rules=Rules(
            first_reply_hours=env.float("ZHUYU_COMPLAINT_FIRST_REPLY_HOURS", 24),
            written_reply_hours=env.float("ZHUYU_COMPLAINT_WRITTEN_REPLY_HOURS", 24),
            result_reply_minutes=env.float("ZHUYU_COMPLAINT_RESULT_REPLY_MINUTES", 30),
            follow_up_days=env.float("ZHUYU_COMPLAINT_FOLLOW_UP_DAYS", 7),
            min_follow_ups=env.int("ZHUYU_COMPLAINT_MIN_FOLLOW_UPS", 3),
            administrative_days=env.float("ZHUYU_COMPLAINT_ADMINISTRATIVE_DAYS", 3),
            warn_at=env.float("ZHUYU_COMPLAINT_WARN_AT", 0.8),
            escalate_at=env.float("ZHUYU_COMPLAINT_ESCALATE_AT", 1.0),
            satisfied_score=env.int("ZHUYU_SURVEY_SATISFIED_SCORE", 4),
            report_day=env.int("ZHUYU_COMPLAINT_REPORT_DAY", 25),
            satisfaction_target=env.float("ZHUYU_SATISFACTION_TARGET", 0.95),
            in_time_target=env.float("ZHUYU_COMPLAINT_IN_TIME_TARGET", 0.95),
            answer_rate_target=env.float("ZHUYU_HOTLINE_ANSWER_RATE_TARGET", 0.90),
        ),
        deadline_watch_every_seconds=env.float("ZHUYU_COMPLAINT_DEADLINE_WATCH_EVERY_SECONDS", 30.0),
        report_check_every_seconds=env.float("ZHUYU_COMPLAINT_REPORT_CHECK_EVERY_SECONDS", 3600.0),
        survey_token_secret=env.str("ZHUYU_SURVEY_TOKEN_SECRET", None) or generated_secret("survey-token-secret"),
    )
