"""Who is told what: event type → audience → channels → template, with urgency.

Data, not code branches: handlers.py reads this table. `when` filters on the event's data
(`{"field": value}`); `urgent` is True/False or the name of a boolean data field.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    event_type: str
    audience: str  # family | complainant | owner | supervisors | point_admins | staff
    channels: tuple[str, ...]
    template: str
    urgent: bool | str = False
    when: dict = field(default_factory=dict)


RULES = (
    Rule("registration.elder.registered", "family", ("sms",), "elder_registered"),
    Rule("visits.booking.created", "family", ("sms",), "booking_confirmed"),
    Rule("visits.booking.cancelled", "family", ("sms",), "booking_cancelled"),
    Rule("notify.reminder.booking", "family", ("sms",), "booking_reminder"),
    Rule("visits.visit.refused", "family", ("sms",), "screening_refused", urgent="urgent"),
    Rule("visits.incident.reported", "family", ("sms",), "incident", urgent=True, when={"urgent": True}),
    Rule("visits.incident.reported", "point_admins", ("inbox", "sms"), "incident_staff", urgent=True,
         when={"urgent": True}),
    Rule("visits.incident.reported", "point_admins", ("inbox",), "incident_staff", when={"urgent": False}),
    Rule("visits.visit.bath_overrun", "point_admins", ("inbox",), "bath_overrun", urgent=True),
    Rule("complaints.survey.invited", "family", ("sms",), "survey_invitation", when={"subject_type": "visit"}),
    Rule("complaints.complaint.received", "complainant", ("sms",), "complaint_received"),
    Rule("complaints.complaint.replied", "complainant", ("sms",), "complaint_replied"),
    Rule("complaints.complaint.assigned", "owner", ("inbox",), "complaint_assigned"),
    Rule("complaints.complaint.deadline_warning", "owner", ("inbox",), "complaint_deadline"),
    Rule("complaints.complaint.overdue", "owner", ("inbox",), "complaint_deadline"),
    Rule("complaints.complaint.escalated", "supervisors", ("inbox", "email"), "complaint_deadline"),
    Rule("visits.follow_up.due", "staff", ("inbox",), "follow_up_due"),
    Rule("registration.staff.qualification_changed", "point_admins", ("inbox", "email"), "certificate_expiry"),
)


def rules_for(event_type: str, data: dict) -> list[Rule]:
    return [rule for rule in RULES if rule.event_type == event_type
            and all(data.get(key) == value for key, value in rule.when.items())]


def is_urgent(rule: Rule, data: dict) -> bool:
    return bool(data.get(rule.urgent)) if isinstance(rule.urgent, str) else rule.urgent
