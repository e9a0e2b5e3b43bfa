"""Notify request and response schemas."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from kit.fields import distinct
from kit.paging import PageArgs
from services.notify import domain
from services.notify.handlers import subscribable

CHANNELS = list(domain.CHANNELS)
MAX_OPT_OUT = 100  # event types a recipient opts out of
STATUSES = ["queued", "held", "sent", "failed", "suppressed"]
# A webhook names each type it may subscribe to (the event catalogue's) at most once, or `*`:
# no list it may make is longer.
MAX_EVENT_TYPES = len(subscribable()) + 1


class Recipient(ma.Schema):
    type = fields.String()
    id = fields.String()
    address = fields.String()


class NotificationOut(ma.Schema):
    id = fields.String()
    event_id = fields.String()
    event_type = fields.String()
    service_point_id = fields.String(allow_none=True)
    recipient = fields.Nested(Recipient)
    channel = fields.String()
    urgent = fields.Boolean()
    body = fields.String()
    status = fields.String()
    attempts = fields.Integer()
    last_error = fields.String(allow_none=True, metadata={
        "description": "Why the last attempt failed; for a message to an elder or family that was `suppressed` "
                       "because the elder's SMS consent is not recorded as given, `NO_SMS_CONSENT`; for one "
                       "that was still waiting when that consent was withdrawn, `SMS_CONSENT_WITHDRAWN`; when the "
                       "elder's record was closed, `ELDER_CLOSED`."})
    created_at = fields.DateTime()
    sent_at = fields.DateTime(allow_none=True)


class NotificationPage(ma.Schema):
    items = fields.List(fields.Nested(NotificationOut))
    next_cursor = fields.String(allow_none=True)


class NotificationArgs(PageArgs):
    recipient = fields.String(validate=validate.Length(1, 64))
    event_id = fields.String(validate=validate.Length(1, 64))
    event_type = fields.String(validate=validate.Length(1, 120))
    channel = fields.String(validate=validate.OneOf(CHANNELS))
    status = fields.String(validate=validate.OneOf(STATUSES))
    service_point_id = fields.UUID()  # a caller bound to a point sees its own only


class NotificationReadOut(ma.Schema):
    id = fields.Integer(metadata={"example": 42})
    notification_id = fields.String(metadata={"example": "5b0e3c52-8f5d-5d0e-9c5e-1f0d3a1e2b7c"})
    user_id = fields.String(allow_none=True, metadata={
        "example": "u-7f3c", "description": "The user's or API key's id."})
    role = fields.String(allow_none=True, metadata={"example": "point_admin"})
    request_id = fields.String(allow_none=True, metadata={"example": "3f2b9a7e-0c1d-4e5f-8a9b-0c1d2e3f4a5b"})
    at = fields.DateTime(metadata={"example": "2026-11-30T09:15:00+00:00"})


class NotificationReadArgs(PageArgs):
    notification_id = fields.String(validate=validate.Length(max=64))
    user_id = fields.String(validate=validate.Length(max=64))


class NotificationReadPage(ma.Schema):
    items = fields.List(fields.Nested(NotificationReadOut))
    next_cursor = fields.String(allow_none=True, metadata={"example": "42"})


class WebhookIn(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    url = fields.Url(required=True, schemes={"http", "https"}, require_tld=False,
                     metadata={"example": "https://partner.example/zhuyu/events"})
    event_types = fields.List(
        fields.String(validate=validate.Length(1, 120)), required=True,
        validate=[validate.Length(min=1, max=MAX_EVENT_TYPES), distinct],
        metadata={"example": ["registration.elder.registered", "visits.visit.checked_out"], "uniqueItems": True,
                  "description": "Event types of docs/events.md the owner's scopes read, or `*` for every "
                                 "one they read, each at most once; any other is refused (422) with its name."})


class WebhookView(ma.Schema):
    """A subscription as it is shown after creation: never with its secret."""

    id = fields.String()
    url = fields.String()
    event_types = fields.List(fields.String())
    active = fields.Boolean()
    consecutive_failures = fields.Integer()
    disabled_reason = fields.String(allow_none=True)
    service_point_id = fields.String(allow_none=True)  # the owner's point: only its events are sent
    scopes = fields.List(fields.String(), metadata={
        "description": "The owner's read scopes when it subscribed: only the event types they read are sent.",
        "example": ["elders:read", "visits:read"]})
    revoked = fields.Boolean(metadata={
        "description": "Stopped for good because its owner's key was revoked or its user disabled."})
    created_at = fields.DateTime()


class WebhookList(ma.Schema):
    items = fields.List(fields.Nested(WebhookView))


class WebhookCreated(WebhookView):
    secret = fields.String()


class DeliveryOut(ma.Schema):
    """One delivery of an event to a webhook, and how it went."""

    id = fields.String(metadata={"example": "0b8e3c52-4f0d-4a3e-9a55-1c2d3e4f5a6b"})
    event_id = fields.String(metadata={"example": "5b0f2c1e-8d1a-4f57-9f0e-2d8a6b1c3e44"})
    event_type = fields.String(metadata={"example": "visits.visit.checked_out"})
    status = fields.String(metadata={"example": "sent", "description": "queued, sent, failed or suppressed "
                                                                       "(not sent: its owner was revoked)."})
    attempts = fields.Integer(metadata={"example": 1})
    last_error = fields.String(allow_none=True, metadata={"example": None})
    created_at = fields.DateTime()
    sent_at = fields.DateTime(allow_none=True)


class DeliveryPage(ma.Schema):
    items = fields.List(fields.Nested(DeliveryOut))
    next_cursor = fields.String(allow_none=True)


class PreferencesIn(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    channels = fields.List(fields.String(validate=validate.OneOf(CHANNELS)), load_default=list,
                           validate=[validate.Length(max=len(CHANNELS)), distinct])
    opt_out = fields.List(fields.String(validate=validate.Length(1, 120)), load_default=list,
                          validate=[validate.Length(max=MAX_OPT_OUT), distinct])


class PreferencesOut(ma.Schema):
    recipient_id = fields.String()
    channels = fields.List(fields.String())
    opt_out = fields.List(fields.String())
