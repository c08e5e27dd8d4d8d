"""Per-token rate limits for the API: a fixed-window counter in Redis, or in memory.

With REDIS_URL set, every web process counts in the same Redis key, so the limit holds for the
whole deployment. Without it (embedded mode: one process) a counter in process memory does the
same job. If Redis stops answering, requests are not refused for that: the limiter falls back to
its in-memory counter for a few seconds and tries Redis again, so an outage of the queue never
turns into an outage of the API.

The key is the SHA-256 of the bearer token (the same hash the store keeps), checked before the
token is looked up: a throttled client costs one Redis round trip, not a database query. A
generous limit is reserved from Redis in blocks of counts that the process hands out itself,
and the per-address count of invalid tokens is looked at once a second per process, so a
request under the default limit usually costs no Redis round trip at all (``Limiter``).
Requests without a token are counted per client address.

Configuration: ``SOURCEMARK_RATE_LIMIT`` = ``"<count>/<second|minute|hour|day>"`` (``"off"`` or
``"0"`` disables). The default is deliberately generous (100,000 a minute per token): a
deployment sets its own; the default only stops a client gone completely wild, and never a
newsroom sharing one token or the load benchmark's cached path.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol

from flask import Flask, Response, current_app, g, request

from server.errors import ApiError

log = logging.getLogger(__name__)

DEFAULT_LIMIT = "100000/minute"
# Invalid tokens per client address: each random token would otherwise get a budget of its own.
DEFAULT_FAILURE_LIMIT = "60/minute"
_PERIODS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}
# After Redis fails, count in memory this long before trying it again.
REDIS_RETRY_SECONDS = 2.0
KEY_PREFIX = "sourcemark:rl:"
# How long a process trusts a peek at a shared (Redis) counter: the check of invalid tokens per
# address runs on every API request, and would otherwise cost each one a Redis round trip.
PEEK_SECONDS = 1.0


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds

    def __str__(self) -> str:
        return f"{self.limit}/{self.period}s"


def parse_rate(text: str) -> Rate | None:
    """``"120/minute"`` -> Rate(120, 60); ``"off"``/``"0"`` -> None; anything else: ValueError."""
    raw = text.strip().lower()
    if raw in ("", "off", "none", "0", "unlimited"):
        return None
    count, sep, unit = raw.partition("/")
    unit = unit.strip()
    number = ""
    # "100/5minutes" and "100/5 min" mean a five-minute window.
    while unit and unit[0].isdigit():
        number, unit = number + unit[0], unit[1:]
    unit = unit.strip()
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in _PERIODS else unit
    if not sep or unit not in _PERIODS or not count.strip().isdigit():
        raise ValueError(
            f"SOURCEMARK_RATE_LIMIT={text!r} is not a rate; write e.g. '120/minute', "
            "'10/second', '5000/hour' or 'off'."
        )
    limit = int(count)
    if limit <= 0:
        return None
    return Rate(limit, _PERIODS[unit] * (int(number) if number else 1))


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    remaining: int
    retry_after: int  # seconds until the window resets


class Counter(Protocol):
    def hit(self, key: str, rate: Rate, now: float, amount: int = 1) -> int:
        """Count ``amount`` requests for ``key`` in the current window; return the window's
        count."""

    def peek(self, key: str, rate: Rate, now: float) -> int:
        """The current window's count for ``key``, without counting."""


class MemoryCounter:
    """Fixed windows in a dict; one process's view (embedded mode, or while Redis is down)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], int] = {}
        self._lock = threading.Lock()
        self._last_purge = 0

    def hit(self, key: str, rate: Rate, now: float, amount: int = 1) -> int:
        window = int(now // rate.period)
        with self._lock:
            if window != self._last_purge:
                # Old windows are dead weight; drop them once per window change.
                self._counts = {k: v for k, v in self._counts.items() if k[1] >= window}
                self._last_purge = window
            count = self._counts.get((key, window), 0) + amount
            self._counts[(key, window)] = count
            return count

    def peek(self, key: str, rate: Rate, now: float) -> int:
        return self._counts.get((key, int(now // rate.period)), 0)


class RedisCounter:
    """Fixed windows as Redis keys (INCR + EXPIRE in one round trip), shared by all processes."""

    def __init__(self, url: str) -> None:
        import redis

        self._client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)

    def hit(self, key: str, rate: Rate, now: float, amount: int = 1) -> int:
        window = int(now // rate.period)
        name = f"{KEY_PREFIX}{key}:{rate.period}:{window}"
        pipe = self._client.pipeline(transaction=False)
        pipe.incrby(name, amount)
        pipe.expire(name, rate.period + 1)
        count, _ = pipe.execute()
        return int(count)

    def peek(self, key: str, rate: Rate, now: float) -> int:
        value = self._client.get(f"{KEY_PREFIX}{key}:{rate.period}:{int(now // rate.period)}")
        return int(value or 0)


class Limiter:
    """Decides whether one more request under ``key`` fits ``rate``."""

    def __init__(self, rate: Rate | None, redis_url: str | None) -> None:
        self.rate = rate
        self.memory = MemoryCounter()
        self.redis: Counter | None = RedisCounter(redis_url) if redis_url and rate else None
        self._redis_down_until = 0.0
        # Counted in Redis, a generous limit is taken in blocks of counts (a thousandth of the
        # limit, at most 100): the process hands them out itself, one Redis round trip per
        # block instead of one per request. Every count is still given out once in the whole
        # deployment, so no more than ``limit`` requests pass in a window; counts a process
        # reserved and did not use by the window's end are lost (at most one block per
        # process). Small limits (under 2,000 a window) are counted one by one, as before.
        self.block = min(100, rate.limit // 1000) if rate else 1
        self._blocks: dict[str, tuple[int, int, int]] = {}  # key -> (window, next, last)
        self._blocks_lock = threading.Lock()
        # Peeks answered from this process for up to PEEK_SECONDS (Redis only).
        self._peeks: dict[str, tuple[float, Verdict]] = {}

    def check(self, key: str, now: float | None = None) -> Verdict:
        rate = self.rate
        if rate is None:
            return Verdict(True, -1, 0)
        now = time.time() if now is None else now
        count = self._hit(key, rate, now)
        reset = math.ceil((math.floor(now / rate.period) + 1) * rate.period - now)
        return Verdict(count <= rate.limit, max(0, rate.limit - count), max(1, reset))

    def peek(self, key: str, now: float | None = None) -> Verdict:
        """Whether one more request under ``key`` would fit, without counting it."""
        rate = self.rate
        if rate is None:
            return Verdict(True, -1, 0)
        now = time.time() if now is None else now
        count = self._count(key, rate, now, "peek")
        reset = math.ceil((math.floor(now / rate.period) + 1) * rate.period - now)
        return Verdict(count < rate.limit, max(0, rate.limit - count), max(1, reset))

    def peek_recent(self, key: str) -> Verdict:
        """``peek``, trusting an answer this process got within ``PEEK_SECONDS`` (with Redis;
        in memory every peek is exact and cheap). A verdict that blocks is taken at once from
        this process's own ``check`` of the key, so a client that goes over the limit here is
        refused here from its next request; other processes learn of it within the interval."""
        if self.redis is None or self.rate is None:
            return self.peek(key)
        now = time.monotonic()
        seen = self._peeks.get(key)
        if seen is not None and seen[0] > now:
            return seen[1]
        verdict = self.peek(key)
        self._remember_peek(key, verdict, now)
        return verdict

    def _remember_peek(self, key: str, verdict: Verdict, now: float) -> None:
        if len(self._peeks) > 10_000:
            self._peeks = {k: v for k, v in self._peeks.items() if v[0] > now}
        keep = PEEK_SECONDS if verdict.allowed else max(PEEK_SECONDS, verdict.retry_after)
        self._peeks[key] = (now + keep, verdict)

    def _hit(self, key: str, rate: Rate, now: float) -> int:
        if self.block <= 1 or self.redis is None or time.monotonic() < self._redis_down_until:
            count = self._count(key, rate, now, "hit")
        else:
            count = self._hit_from_block(key, rate, now)
        if self.redis is not None and key in self._peeks:
            # What a peek would now answer: blocked once the limit is used up.
            reset = math.ceil((math.floor(now / rate.period) + 1) * rate.period - now)
            peeked = Verdict(count < rate.limit, max(0, rate.limit - count), max(1, reset))
            self._remember_peek(key, peeked, time.monotonic())
        return count

    def _hit_from_block(self, key: str, rate: Rate, now: float) -> int:
        window = int(now // rate.period)
        with self._blocks_lock:
            held = self._blocks.get(key)
            if held is not None and held[0] == window and held[1] <= held[2]:
                self._blocks[key] = (window, held[1] + 1, held[2])
                return held[1]
        try:
            last = self.redis.hit(key, rate, now, self.block)
        except Exception as exc:  # noqa: BLE001 - redis-py raises several kinds when down
            log.warning("rate limiter: Redis unavailable (%s); counting in memory", exc)
            self._redis_down_until = time.monotonic() + REDIS_RETRY_SECONDS
            return self.memory.hit(key, rate, now)
        first = last - self.block + 1
        with self._blocks_lock:
            if len(self._blocks) > 10_000:
                self._blocks = {k: v for k, v in self._blocks.items() if v[0] == window}
            self._blocks[key] = (window, first + 1, last)
        return first

    def _count(self, key: str, rate: Rate, now: float, how: str) -> int:
        if self.redis is not None and time.monotonic() >= self._redis_down_until:
            try:
                return getattr(self.redis, how)(key, rate, now)
            except Exception as exc:  # noqa: BLE001 - redis-py raises several kinds when down
                log.warning("rate limiter: Redis unavailable (%s); counting in memory", exc)
                self._redis_down_until = time.monotonic() + REDIS_RETRY_SECONDS
        return getattr(self.memory, how)(key, rate, now)


def client_key() -> str:
    """The bearer token's hash, else the client address."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() == "bearer" and token:
        return "t:" + hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()
    return "ip:" + (request.remote_addr or "unknown")


def _address_key() -> str:
    return "authfail:" + (request.remote_addr or "unknown")


def note_auth_failure() -> None:
    """Count an invalid token against the client's address (see ``DEFAULT_FAILURE_LIMIT``)."""
    failures: Limiter | None = current_app.extensions.get("sourcemark_authfail")
    if failures is not None:
        failures.check(_address_key())


def init_app(app: Flask) -> None:
    """Limit every ``/api/`` request; the setting comes from config or the environment."""
    setting = (
        app.config.get("RATE_LIMIT") or os.environ.get("SOURCEMARK_RATE_LIMIT") or DEFAULT_LIMIT
    )
    limiter = Limiter(parse_rate(setting), app.config.get("REDIS_URL"))
    app.extensions["sourcemark_ratelimit"] = limiter
    failure_setting = (
        app.config.get("AUTH_FAILURE_LIMIT")
        or os.environ.get("SOURCEMARK_AUTH_FAILURE_LIMIT")
        or DEFAULT_FAILURE_LIMIT
    )
    failures = Limiter(parse_rate(failure_setting), app.config.get("REDIS_URL"))
    app.extensions["sourcemark_authfail"] = failures

    @app.before_request
    def _limit() -> None:
        if not request.path.startswith("/api/"):
            return
        blocked = failures.peek_recent(_address_key())
        if not blocked.allowed:
            raise ApiError(
                429,
                "Too many requests with invalid API tokens from this address. Try again in "
                f"{blocked.retry_after} s.",
                "rate_limited",
                {"Retry-After": str(blocked.retry_after)},
            )
        if limiter.rate is None:
            return
        verdict = limiter.check(client_key())
        g.rate_verdict = verdict
        if not verdict.allowed:
            raise ApiError(
                429,
                f"Too many requests with this token: the limit is {limiter.rate.limit} per "
                f"{_period_words(limiter.rate.period)}. Try again in {verdict.retry_after} s.",
                "rate_limited",
                {"Retry-After": str(verdict.retry_after)},
            )

    @app.after_request
    def _headers(response: Response) -> Response:
        verdict: Verdict | None = g.get("rate_verdict")
        if verdict is not None and limiter.rate is not None:
            response.headers["RateLimit-Limit"] = str(limiter.rate.limit)
            response.headers["RateLimit-Remaining"] = str(verdict.remaining)
            response.headers["RateLimit-Reset"] = str(verdict.retry_after)
        return response


def _period_words(seconds: int) -> str:
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            count = seconds // size
            return unit if count == 1 else f"{count} {unit}s"
    return "second" if seconds == 1 else f"{seconds} seconds"


def limiter_of(app: Any = None) -> Limiter:
    """The app's limiter (tests use it to look at the configured rate)."""
    return (app or current_app).extensions["sourcemark_ratelimit"]
