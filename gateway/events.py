"""What the gateway tells the suite (docs/events.md): an API key revoked, a user disabled.
Notify stops the webhooks they own. Written to the gateway's own outbox in the
transaction that revokes or disables, so a notify that is down at that moment learns it
when it is back; a relay in the gateway's process publishes them (`gateway.app`)."""
from __future__ import annotations

from marshmallow import fields

from gateway.models import messaging
from kit.event_schemas import Payload
from kit.outbox import Outbox
from kit.settings import env

SOURCE = "/gateway"


class KeyRevoked(Payload):
    id = fields.String(required=True)
    revoked_at = fields.AwareDateTime(required=True)


class UserDisabled(Payload):
    id = fields.String(required=True)
    disabled_at = fields.AwareDateTime(required=True)


SCHEMAS = {"gateway.api_key.revoked": KeyRevoked, "gateway.user.disabled": UserDisabled}


def outbox() -> Outbox:
    """The gateway's outbox (each event checked against its schema when `ZHUYU_CHECK_EVENTS` is set)."""
    return Outbox(messaging, SOURCE, SCHEMAS, env.bool("ZHUYU_CHECK_EVENTS", False))
