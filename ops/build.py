"""One of the four services by name, wired from the environment: what `zhuyu serve`,
`zhuyu run` and the operators' commands start and read.

A service's image carries its own service only, so each is imported when it is asked for.
"""
from __future__ import annotations

import importlib

from kit.registry import SERVICES


def build(name: str):
    """The `Service` of one of the four services, wired from the environment."""
    if name not in SERVICES:
        raise SystemExit(f"unknown service {name!r}; choose from {', '.join(SERVICES)}")
    return importlib.import_module(f"services.{name}.bootstrap").build()
