"""Building blocks of the schemas every producer declares for its events' `data`
(`services/<name>/events.py`): strict, so that a field renamed or left out is an error."""
from __future__ import annotations

import marshmallow as ma


def nullable(field_class: type[ma.fields.Field], **kw) -> ma.fields.Field:
    """A field every event carries, null when there is nothing to say."""
    return field_class(required=True, allow_none=True, **kw)


class Payload(ma.Schema):
    """An event's data: every field declared, none unknown."""

    class Meta:
        unknown = ma.RAISE


def check(schemas: dict[str, type[ma.Schema]], event_type: str, data: dict) -> None:
    """Raise ValueError unless `data` is what `event_type` declares."""
    schema = schemas.get(event_type)
    if schema is None:
        raise ValueError(f"{event_type} declares no schema")
    errors = schema().validate(data)
    if errors:
        raise ValueError(f"{event_type}: {errors}")
