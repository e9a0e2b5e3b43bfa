"""Notify settings from the environment (defaults from DOMAIN.md section 6)."""
from __future__ import annotations

from dataclasses import dataclass

from kit.settings import CommonSettings, common_settings, env


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    dispatch_every_seconds: float
    sms_provider: str
    default_language: str


def load() -> Settings:
    return Settings(
        common=common_settings("notify"),
        dispatch_every_seconds=env.float("NOTIFY_DISPATCH_EVERY_SECONDS", 0.1),
        sms_provider=env.str("NOTIFY_SMS_PROVIDER", "sink"),
        default_language=env.str("NOTIFY_DEFAULT_LANGUAGE", "zh-CN"),
    )
