"""One of the four services by name, wired from the environment: what `zhuyu serve`,
`zhuyu run` and the operators' commands start and read.

A service's image carries its own service only (and no gateway), so each is imported when
it is asked for, and asking for one the installation does not carry is `NotCarried`.
"""
from __future__ import annotations

import importlib
import importlib.util

from kit.registry import SERVICES


class NotCarried(Exception):
    """A part of the suite this installation does not hold (e.g. the gateway in a service's
    image); the message names it."""

    def __init__(self, part: str, container: str):
        super().__init__(part)
        self.part = part
        self.container = container


def carries(part: str) -> bool:
    """Whether this installation holds `part`: `gateway` or a service's name."""
    module = "gateway" if part == "gateway" else f"services.{part}"
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # not even the `services` package
        return False


def build(name: str):
    """The `Service` of one of the four services, wired from the environment."""
    if name not in SERVICES:
        raise SystemExit(f"unknown service {name!r}; choose from {', '.join(SERVICES)}")
    try:
        bootstrap = importlib.import_module(f"services.{name}.bootstrap")
    except ModuleNotFoundError as missing:
        if missing.name not in ("services", f"services.{name}", f"services.{name}.bootstrap"):
            raise
        raise NotCarried(f"the {name} service", name) from None
    return bootstrap.build()
