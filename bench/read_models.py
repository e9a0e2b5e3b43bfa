"""The inbox consumer on a realistic handler: the visits service's read model of
registration's elders (each event: the card freed elsewhere, the held sequence read, the
elder inserted or updated), fed registration.elder.* events as registration publishes
them (each elder registered, then updated). Three runs on the same broker and store:

- a pika consume-and-ack loop (the ceiling: no store at all);
- the inbox consumer calling the handler event by event (what visits did before);
- the inbox consumer with the handler as wired (`kit.consumer.Many`: a run at once).

Target: the consumer ≥ 0.5× the plain loop. Run: `.venv/bin/python -m bench.read_models`
(ZHUYU_BENCH_EVENTS, default 4000).
"""
from __future__ import annotations

import os
import uuid

import pika

from bench.common import private_broker, private_postgres, report
from bench.events import consuming_rate, pika_consume
from bench.stack import load_average
from kit import bus, events
from kit.consumer import Consumer, Many

N = int(os.environ.get("ZHUYU_BENCH_EVENTS", "4000"))
QUEUE = "bench.visits.elders"
TYPES = ("registration.elder.registered", "registration.elder.updated")


def build_visits(database_url: str):
    os.environ["VISITS_DATABASE_URL"] = database_url
    from ops.build import build

    service = build("visits")
    service.store.migrate()
    return service


def one_by_one(handlers: dict) -> dict:
    """The same handlers, each event handled alone, as plain handlers were."""
    return {t: (lambda session, event, h=h: h(session, event)) if isinstance(h, Many) else h
            for t, h in handlers.items()}


def consumer(service, handlers: dict) -> Consumer:
    return Consumer(service.store, service.tables, service.settings,
                    {t: handlers[t] for t in TYPES}, queue=QUEUE)


def elder_state(elder: str, point: str) -> dict:
    """An elder as registration's events carry it (the fields visits keeps, and more)."""
    return {"id": elder, "name": "张阿姨", "gender": "female", "birth_date": "1945-03-01",
            "citizen_card_no": f"B{uuid.uuid4().hex[:20]}", "previous_citizen_card_nos": [], "phone": "13912341234",
            "phone_is_mobile": True, "service_point_id": point, "district": "西湖区",
            "emergency_contacts": [{"name": "李明", "relation": "son", "phone": "13800001111"}],
            "chronic_conditions": ["高血压"], "status": "active", "latest_assessment_level": 2,
            "safety_commitment_version": "v1", "safety_commitment_current": True, "eligible_for_bathing": True,
            "decision_lapses_on": None, "commitment_version_in_force": "v1", "same_gender_assistant": False,
            "language": "zh-CN", "consents": {"health_data": None, "sms": None, "third_party_sharing": None}}


def fill(url: str, n: int) -> None:
    """`n` events: n/2 elders, each registered and then updated (in transactions of 100)."""
    conn = pika.BlockingConnection(pika.URLParameters(url))
    channel = conn.channel()
    channel.tx_select()
    point = str(uuid.uuid4())
    sent = 0
    while sent < n:
        elder = str(uuid.uuid4())
        state = elder_state(elder, point)
        for sequence, type_ in enumerate(TYPES, start=1):
            event = events.envelope(type=type_, source="/registration", subject=elder, data=state,
                                    sequence=sequence, correlationid=None, traceparent=None)
            channel.basic_publish(bus.EXCHANGE, type_, events.encode(event),
                                  pika.BasicProperties(delivery_mode=2, message_id=event["id"]))
            sent += 1
            if sent % 100 == 0:
                channel.tx_commit()
    channel.tx_commit()
    conn.close()


def main() -> None:
    print(f"load average before: {load_average()}")
    with private_broker() as url, private_postgres() as pg:
        os.environ["AMQP_URL"] = url
        service = build_visits(pg.create_database("bench_visits"))
        conn = bus.connect(url)
        consumer(service, service.handlers).declare(conn.default_channel)
        conn.release()
        fill(url, N)
        plain = pika_consume(url, N, QUEUE)
        fill(url, N)
        single = consuming_rate(consumer(service, one_by_one(service.handlers)), N)
        fill(url, N)
        bulk = consuming_rate(consumer(service, service.handlers), N)
        service.store.dispose()
    report(f"Consuming {N} registration.elder.* events into visits' read model (PostgreSQL)", [
        {"consumer": "pika consume-and-ack loop", "msg/s": round(plain), "/ plain loop": "1"},
        {"consumer": "inbox consumer, the handler event by event", "msg/s": round(single),
         "/ plain loop": f"{single / plain:.2f}x"},
        {"consumer": "inbox consumer, the handler a run at a time (Many)", "msg/s": round(bulk),
         "/ plain loop": f"{bulk / plain:.2f}x"},
    ])
    print(f"a run at a time / event by event = {bulk / single:.2f}x; against the plain loop {bulk / plain:.2f}x "
          f"(target 0.5x); load average after: {load_average()}")


if __name__ == "__main__":
    main()
