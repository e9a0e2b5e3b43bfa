"""The thin hand-written layer over the generated Zhuyu client (`zhuyu_api`, regenerated
from the OpenAPI document by `make client`): what a generator does not give.

    from zhuyu_client import Zhuyu, iterate, verify_webhook
    from zhuyu_api.api.elders import get_elders, post_elders

    zhuyu = Zhuyu("https://zhuyu.city.example", api_key="zk_...")
    for elder in iterate(get_elders, zhuyu.client, service_point_id=point_id):
        ...
    created = zhuyu.call(post_elders, body=ElderIn(...))        # its own Idempotency-Key
    with zhuyu.idempotency_key("order-42"):                     # or one you keep to retry with
        created = zhuyu.call(post_elders, body=...)

- API-key auth: every request carries `X-API-Key`.
- Retries: 429 and 503 (and 502, 504, a dropped connection) are retried, waiting what
  `Retry-After` says (seconds or an HTTP date, at most `max_wait`), else backing off
  exponentially with jitter. A POST is retried only with its Idempotency-Key, which it always
  has: the retry cannot apply it twice.
- Idempotency-Key: a fresh one on every POST unless the caller sets one for a block
  (`idempotency_key`); it is set on that request only, so it never leaks into the next call.
- Cursor iteration: `iterate` follows `next_cursor` page after page.
- Webhooks: `verify_webhook` checks a delivery's signature on the raw body.

Only the standard library, httpx and the generated package are used.
"""
from __future__ import annotations

import contextlib
import contextvars
import email.utils
import hashlib
import hmac
import random
import time
import uuid
from typing import Any, Callable, Iterator

import httpx

from zhuyu_api import AuthenticatedClient
from zhuyu_api.models.problem import Problem
from zhuyu_api.types import UNSET, Response

__all__ = ["ApiError", "Zhuyu", "iterate", "verify_webhook", "InvalidSignature", "RETRIED_STATUSES"]

RETRIED_STATUSES = frozenset({429, 502, 503, 504})
_chosen_key: contextvars.ContextVar[str | None] = contextvars.ContextVar("zhuyu_idempotency_key", default=None)


class ApiError(Exception):
    """A problem+json answer: `status`, the stable `code` to act on, `detail` for people,
    `errors` by field (422), and the whole `problem`."""

    def __init__(self, status: int, problem: dict):
        self.status = status
        self.problem = problem
        self.code = problem.get("code", "ERROR")
        self.detail = problem.get("detail", "")
        self.errors = problem.get("errors") or {}
        super().__init__(f"{status} {self.code}: {self.detail}")


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a `Retry-After` header asks for (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class RetryingTransport(httpx.BaseTransport):
    """Adds the Idempotency-Key to each POST and retries what may be retried."""

    def __init__(self, inner: httpx.BaseTransport, max_retries: int, max_wait: float, backoff: float,
                 sleep: Callable[[float], None]):
        self.inner = inner
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.backoff = backoff
        self.sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and "Idempotency-Key" not in request.headers:
            request.headers["Idempotency-Key"] = _chosen_key.get() or str(uuid.uuid4())
        body = request.read()
        for attempt in range(self.max_retries + 1):
            last = attempt == self.max_retries
            try:
                response = self.inner.handle_request(request)
            except (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout):
                if last:
                    raise
                self.sleep(self._backoff(attempt))
                request = httpx.Request(request.method, request.url, headers=request.headers, content=body)
                continue
            if response.status_code not in RETRIED_STATUSES or last:
                return response
            wait = retry_after(response.headers.get("Retry-After"))
            response.read()
            response.close()
            self.sleep(min(self.max_wait, wait if wait is not None else self._backoff(attempt)))
            request = httpx.Request(request.method, request.url, headers=request.headers, content=body)
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        return min(self.max_wait, self.backoff * (2 ** attempt) * (0.5 + random.random()))

    def close(self) -> None:
        self.inner.close()


class Zhuyu:
    """A partner's connection: the generated client (`client`) with the key, retries and
    idempotency of this module."""

    def __init__(self, base_url: str, api_key: str, *, timeout: float = 10.0, max_retries: int = 4,
                 max_wait: float = 120.0, backoff: float = 0.5, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None):
        retrying = RetryingTransport(transport or httpx.HTTPTransport(), max_retries, max_wait, backoff, sleep)
        self.client = AuthenticatedClient(base_url=base_url.rstrip("/"), token=api_key, prefix="",
                                          auth_header_name="X-API-Key", timeout=httpx.Timeout(timeout),
                                          httpx_args={"transport": retrying})

    @contextlib.contextmanager
    def idempotency_key(self, key: str) -> Iterator[str]:
        """POSTs inside the block carry `key` (to retry one request yourself later); outside
        it every POST gets a fresh one again."""
        token = _chosen_key.set(key)
        try:
            yield key
        finally:
            _chosen_key.reset(token)

    def call(self, operation: Any, **kwargs: Any) -> Any:
        """`operation` (a generated module, e.g. `post_elders`) called with this client; its
        parsed answer, or `ApiError` for a problem."""
        return result(operation.sync_detailed(client=self.client, **kwargs))

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def __enter__(self) -> Zhuyu:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def result(response: Response) -> Any:
    """The parsed answer of a generated call's `sync_detailed`, or `ApiError`."""
    status = int(response.status_code)
    if status >= 400 or isinstance(response.parsed, Problem):
        import json

        try:
            problem = json.loads(response.content)
        except ValueError:
            problem = {"code": "ERROR", "detail": response.content[:200].decode(errors="replace")}
        raise ApiError(status, problem if isinstance(problem, dict) else {"code": "ERROR"})
    return response.parsed


def iterate(operation: Any, client: AuthenticatedClient, **kwargs: Any) -> Iterator[Any]:
    """Every item of a listing (`get_elders`, `get_notifications`, ...), page after page by
    `next_cursor`."""
    cursor: Any = UNSET
    while True:
        page = result(operation.sync_detailed(client=client, cursor=cursor, **kwargs))
        yield from page.items
        cursor = page.next_cursor
        if not cursor:
            return


class InvalidSignature(Exception):
    pass


def verify_webhook(secret: str | bytes, body: bytes, headers: dict[str, str] | Any, *, tolerance: float = 300.0,
                   now: float | None = None) -> dict:
    """The CloudEvent of a webhook delivery, once its signature is checked on the raw body;
    `InvalidSignature` otherwise. `X-Zhuyu-Timestamp` is the delivery's time (Unix seconds)
    and `X-Zhuyu-Signature` is `sha256=<hex HMAC-SHA256(secret, "<timestamp>." + body)>`; a
    timestamp more than `tolerance` seconds away is refused too (a captured delivery
    replayed later)."""
    import json

    key = secret.encode() if isinstance(secret, str) else secret
    value = _header(headers, "X-Zhuyu-Signature")
    stamp = _header(headers, "X-Zhuyu-Timestamp")
    if not value:
        raise InvalidSignature("no X-Zhuyu-Signature header")
    if not stamp or not stamp.strip().isdigit():
        raise InvalidSignature("no X-Zhuyu-Timestamp header of Unix seconds")
    stamp = stamp.strip()
    if abs((time.time() if now is None else now) - int(stamp)) > tolerance:
        raise InvalidSignature("the delivery's timestamp is outside the tolerance (a replay?)")
    expected = "sha256=" + hmac.new(key, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, value.strip()):
        raise InvalidSignature("the signature does not match the timestamp and body")
    event = json.loads(body)
    if not isinstance(event, dict) or "type" not in event or "id" not in event:
        raise InvalidSignature("the body is not a CloudEvent")
    return event


def _header(headers: Any, name: str) -> str | None:
    if hasattr(headers, "get"):
        found = headers.get(name)
        if found is not None:
            return found
        lowered = {str(k).lower(): v for k, v in dict(headers).items()}
        return lowered.get(name.lower())
    return None
