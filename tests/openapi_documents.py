"""Each service's app and OpenAPI document as it serves it, built in-process without a
store or a broker (for the gateway's tests and stubs)."""
from __future__ import annotations

import functools
import importlib

from flask import Flask

from kit.registry import SERVICES
from kit.web import create_app


@functools.cache
def service_apps() -> dict[str, Flask]:
    return {name: create_app(name, None, importlib.import_module(f"services.{name}.api").blueprints, None, None)
            for name in SERVICES}


@functools.cache
def service_documents() -> dict[str, dict]:
    return {name: app.test_client().get("/openapi.json").get_json() for name, app in service_apps().items()}
