"""Notification rules (DOMAIN.md section 6): who is told what, on which channel, when;
preferences, opt-outs and quiet hours; what a webhook may carry.

Pure functions over plain data; callers pass `now` in the deployment's time zone.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from kit.privacy import redact_text

NAMESPACE = uuid.UUID("6f1d7a52-3c1e-4d84-9a57-6a3c2f0b9e11")
CHANNELS = ("sms", "voice", "email", "inbox", "webhook")
FAMILY = frozenset({"elder", "emergency_contact"})
# Quiet hours hold non-urgent messages to these: elders, their families, and complainants
# (often the same families).
QUIET = FAMILY | {"complainant"}


@dataclass(frozen=True)
class Rules:
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)
    max_attempts: int = 5
    backoff_base_seconds: float = 2.0
    backoff_factor: float = 2.0
    backoff_cap_seconds: float = 300.0
    jitter: float = 0.2
    webhook_disable_after: int = 10
    booking_reminder_at: time = time(18, 0)
    # A welcome held at registration for want of SMS consent goes when the consent is given
    # at most this many days after it was held [ours].
    welcome_within_days: int = 30


@dataclass(frozen=True)
class Recipient:
    type: str  # elder | emergency_contact | complainant | staff | webhook
    id: str
    address: str
    language: str = "zh-CN"


@dataclass(frozen=True)
class Planned:
    recipient: Recipient
    channel: str
    template: str
    urgent: bool
    withheld: str | None = None  # why it may not go (kept, `suppressed`, with this reason)


# The reason a message to an elder or family is withheld: the elder's SMS consent is not
# recorded as given.
NO_SMS_CONSENT = "NO_SMS_CONSENT"


@dataclass(frozen=True)
class ElderContact:
    id: str
    name: str
    phone: str | None
    phone_is_mobile: bool
    emergency_contacts: tuple[dict, ...]
    status: str
    sms_consent: bool | None  # as recorded: True given, False refused, None never asked
    language: str = "zh-CN"


# --- Who is told what ---------------------------------------------------------------------
# Event type → audience → channels → template, with urgency. Data, not branches: `when`
# filters on the event's data (`{"field": value}`); `urgent` is True/False or the name of a
# boolean data field.

@dataclass(frozen=True)
class Includes:
    """A `when` value for a list field: the event's list names this value."""

    value: str

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, tuple)) and self.value in other

    __hash__ = None  # compared with lists only


@dataclass(frozen=True)
class Rule:
    event_type: str
    audience: str  # family | complainant | owner | supervisors | point_admins | city_operators | staff
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
    # Serious and emergency incidents are reported to the city at once (上报).
    Rule("visits.incident.reported", "city_operators", ("inbox",), "incident_staff", urgent=True,
         when={"urgent": True}),
    # A danger reading at screening: the point's administrator as well as the family.
    Rule("visits.visit.refused", "point_admins", ("inbox", "sms"), "screening_danger_staff", urgent=True,
         when={"urgent": True}),
    Rule("visits.visit.bath_overrun", "point_admins", ("inbox",), "bath_overrun", urgent=True),
    Rule("visits.visit.ended_early", "point_admins", ("inbox",), "visit_not_checked_out",
         when={"reason": "not_checked_out"}),
    Rule("complaints.survey.invited", "family", ("sms",), "survey_invitation", when={"subject_type": "visit"}),
    Rule("complaints.survey.invited", "complainant", ("sms",), "complaint_survey", when={"subject_type": "complaint"}),
    Rule("complaints.complaint.received", "complainant", ("sms",), "complaint_received"),
    Rule("complaints.complaint.replied", "complainant", ("sms",), "complaint_replied"),
    # The complainant hears of each step that concerns them (seed 004: 现在进行到哪一步,都应该告诉给客户).
    Rule("complaints.complaint.reopened", "complainant", ("sms",), "complaint_reopened"),
    Rule("complaints.complaint.paused", "complainant", ("sms",), "complaint_waiting"),
    Rule("complaints.complaint.merged", "complainant", ("sms",), "complaint_merged"),
    Rule("complaints.complaint.callback_booked", "complainant", ("sms",), "callback_booked"),
    Rule("complaints.complaint.reviewed", "owner", ("inbox",), "complaint_review_returned", when={"approved": False}),
    Rule("complaints.complaint.assigned", "owner", ("inbox",), "complaint_assigned"),
    Rule("complaints.complaint.deadline_warning", "owner", ("inbox",), "complaint_deadline"),
    Rule("complaints.complaint.overdue", "owner", ("inbox",), "complaint_deadline"),
    Rule("complaints.complaint.escalated", "supervisors", ("inbox", "email"), "complaint_deadline"),
    # Further up the ladder (seed 002: 逐级进行): the point's administrators, then for a major
    # complaint the city's operators (complaints' `escalated_to`).
    Rule("complaints.complaint.escalated", "point_admins", ("inbox", "email"), "complaint_deadline",
         when={"escalated_to": Includes("point_admins")}),
    Rule("complaints.complaint.escalated", "city_operators", ("inbox", "email"), "complaint_deadline",
         when={"escalated_to": Includes("city_operators")}),
    Rule("visits.follow_up.due", "staff", ("inbox",), "follow_up_due"),
    Rule("registration.staff.qualification_changed", "point_admins", ("inbox", "email"), "certificate_expiry"),
    # The subsidy decision is told to the elder (seed 004), whichever step made it.
    Rule("registration.subsidy.decided", "family", ("sms",), "subsidy_approved", when={"approved": True}),
    Rule("registration.subsidy.decided", "family", ("sms",), "subsidy_refused", when={"approved": False}),
    Rule("registration.assessment.expiring", "point_admins", ("inbox",), "assessment_due"),
)

# The home-care subsidy's categories as an elder reads them.
SUBSIDY_CATEGORY_NAMES = {"sanwu": "“三无”老人", "dibao": "低保老人", "youfu": "重点优抚对象", "model_worker": "劳动模范",
                          "age_90": "90周岁以上老人"}


def rules_for(event_type: str, data: dict) -> list[Rule]:
    return [rule for rule in RULES if rule.event_type == event_type
            and all(data.get(key) == value for key, value in rule.when.items())]


def is_urgent(rule: Rule, data: dict) -> bool:
    return bool(data.get(rule.urgent)) if isinstance(rule.urgent, str) else rule.urgent


def complainant_of(event_type: str, subject: str, data: dict) -> str:
    """The complainant's recipient id: the complaint's id (a survey invitation names it as
    its subject)."""
    return str(data["subject_id"]) if event_type == "complaints.survey.invited" else subject


def notification_id(event_id: str, recipient: Recipient, channel: str) -> str:
    """One notification per (event, recipient, channel), whatever the redeliveries."""
    return str(uuid.uuid5(NAMESPACE, f"{event_id}|{recipient.type}|{recipient.id}|{recipient.address}|{channel}"))


def to_family(elder: ElderContact, template: str, urgent: bool) -> list[Planned]:
    """An elder and family: nothing after closing; the elder's own mobile gets the SMS; without
    one, or for an urgent message, the emergency contacts get it too, and an urgent message
    also becomes a call task to each.

    DOMAIN.md, consent (PIPL): "health data, SMS and sharing with third parties each need a
    recorded consent (the elder's, or a guardian's); nothing personal leaves the system
    without it." So every SMS and call to the elder or family goes only when the elder's
    `sms` consent is recorded as given (True); refused or never recorded, each is planned
    withheld (`NO_SMS_CONSENT`), kept as `suppressed` with that reason so staff see who was
    not told. Urgent safety alerts to staff are another audience and go as always.
    """
    if elder.status == "closed":
        return []
    withheld = None if elder.sms_consent is True else NO_SMS_CONSENT
    planned = []
    if elder.phone and elder.phone_is_mobile:
        recipient = Recipient("elder", elder.id, elder.phone, elder.language)
        planned.append(Planned(recipient, "sms", template, urgent, withheld))
        if not urgent:
            return planned
    for contact in elder.emergency_contacts:
        recipient = Recipient("emergency_contact", elder.id, contact["phone"], elder.language)
        planned.append(Planned(recipient, "sms", template, urgent, withheld))
        if urgent:
            planned.append(Planned(recipient, "voice", template, urgent, withheld))
    return planned


# --- The welcome, held until the SMS consent is given ----------------------------------------
# Registration records consents only after the elder exists, so the welcome planned on
# `registration.elder.registered` is always held (`NO_SMS_CONSENT`); the first grant of the
# `sms` consent lets it go.
WELCOME_EVENT = "registration.elder.registered"


@dataclass(frozen=True)
class Welcome:
    """One notification of an elder's welcome, as kept: its status, why it was withheld
    (`last_error`) and when it was planned."""

    status: str
    withheld: str | None
    created_at: datetime


def releases_welcome(sms_consent: object, welcomes: list[Welcome] | tuple[Welcome, ...], now: datetime,
                     rules: Rules) -> bool:
    """Whether the elder's SMS consent as now recorded lets the welcome go: the consent is
    given (True), the welcome was held for want of it and nothing of it ever went (every
    welcome kept is such a held one: a welcome already sent or let go before, even one a
    grant later withdrew, is never sent again), and it is at most `welcome_within_days`
    since the welcome was first held (an elder registered long ago is not welcomed)."""
    held = [w.created_at for w in welcomes if w.status == "suppressed" and w.withheld == NO_SMS_CONSENT]
    return (sms_consent is True and bool(held) and len(held) == len(welcomes)
            and now <= min(held) + timedelta(days=rules.welcome_within_days))


# Why a message to the elder or family that was still waiting (queued, or held through quiet
# hours) did not go: the `sms` consent was withdrawn before it could, or the elder's record
# was closed (the contract: closing "stops messages to the elder and family, held ones
# included").
SMS_CONSENT_WITHDRAWN = "SMS_CONSENT_WITHDRAWN"
ELDER_CLOSED = "ELDER_CLOSED"


def stops_waiting(sms_consent: object, status: str) -> str | None:
    """Why the elder's and family's messages still waiting may no longer go once the elder's
    record changes: the record is closed, or the `sms` consent is no longer given (DOMAIN.md:
    nothing personal leaves the system without it). None: they go."""
    if status == "closed":
        return ELDER_CLOSED
    return None if sms_consent is True else SMS_CONSENT_WITHDRAWN


def welcome_event_id(elder_id: str) -> str:
    """The id the welcome goes under when a grant lets it go: one per elder, so however
    often or concurrently a grant arrives, at most one welcome goes to each recipient."""
    return str(uuid.uuid5(NAMESPACE, f"welcome|{elder_id}"))


@dataclass(frozen=True)
class Preferences:
    """A recipient's own choice: the channels they take (empty: any) and event types they opted out of."""

    channels: tuple[str, ...] = ()
    opt_out: tuple[str, ...] = ()


def delivery(preferences: Preferences | None, planned: Planned, event_type: str, local_now: datetime,
             rules: Rules) -> tuple[str, datetime | None]:
    """How a planned notification starts: `suppressed` when it is withheld (no consent) or by
    the recipient's opt-out or channels, `held` through quiet hours until it may go, else
    `queued` now. Urgent messages (incidents, a danger reading) bypass preferences and quiet
    hours alike, never a missing consent."""
    if planned.withheld:
        return "suppressed", None
    if preferences is not None and not planned.urgent and (
            event_type in preferences.opt_out or (preferences.channels and planned.channel not in preferences.channels)):
        return "suppressed", None
    held_until = release_time(local_now, planned.urgent, planned.recipient.type, rules)
    if held_until is not None:
        return "held", held_until
    return "queued", local_now


def release_time(local_now: datetime, urgent: bool, recipient_type: str, rules: Rules) -> datetime | None:
    """None: send now. Else when a held message goes out (the end of quiet hours).
    Quiet hours hold non-urgent messages to elders, families and complainants only."""
    if urgent or recipient_type not in QUIET:
        return None
    moment = local_now.time()
    start, end = rules.quiet_start, rules.quiet_end
    quiet = (start <= moment or moment < end) if start > end else (start <= moment < end)
    if not quiet:
        return None
    release = datetime.combine(local_now.date(), end, local_now.tzinfo)
    return release if release > local_now else release + timedelta(days=1)


def next_attempt_at(attempts: int, now: datetime, rules: Rules, rand: float) -> datetime:
    """Exponential back-off with jitter; `rand` in [0, 1) comes from the caller."""
    delay = min(rules.backoff_cap_seconds, rules.backoff_base_seconds * rules.backoff_factor ** max(attempts - 1, 0))
    delay *= 1 + rules.jitter * (2 * rand - 1)
    return now + timedelta(seconds=delay)


def gives_up(attempts: int, rules: Rules) -> bool:
    return attempts >= rules.max_attempts


def sign(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify(secret: bytes, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, body), signature)


def sign_delivery(secret: bytes, timestamp: str, body: bytes) -> str:
    """A webhook delivery's signature: `sha256=HMAC(secret, timestamp + "." + body)`, so a
    captured delivery cannot be replayed as a new one (the receiver checks the timestamp)."""
    return sign(secret, timestamp.encode() + b"." + body)


def verify_delivery(secret: bytes, timestamp: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign_delivery(secret, timestamp, body), signature)


def hook_receives(hook_point: str | None, event_point: str | None) -> bool:
    """A subscription bound to a point receives only that point's events; one of no point
    (the city's) receives all."""
    return hook_point is None or hook_point == event_point


def is_private_address(host: str) -> bool:
    """Whether a webhook may not be delivered to this host or address: anything that is not
    a global unicast address (loopback, private, link-local, CGNAT 100.64/10 with the
    100.100.100.200 metadata address, unique-local, reserved, multicast, the metadata
    addresses 169.254.169.254 and fd00:ec2::254), in any spelling, including IPv4 mapped
    into IPv6. A name is judged by the addresses it resolves to; `localhost` always."""
    try:
        address = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        name = host.lower().rstrip(".")
        return name == "localhost" or name.endswith(".localhost")
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None:
            return is_private_address(str(embedded))
    return not address.is_global or address.is_multicast


def booking_reminder_at(slot_start_local: datetime, rules: Rules) -> datetime:
    """The reminder goes out the day before the booking, at the configured local time."""
    day_before = slot_start_local.date() - timedelta(days=1)
    return datetime.combine(day_before, rules.booking_reminder_at, slot_start_local.tzinfo)


def reminder_event_id(reminder_id: str, kind: str) -> str:
    """A fixed id for a reminder's notifications: sending it twice yields the same ones."""
    return str(uuid.uuid5(NAMESPACE, f"reminder|{kind}|{reminder_id}"))


# Fields of an event that are someone's personal data (DOMAIN 7).
PERSONAL_KEYS = frozenset({"name", "phone", "id_number", "citizen_card_no", "emergency_contacts", "complainant",
                           "address", "birth_date", "citizen_card_no_masked"})


# Never sent to a subscriber: a survey link's token (it answers the survey) and a
# complainant's or staff member's data (another person's, never shared on the elder's consent).
NEVER_SHARED_KEYS = frozenset({"token", "complainant", "email", "supervisor_staff_ids"})
# Health data: shared only with the elder's consents to health data and to third parties.
HEALTH_KEYS = frozenset({"chronic_conditions", "latest_assessment_level", "refusal_reasons", "referral_advised",
                         "screening", "classification", "referral", "emergency", "systolic", "diastolic", "symptoms",
                         "assessment", "same_gender_assistant", "care_plan", "eligible_for_bathing"})
# Free text that may hold a phone or ID number typed in: sent with those masked.
FREE_TEXT_KEYS = frozenset({"description", "content", "note", "comment", "resolution", "reason"})


def webhook_data(data: dict, third_party_sharing: bool, health_data: bool = False, elders_read: bool = True) -> dict:
    """What a subscriber receives of an event: never a token or another person's data;
    personal data only to an owner whose scopes read elders (`elders_read`) and with the
    elder's consent to share with third parties; health data only with that and the
    consent to health data; free text with phone and ID numbers masked."""
    shared = third_party_sharing and elders_read
    kept = {}
    for key, value in data.items():
        if key in NEVER_SHARED_KEYS or (key in PERSONAL_KEYS and not shared) or (
                key in HEALTH_KEYS and not (shared and health_data)):
            continue
        kept[key] = redact_text(value) if key in FREE_TEXT_KEYS and isinstance(value, str) else value
    return kept


# --- What a webhook may receive ------------------------------------------------------------
# A scope that reads a service's records lets its owner's webhooks receive that service's
# events (CONTRACT, point isolation): the scope → the first part of the event types.
READ_SCOPES = {"elders:read": "registration", "visits:read": "visits", "complaints:read": "complaints",
               "notifications:read": "notify"}
EVERY_TYPE = "*"  # a subscription to every type its owner's scopes may read
# What `POST /webhooks/{id}/test` sends: never published, never subscribed to.
TEST_EVENT_TYPE = "notify.webhook.test"


def owner_scopes(role: str | None, scopes: frozenset[str] | set[str]) -> list[str]:
    """The read scopes recorded on a webhook when it is made: an API key's own; a user's as
    the role allows (an administrator reads everything; no other role may subscribe)."""
    if role == "admin":
        return list(READ_SCOPES)
    return [scope for scope in READ_SCOPES if scope in scopes] if role == "api_client" else []


def may_read(event_type: str, scopes: list[str] | tuple[str, ...]) -> bool:
    """Whether an owner with these scopes may receive events of this type."""
    return any(READ_SCOPES.get(scope) == event_type.split(".", 1)[0] for scope in scopes)


def hook_wants(event_types: list[str], scopes: list[str] | tuple[str, ...], event_type: str) -> bool:
    """Whether a subscription to `event_types` by an owner with `scopes` receives an event."""
    return (event_type in event_types or EVERY_TYPE in event_types) and may_read(event_type, scopes)


def subscription_errors(event_types: list[str], known: frozenset[str], scopes: list[str]) -> list[str]:
    """Why a subscription may not be made, one sentence per type named wrongly: a type no
    service publishes (a typo), or one the owner's scopes do not read; `*` with no read
    scope at all would receive nothing."""
    errors = []
    for event_type in event_types:
        if event_type == EVERY_TYPE:
            if not scopes:
                errors.append(f"{EVERY_TYPE}: the owner holds no scope that reads events "
                              f"({', '.join(READ_SCOPES)}).")
        elif event_type not in known:
            errors.append(f"{event_type}: no such event type (docs/events.md lists them).")
        elif not may_read(event_type, scopes):
            needed = next((s for s, family in READ_SCOPES.items() if event_type.split(".", 1)[0] == family), None)
            errors.append(f"{event_type}: the owner's scopes do not read it"
                          + (f" (it needs {needed})." if needed else " (no webhook receives it)."))
    return errors
