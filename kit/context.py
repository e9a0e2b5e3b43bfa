"""Per-request and per-message context: request id, correlation id, trace parent.

Set by the HTTP middleware and by the consumer for each event, read by logging and by the
outbox so that events carry the id of the request that caused them.
"""
from __future__ import annotations

import contextvars
import os
import re
import uuid

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
correlation_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("correlation_id", default=None)
traceparent: contextvars.ContextVar[str | None] = contextvars.ContextVar("traceparent", default=None)
actor: contextvars.ContextVar[str | None] = contextvars.ContextVar("actor", default=None)

_SAFE_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")


def clean_id(value: str | None) -> str:
    """A caller's id if it is short and plain, else a new one (ids end up in logs)."""
    if value and _SAFE_ID.match(value):
        return value
    return str(uuid.uuid4())


def clean_traceparent(value: str | None) -> str | None:
    return value if value and _TRACEPARENT.match(value) else None


def trace_id() -> str | None:
    tp = traceparent.get()
    match = _TRACEPARENT.match(tp) if tp else None
    return match.group(1) if match else None


def new_traceparent() -> str:
    ids = os.urandom(24).hex()
    return f"00-{ids[:32]}-{ids[32:]}-01"
