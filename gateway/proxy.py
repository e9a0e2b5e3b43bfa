"""Forwarding to the services over pooled keep-alive connections.

One urllib3 pool per upstream, made once per worker; a request costs a pooled socket
write and read, no set-up. Connect and read timeouts are short so that a service that is
down answers 503 quickly instead of hanging the caller.
"""
from __future__ import annotations

import time
from urllib.parse import urlsplit

import urllib3

# Response headers passed back; hop-by-hop ones and the server's identity are dropped.
DROP_RESPONSE = {"connection", "keep-alive", "transfer-encoding", "server", "date", "content-length"}


class UpstreamUnavailable(Exception):
    """No answer from a service. `sent` says whether the request may have reached it (a
    read timeout or a connection lost after sending): then it may have been carried out."""

    def __init__(self, service: str, reason: str, sent: bool = False):
        super().__init__(f"{service}: {reason}")
        self.service = service
        self.sent = sent


# Failures that happen before a request leaves: the service cannot have acted on it.
_NOT_SENT = (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError,
             ConnectionRefusedError)


def _reached(exc: BaseException) -> bool:
    reason = exc.reason if isinstance(exc, urllib3.exceptions.MaxRetryError) else exc
    return not isinstance(reason, _NOT_SENT)


class Breaker:
    """Gives an upstream up for `cool_down` seconds when it looks down, so that callers get
    their 503 at once instead of each waiting for a timeout; the first call after the
    cool-down goes through as a probe.

    An upstream looks down after `threshold` failures in a row to reach it (refused or
    timed-out connections), or when requests that reached it failed (no answer in time, a
    dropped connection) for `threshold` different callers. A request that reached the
    service and failed may be that request's own doing (a value that makes the service drop
    the connection), so it counts once per caller: one caller can never open the breaker
    for everyone."""

    def __init__(self, threshold: int, cool_down: float):
        self.threshold = threshold
        self.cool_down = cool_down
        self.failures = 0  # failures to reach the upstream, in a row
        self.callers: set[str | None] = set()  # callers whose requests reached it and failed
        self.open_until = 0.0

    def allows(self) -> bool:
        return time.monotonic() >= self.open_until

    def succeeded(self) -> None:
        self.failures = 0
        self.callers.clear()

    def failed(self, caller: str | None = None, reached: bool = False) -> None:
        if reached:
            self.callers.add(caller)
        else:
            self.failures += 1
        if self.failures >= self.threshold or len(self.callers) >= self.threshold:
            self.open_until = time.monotonic() + self.cool_down
            self.failures = 0
            self.callers.clear()


class Upstreams:
    def __init__(self, urls: dict[str, str], connect_timeout: float, read_timeout: float, pool_size: int,
                 breaker_threshold: int = 5, breaker_cool_down: float = 5.0):
        self.timeout = urllib3.Timeout(connect=connect_timeout, read=read_timeout)
        # One more try when the connection could not be made, or (idempotent methods
        # only, urllib3's default) when it broke before an answer; never for a POST.
        self.retries = urllib3.Retry(total=1, connect=1, read=1, status=0, redirect=0, raise_on_status=False)
        self.pools: dict[str, urllib3.HTTPConnectionPool] = {}
        self.breakers = {name: Breaker(breaker_threshold, breaker_cool_down) for name in urls}
        for name, url in urls.items():
            parts = urlsplit(url)
            self.pools[name] = urllib3.HTTPConnectionPool(
                parts.hostname, parts.port or 80, maxsize=pool_size, block=False, timeout=self.timeout, retries=self.retries,
            )

    def request(self, service: str, method: str, path: str, body: bytes | None, headers: dict[str, str],
                timeout: urllib3.Timeout | None = None, caller: str | None = None) -> urllib3.BaseHTTPResponse:
        """The upstream's answer; `caller` (a user, key or client address) tells the breaker
        whose request failed."""
        breaker = self.breakers[service]
        if not breaker.allows():
            raise UpstreamUnavailable(service, "circuit open")
        try:
            response = self.pools[service].urlopen(
                method, path, body=body, headers=headers, retries=self.retries, redirect=False,
                timeout=timeout or self.timeout, preload_content=True, assert_same_host=False,
            )
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            reached = _reached(exc)
            breaker.failed(caller, reached)
            raise UpstreamUnavailable(service, type(exc).__name__, sent=reached) from None
        breaker.succeeded()
        return response
