"""Operating the running suite: metrics move when requests and events flow, one request's
path is one trace from the gateway to the consumer (exported over OTLP), and no log line
holds a full ID or phone number."""
from __future__ import annotations

import json
import os
import threading
import time
import uuid

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from kit.broker import free_port
from testkit.suite import RunningSuite, suite_environment

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
ID_NUMBERS = ("110105194503010026", "110105194503010042")
PHONES = ("13912341234", "13912345678", "13800001111")


class OtlpReceiver:
    """A minimal OTLP/HTTP traces endpoint that keeps (service, trace id, span name, kind)."""

    def __init__(self):
        from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

        self.spans: list[tuple[str, str, str, int]] = []
        self.lock = threading.Lock()

        @Request.application
        def app(request: Request) -> Response:
            if request.path != "/v1/traces":
                return Response(status=404)
            export = ExportTraceServiceRequest()
            export.ParseFromString(request.get_data())
            with self.lock:
                for resource_spans in export.resource_spans:
                    service = next((a.value.string_value for a in resource_spans.resource.attributes
                                    if a.key == "service.name"), "")
                    for scope in resource_spans.scope_spans:
                        for span in scope.spans:
                            self.spans.append((service, span.trace_id.hex(), span.name, span.kind))
            return Response(b"", content_type="application/x-protobuf")

        self.port = free_port()
        self.server = make_server("127.0.0.1", self.port, app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def services_in(self, trace_id: str) -> set[str]:
        with self.lock:
            return {service for service, tid, _name, _kind in self.spans if tid == trace_id}

    def stop(self) -> None:
        self.server.shutdown()


@pytest.fixture
def receiver():
    running = OtlpReceiver()
    yield running
    running.stop()


@pytest.fixture
def suite(suite_env, database_urls, tmp_path, receiver):
    env = suite_environment(dict(os.environ), tmp_path / "var", database_urls)
    env["OTEL_EXPORTER_OTLP_ENDPOINT"] = f"http://127.0.0.1:{receiver.port}"
    env["OTEL_BSP_SCHEDULE_DELAY"] = "200"
    running = RunningSuite(env, tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    running.stop()


def scrape(url: str) -> dict[tuple[str, tuple], float]:
    response = requests.get(url, timeout=10)
    assert response.status_code == 200, response.text
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def elder(point_id: str, serial: int) -> dict:
    return {"name": f"张阿姨{serial}", "gender": "female", "birth_date": "1945-03-01",
            "id_number": ID_NUMBERS[serial], "citizen_card_no": f"OB{serial:06d}", "phone": PHONES[serial],
            "address": "杭州市西湖区文三路2号", "district": "西湖区", "service_point_id": point_id,
            "emergency_contacts": [{"name": "李明", "relation": "son", "phone": PHONES[2]}]}


def wait_for(predicate, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.3)
    return predicate()


def test_metrics_traces_and_logs_follow_a_request_through_the_suite(suite, receiver):
    api = suite.gateway + "/api/v1"
    headers = {"Authorization": f"Bearer {suite.token()}"}
    registration = f"http://127.0.0.1:{suite.env['REGISTRATION_PORT']}/metrics"
    notify = f"http://127.0.0.1:{suite.env['NOTIFY_PORT']}/metrics"
    point = requests.post(f"{api}/service-points", headers=headers, timeout=10, json={
        "name": "观测点", "address": "a", "district": "d", "bath_capacity": 2, "rest_seats": 2,
        "opening_hours": ALL_DAY, "safety_reminders": []}).json()

    def notified(elder_id: str) -> bool:
        return bool(requests.get(f"{api}/notifications", params={"recipient": elder_id}, headers=headers,
                                 timeout=10).json()["items"])

    first = requests.post(f"{api}/elders", json=elder(point["id"], 0), headers=headers, timeout=10)
    assert first.status_code == 201, first.text
    assert wait_for(lambda: notified(first.json()["id"]))
    before = {"gateway": scrape(suite.gateway + "/metrics"), "registration": scrape(registration),
              "notify": scrape(notify)}

    trace_id = uuid.uuid4().hex
    traceparent = f"00-{trace_id}-{uuid.uuid4().hex[:16]}-01"
    second = requests.post(f"{api}/elders", json=elder(point["id"], 1),
                           headers=headers | {"traceparent": traceparent}, timeout=10)
    assert second.status_code == 201, second.text
    assert wait_for(lambda: notified(second.json()["id"]))

    # Metrics move: the gateway and the service counted the request, notify the event.
    gateway_count = lambda s: value(s, "zhuyu_http_requests_total", service="gateway", method="POST",  # noqa: E731
                                    route="/api/v1/elders", status="201")
    service_count = lambda s: value(s, "zhuyu_http_requests_total", service="registration",  # noqa: E731
                                    method="POST", route="/elders", status="201")
    consumed = lambda s: value(s, "zhuyu_events_consumed_total", service="notify",  # noqa: E731
                               type="registration.elder.registered", outcome="handled")
    assert wait_for(lambda: gateway_count(scrape(suite.gateway + "/metrics")) == gateway_count(before["gateway"]) + 1)
    assert service_count(scrape(registration)) == service_count(before["registration"]) + 1
    assert wait_for(lambda: consumed(scrape(notify)) == consumed(before["notify"]) + 1)
    after = scrape(registration)
    assert value(after, "zhuyu_http_request_duration_seconds_count", service="registration", method="POST",
                 route="/elders") >= 2
    assert ("zhuyu_outbox_backlog", (("service", "registration"),)) in after
    assert wait_for(lambda: value(scrape(registration), "zhuyu_events_published_total", service="registration")
                    > value(before["registration"], "zhuyu_events_published_total", service="registration"))
    assert wait_for(lambda: value(scrape(registration), "zhuyu_outbox_backlog", service="registration") == 0)

    # One trace: the gateway's span, the service's and the consumer's share the caller's id.
    assert wait_for(lambda: {"zhuyu-gateway", "zhuyu-registration", "zhuyu-notify"} <= receiver.services_in(trace_id),
                    seconds=20), receiver.services_in(trace_id)

    # The trace id reaches the consumer's log line for the event it caused.
    log_text = (suite.log_path).read_text(encoding="utf-8", errors="replace")
    lines = [json.loads(line) for line in log_text.splitlines() if line.startswith("{")]
    handled = [line for line in lines if line.get("service") == "notify" and line.get("message") == "event handled"
               and line.get("trace_id") == trace_id]
    assert handled and handled[0]["event_type"] == "registration.elder.registered"

    # Never a full ID or phone number in any process's log.
    for secret in (*ID_NUMBERS, *PHONES):
        assert secret not in log_text

