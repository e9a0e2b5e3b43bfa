"""Delivers due notifications through their channel's provider and records the outcome.

An attempt is counted (committed) before the provider is called, and the outcome after,
so a crash mid-send can repeat at most that one attempt and never loses a notification.
Failures are retried with exponential back-off and jitter, then marked `failed`.
"""
from __future__ import annotations

import json
import logging
import random
import smtplib
from email.message import EmailMessage
from types import SimpleNamespace
from datetime import datetime, timedelta
from typing import Any, Protocol

import sqlalchemy as sa
import urllib3
from sqlalchemy.orm import Session

from kit import metrics
from kit.db import Store
from kit.outbox import Outbox
from kit.types import utcnow
from services.notify import domain
from services.notify.config import Settings
from services.notify.models import notifications, sink_messages, webhooks

log = logging.getLogger("notify.dispatch")
SENDING_LEASE = timedelta(minutes=2)  # an attempt that never reported back is retried after this


class DeliveryFailed(Exception):
    pass


class Provider(Protocol):
    def send(self, notification: Any) -> None:
        """Deliver or raise DeliveryFailed."""


class SinkProvider:
    """Dev and test provider for SMS and call tasks: stores what would be sent."""

    def __init__(self, store: Store):
        self.store = store

    def send(self, notification: Any) -> None:
        with self.store.begin() as session:
            exists = session.execute(sa.select(sink_messages.c.id).where(
                sink_messages.c.notification_id == notification.id)).first()
            if not exists:
                session.execute(sink_messages.insert().values(
                    notification_id=notification.id, channel=notification.channel, address=notification.address,
                    body=notification.body, sent_at=utcnow()))


class InboxProvider:
    """Staff read their inbox from the notifications themselves: stored is delivered."""

    def send(self, notification: Any) -> None:
        return None


class HttpSmsProvider:
    """An HTTP SMS gateway: POST {account, to, text}, signed with the account's secret."""

    def __init__(self, settings: Settings, http: urllib3.PoolManager):
        self.url = settings.sms_gateway_url
        self.account = settings.sms_gateway_account
        self.secret = settings.sms_gateway_secret.encode()
        self.http = http

    def send(self, notification: Any) -> None:
        body = json.dumps({"account": self.account, "to": notification.address, "text": notification.body,
                           "reference": notification.id}, ensure_ascii=False).encode()
        try:
            response = self.http.request("POST", self.url, body=body, headers={
                "Content-Type": "application/json", "X-Signature": domain.sign(self.secret, body)})
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise DeliveryFailed(f"SMS gateway unreachable: {type(exc).__name__}") from None
        if not 200 <= response.status < 300:
            raise DeliveryFailed(f"SMS gateway answered {response.status}")


class SmtpProvider:
    """Email over SMTP (plain or STARTTLS, with login when a user is configured)."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def send(self, notification: Any) -> None:
        message = EmailMessage()
        message["From"] = self.settings.smtp_from
        message["To"] = notification.address
        message["Subject"] = notification.body.split("】", 1)[0].lstrip("【") or "助浴服务"
        message.set_content(notification.body)
        settings = self.settings
        try:
            with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.provider_timeout_seconds) as smtp:
                if settings.smtp_starttls:
                    smtp.starttls()
                if settings.smtp_user:
                    smtp.login(settings.smtp_user, settings.smtp_password)
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryFailed(f"SMTP: {type(exc).__name__}: {exc}"[:300]) from None


class WebhookProvider:
    """POSTs the structured CloudEvent, signed `X-Zhuyu-Signature: sha256=<hex>`."""

    def __init__(self, store: Store, http: urllib3.PoolManager):
        self.store = store
        self.http = http

    def send(self, notification: Any) -> None:
        with self.store.begin() as session:
            hook = session.execute(sa.select(webhooks).where(webhooks.c.id == notification.recipient_id)).first()
        if hook is None or not hook.active:
            raise DeliveryFailed("the webhook is disabled or gone")
        try:
            response = self.http.request("POST", hook.url, body=notification.payload, headers={
                "Content-Type": "application/cloudevents+json",
                "X-Zhuyu-Signature": domain.sign(hook.secret.encode(), notification.payload)})
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise DeliveryFailed(f"unreachable: {type(exc).__name__}") from None
        if not 200 <= response.status < 300:
            raise DeliveryFailed(f"answered {response.status}")


def providers_for(settings: Settings, store: Store) -> dict[str, Provider]:
    http = urllib3.PoolManager(maxsize=8, retries=False,
                               timeout=urllib3.Timeout(total=settings.provider_timeout_seconds))
    sink = SinkProvider(store)
    sms = HttpSmsProvider(settings, http) if settings.sms_provider == "http" else sink
    providers: dict[str, Provider] = {"sms": sms, "voice": sink, "inbox": InboxProvider(),
                                      "webhook": WebhookProvider(store, http)}
    if settings.smtp_host:
        providers["email"] = SmtpProvider(settings)
    return providers


class Dispatcher:
    def __init__(self, store: Store, outbox: Outbox, settings: Settings, providers: dict[str, Provider],
                 rand=random.random):
        self.store = store
        self.outbox = outbox
        self.rules = settings.rules
        self.providers = providers
        self.rand = rand

    def run_due(self, now: datetime | None = None, batch: int = 100) -> int:
        now = now or utcnow()
        claimed = self._claim(now, batch)
        for notification in claimed:
            provider = self.providers.get(notification.channel)
            try:
                if provider is None:
                    raise DeliveryFailed(f"no provider is configured for {notification.channel}")
                provider.send(notification)
            except DeliveryFailed as exc:
                self._failed(notification, str(exc), now)
            else:
                self._sent(notification, now)
        return len(claimed)

    def _claim(self, now: datetime, batch: int) -> list[Any]:
        """Take due notifications and count the attempt before calling anyone."""
        with self.store.begin() as session:
            due = session.execute(
                sa.select(notifications)
                .where(notifications.c.status.in_(("queued", "held", "sending")), notifications.c.next_attempt_at <= now)
                .order_by(notifications.c.urgent.desc(), notifications.c.next_attempt_at)
                .limit(batch).with_for_update(skip_locked=True)).all()
            for row in due:
                session.execute(notifications.update().where(notifications.c.id == row.id).values(
                    status="sending", attempts=row.attempts + 1, next_attempt_at=now + SENDING_LEASE))
        return [SimpleNamespace(**(row._asdict() | {"attempts": row.attempts + 1})) for row in due]

    def _sent(self, notification: Any, now: datetime) -> None:
        with self.store.begin() as session:
            session.execute(notifications.update().where(notifications.c.id == notification.id).values(
                status="sent", sent_at=now, next_attempt_at=None, last_error=None))
            if notification.channel == "webhook":
                session.execute(webhooks.update().where(webhooks.c.id == notification.recipient_id)
                                .values(consecutive_failures=0))
            self.outbox.add(session, "notify.notification.sent", notification.id,
                            self._state(notification) | {"sent_at": now.isoformat()})
        metrics.instruments().notifications.labels(notification.channel, "sent").inc()

    def _failed(self, notification: Any, error: str, now: datetime) -> None:
        with self.store.begin() as session:
            final = domain.gives_up(notification.attempts, self.rules)
            session.execute(notifications.update().where(notifications.c.id == notification.id).values(
                status="failed" if final else "queued", last_error=error[:2000],
                next_attempt_at=None if final else domain.next_attempt_at(notification.attempts, now, self.rules,
                                                                          self.rand())))
            if notification.channel == "webhook":
                self._webhook_failed(session, notification.recipient_id, error)
            if final:
                self.outbox.add(session, "notify.notification.failed", notification.id,
                                self._state(notification) | {"last_error": error[:500]})
        metrics.instruments().notifications.labels(notification.channel, "failed" if final else "retry").inc()
        log.warning("delivery failed", extra={"notification_id": notification.id, "channel": notification.channel,
                                              "attempts": notification.attempts, "final": final, "error": error[:200]})

    def _webhook_failed(self, session: Session, hook_id: str, error: str) -> None:
        hook = session.execute(sa.select(webhooks).where(webhooks.c.id == hook_id).with_for_update()).first()
        if hook is None:
            return
        failures = hook.consecutive_failures + 1
        values: dict[str, Any] = {"consecutive_failures": failures}
        if failures >= self.rules.webhook_disable_after and hook.active:
            values.update(active=False, disabled_reason=f"{failures} deliveries failed in a row; last: {error[:500]}")
        session.execute(webhooks.update().where(webhooks.c.id == hook_id).values(**values))

    @staticmethod
    def _state(notification: Any) -> dict:
        return {"id": notification.id, "event_id": notification.event_id, "event_type": notification.event_type,
                "recipient_type": notification.recipient_type, "recipient_id": notification.recipient_id,
                "channel": notification.channel, "attempts": notification.attempts}
