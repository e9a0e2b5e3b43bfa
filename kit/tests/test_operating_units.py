"""Metrics, log redaction and scrape access, in one process with no broker."""
from __future__ import annotations

import io
import json
import logging

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kit import context, logs, metrics, privacy


@pytest.mark.parametrize("text, hidden, shown", [
    ("elder 110105194503010026 registered", "110105194503010026", "110105********0026"),
    ("check character x: 11010519450301002x", "11010519450301002x", "110105********002x"),
    ("call 13912341234 now", "13912341234", "139****1234"),
    ("with the country code +8613912341234", "13912341234", "1234"),
    ("landline 0512-68881234", "0512-68881234", "1234"),
])
def test_redaction_masks_id_and_phone_numbers_in_free_text(text, hidden, shown):
    redacted = privacy.redact_text(text)
    assert hidden not in redacted and shown in redacted


@pytest.mark.parametrize("text", [
    "request 4bf92f35-77b3-4da6-a3ce-139123412345", "trace 4bf92f3577b34da6a3ce929d0e0e4736",
    "at 2026-11-29T12:00:00+08:00", "count 12345678901",
])
def test_redaction_leaves_ids_times_and_other_numbers_alone(text):
    assert privacy.redact_text(text) == text


def test_no_log_line_carries_a_full_id_or_phone_number_wherever_it_is_written():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter("registration"))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    context.traceparent.set("00-" + "ab" * 16 + "-" + "cd" * 8 + "-01")
    try:
        logger.info("duplicate id number 110105194503010026", extra={
            "phone": "13912341234", "body": {"contacts": [{"phone": "13800001111"}]}})
        try:
            raise ValueError("card for 110105194503010026 refused")
        except ValueError:
            logger.exception("failed for 13912341234")
    finally:
        logger.removeHandler(handler)
        context.traceparent.set(None)
    text = stream.getvalue()
    for secret in ("110105194503010026", "13912341234", "13800001111"):
        assert secret not in text
    first = json.loads(text.splitlines()[0])
    assert first["phone"] == "139****1234" and first["trace_id"] == "ab" * 16
    assert "110105********0026" in first["message"]


def test_allow_lists_addresses_and_networks():
    allow = metrics.Allow("127.0.0.1/8,::1,10.0.0.0/8")
    assert allow("127.0.0.1") and allow("::1") and allow("10.3.2.1") and allow("::ffff:10.0.0.5")
    assert not allow("192.168.1.9") and not allow("") and not allow(None) and not allow("not-an-address")


def test_a_service_counts_its_requests_and_refuses_metrics_to_strangers(build_service):
    service = build_service("registration")
    client = service.app().test_client()

    def count() -> float:
        text = client.get("/metrics").get_data(as_text=True)
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if (sample.name == "zhuyu_http_requests_total" and sample.labels["route"] == "/healthz"
                        and sample.labels["status"] == "200" and sample.labels["service"] == "registration"):
                    return sample.value
        return 0.0

    before = count()
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert count() == before + 2
    outsider = client.get("/metrics", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert outsider.status_code == 403 and outsider.mimetype == "application/problem+json"
