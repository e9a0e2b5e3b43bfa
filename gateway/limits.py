"""Rate limits per user, per API key and per client address, on the `limits` library's
fixed window, counted in Redis (`ZHUYU_RATE_LIMIT_STORAGE_URI`, default the local one) so
that every worker and replica shares one count: a key limited to N a minute gets at most
N, however many gateways answer it. `memory://` keeps counts inside one process and is
only for a single-process gateway.

When Redis cannot be reached, requests are let through (fail open), with a warning in the
log and `zhuyu_rate_limit_store_errors_total` counting; the store is tried again a few
seconds later. A Redis outage must not become an outage of the whole API, and what the
limits protect against most (password guessing) is also held by the login throttle in
the gateway's own database.
"""
from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from functools import lru_cache

from limits import parse, storage, strategies
from limits.errors import StorageError

from kit import metrics

log = logging.getLogger("gateway.limits")
RETRY_STORE_AFTER_SECONDS = 5.0


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the window ends

    def headers(self) -> list[tuple[str, str]]:
        """The IETF draft's RateLimit fields."""
        return [("RateLimit-Limit", str(self.limit)), ("RateLimit-Remaining", str(self.remaining)),
                ("RateLimit-Reset", str(self.reset))]


class RateLimits:
    def __init__(self, storage_uri: str, key_prefix: str = "zhuyu"):
        options: dict = {"wrap_exceptions": True}
        if storage_uri.startswith(("redis", "rediss")):
            options.update(key_prefix=key_prefix, socket_timeout=0.5, socket_connect_timeout=0.5,
                           health_check_interval=30)
        self.storage = storage.storage_from_string(storage_uri, **options)
        self.limiter = strategies.FixedWindowRateLimiter(self.storage)
        self._window_ends: dict[str, float] = {}  # key → end of its current window, as last seen
        self._store_down_until = 0.0
        self._errors = metrics.instruments().rate_limit_store_errors

    @staticmethod
    @lru_cache(maxsize=256)
    def _parsed(text: str):
        return parse(text)

    def hit(self, key: str, limit: str) -> Decision | None:
        """Counts one request; None when the store cannot be reached (let it through)."""
        if time.monotonic() < self._store_down_until:
            self._errors.inc()
            return None
        item = self._parsed(limit)
        window = item.key_for(key)
        try:
            count = self.storage.incr(window, item.get_expiry())
            now = time.time()
            end = self._window_ends.get(window)
            if count == 1 or end is None or end <= now:  # a new window, or one another worker began
                end = now + item.get_expiry() if count == 1 else self.storage.get_expiry(window)
                if len(self._window_ends) > 50_000:
                    self._window_ends.clear()
                self._window_ends[window] = end
        except StorageError as error:
            self._store_down_until = time.monotonic() + RETRY_STORE_AFTER_SECONDS
            self._errors.inc()
            log.warning("rate-limit store unreachable: requests are let through unlimited",
                        extra={"error": repr(error.storage_error)[:300]})
            return None
        return Decision(count <= item.amount, item.amount, max(0, item.amount - count), max(1, math.ceil(end - now)))
