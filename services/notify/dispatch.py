"""Sends queued notifications through their channel's provider and records the outcome."""
from __future__ import annotations

import logging
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.db import Store
from kit.outbox import Outbox
from kit.types import utcnow
from services.notify.models import notifications, sink_messages

log = logging.getLogger("notify.dispatch")


class Provider(Protocol):
    def send(self, session: Session, notification) -> None:
        """Deliver one notification or raise; `session` is the outcome's transaction."""


class SinkProvider:
    """Dev and test provider: stores what would be sent, in the same transaction as the outcome."""

    def send(self, session: Session, notification) -> None:
        session.execute(sink_messages.insert().values(
            notification_id=notification.id, channel=notification.channel,
            address=notification.address, body=notification.body, sent_at=utcnow(),
        ))


def dispatch_due(store: Store, outbox: Outbox, providers: dict[str, Provider], batch: int = 100) -> int:
    """Send what is due now; returns how many were handled."""
    with store.begin() as session:
        due = session.execute(
            sa.select(notifications)
            .where(notifications.c.status == "queued", notifications.c.next_attempt_at <= utcnow())
            .order_by(notifications.c.next_attempt_at)
            .limit(batch)
        ).all()
        for notification in due:
            provider = providers.get(notification.channel)
            if provider is None:
                continue
            provider.send(session, notification)
            now = utcnow()
            session.execute(notifications.update().where(notifications.c.id == notification.id).values(
                status="sent", attempts=notification.attempts + 1, sent_at=now, next_attempt_at=None,
            ))
            outbox.add(session, "notify.notification.sent", notification.id, {
                "id": notification.id, "event_id": notification.event_id, "event_type": notification.event_type,
                "recipient_type": notification.recipient_type, "recipient_id": notification.recipient_id,
                "channel": notification.channel, "attempts": notification.attempts + 1, "sent_at": now.isoformat(),
            })
    return len(due)
