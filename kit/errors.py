"""The errors rules and use cases raise, in the domain's words: the contract's reason code
and a sentence, never an HTTP status.

`kit.web` maps them to problem+json once (`NotFound` 404, `Invalid` 422, `Forbidden` 403,
any other `DomainError` 409 with its code). `kit.consumer` tells them apart from failures of
the infrastructure: an event whose effect a rule refuses is dead-lettered at once (the same
event would be refused again), a `NotFound` is retried (what it names may still be on its
way), and an unreachable store keeps the batch for later.
"""
from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule refused: `code` is the contract's reason code, `detail` one sentence. Other
    keywords (e.g. `missing=[...]`) are facts the caller needs; they become fields of the
    problem body."""

    def __init__(self, code: str, detail: str = "", **fields: Any):
        super().__init__(detail or code)
        self.code = code
        self.detail = detail or code
        self.fields = fields


class NotFound(DomainError):
    """No such record (or none the caller may know of)."""

    def __init__(self, what: str, id: str, detail: str | None = None):
        super().__init__("NOT_FOUND", detail or f"No {what} {id}.")
        self.what = what
        self.id = id


class Invalid(DomainError):
    """Input that breaks a rule: by field (`{"field": ["message", ...]}`), or one sentence."""

    def __init__(self, errors: dict[str, list[str]] | str, detail: str | None = None):
        if isinstance(errors, str):
            detail, errors = detail or errors, None
        super().__init__("VALIDATION_FAILED", detail or "Some fields are invalid.")
        self.errors = errors
        if errors:  # read in logs and tests: every problem, not only the summary
            self.args = ("; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items()),)


class Unavailable(DomainError):
    """Another part of the suite this answer depends on did not answer in time (503, with
    `Retry-After`); nothing was stored."""

    def __init__(self, detail: str):
        super().__init__("SERVICE_UNAVAILABLE", detail)


class Forbidden(DomainError):
    """The caller may not do this (another point's record, a role's limit)."""

    def __init__(self, detail: str):
        super().__init__("FORBIDDEN", detail)
