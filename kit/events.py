"""The CloudEvents 1.0 structured envelope every service publishes and consumes."""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

CONTENT_TYPE = "application/cloudevents+json"
REQUIRED = ("specversion", "id", "source", "type", "time", "subject", "data", "sequence")


class BadEvent(ValueError):
    """A message that is not a CloudEvent we can read; it goes to the dead-letter queue."""


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    source: str
    subject: str
    time: str
    sequence: int
    dataversion: int
    data: dict[str, Any]
    correlationid: str | None = None
    traceparent: str | None = None


def envelope(
    *,
    type: str,
    source: str,
    subject: str,
    data: dict[str, Any],
    sequence: int,
    correlationid: str | None,
    traceparent: str | None,
    dataversion: int = 1,
    id: str | None = None,
    time: datetime | None = None,
) -> dict[str, Any]:
    return {
        "specversion": "1.0",
        "id": id or str(uuid.uuid4()),
        "source": source,
        "type": type,
        "time": (time or datetime.now(timezone.utc)).isoformat(),
        "subject": subject,
        "datacontenttype": "application/json",
        "dataversion": dataversion,
        "sequence": sequence,
        "correlationid": correlationid,
        "traceparent": traceparent,
        "data": data,
    }


def encode(event: dict[str, Any]) -> bytes:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()


def encode_around_sequence(event: dict[str, Any]) -> tuple[bytes, bytes]:
    """The encoded event in two parts, before and after its sequence's digits: `head +
    str(n).encode() + tail` is `encode` of the event numbered n (for a store that numbers
    it as it writes it). The envelope's attributes before `sequence` are strings and
    numbers, so the first `"sequence":` is the envelope's own."""
    body = encode(event | {"sequence": 0})
    marker = b'"sequence":0,'
    at = body.index(marker) + len(marker) - 2
    return body[:at], body[at + 1:]


def parse(body: bytes | str) -> Event:
    try:
        raw = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadEvent(f"not JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise BadEvent("not a JSON object")
    missing = [name for name in REQUIRED if name not in raw]
    if missing:
        raise BadEvent(f"missing attributes: {', '.join(missing)}")
    if raw["specversion"] != "1.0":
        raise BadEvent(f"unsupported specversion {raw['specversion']!r}")
    if not isinstance(raw["data"], dict):
        raise BadEvent("data is not an object")
    try:
        uuid.UUID(str(raw["id"]))
        sequence = int(raw["sequence"])
        dataversion = int(raw.get("dataversion", 1))
    except (TypeError, ValueError):
        raise BadEvent("id, sequence or dataversion malformed") from None
    return Event(
        id=str(raw["id"]),
        type=str(raw["type"]),
        source=str(raw["source"]),
        subject=str(raw["subject"]),
        time=str(raw["time"]),
        sequence=sequence,
        dataversion=dataversion,
        data=raw["data"],
        correlationid=raw.get("correlationid"),
        traceparent=raw.get("traceparent"),
    )
