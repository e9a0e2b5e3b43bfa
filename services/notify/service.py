"""Notify use cases: the recipients kept from registration's events, planning notifications
from every event (who is told what: `domain.RULES`), reminders, delivery through the
channels' providers, webhook subscriptions and recipients' preferences.

Planning works in the caller's transaction (the consumer's batch, a job's): a
notification's id derives from (event, recipient, channel), so however often an event
arrives, at most one notification exists for each recipient and channel. Delivery and a
webhook's creation open their own transactions: a provider or the resolver is called with
none open. `now` comes from the caller; nothing here reads the clock.
"""
from __future__ import annotations

import json
import logging
import random
import secrets
import uuid
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any, Callable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit import metrics
from kit.db import Transaction, one
from kit.caller import Caller
from kit.errors import DomainError, Invalid, NotFound
from kit.events import Event
from kit.outbox import Outbox
from kit.paging import id_page, page
from kit.readmodel import apply_state
from services.notify import domain, templates
from services.notify.adapters import DeliveryFailed, Provider
from services.notify.config import Settings
from services.notify.domain import Planned, Recipient
from services.notify.models import (
    elders, ended_owners, notification_reads, notifications, preferences, reminders, staff, webhooks,
)

log = logging.getLogger("notify")
SENDING_LEASE = timedelta(minutes=2)  # an attempt that never reported back is retried after this
FILTERS = {"recipient": "recipient_id", "event_id": "event_id", "event_type": "event_type", "channel": "channel",
           "status": "status"}


class Notify:
    """The use cases, with the settings, the templates (checked when built, not at send
    time), a provider per channel and the resolver of webhook hosts."""

    def __init__(self, settings: Settings, outbox: Outbox, providers: dict[str, Provider],
                 resolve: Callable[[str], set[str]], rand: Callable[[], float] = random.random,
                 event_types: frozenset[str] = frozenset()):
        self.settings = settings
        self.event_types = event_types  # the types a webhook may name (the event catalogue's)
        self.rules = settings.rules
        self.outbox = outbox
        self.providers = providers
        self.resolve = resolve
        self.rand = rand
        self.templates = templates.load()
        self.tz = ZoneInfo(settings.common.timezone)

    # --- the recipients, kept from registration's events -------------------------------------

    def elder_changed(self, session: Session, event: Event, now: datetime) -> None:
        data = event.data
        apply_state(session, elders, event.subject, event.sequence, {
            "name": data["name"], "phone": data.get("phone"), "phone_is_mobile": bool(data.get("phone_is_mobile")),
            "service_point_id": data["service_point_id"], "emergency_contacts": data.get("emergency_contacts", []),
            "status": data.get("status", "active"), "consents": data.get("consents") or {},
            "language": data.get("language") or "zh-CN"})
        if event.type == "registration.elder.closed":  # what still waits goes no further, held included
            self._stop_waiting(session, event.subject,
                               domain.stops_waiting((data.get("consents") or {}).get("sms"), "closed"))
        self.plan(session, event, now)

    @staticmethod
    def _stop_waiting(session: Session, elder_id: str, reason: str | None) -> None:
        """The elder's and family's messages still queued or held, kept `suppressed` with the
        reason (`domain.stops_waiting`) instead of going."""
        if reason:
            session.execute(notifications.update().where(
                notifications.c.recipient_id == elder_id, notifications.c.recipient_type.in_(tuple(domain.FAMILY)),
                notifications.c.status.in_(("queued", "held"))).values(
                status="suppressed", next_attempt_at=None, last_error=reason))

    def consent_recorded(self, session: Session, event: Event, now: datetime) -> None:
        """A consent recorded: the elder as now kept. Without the `sms` consent given, the
        messages to the elder and family still waiting go no further (`domain.stops_waiting`);
        with it, if the elder's welcome was held for want of it (`domain.releases_welcome`),
        the welcome goes now, once, as any SMS would (preferences, quiet hours)."""
        self.elder_changed(session, event, now)
        elder = self._elder(session, event.subject)
        if elder is None:
            return
        withdrawn = domain.stops_waiting(elder.consents.get("sms"), elder.status)
        if withdrawn:  # what was still waiting for the elder or family goes no further
            self._stop_waiting(session, elder.id, withdrawn)
            return
        kept = session.execute(sa.select(notifications.c.status, notifications.c.last_error,
                                         notifications.c.created_at).where(
            notifications.c.event_type == domain.WELCOME_EVENT, notifications.c.recipient_id == elder.id)).all()
        welcomes = [domain.Welcome(row.status, row.last_error, row.created_at) for row in kept]
        if domain.releases_welcome(elder.consents.get("sms"), welcomes, now, self.rules):
            # Under one id per elder: a redelivered or concurrent grant meets the same
            # notifications (their key), never a second welcome; no webhook hears of it.
            self._tell(session, Event(id=domain.welcome_event_id(elder.id), type=domain.WELCOME_EVENT,
                                      source="/notify", subject=elder.id, time=now.isoformat(),
                                      sequence=event.sequence, dataversion=event.dataversion, data=event.data), now)

    def staff_changed(self, session: Session, event: Event, now: datetime) -> None:
        data = event.data
        apply_state(session, staff, event.subject, event.sequence, {
            "name": data["name"], "phone": data.get("phone"), "email": data.get("email"), "roles": data["roles"],
            "service_point_id": data.get("service_point_id"), "active": data.get("active", True)})
        self.plan(session, event, now)

    # --- bookings and their reminders ----------------------------------------------------------

    def booking_created(self, session: Session, event: Event, now: datetime) -> None:
        """A reminder the day before the booking, once."""
        if not session.execute(sa.select(reminders.c.id).where(reminders.c.id == event.subject)).first():
            slot = datetime.fromisoformat(event.data["slot_start"]).astimezone(self.tz)
            session.execute(reminders.insert().values(
                id=event.subject, kind="booking", due_at=domain.booking_reminder_at(slot, self.rules),
                data=event.data, status="scheduled"))
        self.plan(session, event, now)

    def booking_ended(self, session: Session, event: Event, now: datetime) -> None:
        """A booking cancelled or not attended is not reminded of."""
        session.execute(reminders.update().where(reminders.c.id == event.subject, reminders.c.status == "scheduled")
                        .values(status="cancelled"))
        self.plan(session, event, now)

    def send_due_reminders(self, session: Session, now: datetime) -> int:
        """Turns reminders that fell due into notifications, as if their own event arrived."""
        due = session.execute(sa.select(reminders).where(reminders.c.status == "scheduled",
                                                         reminders.c.due_at <= now)).all()
        for reminder in due:
            self.plan(session, Event(id=domain.reminder_event_id(reminder.id, reminder.kind),
                                     type=f"notify.reminder.{reminder.kind}", source="/notify", subject=reminder.id,
                                     time=now.isoformat(), sequence=1, dataversion=1, data=reminder.data), now)
            session.execute(reminders.update().where(reminders.c.id == reminder.id).values(status="done"))
        return len(due)

    # --- planning ---------------------------------------------------------------------

    def plan(self, session: Session, event: Event, now: datetime, hooks: list | None = None) -> None:
        """Who is told what of an event (`domain.RULES`), and every subscribing webhook
        (`hooks`: the active webhooks when the caller has read them already)."""
        self._tell(session, event, now)
        self._webhooks(session, event, now, hooks)

    def _tell(self, session: Session, event: Event, now: datetime) -> None:
        """Who is told what of an event by the rules."""
        for rule in domain.rules_for(event.type, event.data):
            for planned in self._audience(session, rule, event, domain.is_urgent(rule, event.data)):
                self._queue(session, event, planned, now)

    def plan_many(self, session: Session, taken: list[Event], now: datetime) -> None:
        """A run of events planned in turn, the active webhooks read once for the run."""
        hooks = self._active_webhooks(session)
        for event in taken:
            self.plan(session, event, now, hooks)

    @staticmethod
    def _active_webhooks(session: Session) -> list:
        return session.execute(sa.select(webhooks).where(webhooks.c.active)).all()

    @staticmethod
    def _elder(session: Session, elder_id: str | None) -> Any:
        if not elder_id:
            return None
        return session.execute(sa.select(elders).where(elders.c.id == elder_id)).first()

    @staticmethod
    def _staff_recipient(row: Any, channel: str) -> Recipient | None:
        if row is None or not row.active:
            return None
        address = {"inbox": row.id, "email": row.email}.get(channel, row.phone)
        return Recipient("staff", row.id, address) if address else None

    def _audience(self, session: Session, rule: domain.Rule, event: Event, urgent: bool) -> list[Planned]:
        data = event.data
        if rule.audience == "family":
            elder = self._elder(session, data.get("elder_id") or (event.subject if event.type.startswith(
                "registration.elder.") else None))
            if elder is None:
                return []
            contact = domain.ElderContact(
                id=elder.id, name=elder.name, phone=elder.phone, phone_is_mobile=elder.phone_is_mobile,
                emergency_contacts=tuple(elder.emergency_contacts), status=elder.status,
                sms_consent=elder.consents.get("sms"), language=elder.language)
            return domain.to_family(contact, rule.template, urgent)
        if rule.audience == "complainant":
            complainant = data.get("complainant") or {}
            if not complainant.get("phone"):
                return []
            recipient = Recipient("complainant", domain.complainant_of(event.type, event.subject, data),
                                  complainant["phone"])
            return [Planned(recipient, channel, rule.template, urgent) for channel in rule.channels]
        ids: list[str] = []
        if rule.audience == "owner" and data.get("owner_staff_id"):
            ids = [data["owner_staff_id"]]
        elif rule.audience == "supervisors":
            ids = list(data.get("supervisor_staff_ids") or [])
        elif rule.audience == "staff" and data.get("staff_id"):
            ids = [data["staff_id"]]
        elif rule.audience == "point_admins":
            rows = session.execute(sa.select(staff).where(staff.c.service_point_id == data.get("service_point_id"),
                                                          staff.c.active)).all()
            ids = [r.id for r in rows if "point_admin" in r.roles]
        elif rule.audience == "city_operators":  # the city's operators, of no point
            rows = session.execute(sa.select(staff).where(staff.c.active)).all()
            ids = [r.id for r in rows if "city_operator" in r.roles]
        planned = []
        for staff_id in ids:
            row = session.execute(sa.select(staff).where(staff.c.id == staff_id)).first()
            for channel in rule.channels:
                recipient = self._staff_recipient(row, channel) if row else (
                    Recipient("staff", staff_id, staff_id) if channel == "inbox" else None)
                if recipient:
                    planned.append(Planned(recipient, channel, rule.template, urgent))
        return planned

    def variables(self, session: Session, event: Event, recipient: Recipient | None = None) -> dict:
        data = event.data
        elder = self._elder(session, data.get("elder_id")) if data.get("elder_id") else None
        complainant = (data.get("complainant") or {}).get("name")
        name = ((complainant if recipient is not None and recipient.type == "complainant" else None)
                or (elder.name if elder else None) or data.get("name") or complainant or "")
        slot = data.get("slot_start")
        next_try = data.get("next_try_at")
        deadline = data.get("deadline") or {}
        hours = data.get("reply_within_hours")
        return {
            "name": name,
            "slot": datetime.fromisoformat(slot).astimezone(self.tz).strftime("%m月%d日 %H:%M") if slot else "",
            "reasons": "、".join(data.get("refusal_reasons") or []),
            "kind": data.get("kind", ""), "severity": data.get("severity", ""),
            "link": self.settings.survey_base_url + str(data.get("token", "")),
            "category": data.get("category", ""), "deadline": deadline.get("name", ""),
            "level": {"complaints.complaint.deadline_warning": "即将到期"}.get(event.type, "已超时"),
            "due_on": data.get("due_on") or data.get("assessment_due_on") or "", "programme": data.get("programme", ""),
            "change": data.get("change", ""), "hours": f"{hours:g}" if hours else "",
            "time": datetime.fromisoformat(next_try).astimezone(self.tz).strftime("%m月%d日 %H:%M") if next_try else "",
            "subsidy": domain.SUBSIDY_CATEGORY_NAMES.get(data.get("category", ""), ""),
            "valid_until": data.get("valid_until") or "",
        }

    def _queue(self, session: Session, event: Event, planned: Planned, now: datetime) -> None:
        recipient = planned.recipient
        nid = domain.notification_id(event.id, recipient, planned.channel)
        if session.execute(sa.select(notifications.c.id).where(notifications.c.id == nid)).first():
            return
        pref = session.execute(sa.select(preferences).where(preferences.c.recipient_id == recipient.id)).first()
        status, when = domain.delivery(
            domain.Preferences(tuple(pref.channels), tuple(pref.opt_out)) if pref is not None else None,
            planned, event.type, now.astimezone(self.tz), self.rules)
        template = self.templates[planned.template]
        body = templates.render(self.templates, planned.template, recipient.language,
                                self.variables(session, event, recipient))
        session.execute(notifications.insert().values(
            id=nid, event_id=event.id, event_type=event.type, service_point_id=self.point_of(session, event),
            recipient_type=recipient.type,
            recipient_id=recipient.id, address=recipient.address, channel=planned.channel, urgent=planned.urgent,
            language=recipient.language, template=template.key, template_version=template.version, body=body,
            status=status, attempts=0, next_attempt_at=when, created_at=now, last_error=planned.withheld))

    def _webhooks(self, session: Session, event: Event, now: datetime, hooks: list | None = None) -> None:
        """Every active subscription that wants the event (its types, its owner's scopes and
        point). A delivery to a webhook is not itself told to webhooks (it would never end)."""
        if event.type.startswith("notify.notification.") and event.data.get("recipient_type") == "webhook":
            return
        point = self.point_of(session, event)
        for hook in self._active_webhooks(session) if hooks is None else hooks:
            if not domain.hook_wants(hook.event_types, hook.scopes or [], event.type):
                continue
            if not domain.hook_receives(hook.service_point_id, point):
                continue
            recipient = Recipient("webhook", hook.id, hook.url)
            nid = domain.notification_id(event.id, recipient, "webhook")
            if session.execute(sa.select(notifications.c.id).where(notifications.c.id == nid)).first():
                continue
            self._queue_delivery(session, nid, hook, event, point, self.webhook_event(
                session, event, "elders:read" in (hook.scopes or [])), now)

    @staticmethod
    def _queue_delivery(session: Session, delivery_id: str, hook: Any, event: Event, point: str | None, cloud_event: dict,
                        now: datetime) -> None:
        payload = json.dumps(cloud_event, ensure_ascii=False, separators=(",", ":")).encode()
        session.execute(notifications.insert().values(
            id=delivery_id, event_id=event.id, event_type=event.type, service_point_id=point,
            recipient_type="webhook", recipient_id=hook.id,
            address=hook.url, channel="webhook", urgent=False, language="zh-CN", template="cloudevent",
            template_version=1, body=event.type, payload=payload, status="queued", attempts=0,
            next_attempt_at=now, created_at=now))

    def point_of(self, session: Session, event: Event) -> str | None:
        """The point an event is of: the one it names, the point itself, a notification's
        own, else its elder's (None: of no point, such as a staff member bound to none)."""
        named = event.data.get("service_point_id")
        if named:
            return str(named)
        if event.type.startswith("registration.service_point."):
            return event.subject
        if event.type.startswith("notify.notification."):
            return session.execute(sa.select(notifications.c.service_point_id)
                                   .where(notifications.c.id == event.subject)).scalar()
        elder = self._elder(session, event.data.get("elder_id"))
        return elder.service_point_id if elder is not None else None

    def webhook_event(self, session: Session, event: Event, elders_read: bool) -> dict:
        """The structured CloudEvent a subscriber receives, with the incoming event's
        `sequence` (a receiver drops an update older than what it holds) and `dataversion`;
        elders' personal data only to an owner whose scopes read elders (`elders_read`)."""
        elder_id = event.data.get("elder_id") or (event.subject if event.type.startswith("registration.elder.") else None)
        elder = self._elder(session, elder_id)
        consents = elder.consents if elder is not None else {}
        data = domain.webhook_data(event.data, bool(consents.get("third_party_sharing")),
                                   bool(consents.get("health_data")), elders_read)
        return {"specversion": "1.0", "id": event.id, "source": event.source, "type": event.type, "time": event.time,
                "subject": event.subject, "sequence": event.sequence, "dataversion": event.dataversion,
                "datacontenttype": "application/json", "data": data}

    # --- delivery -----------------------------------------------------------------------

    def dispatch_due(self, transaction: Transaction, now: datetime, batch: int = 100) -> int:
        """Delivers due notifications. An attempt is counted (committed) before the provider
        is called, and the outcome after, so a crash mid-send can repeat at most that one
        attempt and never loses a notification. Failures are retried with exponential
        back-off and jitter, then marked `failed`."""
        with transaction() as session:
            claimed = self._claim(session, now, batch)
        for notification in claimed:
            provider = self.providers.get(notification.channel)
            try:
                if provider is None:
                    raise DeliveryFailed(f"no provider is configured for {notification.channel}")
                provider.send(notification)
            except DeliveryFailed as exc:
                with transaction() as session:
                    self._failed(session, notification, str(exc), now)
            else:
                with transaction() as session:
                    self._sent(session, notification, now)
        return len(claimed)

    @staticmethod
    def _claim(session: Session, now: datetime, batch: int) -> list[Any]:
        """Take due notifications and count the attempt before calling anyone."""
        due = session.execute(
            sa.select(notifications)
            .where(notifications.c.status.in_(("queued", "held", "sending")), notifications.c.next_attempt_at <= now)
            .order_by(notifications.c.urgent.desc(), notifications.c.next_attempt_at)
            .limit(batch).with_for_update(skip_locked=True)).all()
        for row in due:
            session.execute(notifications.update().where(notifications.c.id == row.id).values(
                status="sending", attempts=row.attempts + 1, next_attempt_at=now + SENDING_LEASE))
        return [SimpleNamespace(**(row._asdict() | {"attempts": row.attempts + 1})) for row in due]

    def _sent(self, session: Session, notification: Any, now: datetime) -> None:
        session.execute(notifications.update().where(notifications.c.id == notification.id).values(
            status="sent", sent_at=now, next_attempt_at=None, last_error=None))
        if notification.channel == "webhook":
            session.execute(webhooks.update().where(webhooks.c.id == notification.recipient_id)
                            .values(consecutive_failures=0))
        self.outbox.add(session, "notify.notification.sent", notification.id,
                        self._state(notification) | {"sent_at": now.isoformat()})
        metrics.instruments().notifications.labels(notification.channel, "sent").inc()

    def _failed(self, session: Session, notification: Any, error: str, now: datetime) -> None:
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

    # --- reading notifications ------------------------------------------------------------

    @staticmethod
    def waiting(session: Session) -> dict[tuple[str, str], int]:
        """Notifications not yet delivered, by (channel, status) (a gauge)."""
        return {(channel, status): count for channel, status, count in session.execute(
            sa.select(notifications.c.channel, notifications.c.status, sa.func.count())
            .where(notifications.c.status.in_(("queued", "held", "sending")))
            .group_by(notifications.c.channel, notifications.c.status)).all()}

    @staticmethod
    def notification_list(session: Session, filters: dict, limit: int, cursor: str | None,
                          who: Caller) -> tuple[list, str | None]:
        """By recipient, event, event type, channel and status (the arguments of `FILTERS`),
        of the caller's point only when it is bound to one."""
        query = sa.select(notifications)
        point = who.point_filter(filters.get("service_point_id"))
        if point:
            query = query.where(notifications.c.service_point_id == point)
        for arg, column in FILTERS.items():
            if filters.get(arg):
                query = query.where(notifications.c[column] == filters[arg])
        return page(session, query, notifications, limit, cursor)

    @staticmethod
    def notification(session: Session, notification_id: str, who: Caller) -> Any:
        """A notification the caller may see (another point's is 404, like an unknown one)."""
        row = one(session, notifications, "notification", notification_id)
        who.check_point(row.service_point_id, "notification", notification_id)
        return row

    @staticmethod
    def record_reads(session: Session, notification_ids: list[str], who: Caller, request_id: str | None,
                     now: datetime) -> None:
        """Who (a user, or an API key with role `api_client`), when and through which request
        read these notifications unmasked (the text as sent; the address stays masked)."""
        if notification_ids:
            session.execute(notification_reads.insert(), [
                {"notification_id": notification_id, "user_id": who.user_id, "role": who.role,
                 "request_id": request_id, "at": now} for notification_id in notification_ids])

    @staticmethod
    def notification_reads(session: Session, notification_id: str | None, user_id: str | None, limit: int,
                           cursor: str | None) -> tuple[list, str | None]:
        """The unmasked reads, oldest first, of one notification or by one reader."""
        query = sa.select(notification_reads)
        if notification_id:
            query = query.where(notification_reads.c.notification_id == notification_id)
        if user_id:
            query = query.where(notification_reads.c.user_id == user_id)
        return id_page(session, query, notification_reads.c.id, limit, cursor)

    # --- webhooks and preferences ---------------------------------------------------------

    def check_webhook_address(self, url: str) -> None:
        """Deliveries to private or loopback addresses are refused unless allowed (dev, tests)."""
        if self.settings.webhook_allow_private:
            return
        host = urlsplit(url).hostname or ""
        addresses = self.resolve(host)
        if not addresses:
            raise Invalid({"url": ["Host does not resolve."]}, "The webhook host does not resolve.")
        if any(domain.is_private_address(a) for a in addresses) or domain.is_private_address(host):
            raise Invalid({"url": ["Private or loopback address."]},
                          "Webhooks to private or loopback addresses are refused.")

    def create_webhook(self, transaction: Transaction, url: str, event_types: list[str], who: Caller,
                       now: datetime) -> dict:
        """A subscription owned by the caller (its key or user) and bound to its point, with
        its secret (shown this once); the address is checked first, with no transaction
        open while its host is resolved (and again at every delivery)."""
        scopes = domain.owner_scopes(who.role, who.scopes)
        errors = domain.subscription_errors(event_types, self.event_types, scopes)
        if errors:
            raise Invalid({"event_types": errors}, "Some event types cannot be subscribed to.")
        self.check_webhook_address(url)
        hook = {"id": str(uuid.uuid4()), "url": url, "event_types": event_types, "secret": secrets.token_urlsafe(32),
                "active": True, "consecutive_failures": 0, "created_by": who.user_id,
                "service_point_id": who.service_point_id, "created_at": now, "scopes": scopes, "revoked": False,
                "disabled_reason": None}
        with transaction() as session:
            ended = session.execute(sa.select(ended_owners.c.reason).where(ended_owners.c.id == who.user_id)).scalar()
            if ended is not None:  # revoked while this request was on its way
                hook.update(active=False, revoked=True, disabled_reason=ended)
            session.execute(webhooks.insert().values(**hook))
        return hook

    def owner_ended(self, session: Session, owner_id: str, reason: str, now: datetime) -> None:
        """The gateway revoked a key or disabled a user: every webhook it made stops for
        good, and deliveries still waiting for them are not sent."""
        if session.execute(sa.select(ended_owners.c.id).where(ended_owners.c.id == owner_id)).first() is None:
            session.execute(ended_owners.insert().values(id=owner_id, reason=reason, ended_at=now))
        hook_ids = session.execute(sa.select(webhooks.c.id).where(webhooks.c.created_by == owner_id)).scalars().all()
        if not hook_ids:
            return
        session.execute(webhooks.update().where(webhooks.c.id.in_(hook_ids))
                        .values(active=False, revoked=True, disabled_reason=reason))
        session.execute(notifications.update().where(
            notifications.c.recipient_type == "webhook", notifications.c.recipient_id.in_(hook_ids),
            notifications.c.status.in_(("queued", "held", "sending"))).values(
            status="suppressed", next_attempt_at=None, last_error=reason))

    def enable_webhook(self, session: Session, webhook_id: str, who: Caller) -> Any:
        """Active again with no failures counted (the owner's own, after fixing its end);
        one stopped because its owner was revoked stays stopped."""
        hook = self.webhook(session, webhook_id, who)
        if hook.revoked:
            raise DomainError("WEBHOOK_REVOKED", "The webhook's owner was revoked or disabled; make a new one.")
        session.execute(webhooks.update().where(webhooks.c.id == hook.id)
                        .values(active=True, consecutive_failures=0, disabled_reason=None))
        return self.webhook(session, webhook_id, who)

    def _active_webhook(self, session: Session, webhook_id: str, who: Caller) -> Any:
        hook = self.webhook(session, webhook_id, who)
        if hook.revoked:
            raise DomainError("WEBHOOK_REVOKED", "The webhook's owner was revoked or disabled; make a new one.")
        if not hook.active:
            raise DomainError("WEBHOOK_DISABLED", f"The webhook is disabled ({hook.disabled_reason}); enable it first.")
        return hook

    def test_webhook(self, session: Session, webhook_id: str, who: Caller, now: datetime) -> Any:
        """Queues a signed CloudEvent of type `notify.webhook.test` to the caller's own
        active webhook, whatever it subscribes to; the delivery it made."""
        hook = self._active_webhook(session, webhook_id, who)
        event = Event(id=str(uuid.uuid4()), type=domain.TEST_EVENT_TYPE, source="/notify", subject=hook.id,
                      time=now.isoformat(), sequence=1, dataversion=1,
                      data={"webhook_id": hook.id, "message": "A test delivery: nothing happened."})
        delivery_id = str(uuid.uuid4())
        self._queue_delivery(session, delivery_id, hook, event, hook.service_point_id,
                             self.webhook_event(session, event, False), now)
        return one(session, notifications, "delivery", delivery_id)

    def deliveries(self, session: Session, webhook_id: str, who: Caller, limit: int,
                   cursor: str | None) -> tuple[list, str | None]:
        """The caller's own webhook's deliveries, newest first."""
        hook = self.webhook(session, webhook_id, who)
        query = sa.select(notifications).where(notifications.c.recipient_type == "webhook",
                                               notifications.c.recipient_id == hook.id)
        return page(session, query, notifications, limit, cursor, newest_first=True)

    def replay(self, session: Session, webhook_id: str, delivery_id: str, who: Caller, now: datetime) -> Any:
        """A new delivery of what an earlier one carried (the same event, signed afresh when
        sent) to the caller's own active webhook; the new delivery."""
        hook = self._active_webhook(session, webhook_id, who)
        earlier = session.execute(sa.select(notifications).where(
            notifications.c.id == delivery_id, notifications.c.recipient_type == "webhook",
            notifications.c.recipient_id == hook.id)).first()
        if earlier is None:
            raise NotFound("delivery", delivery_id)
        again = str(uuid.uuid4())
        session.execute(notifications.insert().values(
            {**{c: getattr(earlier, c) for c in ("event_id", "event_type", "service_point_id", "recipient_type",
                                                 "recipient_id", "channel", "urgent", "language", "template",
                                                 "template_version", "body", "payload")},
             "id": again, "address": hook.url, "status": "queued", "attempts": 0, "next_attempt_at": now,
             "created_at": now}))
        return one(session, notifications, "delivery", again)

    @staticmethod
    def webhook(session: Session, webhook_id: str, who: Caller) -> Any:
        """A subscription, to its owner only (anyone else's is 404, like an unknown one)."""
        row = one(session, webhooks, "webhook", webhook_id)
        if row.created_by != who.user_id:
            raise NotFound("webhook", webhook_id)
        return row

    @staticmethod
    def own_webhooks(session: Session, who: Caller) -> list[Any]:
        """The caller's own subscriptions, oldest first."""
        return session.execute(sa.select(webhooks).where(webhooks.c.created_by == who.user_id)
                               .order_by(webhooks.c.created_at, webhooks.c.id)).all()

    def delete_webhook(self, session: Session, webhook_id: str, who: Caller) -> None:
        """Ends a subscription, to its owner only; deliveries still queued for it fail as gone."""
        self.webhook(session, webhook_id, who)
        session.execute(webhooks.delete().where(webhooks.c.id == webhook_id))

    @staticmethod
    def recipient_point(session: Session, recipient_id: str, who: Caller) -> str | None:
        """The point of a recipient (an elder or a staff member notify knows of) the caller
        may see; an unknown one, or another point's, is 404."""
        for table in (elders, staff):
            row = session.execute(sa.select(table.c.service_point_id).where(table.c.id == recipient_id)).first()
            if row is not None:
                who.check_point(row.service_point_id, "recipient", recipient_id)
                return row.service_point_id
        raise NotFound("recipient", recipient_id)

    def set_preferences(self, session: Session, recipient_id: str, channels: list[str], opt_out: list[str],
                        who: Caller, now: datetime) -> dict:
        self.recipient_point(session, recipient_id, who)
        values = {"channels": channels, "opt_out": opt_out, "updated_at": now}
        updated = session.execute(preferences.update().where(preferences.c.recipient_id == recipient_id)
                                  .values(**values)).rowcount
        if not updated:
            session.execute(preferences.insert().values(recipient_id=recipient_id, **values))
        return {"recipient_id": recipient_id, "channels": channels, "opt_out": opt_out}
