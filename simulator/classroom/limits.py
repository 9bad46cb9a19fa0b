"""Per-client rate limits, without a UI: a token bucket per key, in memory.

A key is whatever the server says a client is (its address, plus the student's name for
uploads). Each bucket holds ``burst`` requests and refills at ``rate`` per second; a
request that finds it empty is refused with the seconds to wait. Buckets left alone
for a while are dropped, so a scan of many addresses cannot grow memory without bound.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_KEYS = 10_000


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """``allow(key)`` -> seconds to wait (0.0 when the request may go ahead)."""

    def __init__(
        self, rate: float, burst: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}

    def allow(self, key: str) -> float:
        """Take one token from ``key``'s bucket; the wait in seconds if there is none."""
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= MAX_KEYS:
                self._prune(now)
            bucket = self._buckets[key] = _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate

    def _prune(self, now: float) -> None:
        full_after = self.burst / self.rate
        for key in [k for k, b in self._buckets.items() if now - b.stamp > full_after]:
            del self._buckets[key]
        if len(self._buckets) >= MAX_KEYS:  # still full: forget the oldest half
            for key in sorted(self._buckets, key=lambda k: self._buckets[k].stamp)[: MAX_KEYS // 2]:
                del self._buckets[key]
