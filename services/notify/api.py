"""Notify HTTP API: delivery status, webhook subscriptions, recipients' preferences."""
from __future__ import annotations

import re
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from kit import context
from kit.access import access
from kit.caller import Caller
from kit.privacy import mask_email, mask_phone, redact_text
from kit.types import utcnow
from kit.web import caller, transaction, use_cases
from kit.paging import PageArgs
from services.notify.schemas import (
    DeliveryOut, DeliveryPage, NotificationArgs, NotificationOut, NotificationPage, NotificationReadArgs,
    NotificationReadPage, PreferencesIn, PreferencesOut, WebhookCreated, WebhookIn, WebhookList, WebhookView,
)
from services.notify.service import Notify

blp = Blueprint("notifications", __name__, url_prefix="/notifications", description="Notifications (通知)")
hooks = Blueprint("webhooks", __name__, url_prefix="/webhooks", description="Signed webhooks for third parties")
recipients = Blueprint("recipients", __name__, url_prefix="/recipients", description="Recipients' preferences")
audit = Blueprint("audit", __name__, url_prefix="/audit", description="Reads of personal data")


READS_NOTIFICATIONS = frozenset({"point_admin", "cs_agent", "cs_supervisor", "city_operator"})


def notify() -> Notify:
    return use_cases(Notify)


# A survey link's token answers the survey: staff see that a link was sent, never the link.
_SURVEY_TOKEN = re.compile(r"(/survey/)[A-Za-z0-9_-]+")


def render(row: Any, who: Caller) -> dict:
    """A notification as the caller may see it: the recipient's address masked for every
    role, as the contract has it (a webhook's or an inbox's address is no person's); the text
    as sent to a role that sees personal data, else with any phone or ID number in it masked."""
    view = dict(row._mapping)
    body = _SURVEY_TOKEN.sub(r"\1…", row.body)
    view["body"] = body if who.sees_personal_data else redact_text(body)
    if row.channel in ("inbox", "webhook"):
        address = row.address
    elif row.channel == "email":
        address = mask_email(row.address)
    else:
        address = mask_phone(row.address)
    view["recipient"] = {"type": row.recipient_type, "id": row.recipient_id, "address": address}
    if view["status"] == "sending":
        view["status"] = "queued"  # an attempt under way is still queued to the caller
    return view


def audited(session: Any, rows: list, who: Caller) -> list[dict]:
    """The rows rendered for the caller; when they leave unmasked, each is a read on record."""
    if who.sees_personal_data:
        notify().record_reads(session, [r.id for r in rows], who, context.request_id.get(), utcnow())
    return [render(r, who) for r in rows]


@blp.route("")
class Notifications(MethodView):
    @access(READS_NOTIFICATIONS, "notifications:read")
    @blp.arguments(NotificationArgs, location="query")
    @blp.response(200, NotificationPage)
    def get(self, args):
        """The notifications sent (SMS, webhook deliveries) and their status, a page at a time.

        A webhook's deliveries: `?recipient=<webhook id>`. Recipients' addresses are masked;
        phone and ID numbers in the text are masked unless the caller's role sees personal
        data, and every notification answered with its text as sent is recorded as read
        (`GET /audit/notification-reads`).
        """
        who = caller()
        with transaction() as session:
            rows, cursor = notify().notification_list(session, args, args["limit"], args["cursor"], who)
            items = audited(session, rows, who)
        return {"items": items, "next_cursor": cursor}


@blp.route("/<uuid:notification_id>")
class Notification(MethodView):
    @access(READS_NOTIFICATIONS, "notifications:read")
    @blp.response(200, NotificationOut)
    def get(self, notification_id):
        """One notification.

        Masked as in the list, and recorded as read when answered unmasked.
        """
        who = caller()
        with transaction() as session:
            [item] = audited(session, [notify().notification(session, str(notification_id), who)], who)
        return item


@hooks.route("")
class Webhooks(MethodView):
    @access(scope="webhooks:write")
    @hooks.arguments(WebhookIn)
    @hooks.response(201, WebhookCreated)
    def post(self, body):
        """Subscribe an HTTPS endpoint to event types (see docs/events.md).

        The answer holds the `secret`, shown once: every delivery is a CloudEvent (with the
        event's `subject` and per-aggregate `sequence`) sent with `X-Zhuyu-Timestamp` (Unix
        seconds) and `X-Zhuyu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
        raw body)>`. The webhook belongs to the calling key or user and receives only the
        events of its point and of the types its scopes read (`elders:read` → `registration.*`,
        `visits:read` → `visits.*`, `complaints:read` → `complaints.*`, `notifications:read` →
        `notify.*`); an unknown type, or one the scopes do not read, is refused (422) with
        its name, and `*` means every type they read. A failed delivery is retried with
        back-off; after 10 failed deliveries in a row (`NOTIFY_WEBHOOK_DISABLE_AFTER`) the
        webhook is disabled until its owner enables it again. Revoking the owner's key or
        disabling its user stops its webhooks for good.
        """
        # The only time the secret is shown.
        return notify().create_webhook(transaction, body["url"], body["event_types"], caller(), utcnow())

    @access(scope="webhooks:write")
    @hooks.response(200, WebhookList)
    def get(self):
        """The caller's own webhooks, oldest first (never their secrets)."""
        with transaction() as session:
            return {"items": [row._mapping for row in notify().own_webhooks(session, caller())]}


@hooks.route("/<uuid:webhook_id>")
class Webhook(MethodView):
    @access(scope="webhooks:write")
    @hooks.response(200, WebhookView)
    def get(self, webhook_id):
        """One webhook: its event types, whether it is active, failures in a row, why it was disabled."""
        with transaction() as session:
            return notify().webhook(session, str(webhook_id), caller())._mapping

    @access(scope="webhooks:write")
    @hooks.response(204)
    def delete(self, webhook_id):
        """End a webhook: nothing more is delivered to it (its owner only; anyone else's is 404)."""
        with transaction() as session:
            notify().delete_webhook(session, str(webhook_id), caller())


@hooks.route("/<uuid:webhook_id>/enable")
class EnableWebhook(MethodView):
    @access(scope="webhooks:write")
    @hooks.response(200, WebhookView)
    def post(self, webhook_id):
        """Enable a webhook again, its failures in a row counted from zero.

        A webhook is disabled after 10 failed deliveries in a row (`NOTIFY_WEBHOOK_DISABLE_AFTER`);
        its owner enables it once the endpoint answers again. One stopped because its owner's
        key was revoked or its user disabled cannot be (409 `WEBHOOK_REVOKED`).
        """
        with transaction() as session:
            return notify().enable_webhook(session, str(webhook_id), caller())._mapping


@hooks.route("/<uuid:webhook_id>/test")
class TestWebhook(MethodView):
    @access(scope="webhooks:write")
    @hooks.response(202, DeliveryOut)
    def post(self, webhook_id):
        """Send a test delivery to a webhook.

        Queues a signed CloudEvent of type `notify.webhook.test` (its `data`:
        `{"webhook_id", "message"}`) to the caller's own active webhook, whatever types it
        subscribes to; the answer is the delivery, to follow in the delivery log. A disabled
        webhook is 409 `WEBHOOK_DISABLED`, a revoked one 409 `WEBHOOK_REVOKED`.
        """
        with transaction() as session:
            return notify().test_webhook(session, str(webhook_id), caller(), utcnow())._mapping


@hooks.route("/<uuid:webhook_id>/deliveries")
class WebhookDeliveries(MethodView):
    @access(scope="webhooks:write")
    @hooks.arguments(PageArgs, location="query")
    @hooks.response(200, DeliveryPage)
    def get(self, args, webhook_id):
        """A webhook's delivery log, newest first, a page at a time.

        Each delivery: the event it carried, its status (`queued`, `sent`, `failed`, or
        `suppressed`: not sent, its owner revoked), the attempts made and the last error.
        The owner's webhooks only (anyone else's is 404).
        """
        with transaction() as session:
            rows, cursor = notify().deliveries(session, str(webhook_id), caller(), args["limit"], args["cursor"])
        return {"items": [row._mapping for row in rows], "next_cursor": cursor}


@hooks.route("/<uuid:webhook_id>/deliveries/<uuid:delivery_id>/replay")
class ReplayWebhookDelivery(MethodView):
    @access(scope="webhooks:write")
    @hooks.response(202, DeliveryOut)
    def post(self, webhook_id, delivery_id):
        """Deliver an event again to a webhook.

        A new delivery of the same event (the same CloudEvent `id`, so a receiver that has it
        drops it), signed afresh when it is sent; the answer is the new delivery. The owner's
        webhooks only (anyone else's, or a delivery of another webhook, is 404); a disabled
        webhook is 409 `WEBHOOK_DISABLED`, a revoked one 409 `WEBHOOK_REVOKED`.
        """
        with transaction() as session:
            return notify().replay(session, str(webhook_id), str(delivery_id), caller(), utcnow())._mapping


@recipients.route("/<string:recipient_id>/preferences")
class Preferences(MethodView):
    @access({"point_admin", "cs_agent", "cs_supervisor"})
    @recipients.arguments(PreferencesIn)
    @recipients.response(200, PreferencesOut)
    def put(self, body, recipient_id):
        with transaction() as session:
            return notify().set_preferences(session, recipient_id, body["channels"], body["opt_out"], caller(), utcnow())


@audit.route("/notification-reads")
class NotificationReads(MethodView):
    @access()
    @audit.arguments(NotificationReadArgs, location="query")
    @audit.response(200, NotificationReadPage)
    def get(self, args):
        """Who read which notification unmasked, when, oldest first, a page at a time.

        A notification answered with its text as sent (to a role that sees personal data, in
        a list or by id) is one read per notification:
        the reader (a user's or API key's id) and role, the request and the time. Filter by
        `?notification_id=` or `?user_id=`. Administrators only.
        """
        with transaction() as session:
            rows, cursor = notify().notification_reads(session, args.get("notification_id"), args.get("user_id"),
                                                       args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


blueprints = [blp, hooks, recipients, audit]
