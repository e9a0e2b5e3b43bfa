"""`ops.republish` on a real broker: stored events go again, in outbox order, to one
queue or to every bound queue, filtered by position, time and type."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from kit import bus, events
from ops import republish
from testkit import probe

pytestmark = pytest.mark.integration


@pytest.fixture
def relayed(suite_env, database_urls, amqp_url):
    """A producer whose outbox holds relayed events, and two bound consumer queues."""
    store, outbox = probe.producer(database_urls("producer"))
    conn = bus.connect(amqp_url)
    for queue in ("probe.events", "other.events"):
        probe.consumer(None, {"probe.#": probe.record_effect}, queue=queue).declare(conn.default_channel)
    ids = []
    with store.begin() as session:
        for n in range(6):
            kind = "probe.elder.registered" if n % 2 == 0 else "probe.staff.created"
            ids.append(outbox.add(session, kind, str(uuid.uuid4()), {"n": n})["id"])
        outbox.add(session, "probe.never.relayed", "s", {})
    relay = probe.relay(store)
    relay.run_once()  # all seven, then mark the last one unsent again
    with store.begin() as session:
        session.execute(probe.tables.outbox.update().where(probe.tables.outbox.c.type == "probe.never.relayed")
                        .values(sent_at=None))
    relay._close()
    drain(conn, "probe.events")
    drain(conn, "other.events")
    yield store, conn, ids
    conn.release()
    store.dispose()


def drain(conn, queue: str) -> list[dict]:
    channel = conn.channel()
    got = []
    while (message := channel.basic_get(queue, no_ack=True)) is not None:
        event = events.parse(message.body)
        got.append({"id": event.id, "type": event.type, "message_id": message.properties["message_id"]})
    channel.close()
    return got


def test_republish_to_one_queue_sends_the_range_in_outbox_order_and_nothing_elsewhere(relayed, amqp_url):
    store, conn, ids = relayed
    result = republish.republish(store, probe.tables, amqp_url, republish.Selection(from_position=3),
                                 to_queue="probe.events", bindings=["probe.#"])
    assert result.published == 4 and result.unsent == 1
    got = drain(conn, "probe.events")
    assert [m["id"] for m in got] == ids[2:] == [m["message_id"] for m in got]
    assert drain(conn, "other.events") == []


def test_republish_filters_by_type_pattern_and_time(relayed, amqp_url):
    store, conn, ids = relayed
    result = republish.republish(store, probe.tables, amqp_url,
                                 republish.Selection(event_types=("probe.elder.*",)), to_queue="probe.events",
                                 bindings=["probe.#"])
    assert result.types == {"probe.elder.registered": 3}
    assert [m["id"] for m in drain(conn, "probe.events")] == ids[0::2]
    later = datetime.now(timezone.utc) + timedelta(minutes=1)
    assert republish.republish(store, probe.tables, amqp_url, republish.Selection(since=later),
                               to_queue="probe.events", bindings=["probe.#"]).published == 0


def test_republish_without_a_queue_goes_to_every_bound_queue(relayed, amqp_url):
    store, conn, ids = relayed
    assert republish.republish(store, probe.tables, amqp_url, republish.Selection()).published == 6
    assert [m["id"] for m in drain(conn, "probe.events")] == ids
    assert [m["id"] for m in drain(conn, "other.events")] == ids


def test_republish_to_a_queue_that_does_not_exist_is_refused(relayed, amqp_url):
    store, _, _ = relayed
    with pytest.raises(LookupError, match="no queue"):
        republish.republish(store, probe.tables, amqp_url, republish.Selection(), to_queue="nobody.events",
                            bindings=["#"])


def test_topic_patterns_match_as_the_broker_does():
    assert republish.topic_matches("registration.elder.*", "registration.elder.registered")
    assert not republish.topic_matches("registration.*", "registration.elder.registered")
    assert republish.topic_matches("registration.#", "registration.elder.registered")
    assert republish.topic_matches("a.#.c", "a.c") and republish.topic_matches("a.#.c", "a.x.y.c")
    assert not republish.topic_matches("a.#.c", "a.x.d")
