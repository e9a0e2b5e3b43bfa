"""Notify HTTP API: delivery status, webhook subscriptions, recipients' preferences."""
from __future__ import annotations

import secrets
import socket
import uuid
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from kit import caller as callers
from kit.paging import page
from kit.privacy import mask_email, mask_phone
from kit.types import utcnow
from kit.errors import Invalid, NotFound
from services.notify import domain
from services.notify.models import notifications, preferences, webhooks
from services.notify.schemas import (
    NotificationArgs, NotificationOut, NotificationPage, PreferencesIn, PreferencesOut, WebhookCreated, WebhookIn,
    WebhookView,
)

blp = Blueprint("notifications", __name__, url_prefix="/notifications", description="Notifications (通知)")
hooks = Blueprint("webhooks", __name__, url_prefix="/webhooks", description="Signed webhooks for third parties")
recipients = Blueprint("recipients", __name__, url_prefix="/recipients", description="Recipients' preferences")

_FILTERS = {"recipient": "recipient_id", "event_id": "event_id", "event_type": "event_type",
            "channel": "channel", "status": "status"}


def _svc():
    return current_app.extensions["zhuyu.service"]


def render(row: Any) -> dict:
    view = dict(row._mapping)
    if row.channel == "email":
        masked = mask_email(row.address)
    elif row.channel in ("inbox", "webhook"):
        masked = row.address
    else:
        masked = mask_phone(row.address)
    view["recipient"] = {"type": row.recipient_type, "id": row.recipient_id, "address": masked}
    if view["status"] == "sending":
        view["status"] = "queued"  # an attempt under way is still queued to the caller
    return view


@blp.route("")
class Notifications(MethodView):
    @blp.arguments(NotificationArgs, location="query")
    @blp.response(200, NotificationPage)
    def get(self, args):
        query = sa.select(notifications)
        for arg, column in _FILTERS.items():
            if args.get(arg):
                query = query.where(notifications.c[column] == args[arg])
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, notifications, args["limit"], args["cursor"])
        return {"items": [render(r) for r in rows], "next_cursor": cursor}


@blp.route("/<uuid:notification_id>")
class Notification(MethodView):
    @blp.response(200, NotificationOut)
    def get(self, notification_id):
        with _svc().store.begin() as session:
            row = session.execute(sa.select(notifications).where(notifications.c.id == str(notification_id))).first()
        if row is None:
            raise NotFound("notification", notification_id)
        return render(row)


def _refuse_private(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        raise Invalid({"url": ["Host does not resolve."]}, "The webhook host does not resolve.") from None
    if any(domain.is_private_address(a) for a in addresses) or domain.is_private_address(host):
        raise Invalid({"url": ["Private or loopback address."]},
                      "Webhooks to private or loopback addresses are refused.")


@hooks.route("")
class Webhooks(MethodView):
    @hooks.arguments(WebhookIn)
    @hooks.response(201, WebhookCreated)
    def post(self, body):
        svc = _svc()
        if not svc.config.settings.webhook_allow_private:
            _refuse_private(body["url"])
        hook = {"id": str(uuid.uuid4()), "url": body["url"], "event_types": body["event_types"],
                "secret": secrets.token_urlsafe(32), "active": True, "consecutive_failures": 0,
                "created_by": callers.current().user_id, "created_at": utcnow()}
        with svc.store.begin() as session:
            session.execute(webhooks.insert().values(**hook))
        return hook  # the only time the secret is shown


@hooks.route("/<uuid:webhook_id>")
class Webhook(MethodView):
    @hooks.response(200, WebhookView)
    def get(self, webhook_id):
        with _svc().store.begin() as session:
            row = session.execute(sa.select(webhooks).where(webhooks.c.id == str(webhook_id))).first()
        if row is None:
            raise NotFound("webhook", webhook_id)
        return row._mapping


@recipients.route("/<string:recipient_id>/preferences")
class Preferences(MethodView):
    @recipients.arguments(PreferencesIn)
    @recipients.response(200, PreferencesOut)
    def put(self, body, recipient_id):
        with _svc().store.begin() as session:
            values = {"channels": body["channels"], "opt_out": body["opt_out"], "updated_at": utcnow()}
            updated = session.execute(preferences.update().where(preferences.c.recipient_id == recipient_id)
                                      .values(**values)).rowcount
            if not updated:
                session.execute(preferences.insert().values(recipient_id=recipient_id, **values))
        return {"recipient_id": recipient_id, **body}


blueprints = [blp, hooks, recipients]
