"""What each event complaints publishes carries in `data` (docs/events.md): a complaint's
whole public state (with the deadline an alert is about, the reason a clock is paused,
the review's decision, the record a duplicate joined, a callback's booked time), a misconduct record, survey
invitations and answers, a monthly report. The outbox checks every event against its
schema when `ZHUYU_CHECK_EVENTS` is set (as in tests); `scripts/event_catalogue.py`
writes them as JSON Schema under docs/events/."""
from __future__ import annotations

from marshmallow import fields, validate

from kit.event_schemas import Payload, nullable
from services.complaints import domain


class Complainant(Payload):
    name = fields.String(required=True)
    phone = fields.String(required=True)


class Deadline(Payload):
    name = fields.String(required=True)
    due_at = fields.AwareDateTime(required=True)


class Complaint(Payload):
    id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    elder_id = nullable(fields.UUID)
    type = fields.String(required=True)
    channel = fields.String(required=True)
    category = fields.String(required=True)
    severity = fields.String(required=True)
    status = fields.String(required=True)
    owner_staff_id = nullable(fields.UUID)
    supervisor_staff_ids = fields.List(fields.UUID(), required=True)
    escalation_level = fields.Integer(required=True)
    # Who the escalation has reached, rung by rung (domain.escalated_to): supervisors,
    # point_admins, city_operators (a major complaint's third level).
    escalated_to = fields.List(fields.String(validate=validate.OneOf(domain.ESCALATION_LADDER)))
    complainant = fields.Nested(Complainant, required=True)


class Received(Complaint):
    # The reply the complainant is promised at intake, in hours (null: none is due).
    reply_within_hours = nullable(fields.Float)


class DeadlineAlert(Complaint):
    deadline = fields.Nested(Deadline, required=True)
    # deadline_warning: `notice` at 50 % of the deadline's span, `warn` at 80 %
    alert = fields.String(validate=validate.OneOf(("notice", "warn")))


class Escalated(Complaint):
    deadline = fields.Nested(Deadline)  # absent when a major complaint goes up at intake


class Paused(Complaint):
    reason = fields.String(required=True)  # what the desk waits for from the complainant


class Reviewed(Complaint):
    approved = fields.Boolean(required=True)  # False: the written reply is returned to be written again


class Merged(Complaint):
    merged_into = fields.UUID(required=True)


class CallbackBooked(Complaint):
    next_try_at = fields.AwareDateTime(required=True)


class MisconductRecorded(Payload):
    id = fields.UUID(required=True)
    complaint_id = fields.UUID(required=True)
    staff_id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    note = fields.String(required=True)


class SurveyInvited(Payload):
    id = fields.UUID(required=True)
    subject_type = fields.String(required=True)
    subject_id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    elder_id = nullable(fields.UUID)
    complainant = fields.Nested(Complainant, required=True, allow_none=True)
    token = fields.String(required=True)


class SurveySubmitted(Payload):
    id = fields.UUID(required=True)
    subject_type = fields.String(required=True)
    subject_id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    score = fields.Integer(required=True)
    satisfied = fields.Boolean(required=True)


class ReportReady(Payload):
    id = fields.UUID(required=True)
    month = fields.String(required=True)
    service_point_ids = fields.List(fields.UUID(), required=True)


SCHEMAS = {
    "complaints.complaint.received": Received,
    **{f"complaints.complaint.{name}": Complaint for name in ("assigned", "replied", "resolved", "closed",
                                                              "reopened", "resumed")},
    "complaints.complaint.paused": Paused,
    "complaints.complaint.reviewed": Reviewed,
    "complaints.complaint.merged": Merged,
    "complaints.complaint.callback_booked": CallbackBooked,
    "complaints.complaint.deadline_warning": DeadlineAlert,
    "complaints.complaint.overdue": DeadlineAlert,
    "complaints.complaint.escalated": Escalated,
    "complaints.misconduct.recorded": MisconductRecorded,
    "complaints.survey.invited": SurveyInvited,
    "complaints.survey.submitted": SurveySubmitted,
    "complaints.report.ready": ReportReady,
}
