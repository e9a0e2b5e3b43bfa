"""Notify settings from the environment (defaults from DOMAIN.md section 6, written once
in `domain.Rules`)."""
from __future__ import annotations

from dataclasses import dataclass

from kit.settings import CommonSettings, common_settings, env, from_env
from services.notify.domain import Rules


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    rules: Rules
    dispatch_every_seconds: float
    reminders_every_seconds: float
    sms_provider: str
    sms_gateway_url: str
    sms_gateway_account: str
    sms_gateway_secret: str
    survey_base_url: str
    webhook_allow_private: bool
    provider_timeout_seconds: float
    smtp_host: str
    smtp_port: int
    smtp_user: str
    smtp_password: str
    smtp_from: str
    smtp_starttls: bool


def load() -> Settings:
    return Settings(
        common=common_settings("notify"),
        rules=from_env(
            Rules,
            quiet_start="ZHUYU_QUIET_HOURS_START",
            quiet_end="ZHUYU_QUIET_HOURS_END",
            max_attempts="NOTIFY_MAX_ATTEMPTS",
            backoff_base_seconds="NOTIFY_BACKOFF_BASE_SECONDS",
            backoff_factor="NOTIFY_BACKOFF_FACTOR",
            backoff_cap_seconds="NOTIFY_BACKOFF_CAP_SECONDS",
            jitter="NOTIFY_BACKOFF_JITTER",
            webhook_disable_after="NOTIFY_WEBHOOK_DISABLE_AFTER",
            booking_reminder_at="NOTIFY_BOOKING_REMINDER_AT",
            welcome_within_days="NOTIFY_WELCOME_WITHIN_DAYS",
        ),
        dispatch_every_seconds=env.float("NOTIFY_DISPATCH_EVERY_SECONDS", 0.1),
        reminders_every_seconds=env.float("NOTIFY_REMINDERS_EVERY_SECONDS", 30.0),
        sms_provider=env.str("NOTIFY_SMS_PROVIDER", "sink"),
        sms_gateway_url=env.str("NOTIFY_SMS_GATEWAY_URL", ""),
        sms_gateway_account=env.str("NOTIFY_SMS_GATEWAY_ACCOUNT", ""),
        sms_gateway_secret=env.str("NOTIFY_SMS_GATEWAY_SECRET", ""),
        survey_base_url=env.str("ZHUYU_SURVEY_BASE_URL", "http://127.0.0.1:8080/survey/"),
        webhook_allow_private=env.bool("ZHUYU_WEBHOOK_ALLOW_PRIVATE", False),
        provider_timeout_seconds=env.float("NOTIFY_PROVIDER_TIMEOUT_SECONDS", 5.0),
        smtp_host=env.str("NOTIFY_SMTP_HOST", ""),
        smtp_port=env.int("NOTIFY_SMTP_PORT", 25),
        smtp_user=env.str("NOTIFY_SMTP_USER", ""),
        smtp_password=env.str("NOTIFY_SMTP_PASSWORD", ""),
        smtp_from=env.str("NOTIFY_SMTP_FROM", "noreply@zhuyu.local"),
        smtp_starttls=env.bool("NOTIFY_SMTP_STARTTLS", False),
    )
