"""Each service's OpenAPI document as its app serves it, built in-process without a store
or a broker (for the gateway's tests and stubs)."""
from __future__ import annotations

import functools
import importlib

from kit.registry import SERVICES
from kit.web import create_app


@functools.cache
def service_documents() -> dict[str, dict]:
    documents = {}
    for name in SERVICES:
        api = importlib.import_module(f"services.{name}.api")
        app = create_app(name, None, api.blueprints, None, None)
        documents[name] = app.test_client().get("/openapi.json").get_json()
    return documents
