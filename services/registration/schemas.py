"""Registration request and response schemas (validation, rendering and OpenAPI at once)."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from kit.access import ROLES
from kit.fields import Day, Moment
from kit.paging import PageArgs
from services.registration import domain
from services.registration.domain import (
    CLOSE_REASONS, INELIGIBILITY_REASONS, MODEL_WORKER_LEVELS, SUBSIDY_CATEGORIES, SUBSIDY_STATUSES,
)


# The most an elder or a point carries of each list: beyond, a request is 422 (the record is
# read whole on every check-in and sent in every event; a contact is messaged on every alarm).
MAX_EMERGENCY_CONTACTS = 5
MAX_HEALTH_ITEMS = 50  # chronic conditions, medications, allergies, each
MAX_SAFETY_REMINDERS = 20


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class ServicePointIn(Strict):
    name = fields.String(required=True, validate=validate.Length(1, 200))
    address = fields.String(required=True, validate=validate.Length(1, 500))
    district = fields.String(required=True, validate=validate.Length(1, 100))
    bath_capacity = fields.Integer(required=True, validate=validate.Range(1, 100))
    rest_seats = fields.Integer(required=True, validate=validate.Range(0, 1000))
    opening_hours = fields.Dict(required=True)
    safety_reminders = fields.List(fields.String(validate=validate.Length(1, 500)), load_default=list,
                                   validate=validate.Length(max=MAX_SAFETY_REMINDERS))
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


class ServicePointPatch(ServicePointIn):
    """Any subset of a service point's fields."""


class EmergencyContact(Strict):
    name = fields.String(required=True, validate=validate.Length(1, 100))
    relation = fields.String(required=True, validate=validate.Length(1, 50))
    phone = fields.String(required=True, validate=validate.Length(3, 32))


class ElderIn(Strict):
    name = fields.String(required=True, validate=validate.Length(1, 100))
    gender = fields.String(required=True, validate=validate.OneOf(domain.GENDERS))
    birth_date = Day(required=True)
    id_number = fields.String(required=True, metadata={
        "description": "The 18-character resident ID number (GB 11643): 17 digits and a check character (a digit "
                       "or X) that must match them, the 17th digit odd for male and even for female, as `gender`.",
        "pattern": "^[0-9]{17}[0-9Xx]$", "example": "110105194503010026"})
    citizen_card_no = fields.String(required=True, validate=validate.Regexp(r"^[A-Za-z0-9]{6,32}$"),
                                    metadata={"description": "The citizen card number: 6 to 32 letters and digits.",
                                              "example": "HZ20240001"})
    phone = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=32))
    address = fields.String(required=True, validate=validate.Length(1, 500))
    district = fields.String(required=True, validate=validate.Length(1, 100))
    service_point_id = fields.UUID(required=True)
    emergency_contacts = fields.List(fields.Nested(EmergencyContact), required=True, validate=validate.Length(
        min=1, max=MAX_EMERGENCY_CONTACTS,
        error=f"At least one emergency contact and at most {MAX_EMERGENCY_CONTACTS}."))
    chronic_conditions = fields.List(fields.String(validate=validate.Length(1, 100)), load_default=list,
                                     validate=validate.Length(max=MAX_HEALTH_ITEMS))
    medications = fields.List(fields.String(validate=validate.Length(1, 200)), load_default=list,
                              validate=validate.Length(max=MAX_HEALTH_ITEMS))
    allergies = fields.List(fields.String(validate=validate.Length(1, 200)), load_default=list,
                            validate=validate.Length(max=MAX_HEALTH_ITEMS))
    notes = fields.String(load_default="", validate=validate.Length(max=4000))
    same_gender_assistant = fields.Boolean(load_default=False)
    language = fields.String(load_default="zh-CN", validate=validate.OneOf(["zh-CN", "en"]))


class ElderPatch(ElderIn):
    """Any subset of the fields; a new citizen_card_no is a card reissue."""


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
    status_reason = fields.String(allow_none=True)
    previous_citizen_card_nos = fields.List(fields.String())
    same_gender_assistant = fields.Boolean()
    language = fields.String()
    latest_assessment_level = fields.Integer(allow_none=True)
    safety_commitment_version = fields.String(allow_none=True)
    consents = fields.Dict(keys=fields.String(), values=fields.Boolean(allow_none=True))
    eligible_for_bathing = fields.Boolean()
    ineligibility_reasons = fields.List(fields.String(validate=validate.OneOf(INELIGIBILITY_REASONS)), metadata={
        "description": "Why the elder may not bathe today (empty: eligible)."})
    latest_assessed_on = fields.Date(allow_none=True)
    assessment_due_on = fields.Date(allow_none=True, metadata={
        "description": "The latest assessment's last valid day: the elder is to be assessed again by then."})
    safety_commitment_current = fields.Boolean()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class ElderListArgs(PageArgs):
    citizen_card_no = fields.String(validate=validate.Length(max=32))
    service_point_id = fields.UUID()
    q = fields.String(validate=validate.Length(1, 100), metadata={"description": "The start of the name."})
    id_number = fields.String(validate=validate.Length(1, 18), metadata={
        "description": "A whole ID number; only for roles that see ID numbers (others: 403)."})


class ServicePointPage(ma.Schema):
    items = fields.List(fields.Nested(ServicePointOut))
    next_cursor = fields.String(allow_none=True)


class ElderPage(ma.Schema):
    items = fields.List(fields.Nested(ElderOut))
    next_cursor = fields.String(allow_none=True)


class AssessmentIn(Strict):
    level = fields.Integer(required=True, validate=validate.Range(0, 3))
    assessed_on = Day(required=True)
    assessor = fields.String(required=True, validate=validate.Length(1, 100))
    reference = fields.String(required=True, validate=validate.Length(1, 200))


class AssessmentOut(ma.Schema):
    id = fields.String()
    elder_id = fields.String()
    level = fields.Integer()
    assessed_on = fields.String()
    assessor = fields.String()
    reference = fields.String()


class CommitmentIn(Strict):
    signer_name = fields.String(required=True, validate=validate.Length(1, 100))
    signer_relation = fields.String(required=True, validate=validate.Length(1, 50))
    text_version = fields.String(required=True, validate=validate.Length(1, 32))
    witness_staff_id = fields.UUID(required=True)


class CommitmentOut(ma.Schema):
    id = fields.String()
    elder_id = fields.String()
    signer_name = fields.String()
    signer_relation = fields.String()
    text_version = fields.String()
    witness_staff_id = fields.String()
    signed_at = fields.DateTime()
    current = fields.Boolean()


class SuspendIn(Strict):
    reason = fields.String(required=True, validate=validate.Length(1, 500))


class CloseIn(Strict):
    reason = fields.String(required=True, validate=validate.OneOf(CLOSE_REASONS))


class ReopenIn(Strict):
    reason = fields.String(required=True, validate=validate.Length(1, 500))


class Empty(Strict):
    pass


class ConsentIn(Strict):
    kind = fields.String(required=True, validate=validate.OneOf(domain.CONSENT_KINDS))
    granted = fields.Boolean(required=True)
    signer_name = fields.String(required=True, validate=validate.Length(1, 100))
    signer_relation = fields.String(required=True, validate=validate.Length(1, 50))


class ConsentOut(ma.Schema):
    id = fields.String()
    elder_id = fields.String()
    kind = fields.String()
    granted = fields.Boolean()
    signer_name = fields.String()
    signer_relation = fields.String()
    recorded_at = fields.DateTime()


class ElderReadOut(ma.Schema):
    id = fields.Integer()
    elder_id = fields.String()
    user_id = fields.String(allow_none=True)
    role = fields.String(allow_none=True)
    request_id = fields.String(allow_none=True)
    at = fields.DateTime()


class ElderReadArgs(PageArgs):
    elder_id = fields.String(validate=validate.Length(max=64))
    user_id = fields.String(validate=validate.Length(max=64))


class ElderReadPage(ma.Schema):
    items = fields.List(fields.Nested(ElderReadOut))
    next_cursor = fields.String(allow_none=True)


class Certificate(Strict):
    number = fields.String(required=True, validate=validate.Length(1, 64))
    issued_on = Day(required=True)
    expires_on = Day(required=True)


class Training(Strict):
    completed_on = Day(required=True)


class StaffIn(Strict):
    name = fields.String(required=True, validate=validate.Length(1, 100))
    gender = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(domain.GENDERS))
    roles = fields.List(fields.String(validate=validate.OneOf(ROLES)), required=True,
                        validate=validate.Length(min=1, max=len(ROLES)))
    service_point_id = fields.UUID(load_default=None, allow_none=True)
    phone = fields.String(required=True, validate=validate.Length(3, 32))
    email = fields.Email(load_default=None, allow_none=True)
    health_certificate = fields.Nested(Certificate, load_default=None, allow_none=True)
    experience_years = fields.Float(required=True, validate=validate.Range(0, 80))
    care_training = fields.Nested(Training, load_default=None, allow_none=True)
    active = fields.Boolean(load_default=True)


class StaffPatch(StaffIn):
    """Any subset of a staff member's fields (a renewed certificate, new roles)."""


class StaffOut(ma.Schema):
    id = fields.String()
    name = fields.String()
    gender = fields.String(allow_none=True)
    roles = fields.List(fields.String())
    service_point_id = fields.String(allow_none=True)
    phone = fields.String()
    email = fields.String(allow_none=True)
    health_certificate = fields.Dict(allow_none=True)
    experience_years = fields.Float()
    care_training = fields.Dict(allow_none=True)
    qualified = fields.Boolean()
    qualification_problems = fields.List(fields.String())
    active = fields.Boolean()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class StaffArgs(PageArgs):
    service_point_id = fields.UUID()
    role = fields.String(validate=validate.OneOf(ROLES))


class StaffPage(ma.Schema):
    items = fields.List(fields.Nested(StaffOut))
    next_cursor = fields.String(allow_none=True)


class SubsidyIn(Strict):
    elder_id = fields.UUID(required=True)
    category = fields.String(required=True, validate=validate.OneOf(SUBSIDY_CATEGORIES))
    urban = fields.Boolean(load_default=True)
    # 户籍与居住地在我镇 (seed 004): both are part of eligibility.
    household_registered_locally = fields.Boolean(required=True)
    resides_locally = fields.Boolean(required=True)
    evidence_reference = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=64),
                                       metadata={"description": "The number of the certificate the category rests "
                                                                "on (低保证, 特困/三无, 优抚证, 劳模证书)."})
    model_worker_level = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(MODEL_WORKER_LEVELS),
                                       metadata={"description": "Who conferred the 劳模 title."})


class DecisionIn(Strict):
    approved = fields.Boolean(required=True)
    note = fields.String(load_default="", validate=validate.Length(max=2000))


class EndSubsidyIn(Strict):
    reason = fields.String(required=True, validate=validate.Length(1, 500))


class SubsidyArgs(PageArgs):
    status = fields.String(validate=validate.OneOf(SUBSIDY_STATUSES))
    service_point_id = fields.UUID()
    category = fields.String(validate=validate.OneOf(SUBSIDY_CATEGORIES))
    elder_id = fields.UUID()


class RecheckArgs(PageArgs):
    service_point_id = fields.UUID()


class SubsidyOut(ma.Schema):
    id = fields.String()
    elder_id = fields.String()
    elder_name = fields.String()
    elder_age = fields.Integer()
    service_point_id = fields.String(allow_none=True)
    category = fields.String()
    urban = fields.Boolean()
    household_registered_locally = fields.Boolean(allow_none=True)
    resides_locally = fields.Boolean(allow_none=True)
    evidence_reference = fields.String(allow_none=True)
    model_worker_level = fields.String(allow_none=True)
    eligible = fields.Boolean()
    basis = fields.String(allow_none=True)
    problems = fields.List(fields.String(), metadata={"description": "Codes of the conditions not met."})
    reasons = fields.List(fields.String())
    status = fields.String()
    stage = fields.String(metadata={"description": "The status (the name it had first)."})
    status_since = fields.DateTime(allow_none=True)
    steps = fields.List(fields.Dict())
    decided_at = fields.DateTime(allow_none=True)
    valid_from = fields.Date(allow_none=True)
    valid_until = fields.Date(allow_none=True)
    in_force = fields.Boolean()
    recheck_due = fields.Boolean()
    ended_at = fields.DateTime(allow_none=True)
    end_reason = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class SubsidyPage(ma.Schema):
    items = fields.List(fields.Nested(SubsidyOut))
    next_cursor = fields.String(allow_none=True)
