"""Dates and times a request may carry: bounded, so that no arithmetic on them (the day
after, a slot's end, the time in UTC or in the deployment's zone) can overflow into a 500.

`Day` is a `fields.Date` and `Moment` a `fields.AwareDateTime` from 1900 to 2999: a value
outside is 422 on its field, and the document shows the bounds (`x-minimum`, `x-maximum`).
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from marshmallow import ValidationError, fields, validate

EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2999, 12, 31)
DAYS = validate.Range(EARLIEST_DAY, LATEST_DAY, error="A date from {min} to {max}.")
MOMENTS = validate.Range(datetime(1900, 1, 1, tzinfo=timezone.utc),
                         datetime(2999, 12, 31, 23, 59, 59, tzinfo=timezone.utc),
                         error="A time from 1900-01-01 to 2999-12-31.")


def _bounded(bound: validate.Range, given) -> list:
    if given is None:
        return [bound]
    return [bound, *(given if isinstance(given, (list, tuple)) else [given])]


class Day(fields.Date):
    """A date from 1900-01-01 to 2999-12-31."""

    def __init__(self, *args, validate=None, **kwargs):
        super().__init__(*args, validate=_bounded(DAYS, validate), **kwargs)


class Moment(fields.AwareDateTime):
    """A time with its offset, from 1900 to 2999 in UTC."""

    def __init__(self, *args, validate=None, **kwargs):
        super().__init__(*args, validate=_bounded(MOMENTS, validate), **kwargs)


def distinct(values: list) -> None:
    """A list validator: each item at most once."""
    if len(set(values)) != len(values):
        raise ValidationError("Each item at most once.")
