"""Registration request and response schemas (validation, rendering and OpenAPI at once)."""
from __future__ import annotations

import re

import marshmallow as ma
from marshmallow import fields, validate

from kit.paging import PageArgs

HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE
        ordered = True


def _opening_hours(value: dict) -> None:
    for day, spans in value.items():
        if day not in WEEKDAYS:
            raise ma.ValidationError(f"unknown day {day!r}; use {', '.join(WEEKDAYS)}")
        if not isinstance(spans, list):
            raise ma.ValidationError(f"{day}: a list of [start, end] spans")
        for span in spans:
            if (not isinstance(span, list) or len(span) != 2
                    or not all(isinstance(t, str) and HHMM.match(t) for t in span) or span[0] >= span[1]):
                raise ma.ValidationError(f"{day}: each span is [\"HH:MM\", \"HH:MM\"] with start before end")


class ServicePointIn(Strict):
    name = fields.String(required=True, validate=validate.Length(1, 200))
    address = fields.String(required=True, validate=validate.Length(1, 500))
    district = fields.String(required=True, validate=validate.Length(1, 100))
    bath_capacity = fields.Integer(required=True, validate=validate.Range(1, 100))
    rest_seats = fields.Integer(required=True, validate=validate.Range(0, 1000))
    opening_hours = fields.Dict(required=True, validate=_opening_hours)
    safety_reminders = fields.List(fields.String(validate=validate.Length(1, 500)), load_default=list)
    contact_phone = fields.String(load_default=None, validate=validate.Length(3, 32))
    active = fields.Boolean(load_default=True)


class ServicePointOut(ma.Schema):
    id = fields.String()
    name = fields.String()
    address = fields.String()
    district = fields.String()
    bath_capacity = fields.Integer()
    rest_seats = fields.Integer()
    opening_hours = fields.Dict()
    safety_reminders = fields.List(fields.String())
    contact_phone = fields.String(allow_none=True)
    active = fields.Boolean()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class EmergencyContact(Strict):
    name = fields.String(required=True, validate=validate.Length(1, 100))
    relation = fields.String(required=True, validate=validate.Length(1, 50))
    phone = fields.String(required=True, validate=validate.Length(3, 32))


class ElderIn(Strict):
    name = fields.String(required=True, validate=validate.Length(1, 100))
    gender = fields.String(required=True, validate=validate.OneOf(["female", "male"]))
    birth_date = fields.Date(required=True)
    id_number = fields.String(required=True)
    citizen_card_no = fields.String(required=True, validate=validate.Regexp(r"^[A-Za-z0-9]{6,32}$"))
    phone = fields.String(load_default=None, allow_none=True)
    address = fields.String(required=True, validate=validate.Length(1, 500))
    district = fields.String(required=True, validate=validate.Length(1, 100))
    service_point_id = fields.UUID(required=True)
    emergency_contacts = fields.List(fields.Nested(EmergencyContact), required=True,
                                     validate=validate.Length(min=1, error="At least one emergency contact."))
    chronic_conditions = fields.List(fields.String(validate=validate.Length(1, 100)), load_default=list)
    medications = fields.List(fields.String(validate=validate.Length(1, 200)), load_default=list)
    allergies = fields.List(fields.String(validate=validate.Length(1, 200)), load_default=list)
    notes = fields.String(load_default="", validate=validate.Length(max=4000))


class ElderOut(ma.Schema):
    id = fields.String()
    name = fields.String()
    gender = fields.String()
    birth_date = fields.Date()
    id_number = fields.String()
    citizen_card_no = fields.String()
    phone = fields.String(allow_none=True)
    address = fields.String()
    district = fields.String()
    service_point_id = fields.String()
    emergency_contacts = fields.List(fields.Dict())
    chronic_conditions = fields.List(fields.String())
    medications = fields.List(fields.String())
    allergies = fields.List(fields.String())
    notes = fields.String()
    status = fields.String()
    eligible_for_bathing = fields.Boolean()
    safety_commitment_current = fields.Boolean()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class ElderListArgs(PageArgs):
    citizen_card_no = fields.String()
    service_point_id = fields.UUID()
    q = fields.String(validate=validate.Length(1, 100))


class ServicePointPage(ma.Schema):
    items = fields.List(fields.Nested(ServicePointOut))
    next_cursor = fields.String(allow_none=True)


class ElderPage(ma.Schema):
    items = fields.List(fields.Nested(ElderOut))
    next_cursor = fields.String(allow_none=True)
