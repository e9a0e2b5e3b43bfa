"""Notify request and response schemas."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from kit.paging import PageArgs

CHANNELS = ["sms", "voice", "email", "inbox", "webhook"]
STATUSES = ["queued", "held", "sent", "failed", "suppressed"]


class Recipient(ma.Schema):
    type = fields.String()
    id = fields.String()
    address = fields.String()


class NotificationOut(ma.Schema):
    id = fields.String()
    event_id = fields.String()
    event_type = fields.String()
    recipient = fields.Nested(Recipient)
    channel = fields.String()
    urgent = fields.Boolean()
    body = fields.String()
    status = fields.String()
    attempts = fields.Integer()
    last_error = fields.String(allow_none=True)
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
