"""Events in: keep the recipients read model and plan notifications.

Each notification's id is derived from (event, recipient, channel), so however often an
event arrives, at most one notification exists for each recipient and channel.
"""
from __future__ import annotations

import uuid
from typing import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.events import Event
from kit.types import utcnow
from services.notify.models import elders, notifications

NAMESPACE = uuid.UUID("6f1d7a52-3c1e-4d84-9a57-6a3c2f0b9e11")
REGISTERED_SMS = "【助浴服务】{name}您好，您已完成助浴登记。如需帮助请联系所在助浴点。"


def notification_id(event_id: str, recipient_type: str, recipient_id: str, channel: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{event_id}|{recipient_type}|{recipient_id}|{channel}"))


def _upsert_elder(session: Session, event: Event) -> bool:
    """Apply the elder's state unless we already hold a newer one; True if applied."""
    data = event.data
    held = session.execute(sa.select(elders.c.sequence).where(elders.c.id == event.subject)).scalar()
    if held is not None and held >= event.sequence:
        return False
    values = dict(
        name=data["name"], phone=data.get("phone"), service_point_id=data["service_point_id"],
        emergency_contacts=data.get("emergency_contacts", []), status=data.get("status", "active"),
        sequence=event.sequence,
    )
    if held is None:
        session.execute(elders.insert().values(id=event.subject, **values))
    else:
        session.execute(elders.update().where(elders.c.id == event.subject).values(**values))
    return True


def _queue(session: Session, event: Event, recipient_type: str, recipient_id: str, address: str,
           channel: str, body: str, urgent: bool) -> None:
    nid = notification_id(event.id, recipient_type, recipient_id, channel)
    if session.execute(sa.select(notifications.c.id).where(notifications.c.id == nid)).first():
        return
    now = utcnow()
    session.execute(notifications.insert().values(
        id=nid, event_id=event.id, event_type=event.type, recipient_type=recipient_type,
        recipient_id=recipient_id, address=address, channel=channel, urgent=urgent, language="zh-CN",
        body=body, status="queued", attempts=0, next_attempt_at=now, created_at=now,
    ))


def on_elder_registered(session: Session, event: Event) -> None:
    _upsert_elder(session, event)
    data = event.data
    body = REGISTERED_SMS.format(name=data["name"])
    phone = data.get("phone")
    if phone:
        _queue(session, event, "elder", event.subject, phone, "sms", body, urgent=False)
    else:
        for contact in data.get("emergency_contacts", []):
            _queue(session, event, "emergency_contact", event.subject, contact["phone"], "sms", body, urgent=False)


def on_elder_changed(session: Session, event: Event) -> None:
    _upsert_elder(session, event)


HANDLERS: dict[str, Callable[[Session, Event], None]] = {
    "registration.elder.registered": on_elder_registered,
    "registration.elder.updated": on_elder_changed,
    "registration.elder.suspended": on_elder_changed,
    "registration.elder.reactivated": on_elder_changed,
}
