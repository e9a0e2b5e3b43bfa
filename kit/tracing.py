"""OpenTelemetry traces across HTTP and AMQP; off unless an OTLP endpoint is configured.

The W3C `traceparent` always travels, traced or not: the gateway starts one (or continues
the caller's), services read it from the request, the outbox stores it with each event (the
CloudEvents distributed-tracing attribute) and consumers continue it, so one request's whole
path is one trace and every log line carries its trace id.

With `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) set, or
`ZHUYU_TRACING=true`, each hop also records a span and exports it over OTLP/HTTP; the span
becomes the parent that the next hop sees. The exporter's other settings are the standard
`OTEL_*` variables (headers, timeout, batch delay, sampler).
"""
from __future__ import annotations

import logging
import os
from contextlib import contextmanager, nullcontext
from typing import Any, Iterator

from kit import context
from kit.settings import env

log = logging.getLogger("kit.tracing")

SERVER, CONSUMER = "server", "consumer"
_tracer: Any = None
_configured_for: str | None = None


def enabled() -> bool:
    return _tracer is not None


def configure(service: str) -> None:
    """Set up the exporter once per process (each gunicorn worker does it after the fork)."""
    global _tracer, _configured_for
    if _configured_for is not None:
        return
    _configured_for = service
    wanted = env.bool("ZHUYU_TRACING", False) or bool(
        os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT") or os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
    if not wanted or os.environ.get("OTEL_SDK_DISABLED", "").lower() == "true":
        return
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({
        "service.name": os.environ.get("OTEL_SERVICE_NAME") or f"zhuyu-{service}",
        "service.namespace": "zhuyu"}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    _tracer = trace.get_tracer("zhuyu")
    log.info("tracing on", extra={"exporter": "otlp/http"})


def _parent(traceparent: str | None):
    if not traceparent:
        return None
    from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

    return TraceContextTextMapPropagator().extract({"traceparent": traceparent})


def _kind(kind: str):
    from opentelemetry.trace import SpanKind

    return SpanKind.CONSUMER if kind == CONSUMER else SpanKind.SERVER


def _as_traceparent(span) -> str:
    ids = span.get_span_context()
    return f"00-{ids.trace_id:032x}-{ids.span_id:016x}-{ids.trace_flags:02x}"


def start(name: str, kind: str, attributes: dict[str, Any] | None = None) -> Any:
    """Open a span under the current `traceparent` and make it the parent of what follows;
    returns a handle for `finish`, or None when tracing is off."""
    if _tracer is None:
        return None
    span = _tracer.start_span(name, context=_parent(context.traceparent.get()), kind=_kind(kind),
                              attributes=attributes or {})
    token = context.traceparent.set(_as_traceparent(span))
    return span, token


def finish(handle: Any, status_code: int | None = None, error: BaseException | None = None) -> None:
    if handle is None:
        return
    span, token = handle
    if status_code is not None:
        span.set_attribute("http.response.status_code", status_code)
        if status_code >= 500:
            from opentelemetry.trace import Status, StatusCode

            span.set_status(Status(StatusCode.ERROR))
    if error is not None:
        span.record_exception(error)
    span.end()
    try:
        context.traceparent.reset(token)
    except ValueError:  # finished in another context than it started (a streamed response)
        pass


_OFF = nullcontext()


def span(name: str, kind: str, attributes: dict[str, Any] | None = None):
    """A span around a block (nothing at all when tracing is off)."""
    if _tracer is None:
        return _OFF
    return _span(name, kind, attributes)


@contextmanager
def _span(name: str, kind: str, attributes: dict[str, Any] | None) -> Iterator[None]:
    handle = start(name, kind, attributes)
    try:
        yield
    except BaseException as exc:
        finish(handle, error=exc)
        raise
    finish(handle)
