"""Notify request and response schemas."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from kit.fields import distinct
from kit.paging import PageArgs
from services.notify import domain

CHANNELS = list(domain.CHANNELS)
MAX_OPT_OUT = 100  # event types a recipient opts out of
STATUSES = ["queued", "held", "sent", "failed", "suppressed"]


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
                       "because the elder's SMS consent is not recorded as given, `NO_SMS_CONSENT`."})
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


class WebhookIn(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    url = fields.Url(required=True, schemes={"http", "https"}, require_tld=False)
    event_types = fields.List(fields.String(validate=validate.Length(1, 120)), required=True,
                              validate=validate.Length(min=1))


class WebhookView(ma.Schema):
    """A subscription as it is shown after creation: never with its secret."""

    id = fields.String()
    url = fields.String()
    event_types = fields.List(fields.String())
    active = fields.Boolean()
    consecutive_failures = fields.Integer()
    disabled_reason = fields.String(allow_none=True)
    service_point_id = fields.String(allow_none=True)  # the owner's point: only its events are sent
    created_at = fields.DateTime()


class WebhookList(ma.Schema):
    items = fields.List(fields.Nested(WebhookView))


class WebhookCreated(WebhookView):
    secret = fields.String()


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
