"""Event pipeline benchmarks on one broker and one PostgreSQL, same queue type (quorum):

- a plain pika publisher waiting for each confirm, and one committing batches of 100;
- the outbox relay (batched publishes, one wait for the batch's confirms);
- a plain pika consume-and-ack loop, and the inbox consumer (one commit and ack per batch);
- the whole pipeline durable on both ends: outbox → relay → broker → consumer with inbox.

Run: `make bench` (or `.venv/bin/python -m bench.events`). N with ZHUYU_BENCH_EVENTS.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid

import pika
import sqlalchemy as sa

from bench.common import Timer, private_broker, private_postgres, report
from kit import bus, events
from kit.consumer import Many
from testkit import probe

N = int(os.environ.get("ZHUYU_BENCH_EVENTS", "5000"))
QUEUE = "probe.events"
TYPE = "probe.thing.happened"


def body(i: int) -> tuple[str, bytes]:
    event = events.envelope(type=TYPE, source="/bench", subject=str(uuid.uuid4()), data={"n": i}, sequence=1,
                            correlationid=None, traceparent=None)
    return event["id"], events.encode(event)


def declare(url: str) -> None:
    conn = bus.connect(url)
    probe.consumer(None, {TYPE: probe.record_effect}).declare(conn.default_channel)
    conn.release()


def purge(url: str) -> None:
    conn = bus.connect(url)
    conn.default_channel.queue_purge(QUEUE)
    conn.release()


def pika_publish(url: str, n: int, batch: int | None) -> float:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    properties = pika.BasicProperties(delivery_mode=2, content_type=events.CONTENT_TYPE)
    messages = [body(i)[1] for i in range(n)]
    if batch is None:
        channel.confirm_delivery()
    else:
        channel.tx_select()
    with Timer() as timer:
        for i, message in enumerate(messages, 1):
            channel.basic_publish(bus.EXCHANGE, TYPE, message, properties)
            if batch is not None and i % batch == 0:
                channel.tx_commit()
        if batch is not None:
            channel.tx_commit()
    connection.close()
    return n / timer.seconds


def relay_rate(url: str, store, outbox, n: int) -> float:
    with store.begin() as session:
        for i in range(n):
            outbox.add(session, TYPE, str(uuid.uuid4()), {"n": i})
    relay = probe.relay(store)
    with Timer() as timer:
        while relay.run_once():
            pass
    relay._close()
    return n / timer.seconds


def pika_consume(url: str, n: int, queue: str = QUEUE) -> float:
    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    channel.basic_qos(prefetch_count=200)
    count = 0
    start = None
    for method, _props, _body in channel.consume(queue, inactivity_timeout=5):
        if method is None:
            break
        start = start or time.perf_counter()
        channel.basic_ack(method.delivery_tag)
        count += 1
        if count == n:
            break
    elapsed = time.perf_counter() - start
    channel.cancel()
    connection.close()
    return n / elapsed


def fill(url: str, n: int) -> None:
    """`n` new persistent events on the queue, published in transactions of 100."""
    conn = pika.BlockingConnection(pika.URLParameters(url))
    channel = conn.channel()
    channel.tx_select()
    for i in range(n):
        event_id, payload = body(i)
        channel.basic_publish(bus.EXCHANGE, TYPE, payload, pika.BasicProperties(delivery_mode=2, message_id=event_id))
        if i % 100 == 99:
            channel.tx_commit()
    channel.tx_commit()
    conn.close()


def consumer_rate(url: str, store, n: int, bulk: bool = False) -> float:
    return consuming_rate(probe.consumer(store, {TYPE: Many(probe.record_effects) if bulk else probe.record_effect}), n)


def consuming_rate(worker, n: int) -> float:
    """Events a second an inbox consumer handles until it has handled `n`."""
    stop = threading.Event()
    thread = threading.Thread(target=worker.run, args=(stop,), daemon=True)
    started = time.perf_counter()
    thread.start()
    while worker.handled < n:
        time.sleep(0.002)
    elapsed = time.perf_counter() - started
    stop.set()
    thread.join()
    return n / elapsed


def pipeline_rate(url: str, producer_store, outbox, consumer_store, n: int) -> float:
    """Relay and consumer in their own processes, as deployed; the producer writes its
    events in transactions of 100 and the clock stops when the last effect is committed."""
    env = dict(os.environ, AMQP_URL=url)
    relay = subprocess.Popen([sys.executable, "-m", "tests.integration.relay_process"],
                             env=env | {"PROBE_DATABASE_URL": str(producer_store.url)})
    consumer = subprocess.Popen([sys.executable, "-m", "bench.consumer_process"],
                                env=env | {"PROBE_DATABASE_URL": str(consumer_store.url)})
    time.sleep(3.0)  # both connected and idle
    started = time.perf_counter()
    for start in range(0, n, 100):
        with producer_store.begin() as session:
            for i in range(start, min(n, start + 100)):
                outbox.add(session, TYPE, str(uuid.uuid4()), {"n": i})
    while True:
        with consumer_store.begin() as session:
            if session.execute(sa.select(sa.func.count()).select_from(probe.effects)).scalar() >= n:
                break
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    for process in (relay, consumer):
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    return n / elapsed


def main() -> None:
    with private_broker() as url, private_postgres() as pg:
        os.environ["AMQP_URL"] = url
        declare(url)
        producer_store, outbox = probe.producer(pg.create_database("bench_producer"))
        consumer_store = probe.make_store(pg.create_database("bench_consumer"))
        rows = []
        per_confirm = pika_publish(url, min(N, 3000), None)
        purge(url)
        batched = pika_publish(url, N, 100)
        purge(url)
        relay = relay_rate(url, producer_store, outbox, N)
        rows.append({"publisher": "pika, wait for each confirm", "msg/s": round(per_confirm)})
        rows.append({"publisher": "pika, commit batches of 100", "msg/s": round(batched)})
        rows.append({"publisher": "outbox relay (PostgreSQL → quorum queue)", "msg/s": round(relay)})
        report(f"Publishing {N} persistent events", rows)
        print(f"relay / pika per-confirm = {relay / per_confirm:.2f}x; relay / pika batched = {relay / batched:.2f}x")

        plain = pika_consume(url, N)  # consumes what the relay just published
        fill(url, N)
        inbox = consumer_rate(url, consumer_store, N)
        fill(url, N)
        bulk = consumer_rate(url, consumer_store, N, bulk=True)
        report(f"Consuming {N} events", [
            {"consumer": "pika consume-and-ack loop", "msg/s": round(plain)},
            {"consumer": "inbox consumer (PostgreSQL, effect + inbox row per event)", "msg/s": round(inbox)},
            {"consumer": "inbox consumer, handler writing each batch's effects in one statement", "msg/s": round(bulk)},
        ])
        print(f"inbox consumer / plain loop = {inbox / plain:.2f}x; with a bulk handler {bulk / plain:.2f}x "
              "(target 0.5x)")

        consumer_store.dispose()
        consumer_store = probe.make_store(pg.create_database("bench_pipeline"))
        pipeline = pipeline_rate(url, producer_store, outbox, consumer_store, N)
        report(f"Pipeline, {N} events durable on both ends", [
            {"pipeline": "outbox → relay → quorum queue → inbox consumer", "events/s": round(pipeline)},
        ])
        print(f"pipeline / nameko reference (730 events/s) = {pipeline / 730:.2f}x")
        producer_store.dispose()
        consumer_store.dispose()


if __name__ == "__main__":
    main()
