"""The four services and the gateway by name, with their default ports."""
from __future__ import annotations

import importlib

SERVICES = {"registration": 8101, "visits": 8102, "complaints": 8103, "notify": 8104}
GATEWAY_PORT = 8080


def build(name: str):
    """The `Service` of one of the four services, wired from the environment."""
    if name not in SERVICES:
        raise SystemExit(f"unknown service {name!r}; choose from {', '.join(SERVICES)}")
    return importlib.import_module(f"services.{name}.bootstrap").build()
