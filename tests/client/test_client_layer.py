"""The client's hand-written layer against a scripted server (httpx's mock transport):
the key on every request, an Idempotency-Key per POST that never leaks into the next,
retries on 429/503 as Retry-After says, cursor iteration, webhook signatures."""
from __future__ import annotations

import hashlib
import hmac
import json
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from zhuyu_api.api.elders import get_elders, post_assessments
from zhuyu_api.models import RegistrationAssessmentIn
from zhuyu_client import ApiError, InvalidSignature, Zhuyu, iterate, retry_after, verify_webhook

ELDER = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
ASSESSMENT = {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "elder_id": ELDER, "level": 2,
              "assessed_on": "2026-11-30", "assessor": "王医生", "reference": "A-1"}


class Script:
    """Answers in turn; records every request it saw."""

    def __init__(self, *answers: httpx.Response | Exception):
        self.answers = list(answers)
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def problem(status: int, code: str, headers: dict | None = None) -> httpx.Response:
    return httpx.Response(status, json={"type": "x", "title": "t", "status": status, "detail": "d", "code": code},
                          headers={"Content-Type": "application/problem+json", **(headers or {})})


def zhuyu_with(script: Script, slept: list[float], **options) -> Zhuyu:
    return Zhuyu("http://zhuyu.test", "zk_secret", transport=httpx.MockTransport(script), sleep=slept.append,
                 **options)


def assess(zhuyu: Zhuyu):
    body = RegistrationAssessmentIn.from_dict({"level": 2, "assessed_on": "2026-11-30", "assessor": "王医生",
                                                 "reference": "A-1"})
    return zhuyu.call(post_assessments, elder_id=ELDER, body=body)


def created() -> httpx.Response:
    return httpx.Response(201, json=ASSESSMENT)


def test_every_request_carries_the_key_and_each_post_its_own_idempotency_key():
    script, slept = Script(created()), []
    zhuyu = zhuyu_with(script, slept)
    assess(zhuyu)
    assess(zhuyu)
    first, second = script.seen
    assert first.headers["X-API-Key"] == "zk_secret" and "Authorization" not in first.headers
    assert first.headers["Idempotency-Key"] and second.headers["Idempotency-Key"]
    assert first.headers["Idempotency-Key"] != second.headers["Idempotency-Key"], "a key never leaks into the next"


def test_a_chosen_idempotency_key_holds_inside_its_block_only():
    script, slept = Script(created()), []
    zhuyu = zhuyu_with(script, slept)
    with zhuyu.idempotency_key("order-42"):
        assess(zhuyu)
        assess(zhuyu)
    assess(zhuyu)
    keys = [request.headers["Idempotency-Key"] for request in script.seen]
    assert keys[:2] == ["order-42", "order-42"]
    assert keys[2] != "order-42"


def test_a_get_carries_no_idempotency_key():
    script = Script(httpx.Response(200, json={"items": [], "next_cursor": None}))
    zhuyu = zhuyu_with(script, [])
    assert list(iterate(get_elders, zhuyu.client)) == []
    assert "Idempotency-Key" not in script.seen[0].headers


def test_a_429_is_retried_after_the_seconds_it_names_with_the_same_key():
    script, slept = Script(problem(429, "RATE_LIMITED", {"Retry-After": "7"}), created()), []
    made = assess(zhuyu_with(script, slept))
    assert str(made.id) == ASSESSMENT["id"]
    assert slept == [7.0]
    assert len({request.headers["Idempotency-Key"] for request in script.seen}) == 1
    assert [request.content for request in script.seen][0] == script.seen[1].content


def test_a_503_with_a_date_then_a_bare_503_then_success():
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    script, slept = Script(problem(503, "SERVICE_UNAVAILABLE", {"Retry-After": later}),
                           problem(503, "SERVICE_UNAVAILABLE"), created()), []
    assess(zhuyu_with(script, slept, backoff=0.5))
    assert len(script.seen) == 3
    assert 25 <= slept[0] <= 30
    assert 0.5 <= slept[1] <= 1.5, "no Retry-After: the second wait backs off (0.5 s × 2, ±50 % jitter)"


def test_a_wait_is_capped_and_retries_end():
    script, slept = Script(problem(429, "RATE_LIMITED", {"Retry-After": "3600"})), []
    with pytest.raises(ApiError) as refused:
        assess(zhuyu_with(script, slept, max_retries=2, max_wait=120))
    assert refused.value.status == 429 and refused.value.code == "RATE_LIMITED"
    assert slept == [120, 120] and len(script.seen) == 3


def test_a_refusal_is_not_retried_and_names_its_code():
    script, slept = Script(problem(409, "IDEMPOTENCY_MISMATCH")), []
    with pytest.raises(ApiError) as refused:
        assess(zhuyu_with(script, slept))
    assert refused.value.code == "IDEMPOTENCY_MISMATCH" and slept == [] and len(script.seen) == 1


def test_a_dropped_connection_is_retried():
    script, slept = Script(httpx.ConnectError("reset"), created()), []
    assess(zhuyu_with(script, slept))
    assert len(script.seen) == 2 and len(slept) == 1
    assert script.seen[0].headers["Idempotency-Key"] == script.seen[1].headers["Idempotency-Key"]


def test_iterate_follows_the_cursor_to_the_end():
    elder = {"id": ELDER, "name": "张阿姨"}
    pages = {None: {"items": [elder, elder], "next_cursor": "c1"}, "c1": {"items": [elder], "next_cursor": None}}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params.get("cursor")])

    zhuyu = Zhuyu("http://zhuyu.test", "k", transport=httpx.MockTransport(answer))
    seen = list(iterate(get_elders, zhuyu.client, limit=2))
    assert len(seen) == 3


@pytest.mark.parametrize(("value", "seconds"), [("5", 5.0), ("0", 0.0), ("soon", None), (None, None)])
def test_retry_after_reads_seconds(value, seconds):
    assert retry_after(value) == seconds


def test_retry_after_reads_a_date():
    assert retry_after("Mon, 30 Nov 2026 12:00:10 GMT", now=datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
                       .timestamp()) == 10.0


BODY = json.dumps({"specversion": "1.0", "id": "e1", "type": "visits.visit.entry_denied", "source": "visits",
                   "data": {}}).encode()


def signed(secret: bytes, stamp: int, body: bytes = BODY) -> dict[str, str]:
    """The headers notify sends, computed here by hand from the guide's definition."""
    digest = hmac.new(secret, f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Zhuyu-Timestamp": str(stamp), "X-Zhuyu-Signature": f"sha256={digest}"}


def test_a_delivery_signed_over_its_timestamp_and_raw_body_verifies():
    stamp = 1_800_000_000
    headers = signed(b"whsec", stamp)
    lower = {name.lower(): value for name, value in headers.items()}
    assert verify_webhook("whsec", BODY, lower, now=stamp)["type"] == "visits.visit.entry_denied"
    with pytest.raises(InvalidSignature):
        verify_webhook("whsec", BODY.replace(b"e1", b"e2"), headers, now=stamp)
    with pytest.raises(InvalidSignature):
        verify_webhook("other", BODY, headers, now=stamp)
    with pytest.raises(InvalidSignature):
        verify_webhook("whsec", BODY, {}, now=stamp)
    with pytest.raises(InvalidSignature):  # the body alone signed: no timestamp bound to it
        verify_webhook("whsec", BODY, {"X-Zhuyu-Signature": "sha256=" + hmac.new(b"whsec", BODY,
                                                                                  hashlib.sha256).hexdigest()},
                       now=stamp)


def test_a_delivery_verifies_within_its_tolerance_only():
    stamp = 1_800_000_000
    headers = signed(b"whsec", stamp)
    assert verify_webhook("whsec", BODY, headers, now=stamp + 299)["id"] == "e1"
    with pytest.raises(InvalidSignature):
        verify_webhook("whsec", BODY, headers, now=stamp + 301)
    with pytest.raises(InvalidSignature):  # another time put on the same signature
        verify_webhook("whsec", BODY, headers | {"X-Zhuyu-Timestamp": str(stamp + 1)}, now=stamp)
