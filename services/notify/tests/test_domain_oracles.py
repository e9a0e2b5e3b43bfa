"""Notify's rules against hand-written oracles: the routing table row by row, quiet-hour
edges of a configured window, the stored id formats, the personal fields a webhook drops,
the welcome a consent lets go, and the defaults a deployment gets (DOMAIN.md section 6). No
I/O."""
from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.notify import config, domain, schemas
from services.notify.domain import Recipient, Rules

TZ = ZoneInfo("Asia/Shanghai")

# (event type, its data) -> [(audience, channels, template, urgent)], in the table's order.
ROUTING = [
    ("registration.elder.registered", {}, [("family", ("sms",), "elder_registered", False)]),
    ("visits.booking.created", {}, [("family", ("sms",), "booking_confirmed", False)]),
    ("visits.booking.cancelled", {}, [("family", ("sms",), "booking_cancelled", False)]),
    ("notify.reminder.booking", {}, [("family", ("sms",), "booking_reminder", False)]),
    # A danger reading alerts the point's administrator (urgent inbox and SMS) as well as the family.
    ("visits.visit.refused", {"urgent": True}, [("family", ("sms",), "screening_refused", True),
                                                ("point_admins", ("inbox", "sms"), "screening_danger_staff", True)]),
    ("visits.visit.refused", {"urgent": False}, [("family", ("sms",), "screening_refused", False)]),
    # Serious and emergency incidents go to the point's administrator and the city operators at once.
    ("visits.incident.reported", {"urgent": True}, [("family", ("sms",), "incident", True),
                                                    ("point_admins", ("inbox", "sms"), "incident_staff", True),
                                                    ("city_operators", ("inbox",), "incident_staff", True)]),
    ("visits.incident.reported", {"urgent": False}, [("point_admins", ("inbox",), "incident_staff", False)]),
    ("visits.visit.bath_overrun", {}, [("point_admins", ("inbox",), "bath_overrun", True)]),
    ("visits.visit.ended_early", {"reason": "not_checked_out"}, [("point_admins", ("inbox",), "visit_not_checked_out",
                                                                  False)]),
    ("visits.visit.ended_early", {"reason": "unwell"}, []),
    ("complaints.survey.invited", {"subject_type": "visit"}, [("family", ("sms",), "survey_invitation", False)]),
    # A closed complaint's survey SMS goes to the complainant.
    ("complaints.survey.invited", {"subject_type": "complaint"}, [("complainant", ("sms",), "complaint_survey",
                                                                   False)]),
    ("complaints.complaint.received", {}, [("complainant", ("sms",), "complaint_received", False)]),
    ("complaints.complaint.replied", {}, [("complainant", ("sms",), "complaint_replied", False)]),
    ("complaints.complaint.reopened", {}, [("complainant", ("sms",), "complaint_reopened", False)]),
    ("complaints.complaint.paused", {}, [("complainant", ("sms",), "complaint_waiting", False)]),
    ("complaints.complaint.merged", {}, [("complainant", ("sms",), "complaint_merged", False)]),
    ("complaints.complaint.callback_booked", {}, [("complainant", ("sms",), "callback_booked", False)]),
    ("complaints.complaint.reviewed", {"approved": False}, [("owner", ("inbox",), "complaint_review_returned",
                                                             False)]),
    ("complaints.complaint.reviewed", {"approved": True}, []),
    ("complaints.complaint.assigned", {}, [("owner", ("inbox",), "complaint_assigned", False)]),
    ("complaints.complaint.deadline_warning", {}, [("owner", ("inbox",), "complaint_deadline", False)]),
    ("complaints.complaint.overdue", {}, [("owner", ("inbox",), "complaint_deadline", False)]),
    ("complaints.complaint.escalated", {}, [("supervisors", ("inbox", "email"), "complaint_deadline", False)]),
    ("complaints.complaint.escalated", {"escalated_to": ["supervisors"]},
     [("supervisors", ("inbox", "email"), "complaint_deadline", False)]),
    ("complaints.complaint.escalated", {"escalated_to": ["supervisors", "point_admins"]},
     [("supervisors", ("inbox", "email"), "complaint_deadline", False),
      ("point_admins", ("inbox", "email"), "complaint_deadline", False)]),
    ("complaints.complaint.escalated", {"escalated_to": ["supervisors", "point_admins", "city_operators"]},
     [("supervisors", ("inbox", "email"), "complaint_deadline", False),
      ("point_admins", ("inbox", "email"), "complaint_deadline", False),
      ("city_operators", ("inbox", "email"), "complaint_deadline", False)]),
    ("complaints.complaint.escalated", {"escalated_to": "point_admins"},  # not a list: only the desk
     [("supervisors", ("inbox", "email"), "complaint_deadline", False)]),
    ("visits.follow_up.due", {}, [("staff", ("inbox",), "follow_up_due", False)]),
    ("registration.staff.qualification_changed", {}, [("point_admins", ("inbox", "email"), "certificate_expiry",
                                                       False)]),
    ("registration.subsidy.decided", {"approved": True}, [("family", ("sms",), "subsidy_approved", False)]),
    ("registration.subsidy.decided", {"approved": False}, [("family", ("sms",), "subsidy_refused", False)]),
    ("registration.assessment.expiring", {}, [("point_admins", ("inbox",), "assessment_due", False)]),
    ("visits.visit.checked_in", {}, []),
]


@pytest.mark.parametrize("event_type,data,rows", ROUTING, ids=[f"{e}-{d}" for e, d, _ in ROUTING])
def test_each_event_reaches_its_audiences_on_their_channels_with_their_urgency(event_type, data, rows):
    assert [(rule.audience, rule.channels, rule.template, domain.is_urgent(rule, data))
            for rule in domain.rules_for(event_type, data)] == rows


def test_the_routing_table_has_no_row_the_oracle_lacks():
    assert {rule.event_type for rule in domain.RULES} == {event for event, _, rows in ROUTING if rows}
    # every row of the table is one some case of the oracle reaches
    reached = {id(rule) for event, data, _ in ROUTING for rule in domain.rules_for(event, data)}
    assert reached == {id(rule) for rule in domain.RULES}


def test_notification_and_reminder_ids_keep_their_stored_format():
    namespace = uuid.UUID("6f1d7a52-3c1e-4d84-9a57-6a3c2f0b9e11")
    recipient = Recipient("emergency_contact", "e1", "13800001111")
    assert domain.notification_id("ev-1", recipient, "voice") == str(
        uuid.uuid5(namespace, "ev-1|emergency_contact|e1|13800001111|voice"))
    assert domain.reminder_event_id("r-9", "booking") == str(uuid.uuid5(namespace, "reminder|booking|r-9"))


def at(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def test_quiet_hours_hold_routine_messages_to_families_and_complainants_but_not_staff():
    for recipient_type in ("elder", "emergency_contact", "complainant"):
        assert domain.release_time(at(23), False, recipient_type, Rules()) == at(8, day=24)
        assert domain.release_time(at(7, 59, day=24), False, recipient_type, Rules()) == at(8, day=24)
        assert domain.release_time(at(21), False, recipient_type, Rules()) == at(8, day=24)
        assert domain.release_time(at(23), True, recipient_type, Rules()) is None
        assert domain.release_time(at(8), False, recipient_type, Rules()) is None
        assert domain.release_time(at(20, 59), False, recipient_type, Rules()) is None
    for recipient_type in ("staff", "webhook"):
        assert domain.release_time(at(23), False, recipient_type, Rules()) is None


MIDDAY = Rules(quiet_start=time(12, 0), quiet_end=time(14, 0))


@pytest.mark.parametrize("moment,held_until", [(at(11, 59), None), (at(12, 0), at(14, 0)), (at(13, 59), at(14, 0)),
                                               (at(14, 0), None), (at(23, 0), None), (at(3, 0), None)])
def test_a_configured_window_inside_one_day_holds_from_its_start_to_its_end(moment, held_until):
    assert domain.release_time(moment, False, "elder", MIDDAY) == held_until


def test_a_window_that_starts_where_it_ends_holds_nothing():
    empty = Rules(quiet_start=time(8, 0), quiet_end=time(8, 0))
    assert [domain.release_time(at(h), False, "elder", empty) for h in (0, 8, 12, 23)] == [None] * 4


@pytest.mark.parametrize("host,private", [("api.localhost", True), ("localhost.example.com", False),
                                          ("hooks.example.com", False), ("240.0.0.1", True)])
def test_local_host_names_are_private_and_others_are_not(host, private):
    assert domain.is_private_address(host) is private


@pytest.mark.parametrize("slot,reminder", [(datetime(2026, 11, 24, 9, 0, tzinfo=TZ), at(18, 0, day=23)),
                                           (datetime(2026, 12, 1, 8, 30, tzinfo=TZ),
                                            datetime(2026, 11, 30, 18, 0, tzinfo=TZ))])
def test_the_booking_reminder_goes_at_six_the_evening_before(slot, reminder):
    assert domain.booking_reminder_at(slot, Rules()) == reminder


def test_a_webhook_without_consent_drops_every_personal_field():
    personal = {"name": "张阿姨", "phone": "13912341234", "id_number": "11010519491231002X",
                "citizen_card_no": "C1", "emergency_contacts": [], "complainant": {}, "address": "某路1号",
                "birth_date": "1949-12-31", "citizen_card_no_masked": "C*"}
    assert domain.webhook_data({"id": "e1", **personal}, False) == {"id": "e1"}


# Health data goes to a subscriber only with both of the elder's consents (health data and
# sharing with third parties); personal data with the sharing consent; a survey token and
# another person's data never; free text with phone and ID numbers masked.
EVENT = {"id": "e1", "name": "张阿姨", "phone": "13912341234", "chronic_conditions": ["hypertension"],
         "systolic": 182, "latest_assessment_level": 2, "token": "t0k", "complainant": {"name": "李"},
         "email": "a@b.c", "supervisor_staff_ids": ["s1"]}


@pytest.mark.parametrize("sharing,health,kept", [
    (False, False, {"id"}), (False, True, {"id"}), (True, False, {"id", "name", "phone"}),
    (True, True, {"id", "name", "phone", "chronic_conditions", "systolic", "latest_assessment_level"})])
def test_a_webhook_gets_health_data_only_with_both_consents(sharing, health, kept):
    assert set(domain.webhook_data(EVENT, sharing, health)) == kept


def test_a_webhook_gets_health_data_without_asking_by_default_never():
    assert set(domain.webhook_data(EVENT, True)) == {"id", "name", "phone"}


def test_free_text_reaches_a_webhook_with_phone_and_id_numbers_masked():
    sent = domain.webhook_data({"description": "家属电话13912341234", "note": 7}, True, True)
    assert "13912341234" not in sent["description"] and sent["description"].startswith("家属电话")
    assert sent["note"] == 7


def test_the_api_offers_exactly_the_rules_channels():
    assert tuple(schemas.CHANNELS) == domain.CHANNELS == ("sms", "voice", "email", "inbox", "webhook")


def test_recipients_and_elders_hear_chinese_unless_they_chose_otherwise():
    assert Recipient("elder", "e1", "1").language == "zh-CN"
    assert domain.ElderContact("e1", "张阿姨", None, False, (), "active", True).language == "zh-CN"


@pytest.mark.parametrize("value", [Rules(), Recipient("elder", "e1", "1"), domain.Preferences(),
                                   domain.ElderContact("e1", "张阿姨", None, False, (), "active", True),
                                   domain.RULES[0], domain.Planned(Recipient("elder", "e1", "1"), "sms", "t", False),
                                   domain.Welcome("suppressed", "NO_SMS_CONSENT", at(10))])
def test_rules_and_what_they_plan_cannot_be_changed_once_made(value):
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, dataclasses.fields(value)[0].name, None)


# DOMAIN.md section 6 and its configurable numbers, written out by hand.
DEFAULTS = {"quiet_start": time(21, 0), "quiet_end": time(8, 0), "max_attempts": 5, "backoff_base_seconds": 2.0,
            "backoff_factor": 2.0, "backoff_cap_seconds": 300.0, "jitter": 0.2, "webhook_disable_after": 10,
            "booking_reminder_at": time(18, 0), "welcome_within_days": 30}


def test_a_deployment_without_settings_gets_the_domains_defaults(monkeypatch, tmp_path):
    import os

    for name in list(os.environ):
        if name.startswith(("ZHUYU_", "NOTIFY_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    assert dataclasses.asdict(config.load().rules) == DEFAULTS
    assert dataclasses.asdict(Rules()) == DEFAULTS


# Health data as the event catalogue carries it: conditions, the assessment, screening and
# its reasons, follow-up readings and classification, the care plan (DOMAIN 7, CONTRACT).
HEALTH = ("chronic_conditions", "latest_assessment_level", "refusal_reasons", "referral_advised", "screening",
          "classification", "referral", "emergency", "systolic", "diastolic", "symptoms", "assessment",
          "same_gender_assistant", "care_plan", "eligible_for_bathing")


@pytest.mark.parametrize("key", HEALTH)
def test_each_health_field_needs_both_consents(key):
    event = {"id": "e1", key: "x"}
    assert domain.webhook_data(event, True, False) == {"id": "e1"}
    assert domain.webhook_data(event, False, True) == {"id": "e1"}
    assert domain.webhook_data(event, True, True) == event


@pytest.mark.parametrize("key", ("description", "content", "note", "comment", "resolution", "reason"))
def test_each_free_text_field_is_masked(key):
    sent = domain.webhook_data({key: "身份证11010519491231002X"}, True, True)[key]
    assert "11010519491231002X" not in sent and sent.startswith("身份证")


@pytest.mark.parametrize("hook_point,event_point,receives", [(None, "p1", True), (None, None, True),
                                                             ("p1", "p1", True), ("p1", "p2", False),
                                                             ("p1", None, False)])
def test_a_webhook_bound_to_a_point_receives_only_that_points_events(hook_point, event_point, receives):
    assert domain.hook_receives(hook_point, event_point) is receives


def test_the_subsidy_categories_as_an_elder_reads_them():
    assert domain.SUBSIDY_CATEGORY_NAMES == {"sanwu": "“三无”老人", "dibao": "低保老人", "youfu": "重点优抚对象",
                                             "model_worker": "劳动模范", "age_90": "90周岁以上老人"}


# --- what a webhook may receive: its owner's scopes (CONTRACT, point isolation) -----------------

# (role, the caller's scopes) -> the read scopes recorded on its webhook, in this order.
OWNER_SCOPES = [
    ("api_client", {"webhooks:write"}, []),
    ("api_client", {"webhooks:write", "visits:read", "visits:write"}, ["visits:read"]),
    ("api_client", {"notifications:read", "elders:read", "complaints:read", "elders:write"},
     ["elders:read", "complaints:read", "notifications:read"]),
    ("admin", set(), ["elders:read", "visits:read", "complaints:read", "notifications:read"]),
    ("cs_agent", {"elders:read"}, []),  # a user's scopes are its role's: no other role subscribes
    ("point_admin", set(), []),
]


@pytest.mark.parametrize("role, scopes, recorded", OWNER_SCOPES)
def test_the_scopes_recorded_on_a_webhook(role, scopes, recorded):
    assert domain.owner_scopes(role, frozenset(scopes)) == recorded


# (event type, scopes) -> readable
READABLE = [
    ("registration.elder.registered", ["elders:read"], True),
    ("registration.elder.registered", ["visits:read", "complaints:read", "notifications:read"], False),
    ("visits.visit.checked_in", ["visits:read"], True),
    ("visits.visit.checked_in", ["elders:read"], False),
    ("complaints.complaint.received", ["complaints:read"], True),
    ("complaints.complaint.received", ["visits:read"], False),
    ("notify.notification.sent", ["notifications:read"], True),
    ("notify.notification.sent", ["elders:read", "visits:read", "complaints:read"], False),
    ("gateway.api_key.revoked", ["elders:read", "visits:read", "complaints:read", "notifications:read"], False),
    ("registrationx.elder.registered", ["elders:read"], False),
    ("visits", ["visits:read"], True),
    ("visits.visit.checked_in", [], False),
    ("visits.visit.checked_in", ["webhooks:write", "visits:write"], False),
]


@pytest.mark.parametrize("event_type, scopes, readable", READABLE)
def test_which_scope_reads_which_events(event_type, scopes, readable):
    assert domain.may_read(event_type, scopes) is readable


@pytest.mark.parametrize("subscribed, scopes, event_type, wanted", [
    (["*"], ["visits:read"], "visits.visit.checked_in", True),
    (["*"], ["visits:read"], "registration.elder.registered", False),
    (["visits.visit.checked_in"], ["visits:read"], "visits.visit.checked_in", True),
    (["visits.visit.checked_in"], ["visits:read"], "visits.visit.checked_out", False),
    (["registration.elder.registered"], ["visits:read"], "registration.elder.registered", False),
    (["visits.visit.checked_in"], [], "visits.visit.checked_in", False),
])
def test_a_webhook_wants_an_event_of_a_type_it_names_or_of_any_type_with_star_that_its_scopes_read(
        subscribed, scopes, event_type, wanted):
    assert domain.hook_wants(subscribed, scopes, event_type) is wanted


KNOWN = frozenset({"registration.elder.registered", "visits.visit.checked_in", "notify.notification.sent"})


@pytest.mark.parametrize("event_types, scopes, errors", [
    (["*"], ["visits:read"], []),
    (["visits.visit.checked_in", "*"], ["visits:read"], []),
    (["*"], [], ["*: the owner holds no scope that reads events "
                 "(elders:read, visits:read, complaints:read, notifications:read)."]),
    (["visits.visit.checked_inn"], ["visits:read"],
     ["visits.visit.checked_inn: no such event type (docs/events.md lists them)."]),
    (["registration.elder.registered", "visits.#", "notify.notification.sent"], ["visits:read"],
     ["registration.elder.registered: the owner's scopes do not read it (it needs elders:read).",
      "visits.#: no such event type (docs/events.md lists them).",
      "notify.notification.sent: the owner's scopes do not read it (it needs notifications:read)."]),
])
def test_what_a_subscription_may_name(event_types, scopes, errors):
    assert domain.subscription_errors(event_types, KNOWN, scopes) == errors


def test_a_known_type_no_scope_reads_is_named_as_such():
    assert domain.subscription_errors(["gateway.user.disabled"], KNOWN | {"gateway.user.disabled"},
                                      ["elders:read"]) == [
        "gateway.user.disabled: the owner's scopes do not read it (no webhook receives it)."]


def test_without_elders_read_no_personal_or_health_field_reaches_a_webhook_whatever_the_consents():
    event = {"id": "e1", "elder_id": "x1", "name": "张阿姨", "phone": "13912341234",
             "chronic_conditions": ["高血压"], "refusal_reasons": ["ALCOHOL"], "description": "电话13912341234"}
    assert domain.webhook_data(event, True, True, elders_read=False) == {
        "id": "e1", "elder_id": "x1", "description": "电话139****1234"}
    assert domain.webhook_data(event, True, True, elders_read=True) == event | {"description": "电话139****1234"}
    assert domain.webhook_data(event, True, True) == domain.webhook_data(event, True, True, elders_read=True)


def test_the_test_deliverys_type_is_notifys_and_no_scope_is_needed_to_name_it_since_none_may():
    assert domain.TEST_EVENT_TYPE == "notify.webhook.test" and domain.EVERY_TYPE == "*"


# The welcome held at registration (no consent is recorded yet then) goes when the `sms`
# consent is first recorded as given, within 30 days of being held, and never a second time.
# (consent as recorded, the welcome's notifications kept (status, reason, held on day N of
# November 2026 at 10:00), the grant's moment) -> whether it goes: by hand.
HELD = ("suppressed", "NO_SMS_CONSENT")


def kept(*rows: tuple[str, str | None, int]) -> list[domain.Welcome]:
    return [domain.Welcome(status, reason, at(10, day=day)) for status, reason, day in rows]


@pytest.mark.parametrize("consent,welcomes,granted,goes", [
    (True, kept((*HELD, 1)), at(10, day=1), True),
    (True, kept((*HELD, 1)), at(9, day=30), True),
    (True, kept((*HELD, 1)), at(10, day=1) + timedelta(days=30), True),  # the 30th day's last moment
    (True, kept((*HELD, 1)), at(10, day=1) + timedelta(days=30, seconds=1), False),
    (True, kept((*HELD, 1)), datetime(2027, 5, 1, 10, 0, tzinfo=TZ), False),  # registered long ago
    # An elder without a mobile: the welcome was held for each emergency contact; it goes to them.
    (True, kept((*HELD, 1), (*HELD, 1)), at(10, day=20), True),
    # Refused, never recorded, or anything but a recorded True: held still.
    (False, kept((*HELD, 1)), at(10, day=2), False),
    (None, kept((*HELD, 1)), at(10, day=2), False),
    ("yes", kept((*HELD, 1)), at(10, day=2), False),
    # No welcome held: nothing to let go.
    (True, [], at(10, day=2), False),
    # Already gone (sent at registration, or let go by an earlier grant, whatever became of it):
    # a second grant, or a grant after a withdrawal, sends nothing new.
    (True, kept(("sent", None, 1)), at(10, day=2), False),
    (True, kept((*HELD, 1), ("sent", None, 3)), at(10, day=5), False),
    (True, kept((*HELD, 1), ("queued", None, 3)), at(10, day=5), False),
    (True, kept((*HELD, 1), ("held", None, 3)), at(10, day=5), False),
    (True, kept((*HELD, 1), ("failed", "gateway down", 3)), at(10, day=5), False),
    # Let go and then suppressed by the recipient's own opt-out: it went its way; not again.
    (True, kept((*HELD, 1), ("suppressed", None, 3)), at(10, day=5), False),
    # Let go, then stopped by a withdrawal before it went: a grant again sends nothing new.
    (True, kept((*HELD, 1), ("suppressed", "SMS_CONSENT_WITHDRAWN", 3)), at(10, day=5), False),
    # Suppressed for another reason at registration (an opt-out): not held for consent.
    (True, kept(("suppressed", None, 1)), at(10, day=2), False),
    (True, kept(("suppressed", "OTHER", 1)), at(10, day=2), False),
    (True, kept(("queued", "NO_SMS_CONSENT", 1)), at(10, day=2), False),
    # The bound counts from the first welcome held.
    (True, kept((*HELD, 20), (*HELD, 1)), at(10, day=1) + timedelta(days=31), False),
    (True, kept((*HELD, 1), (*HELD, 20)), at(10, day=1) + timedelta(days=31), False),
])
def test_a_consent_lets_the_held_welcome_go_once_and_only_in_its_time(consent, welcomes, granted, goes):
    assert domain.releases_welcome(consent, welcomes, granted, Rules()) is goes


def test_the_welcomes_bound_is_a_setting():
    welcomes = kept((*HELD, 1))
    assert domain.releases_welcome(True, welcomes, at(10, day=6), Rules(welcome_within_days=5)) is True
    assert domain.releases_welcome(True, welcomes, at(10, 1, day=6), Rules(welcome_within_days=5)) is False
    assert domain.releases_welcome(True, welcomes, at(10, day=1), Rules(welcome_within_days=0)) is True
    assert domain.releases_welcome(True, welcomes, at(10, 1, day=1), Rules(welcome_within_days=0)) is False


def test_the_welcome_goes_under_one_id_per_elder():
    assert domain.welcome_event_id("e1") == str(uuid.uuid5(domain.NAMESPACE, "welcome|e1"))
    assert domain.welcome_event_id("e1") != domain.welcome_event_id("e2")
    assert domain.WELCOME_EVENT == "registration.elder.registered"


# A consent recorded without `sms` given stops what still waits for the elder and family.
@pytest.mark.parametrize("consent,reason", [(True, None), (False, "SMS_CONSENT_WITHDRAWN"),
                                            (None, "SMS_CONSENT_WITHDRAWN"), ("yes", "SMS_CONSENT_WITHDRAWN"),
                                            (1, "SMS_CONSENT_WITHDRAWN")])
def test_only_a_consent_still_given_lets_the_waiting_messages_go(consent, reason):
    assert domain.stops_waiting(consent, "active") == reason
    assert domain.stops_waiting(consent, "suspended") == reason  # a suspension stops nothing more


# Closing the record stops what still waits for the elder and family, held ones included,
# whatever the consent (the contract's `POST /elders/{id}/close`).
@pytest.mark.parametrize("consent", [True, False, None])
def test_a_closed_record_stops_the_waiting_messages_whatever_the_consent(consent):
    assert domain.stops_waiting(consent, "closed") == "ELDER_CLOSED"
