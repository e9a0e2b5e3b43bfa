"""A consumer's test checks what it feeds its handlers against the producer's schema, as
the event catalogue (docs/events/, generated from the producers' declarations) gives it:
no service imports another's code, and a field renamed by a producer fails here."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import jsonschema

CATALOGUE = Path(__file__).resolve().parent.parent / "docs" / "events"


@functools.cache
def validator(event_type: str) -> jsonschema.Draft202012Validator:
    path = CATALOGUE / f"{event_type}.json"
    assert path.exists(), f"{event_type} is not in the event catalogue (docs/events/)"
    return jsonschema.Draft202012Validator(json.loads(path.read_text()),
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def checked(event_type: str, data: dict) -> dict:
    """`data`, once it is what the producer of `event_type` publishes."""
    errors = sorted(validator(event_type).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, f"{event_type}: " + "; ".join(f"{'.'.join(map(str, e.path)) or '/'}: {e.message}"
                                                     for e in errors)
    return data
