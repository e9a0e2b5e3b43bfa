"""Complaints settings from the environment."""
from __future__ import annotations

from dataclasses import dataclass

from kit.settings import CommonSettings, common_settings


@dataclass(frozen=True)
class Settings:
    common: CommonSettings


def load() -> Settings:
    return Settings(common=common_settings("complaints"))
