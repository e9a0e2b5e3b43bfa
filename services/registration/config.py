"""Registration settings from the environment (defaults from DOMAIN.md)."""
from __future__ import annotations

from dataclasses import dataclass

from kit.settings import CommonSettings, common_settings, env


@dataclass(frozen=True)
class Settings:
    common: CommonSettings
    safety_commitment_version: str


def load() -> Settings:
    return Settings(
        common=common_settings("registration"),
        safety_commitment_version=env.str("ZHUYU_SAFETY_COMMITMENT_VERSION", "v1"),
    )
