"""The welcome SMS on a real store: held at registration (no consent is recorded yet then),
sent when the elder's `sms` consent is first recorded as given, once, within the bound."""
from __future__ import annotations

import threading
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from kit import events
from services.notify import domain
from services.notify.models import notifications, sink_messages
from services.notify.tests.test_api import CONTACT, POINT, client, daytime, feed, svc  # noqa: F401  (fixtures)
from tests import payloads
from tests.callers import ADMIN
from tests.catalogue import checked

pytestmark = pytest.mark.integration
# 10:00 in Shanghai, out of quiet hours: what is let go is queued at once.
MORNING = datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc)
CONSENTS = {"health_data": None, "sms": None, "third_party_sharing": None}


class Elder:
    """One elder's events as registration sends them: each with the next sequence."""

    def __init__(self, svc, **state):
        self.svc = svc
        self.id = str(uuid.uuid4())
        self.sequence = 0
        self.state = payloads.elder(id=self.id, name="张阿姨", phone="13912341234", phone_is_mobile=True,
                                    service_point_id=POINT, emergency_contacts=[CONTACT], status="active",
                                    consents=dict(CONSENTS)) | state

    def event(self, type_: str, **changes) -> events.Event:
        self.sequence += 1
        self.state = self.state | changes
        envelope = events.envelope(type=type_, source="/registration", subject=self.id,
                                   data=checked(type_, self.state), sequence=self.sequence, correlationid=None,
                                   traceparent=None)
        return events.parse(events.encode(envelope))

    def registered(self, now: datetime) -> None:
        with self.svc.store.begin() as session:
            self.svc.use_cases.elder_changed(session, self.event("registration.elder.registered"), now)

    def consent(self, granted: bool | None, now: datetime, kind: str = "sms") -> events.Event:
        event = self.event("registration.consent.recorded", consents={**self.state["consents"], kind: granted})
        self.grant(event, now)
        return event

    def closed(self, now: datetime) -> None:
        with self.svc.store.begin() as session:
            self.svc.use_cases.elder_changed(session, self.event("registration.elder.closed", status="closed"), now)

    def grant(self, event: events.Event, now: datetime) -> None:
        with self.svc.store.begin() as session:
            self.svc.use_cases.consent_recorded(session, event, now)

    def welcomes(self) -> list[tuple[str, str, str, str | None]]:
        """(recipient type, address, status, reason) of each welcome, oldest first."""
        with self.svc.store.begin() as session:
            return [tuple(row) for row in session.execute(
                sa.select(notifications.c.recipient_type, notifications.c.address, notifications.c.status,
                          notifications.c.last_error)
                .where(notifications.c.event_type == "registration.elder.registered",
                       notifications.c.recipient_id == self.id)
                .order_by(notifications.c.created_at, notifications.c.id)).all()]


HELD = ("elder", "13912341234", "suppressed", "NO_SMS_CONSENT")
SENT_NOW = ("elder", "13912341234", "queued", None)


def test_a_grant_sends_the_held_welcome_once_and_nothing_after(svc, client):
    elder = Elder(svc)
    elder.registered(MORNING)
    assert elder.welcomes() == [HELD]
    elder.consent(True, MORNING + timedelta(days=1))
    assert elder.welcomes() == [HELD, SENT_NOW]
    elder.consent(True, MORNING + timedelta(days=2))  # a second grant
    elder.consent(True, MORNING + timedelta(days=2), kind="health_data")  # another consent, sms still given
    assert elder.welcomes() == [HELD, SENT_NOW]
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    assert elder.welcomes() == [HELD, ("elder", "13912341234", "sent", None)]
    elder.consent(False, MORNING + timedelta(days=3))  # withdrawn
    elder.consent(True, MORNING + timedelta(days=4))  # and given again
    assert elder.welcomes() == [HELD, ("elder", "13912341234", "sent", None)]
    with svc.store.begin() as session:
        [message] = session.execute(sa.select(sink_messages)).all()
    assert message.address == "13912341234" and "张阿姨" in message.body
    shown = client.get("/notifications", query_string={"recipient": elder.id}, headers=ADMIN).get_json()["items"]
    assert sorted((n["status"], n["last_error"]) for n in shown) == [("sent", None), ("suppressed", "NO_SMS_CONSENT")]


def test_a_refusal_holds_the_welcome_and_a_later_grant_sends_it(svc):
    elder = Elder(svc)
    elder.registered(MORNING)
    elder.consent(False, MORNING + timedelta(hours=1))
    elder.consent(None, MORNING + timedelta(hours=2), kind="health_data")
    assert elder.welcomes() == [HELD]
    elder.consent(True, MORNING + timedelta(days=3))
    assert elder.welcomes() == [HELD, SENT_NOW]


def test_a_grant_after_the_bound_sends_nothing_and_one_on_its_last_day_does(svc):
    late, in_time = Elder(svc), Elder(svc)
    late.registered(MORNING)
    in_time.registered(MORNING)
    late.consent(True, MORNING + timedelta(days=30, minutes=1))
    in_time.consent(True, MORNING + timedelta(days=30))
    assert late.welcomes() == [HELD]
    assert in_time.welcomes() == [HELD, SENT_NOW]


def test_the_bound_is_a_setting(monkeypatch, build_service):
    monkeypatch.setenv("NOTIFY_WELCOME_WITHIN_DAYS", "2")
    short = build_service("notify")
    elder = Elder(short)
    elder.registered(MORNING)
    elder.consent(True, MORNING + timedelta(days=3))
    assert elder.welcomes() == [HELD]


def test_the_welcome_goes_as_any_sms_held_through_quiet_hours_to_the_contacts_of_an_elder_without_a_mobile(svc):
    elder = Elder(svc, phone=None, phone_is_mobile=False)
    elder.registered(MORNING)
    assert elder.welcomes() == [("emergency_contact", "13800001111", "suppressed", "NO_SMS_CONSENT")]
    late_evening = MORNING + timedelta(hours=12)  # 22:00 in Shanghai
    elder.consent(True, late_evening)
    assert elder.welcomes() == [("emergency_contact", "13800001111", "suppressed", "NO_SMS_CONSENT"),
                                ("emergency_contact", "13800001111", "held", None)]
    with svc.store.begin() as session:
        released = session.execute(sa.select(notifications.c.next_attempt_at).where(
            notifications.c.status == "held")).scalar_one()
    assert released == datetime(2026, 11, 3, 0, 0, tzinfo=timezone.utc)  # 08:00 the next morning in Shanghai


def test_a_closed_elder_or_one_who_opted_out_is_not_welcomed(svc, client):
    closed, opted_out = Elder(svc), Elder(svc)
    for elder in (closed, opted_out):
        elder.registered(MORNING)
    with svc.store.begin() as session:
        svc.use_cases.elder_changed(session, closed.event("registration.elder.closed", status="closed"), MORNING)
    assert client.put(f"/recipients/{opted_out.id}/preferences", headers=ADMIN, json={
        "channels": [], "opt_out": ["registration.elder.registered"]}).status_code == 200
    closed.consent(True, MORNING + timedelta(hours=1))
    opted_out.consent(True, MORNING + timedelta(hours=1))
    opted_out.consent(True, MORNING + timedelta(hours=2))
    assert closed.welcomes() == [HELD]
    assert opted_out.welcomes() == [HELD, ("elder", "13912341234", "suppressed", None)]


def test_a_redelivered_grant_sends_one_welcome(svc):
    elder = Elder(svc)
    feed(svc, "registration.elder.registered", elder.id, elder.state)
    elder.sequence = 1
    granted = elder.event("registration.consent.recorded", consents={**CONSENTS, "sms": True})
    for _ in range(3):
        feed(svc, "registration.consent.recorded", elder.id, elder.state, sequence=granted.sequence,
             event_id=granted.id)
    [held, welcome] = elder.welcomes()
    assert held == HELD and welcome[:2] == ("elder", "13912341234") and welcome[2] in ("queued", "held")


def test_concurrent_grants_send_one_welcome(svc):
    """Two grants taken at once (two consumers): the loser's transaction fails on the
    welcome's key and is retried by its consumer, when it finds the welcome gone."""
    elder = Elder(svc)
    elder.registered(MORNING)
    grants = [elder.event("registration.consent.recorded", consents={**CONSENTS, "sms": True})
              for _ in range(2)]
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[str] = []

    def take(event: events.Event) -> None:
        try:
            with svc.store.begin() as session:
                barrier.wait()
                svc.use_cases.consent_recorded(session, event, MORNING + timedelta(hours=1))
            outcomes.append("done")
        except (IntegrityError, OperationalError) as exc:
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=take, args=(event,)) for event in grants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert "done" in outcomes, outcomes
    for event in grants:  # what the consumer does with a failed one: takes it again
        elder.grant(event, MORNING + timedelta(hours=2))
    assert elder.welcomes() == [HELD, SENT_NOW]


def test_grants_that_each_find_the_welcome_held_still_make_one_welcome(svc, monkeypatch):
    """What two grants taken at once would both see (the welcome still held): the welcome's
    key, one per elder and recipient, keeps it to one."""
    monkeypatch.setattr(domain, "releases_welcome", lambda *args: True)
    elder = Elder(svc)
    elder.registered(MORNING)
    elder.consent(True, MORNING + timedelta(hours=1))
    elder.consent(True, MORNING + timedelta(hours=2))
    assert elder.welcomes() == [HELD, SENT_NOW]


def test_a_welcome_waiting_through_quiet_hours_does_not_go_once_the_consent_is_withdrawn(svc):
    elder, other = Elder(svc), Elder(svc)
    for each in (elder, other):
        each.registered(MORNING)
        each.consent(True, MORNING + timedelta(hours=12))  # 22:00 in Shanghai: held until 08:00
    elder.consent(False, MORNING + timedelta(hours=13))
    stopped = ("elder", "13912341234", "suppressed", "SMS_CONSENT_WITHDRAWN")
    assert elder.welcomes() == [HELD, stopped]
    elder.consent(True, MORNING + timedelta(hours=14))  # given again: nothing new
    assert elder.welcomes() == [HELD, stopped]
    assert other.welcomes() == [HELD, ("elder", "13912341234", "held", None)]
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    with svc.store.begin() as session:
        sent = session.execute(sa.select(notifications.c.recipient_id).where(notifications.c.status == "sent")).all()
    assert [row.recipient_id for row in sent] == [other.id]


def test_closing_the_record_stops_a_welcome_waiting_through_quiet_hours(svc):
    """Closing an elder stops what still waits for the elder and family, held ones included."""
    elder, other = Elder(svc), Elder(svc)
    for each in (elder, other):
        each.registered(MORNING)
        each.consent(True, MORNING + timedelta(hours=12))  # 22:00 in Shanghai: held until 08:00
    elder.closed(MORNING + timedelta(hours=13))
    assert elder.welcomes() == [HELD, ("elder", "13912341234", "suppressed", "ELDER_CLOSED")]
    assert other.welcomes() == [HELD, ("elder", "13912341234", "held", None)]
    svc.use_cases.dispatch_due(svc.store.begin, daytime())
    with svc.store.begin() as session:
        sent = session.execute(sa.select(notifications.c.recipient_id).where(notifications.c.status == "sent")).all()
    assert [row.recipient_id for row in sent] == [other.id]
