"""What each event registration publishes carries in `data` (docs/events.md): an elder's,
a staff member's or a service point's whole public state, and a subsidy's decision and end. The
outbox checks every event against its schema when `ZHUYU_CHECK_EVENTS` is set (as in
tests); `scripts/event_catalogue.py` writes them as JSON Schema under docs/events/."""
from __future__ import annotations

from marshmallow import fields, validate

from kit.event_schemas import Payload, nullable


class ServicePoint(Payload):
    id = fields.UUID(required=True)
    name = fields.String(required=True)
    address = fields.String(required=True)
    district = fields.String(required=True)
    bath_capacity = fields.Integer(required=True)
    rest_seats = fields.Integer(required=True)
    opening_hours = fields.Dict(required=True, keys=fields.String(),
                                values=fields.List(fields.List(fields.String())))
    safety_reminders = fields.List(fields.String(), required=True)
    contact_phone = nullable(fields.String)
    active = fields.Boolean(required=True)


class Staff(Payload):
    id = fields.UUID(required=True)
    name = fields.String(required=True)
    gender = nullable(fields.String)
    roles = fields.List(fields.String(), required=True)
    service_point_id = nullable(fields.UUID)
    phone = fields.String(required=True)
    email = nullable(fields.String)
    qualified = fields.Boolean(required=True)
    qualification_problems = fields.List(fields.String(), required=True)
    health_certificate_expires_on = nullable(fields.Date)
    active = fields.Boolean(required=True)


class QualificationChanged(Staff):
    change = fields.String(required=True, validate=validate.OneOf(["expired", "expiring_soon", "renewed"]))
    days_left = nullable(fields.Integer)


class EmergencyContact(Payload):
    name = fields.String(required=True)
    relation = fields.String(required=True)
    phone = fields.String(required=True)


class Elder(Payload):
    id = fields.UUID(required=True)
    name = fields.String(required=True)
    gender = fields.String(required=True, validate=validate.OneOf(["female", "male"]))
    birth_date = fields.Date(required=True)
    citizen_card_no = fields.String(required=True)
    previous_citizen_card_nos = fields.List(fields.String(), required=True)
    phone = nullable(fields.String)
    phone_is_mobile = fields.Boolean(required=True)
    service_point_id = fields.UUID(required=True)
    district = fields.String(required=True)
    emergency_contacts = fields.List(fields.Nested(EmergencyContact), required=True)
    chronic_conditions = fields.List(fields.String(), required=True)
    status = fields.String(required=True, validate=validate.OneOf(["active", "suspended", "closed"]))
    status_reason = nullable(fields.String)
    latest_assessment_level = nullable(fields.Integer)
    safety_commitment_version = nullable(fields.String)
    # Registration's bathing decision, which visits applies (docs/events.md).
    safety_commitment_current = fields.Boolean(required=True)
    eligible_for_bathing = fields.Boolean(required=True)
    ineligibility_reasons = fields.List(fields.String(), required=True)
    latest_assessed_on = nullable(fields.Date)
    assessment_due_on = nullable(fields.Date)  # the latest assessment's last valid day
    decision_lapses_on = nullable(fields.Date)
    commitment_version_in_force = fields.String(required=True)
    same_gender_assistant = fields.Boolean(required=True)
    language = fields.String(required=True)
    consents = fields.Dict(required=True, keys=fields.String(), values=fields.Boolean(allow_none=True))


class Assessment(Payload):
    id = fields.UUID(required=True)
    elder_id = fields.UUID(required=True)
    level = fields.Integer(required=True)
    assessed_on = fields.Date(required=True)
    assessor = fields.String(required=True)
    reference = fields.String(required=True)


class AssessmentRecorded(Elder):
    assessment = fields.Nested(Assessment, required=True)


class AssessmentExpiring(Elder):
    days_left = fields.Integer(required=True)  # to `assessment_due_on`, that day counted as 0


class Subsidy(Payload):
    """A home-care subsidy application as it stands: visits keeps the approved ones (their
    validity, and when one was ended) to decide who pays for each visit."""

    id = fields.UUID(required=True)
    elder_id = fields.UUID(required=True)
    service_point_id = nullable(fields.UUID)
    category = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["submitted", "reviewed", "approved", "rejected",
                                                                   "ended"]))
    eligible = fields.Boolean(required=True)
    basis = nullable(fields.String)
    problems = fields.List(fields.String(), required=True)
    reasons = fields.List(fields.String(), required=True)
    decided_at = nullable(fields.AwareDateTime)
    valid_from = nullable(fields.Date)
    valid_until = nullable(fields.Date)
    ended_at = nullable(fields.AwareDateTime)
    end_reason = nullable(fields.String)


class SubsidyDecided(Subsidy):
    """The decision, sent to the elder: a refusal by the station or the centre, or the
    centre's approval (in force from `decided_at` through `valid_until`)."""

    stage = fields.String(required=True, validate=validate.OneOf(["reviewed", "approved"]))
    approved = fields.Boolean(required=True)
    note = fields.String(required=True)


SCHEMAS = {
    "registration.service_point.created": ServicePoint,
    "registration.service_point.updated": ServicePoint,
    "registration.staff.created": Staff,
    "registration.staff.updated": Staff,
    "registration.staff.qualification_changed": QualificationChanged,
    **{f"registration.elder.{name}": Elder for name in ("registered", "updated", "suspended", "reactivated", "closed",
                                                         "reopened")},
    "registration.safety_commitment.signed": Elder,
    "registration.consent.recorded": Elder,
    "registration.assessment.recorded": AssessmentRecorded,
    "registration.assessment.expiring": AssessmentExpiring,
    "registration.subsidy.decided": SubsidyDecided,
    "registration.subsidy.ended": Subsidy,
}
