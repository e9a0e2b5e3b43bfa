"""What each event notify publishes carries in `data` (docs/events.md): a notification's
outcome. The outbox checks every event against its schema when `ZHUYU_CHECK_EVENTS` is set
(as in tests); `scripts/event_catalogue.py` writes them as JSON Schema under docs/events/."""
from __future__ import annotations

from marshmallow import fields

from kit.event_schemas import Payload


class Outcome(Payload):
    id = fields.UUID(required=True)
    event_id = fields.UUID(required=True)
    event_type = fields.String(required=True)
    recipient_type = fields.String(required=True)
    recipient_id = fields.String(required=True)
    channel = fields.String(required=True)
    attempts = fields.Integer(required=True)


class Sent(Outcome):
    sent_at = fields.AwareDateTime(required=True)


class Failed(Outcome):
    last_error = fields.String(required=True)


SCHEMAS = {"notify.notification.sent": Sent, "notify.notification.failed": Failed}
