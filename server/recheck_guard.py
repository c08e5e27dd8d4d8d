"""At most one re-check per URL and window, however many readers click.

Distributed: a Redis key set with NX and an expiry of one window, shared by every web process;
the process also remembers a taken slot until its window ends, so a burst of clicks costs Redis one
round trip per process per window. Embedded (no Redis, one process): the same in memory. If
Redis cannot be reached, each process keeps its own slots (a re-check per process and window
at worst) rather than re-checking on every click.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

KEY_PREFIX = "sourcemark:recheck:"
REDIS_RETRY_SECONDS = 5.0


class LocalSlots:
    """Slots in this process: URL key -> when its window ends."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def take(self, key: str, seconds: float) -> bool:
        now = self._clock()
        with self._lock:
            if len(self._until) > 10_000:
                self._until = {k: v for k, v in self._until.items() if v > now}
            if self._until.get(key, 0.0) > now:
                return False
            self._until[key] = now + seconds
            return True

    def taken(self, key: str) -> bool:
        return self._until.get(key, 0.0) > self._clock()

    def hold(self, key: str, seconds: float) -> None:
        with self._lock:
            self._until[key] = max(self._until.get(key, 0.0), self._clock() + seconds)

    def release(self, key: str) -> None:
        with self._lock:
            self._until.pop(key, None)


class RecheckGuard:
    def __init__(self, redis_url: str | None) -> None:
        self._local = LocalSlots()
        self._memo = LocalSlots()
        self._client = None
        self._down_until = 0.0
        if redis_url:
            import redis

            self._client = redis.Redis.from_url(
                redis_url, socket_timeout=0.5, socket_connect_timeout=0.5
            )

    def take(self, scope: str, url: str, window: float) -> bool:
        """True for the one caller per URL and window that schedules the re-check."""
        key = _key(scope, url)
        if self._client is None or time.monotonic() < self._down_until:
            return self._local.take(key, window)
        if self._memo.taken(key):
            return False
        try:
            pipe = self._client.pipeline(transaction=False)
            pipe.set(key, b"1", nx=True, ex=max(1, int(window)))
            pipe.pttl(key)
            won, left_ms = pipe.execute()
        except Exception as exc:  # noqa: BLE001 - redis-py raises several kinds when down
            log.warning("re-check guard falls back to this process: %s", exc)
            self._down_until = time.monotonic() + REDIS_RETRY_SECONDS
            return self._local.take(key, window)
        # The slot is taken for the rest of its window: no need to ask Redis again until then.
        self._memo.hold(key, max(0.0, min(float(left_ms or 0) / 1000, window)))
        return bool(won)

    def decided(self, scope: str, url: str) -> bool:
        """True when this process knows the URL's re-check for this window is taken already."""
        key = _key(scope, url)
        if self._client is None or time.monotonic() < self._down_until:
            return self._local.taken(key)
        return self._memo.taken(key)

    def give_back(self, scope: str, url: str) -> None:
        """The slot's holder scheduled nothing (its page was refused): the next click may."""
        key = _key(scope, url)
        self._local.release(key)
        self._memo.release(key)
        if self._client is not None:
            try:
                self._client.delete(key)
            except Exception as exc:  # noqa: BLE001 - the key expires by itself
                log.warning("could not free the re-check slot: %s", exc)


def _key(scope: str, url: str) -> str:
    return KEY_PREFIX + hashlib.sha256(f"{scope}|{url}".encode("utf-8", "replace")).hexdigest()


_guards: dict[str | None, RecheckGuard] = {}
_guards_lock = threading.Lock()


def guard_for(redis_url: str | None) -> RecheckGuard:
    with _guards_lock:
        if redis_url not in _guards:
            _guards[redis_url] = RecheckGuard(redis_url)
        return _guards[redis_url]
