"""Notify HTTP API: delivery status of notifications."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from kit.paging import page
from kit.privacy import mask_email, mask_phone
from kit.web import ApiError
from services.notify.models import notifications
from services.notify.schemas import NotificationArgs, NotificationOut, NotificationPage

blp = Blueprint("notifications", __name__, url_prefix="/notifications", description="Notifications (通知)")

_FILTERS = {"recipient": "recipient_id", "event_id": "event_id", "event_type": "event_type",
            "channel": "channel", "status": "status"}


def _store():
    return current_app.extensions["zhuyu.service"].store


def render(row: Any) -> dict:
    view = dict(row._mapping)
    address = row.address
    masked = mask_email(address) if row.channel == "email" else (address if row.channel in ("inbox", "webhook") else mask_phone(address))
    view["recipient"] = {"type": row.recipient_type, "id": row.recipient_id, "address": masked}
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
        with _store().begin() as session:
            rows, cursor = page(session, query, notifications, args["limit"], args["cursor"])
        return {"items": [render(r) for r in rows], "next_cursor": cursor}


@blp.route("/<uuid:notification_id>")
class Notification(MethodView):
    @blp.response(200, NotificationOut)
    def get(self, notification_id):
        with _store().begin() as session:
            row = session.execute(sa.select(notifications).where(notifications.c.id == str(notification_id))).first()
        if row is None:
            raise ApiError(404, "NOT_FOUND", f"No notification {notification_id}.")
        return render(row)


blueprints = [blp]
