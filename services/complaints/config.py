"""Complaints settings from the environment (defaults from DOMAIN.md sections 5 and 8,
written once in `domain.Rules`)."""
from __future__ import annotations

from dataclasses import dataclass

from kit import registry
from kit.settings import CommonSettings, common_settings, env, from_env, generated_secret, service_url
from services.complaints.domain import Rules


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    rules: Rules
    deadline_watch_every_seconds: float
    report_check_every_seconds: float
    survey_token_secret: str  # makes survey links; the same secret makes the same link again
    registration_url: str  # asked which point an elder a complaint names is registered at
    registration_timeout_seconds: float


def load() -> Settings:
    return Settings(
        common=common_settings("complaints"),
        rules=from_env(
            Rules,
            first_reply_hours="ZHUYU_COMPLAINT_FIRST_REPLY_HOURS",
            written_reply_hours="ZHUYU_COMPLAINT_WRITTEN_REPLY_HOURS",
            feedback_hours="ZHUYU_COMPLAINT_FEEDBACK_HOURS",
            result_reply_minutes="ZHUYU_COMPLAINT_RESULT_REPLY_MINUTES",
            follow_up_days="ZHUYU_COMPLAINT_FOLLOW_UP_DAYS",
            min_follow_ups="ZHUYU_COMPLAINT_MIN_FOLLOW_UPS",
            administrative_days="ZHUYU_COMPLAINT_ADMINISTRATIVE_DAYS",
            investigation_min_hours="ZHUYU_COMPLAINT_INVESTIGATION_MIN_HOURS",
            callback_retry_hours="ZHUYU_COMPLAINT_CALLBACK_RETRY_HOURS",
            rectification_hours="ZHUYU_COMPLAINT_RECTIFICATION_HOURS",
            notice_at="ZHUYU_COMPLAINT_NOTICE_AT",
            warn_at="ZHUYU_COMPLAINT_WARN_AT",
            escalate_at="ZHUYU_COMPLAINT_ESCALATE_AT",
            satisfied_score="ZHUYU_SURVEY_SATISFIED_SCORE",
            report_day="ZHUYU_COMPLAINT_REPORT_DAY",
            satisfaction_target="ZHUYU_SATISFACTION_TARGET",
            in_time_target="ZHUYU_COMPLAINT_IN_TIME_TARGET",
            answer_rate_target="ZHUYU_HOTLINE_ANSWER_RATE_TARGET",
            recurring_months="ZHUYU_COMPLAINT_RECURRING_MONTHS",
            recurring_min_complaints="ZHUYU_COMPLAINT_RECURRING_MIN_COMPLAINTS",
            recurring_min_periods="ZHUYU_COMPLAINT_RECURRING_MIN_PERIODS",
            night_start="ZHUYU_HOTLINE_NIGHT_START",
            night_end="ZHUYU_HOTLINE_NIGHT_END",
            min_night_seats="ZHUYU_HOTLINE_MIN_NIGHT_SEATS",
            min_seats="ZHUYU_HOTLINE_MIN_SEATS",
            peak_start="ZHUYU_HOTLINE_PEAK_START",
            peak_end="ZHUYU_HOTLINE_PEAK_END",
            min_peak_seats="ZHUYU_HOTLINE_MIN_PEAK_SEATS",
        ),
        deadline_watch_every_seconds=env.float("ZHUYU_COMPLAINT_DEADLINE_WATCH_EVERY_SECONDS", 30.0),
        report_check_every_seconds=env.float("ZHUYU_COMPLAINT_REPORT_CHECK_EVERY_SECONDS", 3600.0),
        survey_token_secret=env.str("ZHUYU_SURVEY_TOKEN_SECRET", None) or generated_secret("survey-token-secret"),
        registration_url=service_url("registration", registry.SERVICES["registration"]),
        registration_timeout_seconds=env.float("COMPLAINTS_REGISTRATION_TIMEOUT_SECONDS", 2.0),
    )
