"""What each event visits publishes carries in `data` (docs/events.md): a booking's or a
visit's whole state, an entry refused, an incident, a follow-up. The outbox checks every
event against its schema when `ZHUYU_CHECK_EVENTS` is set (as in tests);
`scripts/event_catalogue.py` writes them as JSON Schema under docs/events/."""
from __future__ import annotations

from marshmallow import fields, validate

from kit.event_schemas import Payload, nullable


class Booking(Payload):
    id = fields.UUID(required=True)
    elder_id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    slot_start = fields.AwareDateTime(required=True)
    slot_end = fields.AwareDateTime(required=True)
    status = fields.String(required=True)


class Funding(Payload):
    """Who pays for the visit, decided at check-in: the government under a subsidy category,
    or the elder (self_pay)."""
    source = fields.String(required=True, validate=validate.OneOf(["government", "self_pay"]))
    category = nullable(fields.String)


class Visit(Payload):
    id = fields.UUID(required=True)
    elder_id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    booking_id = nullable(fields.UUID)
    status = fields.String(required=True)
    assistant_staff_id = nullable(fields.UUID)
    refusal_reasons = fields.List(fields.String(), required=True)
    warnings = fields.List(fields.String(), required=True)
    urgent = fields.Boolean(required=True)
    at = fields.AwareDateTime(required=True)
    funding = fields.Nested(Funding, required=True, allow_none=True)


class Screened(Visit):
    referral_advised = fields.Boolean(required=True)


class EndedEarly(Visit):
    reason = fields.String(required=True)  # END_EARLY_REASONS, or not_checked_out from the end-of-day sweep
    ended_from = fields.String(required=True)  # the step the visit was at


class EntryDenied(Payload):
    elder_id = nullable(fields.UUID)
    citizen_card_no_masked = fields.String(required=True)
    service_point_id = fields.UUID(required=True)
    code = fields.String(required=True)


class IncidentReported(Payload):
    id = fields.UUID(required=True)
    visit_id = fields.UUID(required=True)
    elder_id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    kind = fields.String(required=True)
    severity = fields.String(required=True)
    urgent = fields.Boolean(required=True)
    description = fields.String(required=True)


class IncidentClosed(Payload):
    id = fields.UUID(required=True)
    visit_id = fields.UUID(required=True)
    elder_id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    outcome = fields.String(required=True)
    note = fields.String(required=True)


class FollowUp(Payload):
    id = fields.UUID(required=True)
    plan_id = fields.UUID(required=True)
    elder_id = fields.UUID(required=True)
    programme = fields.String(required=True)
    staff_id = fields.UUID(required=True)
    due_on = fields.Date(required=True)
    service_point_id = fields.UUID(required=True)


class FollowUpRecorded(FollowUp):
    classification = nullable(fields.String)
    referral = fields.Boolean(required=True)
    emergency = fields.Boolean(required=True)
    next_due_on = fields.Date(required=True)


class SettlementReady(Payload):
    """Last month's settlement was produced (GET /reports/settlement?month= reads it)."""
    month = fields.String(required=True)
    service_point_ids = fields.List(fields.UUID(), required=True)
    totals = fields.Dict(required=True)


SCHEMAS = {
    **{f"visits.booking.{name}": Booking for name in ("created", "cancelled", "no_show")},
    **{f"visits.visit.{name}": Visit for name in ("checked_in", "bath_started", "rest_started", "checked_out",
                                                  "bath_overrun")},
    "visits.visit.screened": Screened,
    "visits.visit.refused": Screened,
    "visits.visit.ended_early": EndedEarly,
    "visits.visit.entry_denied": EntryDenied,
    "visits.incident.reported": IncidentReported,
    "visits.incident.closed": IncidentClosed,
    "visits.follow_up.due": FollowUp,
    "visits.follow_up.overdue": FollowUp,
    "visits.follow_up.recorded": FollowUpRecorded,
    "visits.settlement.ready": SettlementReady,
}
