"""Events in: keep the recipients read model, then plan notifications from the rules table.

A notification's id derives from (event, recipient, channel): however often an event
arrives, at most one notification exists for each recipient and channel.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Callable
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.events import Event
from kit.readmodel import apply_state
from kit.types import utcnow
from services.notify import domain, rules, templates
from services.notify.config import Settings
from services.notify.domain import Planned, Recipient
from services.notify.models import elders, notifications, preferences, reminders, staff, webhooks

PERSONAL_KEYS = frozenset({"name", "phone", "id_number", "citizen_card_no", "emergency_contacts", "complainant",
                           "address", "birth_date", "citizen_card_no_masked"})


class Planner:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.templates = templates.load()
        self.tz = ZoneInfo(settings.common.timezone)

    # --- read models ------------------------------------------------------------------

    def on_elder(self, session: Session, event: Event) -> None:
        data = event.data
        apply_state(session, elders, event.subject, event.sequence, {
            "name": data["name"], "phone": data.get("phone"), "phone_is_mobile": bool(data.get("phone_is_mobile")),
            "service_point_id": data["service_point_id"], "emergency_contacts": data.get("emergency_contacts", []),
            "status": data.get("status", "active"), "consents": data.get("consents") or {},
            "language": data.get("language") or "zh-CN"})

    def on_staff(self, session: Session, event: Event) -> None:
        data = event.data
        apply_state(session, staff, event.subject, event.sequence, {
            "name": data["name"], "phone": data.get("phone"), "email": data.get("email"), "roles": data["roles"],
            "service_point_id": data.get("service_point_id"), "active": data.get("active", True)})

    # --- planning ---------------------------------------------------------------------

    def on_event(self, session: Session, event: Event) -> None:
        if event.type.startswith("registration.elder.") or event.type in (
                "registration.assessment.recorded", "registration.safety_commitment.signed",
                "registration.consent.recorded"):
            self.on_elder(session, event)
        if event.type.startswith("registration.staff."):
            self.on_staff(session, event)
        if event.type == "visits.booking.created":
            self.schedule_booking_reminder(session, event)
        if event.type in ("visits.booking.cancelled", "visits.booking.no_show"):
            session.execute(reminders.update().where(reminders.c.id == event.subject,
                                                     reminders.c.status == "scheduled").values(status="cancelled"))
        for rule in rules.rules_for(event.type, event.data):
            urgent = rules.is_urgent(rule, event.data)
            for planned in self._audience(session, rule, event, urgent):
                self._queue(session, event, planned)
        self._webhooks(session, event)

    def schedule_booking_reminder(self, session: Session, event: Event) -> None:
        slot = datetime.fromisoformat(event.data["slot_start"]).astimezone(self.tz)
        if session.execute(sa.select(reminders.c.id).where(reminders.c.id == event.subject)).first():
            return
        session.execute(reminders.insert().values(
            id=event.subject, kind="booking", due_at=domain.booking_reminder_at(slot, self.settings.rules),
            data=event.data, status="scheduled"))

    def send_due_reminders(self, session: Session, now: datetime) -> int:
        """Turns reminders that fell due into notifications, as if their own event arrived."""
        due = session.execute(sa.select(reminders).where(reminders.c.status == "scheduled",
                                                         reminders.c.due_at <= now)).all()
        for reminder in due:
            event = Event(id=domain.reminder_event_id(reminder.id, reminder.kind), type=f"notify.reminder.{reminder.kind}",
                          source="/notify", subject=reminder.id, time=now.isoformat(), sequence=1, dataversion=1,
                          data=reminder.data)
            for rule in rules.rules_for(event.type, event.data):
                for planned in self._audience(session, rule, event, rules.is_urgent(rule, event.data)):
                    self._queue(session, event, planned)
            session.execute(reminders.update().where(reminders.c.id == reminder.id).values(status="done"))
        return len(due)

    def _elder(self, session: Session, elder_id: str | None) -> Any:
        if not elder_id:
            return None
        return session.execute(sa.select(elders).where(elders.c.id == elder_id)).first()

    def _staff_recipient(self, row: Any, channel: str) -> Recipient | None:
        if row is None or not row.active:
            return None
        address = {"inbox": row.id, "email": row.email}.get(channel, row.phone)
        return Recipient("staff", row.id, address) if address else None

    def _audience(self, session: Session, rule: rules.Rule, event: Event, urgent: bool) -> list[Planned]:
        data = event.data
        if rule.audience == "family":
            elder = self._elder(session, data.get("elder_id") or (event.subject if event.type.startswith(
                "registration.elder.") else None))
            if elder is None:
                return []
            contact = domain.ElderContact(
                id=elder.id, name=elder.name, phone=elder.phone, phone_is_mobile=elder.phone_is_mobile,
                emergency_contacts=tuple(elder.emergency_contacts), status=elder.status,
                sms_consent=elder.consents.get("sms") is not False, language=elder.language)
            return domain.to_family(contact, rule.template, urgent)
        if rule.audience == "complainant":
            complainant = data.get("complainant") or {}
            if not complainant.get("phone"):
                return []
            return [Planned(Recipient("complainant", event.subject, complainant["phone"]), channel, rule.template, urgent)
                    for channel in rule.channels]
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
        planned = []
        for staff_id in ids:
            row = session.execute(sa.select(staff).where(staff.c.id == staff_id)).first()
            for channel in rule.channels:
                recipient = self._staff_recipient(row, channel) if row else (
                    Recipient("staff", staff_id, staff_id) if channel == "inbox" else None)
                if recipient:
                    planned.append(Planned(recipient, channel, rule.template, urgent))
        return planned

    def variables(self, session: Session, event: Event, planned: Planned) -> dict:
        data = event.data
        elder = self._elder(session, data.get("elder_id")) if data.get("elder_id") else None
        name = (elder.name if elder else None) or data.get("name") or (data.get("complainant") or {}).get("name") or ""
        slot = data.get("slot_start")
        deadline = data.get("deadline") or {}
        return {
            "name": name,
            "slot": datetime.fromisoformat(slot).astimezone(self.tz).strftime("%m月%d日 %H:%M") if slot else "",
            "reasons": "、".join(data.get("refusal_reasons") or []),
            "kind": data.get("kind", ""), "severity": data.get("severity", ""),
            "link": self.settings.survey_base_url + str(data.get("token", "")),
            "category": data.get("category", ""), "deadline": deadline.get("name", ""),
            "level": {"complaints.complaint.deadline_warning": "即将到期"}.get(event.type, "已超时"),
            "due_on": data.get("due_on", ""), "programme": data.get("programme", ""),
            "change": data.get("change", ""),
        }

    def _queue(self, session: Session, event: Event, planned: Planned) -> None:
        recipient = planned.recipient
        nid = domain.notification_id(event.id, recipient, planned.channel)
        if session.execute(sa.select(notifications.c.id).where(notifications.c.id == nid)).first():
            return
        now = utcnow()
        status, when = "queued", now
        pref = session.execute(sa.select(preferences).where(preferences.c.recipient_id == recipient.id)).first()
        if pref is not None and not planned.urgent and (
                event.type in pref.opt_out or (pref.channels and planned.channel not in pref.channels)):
            status, when = "suppressed", None
        else:
            held_until = domain.release_time(now.astimezone(self.tz), planned.urgent, recipient.type,
                                             self.settings.rules)
            if held_until is not None:
                status, when = "held", held_until
        template = self.templates[planned.template]
        body = templates.render(self.templates, planned.template, recipient.language,
                                self.variables(session, event, planned))
        session.execute(notifications.insert().values(
            id=nid, event_id=event.id, event_type=event.type, recipient_type=recipient.type,
            recipient_id=recipient.id, address=recipient.address, channel=planned.channel, urgent=planned.urgent,
            language=recipient.language, template=template.key, template_version=template.version, body=body,
            status=status, attempts=0, next_attempt_at=when, created_at=now))

    def _webhooks(self, session: Session, event: Event) -> None:
        for hook in session.execute(sa.select(webhooks).where(webhooks.c.active)).all():
            if event.type not in hook.event_types and "*" not in hook.event_types:
                continue
            recipient = Recipient("webhook", hook.id, hook.url)
            nid = domain.notification_id(event.id, recipient, "webhook")
            if session.execute(sa.select(notifications.c.id).where(notifications.c.id == nid)).first():
                continue
            payload = json.dumps(self.webhook_event(session, event), ensure_ascii=False, separators=(",", ":")).encode()
            now = utcnow()
            session.execute(notifications.insert().values(
                id=nid, event_id=event.id, event_type=event.type, recipient_type="webhook", recipient_id=hook.id,
                address=hook.url, channel="webhook", urgent=False, language="zh-CN", template="cloudevent",
                template_version=1, body=event.type, payload=payload, status="queued", attempts=0,
                next_attempt_at=now, created_at=now))

    def webhook_event(self, session: Session, event: Event) -> dict:
        """The CloudEvent for a subscriber: personal data only with the elder's consent
        to share with third parties."""
        elder_id = event.data.get("elder_id") or (event.subject if event.type.startswith("registration.elder.") else None)
        elder = self._elder(session, elder_id)
        shared = bool(elder and elder.consents.get("third_party_sharing"))
        data = event.data if shared else {k: v for k, v in event.data.items() if k not in PERSONAL_KEYS}
        return {"specversion": "1.0", "id": event.id, "source": event.source, "type": event.type, "time": event.time,
                "subject": event.subject, "datacontenttype": "application/json", "data": data}


def handlers_for(planner: Planner) -> dict[str, Callable[[Session, Event], None]]:
    """Every event type this service listens to goes through the same planner."""
    types = {rule.event_type for rule in rules.RULES}
    types |= {f"registration.elder.{n}" for n in ("registered", "updated", "suspended", "reactivated", "closed")}
    types |= {"registration.assessment.recorded", "registration.safety_commitment.signed",
              "registration.consent.recorded", "registration.staff.created", "registration.staff.updated",
              "registration.staff.qualification_changed", "visits.visit.checked_in", "visits.visit.checked_out",
              "visits.visit.screened", "visits.booking.no_show", "visits.follow_up.overdue",
              "complaints.complaint.resolved", "complaints.complaint.closed", "complaints.complaint.reopened",
              "complaints.survey.submitted", "registration.subsidy.decided"}
    return {event_type: planner.on_event for event_type in sorted(types)}
