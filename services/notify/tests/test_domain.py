"""Notification rules and templates, no I/O."""
from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.notify import domain, templates
from services.notify.domain import ElderContact, Recipient, Rules

TZ = ZoneInfo("Asia/Shanghai")
RULES = Rules()
CONTACTS = ({"name": "李明", "relation": "son", "phone": "13800001111"},)


def elder(**kw) -> ElderContact:
    return ElderContact(**({"id": "e1", "name": "张阿姨", "phone": "13912341234", "phone_is_mobile": True,
                            "emergency_contacts": CONTACTS, "status": "active", "sms_consent": True} | kw))


def test_the_same_event_recipient_and_channel_give_the_same_notification_id():
    recipient = Recipient("elder", "e1", "13912341234")
    assert domain.notification_id("ev", recipient, "sms") == domain.notification_id("ev", recipient, "sms")
    assert domain.notification_id("ev", recipient, "sms") != domain.notification_id("ev", recipient, "voice")


def test_an_elder_with_a_mobile_gets_the_sms():
    [planned] = domain.to_family(elder(), "t", urgent=False)
    assert (planned.recipient.type, planned.channel) == ("elder", "sms")


def test_without_a_mobile_the_contacts_get_it_and_urgent_ones_also_a_call_task():
    assert [(p.recipient.type, p.channel) for p in domain.to_family(elder(phone=None), "t", False)] == [
        ("emergency_contact", "sms")]
    urgent = domain.to_family(elder(phone="0571-88001234", phone_is_mobile=False), "t", True)
    assert [(p.recipient.type, p.channel) for p in urgent] == [("emergency_contact", "sms"), ("emergency_contact", "voice")]


def test_urgent_messages_reach_the_contacts_as_well():
    assert {p.recipient.type for p in domain.to_family(elder(), "t", True)} == {"elder", "emergency_contact"}


def test_a_closed_elder_and_family_get_nothing():
    assert domain.to_family(elder(status="closed"), "t", True) == []


def test_with_sms_consent_given_nothing_to_the_family_is_withheld():
    assert [p.withheld for p in domain.to_family(elder(), "t", True)] == [None, None, None]


# DOMAIN.md: SMS needs a recorded consent; nothing personal leaves the system without it.
# Refused (False) or never recorded (None), every SMS and call to the elder or family is
# kept withheld with its reason, urgent ones too: (recipient, channel, withheld) by hand.
NO = "NO_SMS_CONSENT"


@pytest.mark.parametrize("consent", [False, None])
@pytest.mark.parametrize("kw,urgent,planned", [
    ({}, False, [("elder", "sms", NO)]),
    ({}, True, [("elder", "sms", NO), ("emergency_contact", "sms", NO), ("emergency_contact", "voice", NO)]),
    ({"phone": None}, False, [("emergency_contact", "sms", NO)]),
    ({"phone": "0571-88001234", "phone_is_mobile": False}, True,
     [("emergency_contact", "sms", NO), ("emergency_contact", "voice", NO)]),
])
def test_without_sms_consent_recorded_as_given_every_message_to_the_family_is_withheld(consent, kw, urgent, planned):
    got = domain.to_family(elder(sms_consent=consent, **kw), "t", urgent)
    assert [(p.recipient.type, p.channel, p.withheld) for p in got] == planned


def test_a_consent_that_is_not_the_value_true_is_no_consent():
    assert {p.withheld for p in domain.to_family(elder(sms_consent="yes"), "t", False)} == {NO}


def test_a_withheld_message_is_suppressed_whatever_its_urgency_preferences_or_hour():
    for planned in (domain.Planned(Recipient("elder", "e1", "13912341234"), "sms", "incident", True, NO),
                    domain.Planned(Recipient("emergency_contact", "e1", "13800001111"), "voice", "t", False, NO)):
        for preferences in (None, domain.Preferences(channels=("sms", "voice"))):
            for hour in (10, 23):
                assert domain.delivery(preferences, planned, "visits.incident.reported", at(hour), RULES) == (
                    "suppressed", None)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize("moment,held_until", [(at(20, 59), None), (at(21, 0), at(8, 0) + timedelta(days=1)),
                                               (at(7, 59), at(8, 0)), (at(8, 0), None), (at(23, 30), at(8) + timedelta(days=1))])
def test_quiet_hours_hold_routine_messages_to_families_until_eight(moment, held_until):
    assert domain.release_time(moment, False, "elder", RULES) == held_until


def test_urgent_and_staff_messages_are_never_held():
    assert domain.release_time(at(23), True, "elder", RULES) is None
    assert domain.release_time(at(23), False, "staff", RULES) is None


def test_back_off_grows_is_capped_and_jitter_is_bounded():
    now = at(10)
    delays = [(domain.next_attempt_at(n, now, RULES, 0.5) - now).total_seconds() for n in range(1, 12)]
    assert delays[:3] == [2, 4, 8] and delays[-1] == RULES.backoff_cap_seconds
    low = (domain.next_attempt_at(3, now, RULES, 0.0) - now).total_seconds()
    high = (domain.next_attempt_at(3, now, RULES, 0.999) - now).total_seconds()
    assert 8 * 0.8 <= low < high <= 8 * 1.2


def test_delivery_gives_up_after_the_maximum_attempts():
    assert not domain.gives_up(4, RULES) and domain.gives_up(5, RULES)


def test_webhook_signature_is_hmac_sha256_of_the_body():
    body, secret = b'{"a":1}', b"s3cret"
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    assert domain.sign(secret, body) == expected and domain.verify(secret, body, expected)
    assert not domain.verify(secret, body + b" ", expected)


def test_a_delivery_is_signed_with_its_timestamp():
    body, secret, at = b'{"a":1}', b"s3cret", "1764543600"
    expected = "sha256=" + hmac.new(secret, b"1764543600." + body, hashlib.sha256).hexdigest()
    assert domain.sign_delivery(secret, at, body) == expected and domain.verify_delivery(secret, at, body, expected)
    assert not domain.verify_delivery(secret, "1764543601", body, expected)  # replayed under another time
    assert not domain.verify_delivery(secret, at, body + b" ", expected)


@pytest.mark.parametrize("host,private", [("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.9", True),
                                          ("::1", True), ("169.254.1.1", True), ("localhost", True),
                                          ("8.8.8.8", False), ("169.254.169.254", True), ("100.100.100.200", True),
                                          ("100.64.0.1", True), ("100.127.255.254", True), ("fd00:ec2::254", True),
                                          ("[fd00:ec2::254]", True), ("::ffff:127.0.0.1", True),
                                          ("::ffff:169.254.169.254", True), ("2002:7f00:1::", True),
                                          ("224.0.0.1", True), ("239.1.2.3", True), ("0.0.0.0", True),
                                          ("fe80::1%eth0", True), ("fc00::1", True), ("LOCALHOST.", True),
                                          ("a.localhost", True), ("100.63.255.255", False),
                                          ("2400:3200::1", False), ("example.cn", False)])
def test_private_addresses_are_recognised(host, private):
    assert domain.is_private_address(host) is private


def test_every_template_loads_and_renders_chinese():
    loaded = templates.load()
    text = templates.render(loaded, "elder_registered", "zh-CN", {"name": "张阿姨"})
    assert text.startswith("【助浴服务】张阿姨您好")
    assert templates.render(loaded, "elder_registered", "en", {"name": "Zhang"}).startswith("[Bathing service]")


def test_a_template_using_an_undeclared_variable_fails_at_load():
    broken = templates.Template("x", 1, frozenset({"name"}), {"zh-CN": "{{ name }} {{ missing }}"})
    with pytest.raises(templates.TemplateError):
        templates.load((broken,))


def test_every_rule_names_a_known_template():
    loaded = templates.load()
    assert {rule.template for rule in domain.RULES} <= set(loaded)


def test_urgency_can_come_from_the_events_data():
    [rule] = [r for r in domain.rules_for("visits.visit.refused", {"urgent": True}) if r.audience == "family"]
    assert domain.is_urgent(rule, {"urgent": True}) and not domain.is_urgent(rule, {"urgent": False})
    assert [r.audience for r in domain.rules_for("visits.incident.reported", {"urgent": False})] == ["point_admins"]


def test_only_a_visit_the_sweep_ended_is_told_to_the_point_administrators():
    [rule] = domain.rules_for("visits.visit.ended_early", {"reason": "not_checked_out"})
    assert (rule.audience, rule.channels) == ("point_admins", ("inbox",))
    assert domain.rules_for("visits.visit.ended_early", {"reason": "left_before_bath"}) == []


SMS = domain.Planned(Recipient("elder", "e1", "13912341234"), "sms", "booking_confirmed", False)
URGENT = domain.Planned(Recipient("elder", "e1", "13912341234"), "sms", "incident", True)


@pytest.mark.parametrize("preferences,status", [
    (None, "queued"), (domain.Preferences(), "queued"), (domain.Preferences(channels=("sms",)), "queued"),
    (domain.Preferences(channels=("voice",)), "suppressed"),
    (domain.Preferences(opt_out=("visits.booking.created",)), "suppressed"),
    (domain.Preferences(opt_out=("registration.elder.registered",)), "queued")])
def test_a_recipients_channels_and_opt_outs_decide_what_is_suppressed(preferences, status):
    assert domain.delivery(preferences, SMS, "visits.booking.created", at(10), RULES) == (
        status, at(10) if status == "queued" else None)


def test_urgent_messages_bypass_preferences_and_quiet_hours():
    refusing = domain.Preferences(channels=("voice",), opt_out=("visits.incident.reported",))
    assert domain.delivery(refusing, URGENT, "visits.incident.reported", at(23), RULES) == ("queued", at(23))


def test_routine_messages_to_families_are_held_through_quiet_hours():
    assert domain.delivery(None, SMS, "visits.booking.created", at(22), RULES) == (
        "held", at(8) + timedelta(days=1))


def test_a_webhook_carries_personal_data_only_with_consent_to_share():
    data = {"id": "e1", "name": "张阿姨", "phone": "13912341234", "status": "active", "complainant": {"name": "李"}}
    assert domain.webhook_data(data, False) == {"id": "e1", "status": "active"}
    assert domain.webhook_data(data, True) == {"id": "e1", "name": "张阿姨", "phone": "13912341234", "status": "active"}


def test_a_closed_complaint_sends_the_complainant_its_survey_and_a_visit_the_family_theirs():
    complaint = domain.rules_for("complaints.survey.invited", {"subject_type": "complaint"})
    assert [(r.audience, r.channels, r.template) for r in complaint] == [("complainant", ("sms",), "complaint_survey")]
    visit = domain.rules_for("complaints.survey.invited", {"subject_type": "visit"})
    assert [(r.audience, r.template) for r in visit] == [("family", "survey_invitation")]
    # The complainant's recipient id is the complaint's, named by the invitation as its subject.
    assert domain.complainant_of("complaints.survey.invited", "invitation-1", {"subject_id": "c-1"}) == "c-1"
    assert domain.complainant_of("complaints.complaint.paused", "c-1", {}) == "c-1"


@pytest.mark.parametrize("event_type,data,template", [
    ("complaints.complaint.reopened", {}, "complaint_reopened"),
    ("complaints.complaint.paused", {"reason": "x"}, "complaint_waiting"),
    ("complaints.complaint.merged", {}, "complaint_merged"),
    ("complaints.complaint.callback_booked", {}, "callback_booked"),
])
def test_the_complainant_hears_of_each_step_that_concerns_them(event_type, data, template):
    assert [(r.audience, r.template) for r in domain.rules_for(event_type, data)] == [("complainant", template)]


def test_a_returned_review_tells_the_owner_and_an_approval_nobody():
    assert [(r.audience, r.template) for r in domain.rules_for("complaints.complaint.reviewed", {"approved": False})] \
        == [("owner", "complaint_review_returned")]
    assert domain.rules_for("complaints.complaint.reviewed", {"approved": True}) == []


def test_quiet_hours_hold_routine_messages_to_complainants_too():
    assert domain.release_time(at(23), False, "complainant", RULES) == at(8) + timedelta(days=1)
    assert domain.release_time(at(23), True, "complainant", RULES) is None


def test_the_complaint_survey_and_callback_templates_render_in_chinese_and_english():
    loaded = templates.load()
    for language in ("zh-CN", "en"):
        survey = templates.render(loaded, "complaint_survey", language, {"name": "李先生", "link": "https://x/s/1"})
        assert "https://x/s/1" in survey and "李先生" in survey
        booked = templates.render(loaded, "callback_booked", language, {"name": "李先生", "time": "12月01日 10:00"})
        assert "12月01日 10:00" in booked


@pytest.mark.parametrize("sharing,health,kept", [
    (False, False, {"id", "description"}), (False, True, {"id", "description"}),
    (True, False, {"id", "description", "name"}), (True, True, {"id", "description", "name", "chronic_conditions",
                                                                 "refusal_reasons", "referral_advised"}),
])
def test_health_data_needs_both_consents_and_tokens_and_other_peoples_data_never_go(sharing, health, kept):
    data = {"id": "e1", "name": "张阿姨", "chronic_conditions": ["高血压"], "refusal_reasons": ["ALCOHOL"],
            "referral_advised": True, "token": "C3iDVqCqmGGuTfbo6gMKnuGJswiwWxPf", "email": "wang@example.cn",
            "complainant": {"name": "邻居", "phone": "13644445555"}, "description": "滑倒，联系家属13911112222"}
    sent = domain.webhook_data(data, sharing, health)
    assert set(sent) == kept
    assert sent["description"] == "滑倒，联系家属139****2222"
