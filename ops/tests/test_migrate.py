"""`zhuyu migrate SERVICE` brings a service to its release: the store's schema, and its
consumer queue bound on the broker. Without the queue, an event published before the
consumer first starts (visits' settlement, made as soon as its worker runs) reaches nobody."""
from __future__ import annotations

import os
import subprocess
import sys

import amqp
import pytest
from kombu import Connection

from kit import bus
from kit.settings import PROJECT_ROOT


def migrate(service: str, tmp_path, amqp_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "AMQP_URL": amqp_url, "ZHUYU_VAR_DIR": str(tmp_path),
           f"{service.upper()}_DATABASE_URL": f"sqlite:///{tmp_path / (service + '.db')}"}
    return subprocess.run([sys.executable, "-m", "ops.cli", "migrate", service], env=env, cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)


def waiting(amqp_url: str, queue: str) -> int:
    with Connection(amqp_url) as conn:
        return conn.default_channel.queue_declare(queue, passive=True).message_count


def test_an_event_published_after_migrating_waits_for_a_consumer_that_never_ran(tmp_path, amqp_url):
    done = migrate("notify", tmp_path, amqp_url)
    assert done.returncode == 0, done.stderr
    assert "queue notify.events declared" in done.stdout
    with Connection(amqp_url) as conn:
        channel = conn.default_channel
        channel.basic_publish(amqp.Message(b"{}", message_id="m-1"), exchange=bus.EXCHANGE,
                              routing_key="visits.settlement.ready")
    assert waiting(amqp_url, "notify.events") == 1
    for delay in (1, 5, 30):
        assert waiting(amqp_url, bus.retry_queue_name("notify.events", delay)) == 0
    assert waiting(amqp_url, bus.dead_queue_name("notify.events")) == 0


def test_a_service_that_handles_nothing_declares_no_queue(tmp_path, amqp_url):
    done = migrate("registration", tmp_path, amqp_url)
    assert done.returncode == 0, done.stderr
    with pytest.raises(amqp.exceptions.NotFound):
        waiting(amqp_url, "registration.events")


def test_an_unreachable_broker_does_not_fail_the_schema(tmp_path):
    done = migrate("notify", tmp_path, "amqp://guest:guest@127.0.0.1:1/%2F")
    assert done.returncode == 0, done.stderr
    assert "notify: schema at head" in done.stdout
    assert "queue not declared, broker not reached" in done.stderr
