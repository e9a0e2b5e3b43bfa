"""Unit tests of the kit with no I/O."""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timezone

import pytest
from hypothesis import given, strategies as st

from kit import bus, context, events, paging, privacy, settings
from kit.errors import Invalid
from kit.web import flatten_errors, status_of


def test_envelope_has_every_cloudevents_attribute_of_the_contract():
    event = events.envelope(type="registration.elder.registered", source="/registration", subject="e1",
                            data={"a": 1}, sequence=3, correlationid="c", traceparent=None)
    assert event["specversion"] == "1.0"
    assert uuid.UUID(event["id"])
    assert event["datacontenttype"] == "application/json"
    assert event["dataversion"] == 1
    assert {"source", "type", "time", "subject", "sequence", "correlationid", "traceparent", "data"} <= set(event)
    assert datetime.fromisoformat(event["time"]).tzinfo is not None


def test_parse_reads_back_what_encode_wrote():
    event = events.envelope(type="t.x", source="/s", subject="s1", data={"名字": "张"}, sequence=7,
                            correlationid="c1", traceparent="00-" + "a" * 32 + "-" + "b" * 16 + "-01")
    parsed = events.parse(events.encode(event))
    assert (parsed.id, parsed.type, parsed.sequence, parsed.data) == (event["id"], "t.x", 7, {"名字": "张"})
    assert parsed.correlationid == "c1"


@pytest.mark.parametrize("body", [b"not json", b"[]", b"{}",
                                  json.dumps({"specversion": "0.3"}).encode()])
def test_parse_refuses_what_is_not_a_cloudevent(body):
    with pytest.raises(events.BadEvent):
        events.parse(body)


def test_parse_refuses_an_id_that_is_not_a_uuid():
    event = events.envelope(type="t", source="/s", subject="s", data={}, sequence=1, correlationid=None,
                            traceparent=None, id="not-a-uuid")
    with pytest.raises(events.BadEvent):
        events.parse(events.encode(event))


def test_validation_errors_are_flattened_by_field():
    nested = {"json": {"name": ["Missing data for required field."],
                       "emergency_contacts": {0: {"phone": ["Shorter than minimum length 3."]}}}}
    assert flatten_errors(nested) == {
        "name": ["Missing data for required field."],
        "emergency_contacts.0.phone": ["Shorter than minimum length 3."],
    }


@pytest.mark.parametrize("phone,masked", [("13912341234", "139****1234"), ("057188001234", "057*****1234")])
def test_phone_keeps_first_three_and_last_four(phone, masked):
    assert privacy.mask_phone(phone) == masked


def test_id_number_keeps_first_six_and_last_four():
    assert privacy.mask_id_number("32120219450301123X") == "321202********123X"


@given(st.text(alphabet="0123456789", min_size=8, max_size=20))
def test_masked_phone_never_shows_the_middle(phone):
    masked = privacy.mask_phone(phone)
    assert len(masked) == len(phone)
    assert masked[3:-4] == "*" * (len(phone) - 7)


def test_cursor_round_trips_and_a_forged_one_is_422():
    at = datetime(2026, 11, 22, 8, 0, tzinfo=timezone.utc)
    assert paging._decode(paging._encode(at, "id-1")) == (at, "id-1")
    with pytest.raises(Invalid) as error:
        paging._decode("!!!")
    assert status_of(error.value) == 422 and error.value.errors == {"cursor": ["Invalid cursor."]}


@pytest.mark.parametrize("newest_first", [False, True])
def test_pages_give_every_row_once_oldest_or_newest_first(newest_first):
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    from kit.types import UtcDateTime

    table = sa.Table("items", sa.MetaData(), sa.Column("id", sa.String, primary_key=True),
                     sa.Column("created_at", UtcDateTime(), nullable=False))
    engine = sa.create_engine("sqlite://")  # in memory
    table.metadata.create_all(engine)
    at = datetime(2026, 11, 22, 8, 0, tzinfo=timezone.utc)
    rows = [("b", at), ("a", at), ("c", at.replace(hour=9)), ("d", at.replace(hour=7)), ("e", at.replace(hour=10))]
    with Session(engine) as session:
        session.execute(table.insert(), [{"id": i, "created_at": c} for i, c in rows])
        seen, cursor = [], None
        while True:
            page, cursor = paging.page(session, sa.select(table), table, 2, cursor, newest_first=newest_first)
            seen += [row.id for row in page]
            if cursor is None:
                break
    oldest_first = ["d", "a", "b", "c", "e"]
    assert seen == (oldest_first[::-1] if newest_first else oldest_first)


@pytest.mark.parametrize("value,kept", [("abc-123", True), ("x" * 129, False), ("a b", False), ("<script>", False)])
def test_caller_request_id_is_kept_only_when_plain(value, kept):
    assert (context.clean_id(value) == value) is kept


class FakeChannel:
    def __init__(self):
        from collections import defaultdict

        self.events = defaultdict(set)
        self.published = []

    def confirm_select(self):
        pass

    def basic_publish(self, msg, exchange, routing_key, mandatory=False):
        self.published.append((exchange, routing_key, msg))


class FakeConnection:
    """Delivers the broker's acks when the publisher waits for them."""

    def __init__(self, channel, acks):
        self.channel = channel
        self.acks = acks

    def drain_events(self, timeout=None):
        if not self.acks:
            import socket

            raise socket.timeout()
        kind, tag, multiple = self.acks.pop(0)
        for callback in self.channel.events[kind]:
            callback(tag, multiple)


def _messages(n):
    return [bus.Outgoing(exchange="x", routing_key="k", body=b"{}", message_id=str(i), headers={}) for i in range(n)]


def test_publisher_waits_for_every_confirm_of_the_batch_out_of_order():
    channel = FakeChannel()
    connection = FakeConnection(channel, [("basic_ack", 2, False), ("basic_ack", 1, False), ("basic_ack", 3, False)])
    bus.ConfirmingPublisher(channel, connection, timeout=1).publish(_messages(3))
    assert len(channel.published) == 3 and connection.acks == []


def test_publisher_fails_the_batch_on_a_nack():
    channel = FakeChannel()
    connection = FakeConnection(channel, [("basic_ack", 1, False), ("basic_nack", 2, False)])
    with pytest.raises(bus.PublishFailed):
        bus.ConfirmingPublisher(channel, connection, timeout=1).publish(_messages(2))


def test_publisher_fails_the_batch_when_confirms_do_not_come():
    channel = FakeChannel()
    connection = FakeConnection(channel, [("basic_ack", 1, False)])
    with pytest.raises(bus.PublishFailed):
        bus.ConfirmingPublisher(channel, connection, timeout=0.2).publish(_messages(2))


def test_one_multiple_ack_confirms_the_whole_batch():
    channel = FakeChannel()
    connection = FakeConnection(channel, [("basic_ack", 5, True)])
    bus.ConfirmingPublisher(channel, connection, timeout=1).publish(_messages(5))


@dataclass(frozen=True)
class SomeRules:
    hours: float = 24
    days: int = 3
    quiet_from: time = time(21, 0)
    levels: frozenset[int] = frozenset({2, 3})
    version: str = "v1"
    strict: bool = False


def test_rules_from_the_environment_keep_the_dataclass_default_and_its_type(monkeypatch):
    assert settings.from_env(SomeRules, hours="T_HOURS", days="T_DAYS", quiet_from="T_QUIET", levels="T_LEVELS",
                             version="T_VERSION", strict="T_STRICT") == SomeRules()
    for name, value in (("T_HOURS", "1.5"), ("T_DAYS", "7"), ("T_QUIET", "22:30"), ("T_LEVELS", "1,2"),
                        ("T_VERSION", "2027-01"), ("T_STRICT", "true")):
        monkeypatch.setenv(name, value)
    read = settings.from_env(SomeRules, hours="T_HOURS", days="T_DAYS", quiet_from="T_QUIET", levels="T_LEVELS",
                             version="T_VERSION", strict="T_STRICT")
    assert read == SomeRules(1.5, 7, time(22, 30), frozenset({1, 2}), "2027-01", True)
    assert settings.from_env(SomeRules, days="T_DAYS") == SomeRules(days=7), "fields not named keep their default"
    with pytest.raises(TypeError):
        settings.from_env(SomeRules, weeks="T_WEEKS")
