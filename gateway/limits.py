"""Rate limits per user, per API key and per client address, on the `limits` library
(in memory by default; `ZHUYU_RATE_LIMIT_STORAGE_URI` names a shared store for replicas)."""
from __future__ import annotations

import time
from functools import lru_cache

from limits import parse, storage, strategies


class RateLimits:
    def __init__(self, storage_uri: str):
        self.limiter = strategies.FixedWindowRateLimiter(storage.storage_from_string(storage_uri))

    @staticmethod
    @lru_cache(maxsize=256)
    def _parsed(text: str):
        return parse(text)

    def hit(self, key: str, limit: str) -> int | None:
        """None when allowed; else the seconds until the window resets (for Retry-After)."""
        item = self._parsed(limit)
        if self.limiter.hit(item, key):
            return None
        reset = self.limiter.get_window_stats(item, key).reset_time
        return max(1, int(reset - time.time()) + 1)
