"""What notify calls outside itself, built by bootstrap.py and passed to the use cases: a
provider per channel (SMS gateway or the local sink, SMTP, the staff inbox, signed
webhooks) and the resolver that checks a webhook's address."""
from __future__ import annotations

import json
import smtplib
import socket
import time
from email.message import EmailMessage
from typing import Any, Callable, Protocol
from urllib.parse import urlsplit

import sqlalchemy as sa
import urllib3

from kit.db import Store
from kit.types import utcnow
from services.notify import domain
from services.notify.config import Settings
from services.notify.models import sink_messages, webhooks


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
    """POSTs the structured CloudEvent with `X-Zhuyu-Timestamp` (Unix seconds) and
    `X-Zhuyu-Signature: sha256=HMAC(secret, timestamp + "." + body)`. The host is resolved
    at each delivery, every address it gives is checked (`domain.is_private_address`,
    unless private addresses are allowed) and the connection goes to that checked address,
    so a name that changes its answer between the check and the connection gains nothing."""

    def __init__(self, store: Store, settings: Settings, resolver: Callable[[str], set[str]],
                 clock: Callable[[], float] = time.time):
        self.store = store
        self.settings = settings
        self.resolver = resolver
        self.clock = clock

    def send(self, notification: Any) -> None:
        with self.store.begin() as session:
            hook = session.execute(sa.select(webhooks).where(webhooks.c.id == notification.recipient_id)).first()
        if hook is None or not hook.active:
            raise DeliveryFailed("the webhook is disabled or gone")
        url = urlsplit(hook.url)
        host = url.hostname or ""
        addresses = sorted(self.resolver(host))
        if not addresses:
            raise DeliveryFailed("the host does not resolve")
        if not self.settings.webhook_allow_private and (
                domain.is_private_address(host) or any(domain.is_private_address(a) for a in addresses)):
            raise DeliveryFailed("the host resolves to a private or loopback address")
        timestamp = str(int(self.clock()))
        headers = {"Host": url.netloc.rsplit("@", 1)[-1], "Content-Type": "application/cloudevents+json",
                   "X-Zhuyu-Timestamp": timestamp,
                   "X-Zhuyu-Signature": domain.sign_delivery(hook.secret.encode(), timestamp, notification.payload)}
        timeout = urllib3.Timeout(total=self.settings.provider_timeout_seconds)
        port = url.port or (443 if url.scheme == "https" else 80)
        if url.scheme == "https":
            pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
                addresses[0], port, timeout=timeout, retries=False, server_hostname=host, assert_hostname=host,
                cert_reqs="CERT_REQUIRED")
        else:
            pool = urllib3.HTTPConnectionPool(addresses[0], port, timeout=timeout, retries=False)
        target = (url.path or "/") + (f"?{url.query}" if url.query else "")
        try:
            response = pool.urlopen("POST", target, body=notification.payload, headers=headers, redirect=False)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise DeliveryFailed(f"unreachable: {type(exc).__name__}") from None
        finally:
            pool.close()
        if not 200 <= response.status < 300:
            raise DeliveryFailed(f"answered {response.status}")


def providers_for(settings: Settings, store: Store) -> dict[str, Provider]:
    http = urllib3.PoolManager(maxsize=8, retries=False,
                               timeout=urllib3.Timeout(total=settings.provider_timeout_seconds))
    sink = SinkProvider(store)
    sms = HttpSmsProvider(settings, http) if settings.sms_provider == "http" else sink
    providers: dict[str, Provider] = {"sms": sms, "voice": sink, "inbox": InboxProvider(),
                                      "webhook": WebhookProvider(store, settings, resolve)}
    if settings.smtp_host:
        providers["email"] = SmtpProvider(settings)
    return providers


def resolve(host: str) -> set[str]:
    """The addresses a host name resolves to now (empty when it does not resolve)."""
    try:
        return {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return set()
