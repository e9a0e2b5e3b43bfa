"""The event pipeline on a real broker and real stores (SQLite and PostgreSQL):
outbox → relay → RabbitMQ → consumer with inbox."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pika
import pytest
import sqlalchemy as sa

from kit import bus, events
from ops import deadletters
from testkit import probe

pytestmark = pytest.mark.integration


def wait_until(predicate, timeout: float = 20.0, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


@pytest.fixture
def stores(suite_env, database_urls):
    producer_store, outbox = probe.producer(database_urls("producer"))
    consumer_store = probe.make_store(database_urls("consumer"))
    yield producer_store, outbox, consumer_store
    producer_store.dispose()
    consumer_store.dispose()


def declare_probe_queue(amqp_url: str, keys=("probe.#",)) -> None:
    conn = bus.connect(amqp_url)
    c = probe.consumer(None, {key: probe.record_effect for key in keys})
    c.declare(conn.default_channel)
    conn.release()


def add_events(store, outbox, count: int, type_: str = "probe.thing.happened", subject: str | None = None) -> list[str]:
    ids = []
    with store.begin() as session:
        for _ in range(count):
            ids.append(outbox.add(session, type_, subject or str(uuid.uuid4()), {"n": len(ids)})["id"])
    return ids


def unsent(store) -> int:
    with store.begin() as session:
        return session.execute(sa.select(sa.func.count()).where(probe.tables.outbox.c.sent_at.is_(None))).scalar()


def test_committed_event_is_delivered_once(stores, amqp_url):
    producer_store, outbox, consumer_store = stores
    declare_probe_queue(amqp_url)
    [event_id] = add_events(producer_store, outbox, 1)
    relay = probe.Running(probe.relay(producer_store))
    consumer = probe.Running(probe.consumer(consumer_store, {"probe.#": probe.record_effect, "probe.thing.happened": probe.record_effect}))
    try:
        wait_until(lambda: probe.effect_counts(consumer_store).get(event_id))
        time.sleep(0.5)
        assert probe.effect_counts(consumer_store) == {event_id: 1}
        assert unsent(producer_store) == 0
    finally:
        relay.stop()
        consumer.stop()


def test_an_idle_relay_is_woken_by_the_commit_of_an_event(stores, amqp_url, monkeypatch):
    """The store wakes the relay (LISTEN/NOTIFY, or a datagram after a SQLite commit):
    with polling put off for an hour, an event committed while the relay waits still goes."""
    monkeypatch.setenv("ZHUYU_RELAY_POLL_SECONDS", "3600")
    monkeypatch.setenv("ZHUYU_RELAY_IDLE_SECONDS", "3600")
    producer_store, outbox, consumer_store = stores
    declare_probe_queue(amqp_url)
    relay = probe.relay(producer_store)
    running = probe.Running(relay)
    consumer = probe.Running(probe.consumer(consumer_store, {"probe.thing.happened": probe.record_effect}))
    try:
        wait_until(lambda: relay._waiter is not None)
        time.sleep(1.0)  # the relay has found the outbox empty and waits
        [first] = add_events(producer_store, outbox, 1)
        wait_until(lambda: probe.effect_counts(consumer_store).get(first))
        [second] = add_events(producer_store, outbox, 1)  # and again, once it waits anew
        wait_until(lambda: probe.effect_counts(consumer_store).get(second))
        assert relay.published == 2
    finally:
        running.stop()
        consumer.stop()


def test_event_of_rolled_back_transaction_is_never_sent(stores, amqp_url, rabbit):
    producer_store, outbox, _ = stores
    declare_probe_queue(amqp_url)
    with pytest.raises(RuntimeError):
        with producer_store.begin() as session:
            outbox.add(session, "probe.thing.happened", "s1", {})
            raise RuntimeError("the change failed")
    relay = probe.relay(producer_store)
    assert relay.run_once() == 0
    vhost = amqp_url.rsplit("/", 1)[1]
    assert rabbit.queue_depth(vhost, "probe.events") == 0


def test_relay_killed_mid_backlog_delivers_every_event_after_restart(stores, amqp_url, database_urls):
    producer_store, outbox, consumer_store = stores
    declare_probe_queue(amqp_url)
    ids = set(add_events(producer_store, outbox, 3000))
    env = dict(os.environ, PROBE_DATABASE_URL=str(producer_store.url), ZHUYU_RELAY_BATCH_SIZE="50")
    command = [sys.executable, "-m", "tests.integration.relay_process"]
    first = subprocess.Popen(command, env=env)
    wait_until(lambda: unsent(producer_store) < 3000, timeout=30, interval=0.005)
    first.send_signal(signal.SIGKILL)
    first.wait()
    left = unsent(producer_store)
    assert 0 < left < 3000, "the relay should have been killed half-way"
    second = subprocess.Popen(command, env=env)
    consumer = probe.Running(probe.consumer(consumer_store, {"probe.#": probe.record_effect, "probe.thing.happened": probe.record_effect}))
    try:
        wait_until(lambda: unsent(producer_store) == 0, timeout=60)
        wait_until(lambda: len(probe.effect_counts(consumer_store)) == 3000, timeout=60)
        counts = probe.effect_counts(consumer_store)
        assert set(counts) == ids
        assert set(counts.values()) == {1}
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=20)
        consumer.stop()


def publish_raw(amqp_url: str, body: bytes, message_id: str, routing_key: str) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    channel = connection.channel()
    channel.confirm_delivery()
    channel.basic_publish(bus.EXCHANGE, routing_key, body,
                          pika.BasicProperties(delivery_mode=2, message_id=message_id,
                                               content_type=events.CONTENT_TYPE))
    connection.close()


def make_event(type_: str = "probe.thing.happened", subject: str = "s1") -> dict:
    return events.envelope(type=type_, source="/test", subject=subject, data={}, sequence=1,
                           correlationid="c1", traceparent=None)


def test_same_message_delivered_twice_changes_state_once(stores, amqp_url):
    _, _, consumer_store = stores
    declare_probe_queue(amqp_url)
    event = make_event()
    body = events.encode(event)
    worker = probe.consumer(consumer_store, {"probe.thing.happened": probe.record_effect})
    running = probe.Running(worker)
    try:
        publish_raw(amqp_url, body, event["id"], event["type"])
        wait_until(lambda: probe.effect_counts(consumer_store).get(event["id"]))
        publish_raw(amqp_url, body, event["id"], event["type"])
        wait_until(lambda: worker.duplicates == 1)
        assert probe.effect_counts(consumer_store) == {event["id"]: 1}
    finally:
        running.stop()


def test_poison_message_is_dead_lettered_after_retries_while_others_flow(stores, amqp_url, rabbit):
    _, _, consumer_store = stores
    declare_probe_queue(amqp_url)
    poison = make_event(subject="poison")

    def handler(session, event):
        if event.subject == "poison":
            raise ValueError("cannot handle this one")
        probe.record_effect(session, event)

    worker = probe.consumer(consumer_store, {"probe.thing.happened": handler})
    running = probe.Running(worker)
    vhost = amqp_url.rsplit("/", 1)[1]
    try:
        publish_raw(amqp_url, events.encode(poison), poison["id"], poison["type"])
        good = [make_event(subject=f"good-{i}") for i in range(20)]
        for event in good:
            publish_raw(amqp_url, events.encode(event), event["id"], event["type"])
        # The good ones do not wait for the poison message's back-off.
        wait_until(lambda: len(probe.effect_counts(consumer_store)) == 20, timeout=5)
        wait_until(lambda: rabbit.queue_depth(vhost, "probe.events.dead") == 1, timeout=30)
        assert worker.failed == 3  # first try and two retries (ZHUYU_RETRY_DELAYS_SECONDS=1,1)
        [dead] = deadletters.list_dead(amqp_url, "probe.events")
        assert dead.message_id == poison["id"]
        assert dead.attempts == 3
        assert "cannot handle this one" in dead.error
        assert rabbit.queue_depth(vhost, "probe.events.dead") == 1, "listing must not remove"
    finally:
        running.stop()
    # Once the handler is fixed, replaying the dead message handles it.
    fixed = probe.Running(probe.consumer(consumer_store, {"probe.thing.happened": probe.record_effect}))
    try:
        assert deadletters.replay(amqp_url, "probe.events") == 1
        wait_until(lambda: probe.effect_counts(consumer_store).get(poison["id"]) == 1)
        assert rabbit.queue_depth(vhost, "probe.events.dead") == 0
    finally:
        fixed.stop()


def test_unreadable_message_goes_straight_to_dead_letters(stores, amqp_url, rabbit):
    _, _, consumer_store = stores
    declare_probe_queue(amqp_url)
    worker = probe.Running(probe.consumer(consumer_store, {"probe.thing.happened": probe.record_effect}))
    vhost = amqp_url.rsplit("/", 1)[1]
    try:
        publish_raw(amqp_url, b"not json", str(uuid.uuid4()), "probe.thing.happened")
        wait_until(lambda: rabbit.queue_depth(vhost, "probe.events.dead") == 1, timeout=10)
        [dead] = deadletters.list_dead(amqp_url, "probe.events")
        assert dead.error.startswith("bad event")
    finally:
        worker.stop()


def test_two_relays_at_once_deliver_each_event_once_to_the_effect(stores, amqp_url):
    producer_store, outbox, consumer_store = stores
    declare_probe_queue(amqp_url)
    ids = set(add_events(producer_store, outbox, 600))
    relays = [probe.Running(probe.relay(producer_store)), probe.Running(probe.relay(producer_store))]
    consumer = probe.Running(probe.consumer(consumer_store, {"probe.thing.happened": probe.record_effect}))
    try:
        more = set(add_events(producer_store, outbox, 400))
        wait_until(lambda: len(probe.effect_counts(consumer_store)) == 1000, timeout=60)
        time.sleep(0.5)
        counts = probe.effect_counts(consumer_store)
        assert set(counts) == ids | more
        assert set(counts.values()) == {1}
    finally:
        for relay in relays:
            relay.stop()
        consumer.stop()


def test_relay_keeps_order_within_an_aggregate(stores, amqp_url):
    producer_store, outbox, consumer_store = stores
    declare_probe_queue(amqp_url)
    for _ in range(5):
        add_events(producer_store, outbox, 20, subject="aggregate-1")
    seen = []

    def handler(session, event):
        seen.append(event.sequence)
        probe.record_effect(session, event)

    relay = probe.Running(probe.relay(producer_store))
    consumer = probe.Running(probe.consumer(consumer_store, {"probe.thing.happened": handler}))
    try:
        wait_until(lambda: len(seen) == 100)
        assert seen == list(range(1, 101))
    finally:
        relay.stop()
        consumer.stop()
