"""Who hears that an analysis finished: the wake-up behind the API's long-poll.

The task announces each analysis it leaves ``done`` or ``failed``. In embedded mode (no
REDIS_URL) the task runs in the web process, so the announcement wakes the waiting requests
directly. In distributed mode the worker publishes the id on a Redis channel; each web process
keeps one subscriber thread that wakes its own waiting requests, so a waiting request costs a
thread and an Event, not a Redis connection or a database query in a loop.

Announcements are hints, never the truth: a woken request re-reads the row. A lost one (Redis
down) only means the request answers when its wait runs out, with the state it then reads.
"""

from __future__ import annotations

import logging
import os
import threading
import time

import redis
from redis.backoff import NoBackoff
from redis.connection import parse_url
from redis.retry import Retry

from worker.config import redis_url

log = logging.getLogger(__name__)


def channel(url: str) -> str:
    """One channel per Redis database: pub/sub ignores database numbers, and two deployments
    sharing a Redis server on different databases must not wake each other."""
    return f"sourcemark:finished:{parse_url(url).get('db', 0)}"


class Waiters:
    """The requests of this process waiting for analyses, by analysis id."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_id: dict[str, set[threading.Event]] = {}

    def add(self, analysis_id: str, event: threading.Event | None = None) -> threading.Event:
        """Wake ``event`` (a new one unless given: one event may wait for several analyses)
        when ``analysis_id`` is announced."""
        event = event or threading.Event()
        with self._lock:
            self._by_id.setdefault(analysis_id, set()).add(event)
        return event

    def remove(self, analysis_id: str, event: threading.Event) -> None:
        with self._lock:
            events = self._by_id.get(analysis_id)
            if events is not None:
                events.discard(event)
                if not events:
                    del self._by_id[analysis_id]

    def notify(self, analysis_id: str) -> None:
        with self._lock:
            events = list(self._by_id.get(analysis_id, ()))
        for event in events:
            event.set()

    def notify_all(self) -> None:
        """Wake everyone (the subscription broke: announcements may be lost from now on)."""
        with self._lock:
            events = [e for group in self._by_id.values() for e in group]
        for event in events:
            event.set()

    def count(self) -> int:
        with self._lock:
            return sum(len(group) for group in self._by_id.values())


waiters = Waiters()


# --- the worker's side ----------------------------------------------------------------------

_publisher: tuple[int, str, redis.Redis] | None = None
_publisher_lock = threading.Lock()


def worker_redis(url: str) -> redis.Redis:
    """This process's own client for the worker's small Redis calls (announcements, queue
    lengths): short timeouts, no retries."""
    global _publisher
    with _publisher_lock:
        # Per process: a Celery pool process is forked from the main one and must not share
        # its socket.
        if _publisher is None or _publisher[0] != os.getpid() or _publisher[1] != url:
            # No retries: with Redis down the worker should not linger over a hint.
            client = redis.Redis.from_url(
                url, socket_connect_timeout=1, socket_timeout=1, retry=Retry(NoBackoff(), 0)
            )
            _publisher = (os.getpid(), url, client)
        return _publisher[2]


def announce(analysis_id: str) -> None:
    """Call after committing an analysis as done or failed. Never raises: a lost announcement
    costs a waiting reader at most the rest of its wait, never the analysis."""
    waiters.notify(analysis_id)
    url = redis_url()
    if url is None:
        return
    try:
        worker_redis(url).publish(channel(url), analysis_id)
    except Exception as exc:  # noqa: BLE001 - redis raises many kinds when it is down
        log.warning("could not announce analysis %s finished: %s", analysis_id, exc)


# --- the web process's side -----------------------------------------------------------------


class Subscriber:
    """One thread per web process listening on the channel, feeding ``waiters``.

    ``ready`` is set only while the subscription is confirmed: a request that registered its
    waiter while ``ready`` is set hears every later announcement or is woken when the
    subscription breaks (``notify_all`` after clearing ``ready``), so no announcement slips
    between the request's re-read of the row and its wait.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.ready = threading.Event()
        self.pid = os.getpid()
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sourcemark-finished", daemon=True)
        self._thread.start()

    def alive(self) -> bool:
        return self.pid == os.getpid() and self._thread.is_alive()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        backoff = 0.2
        while not self._stop.is_set():
            try:
                self._listen()
                backoff = 0.2
            except Exception as exc:  # noqa: BLE001 - redis raises many kinds when it is down
                log.warning("analysis announcements unavailable: %s", exc)
            finally:
                self.ready.clear()
                waiters.notify_all()
            self._stop.wait(backoff)
            backoff = min(5.0, backoff * 2)

    def _listen(self) -> None:
        client = redis.Redis.from_url(
            self.url, socket_connect_timeout=2, socket_timeout=30, health_check_interval=10
        )
        pubsub = client.pubsub()
        try:
            pubsub.subscribe(channel(self.url))
            while not self._stop.is_set():
                message = pubsub.get_message(timeout=5.0)
                if message is None:
                    continue
                if message["type"] == "subscribe":
                    if self.ready.is_set():
                        # redis-py reconnected and subscribed again by itself: whatever was
                        # announced in between is lost, so the waiting requests look again.
                        waiters.notify_all()
                    self.ready.set()
                elif message["type"] == "message":
                    data = message["data"]
                    waiters.notify(data.decode() if isinstance(data, bytes) else str(data))
        finally:
            self.ready.clear()
            pubsub.close()
            client.close()


def distributed() -> bool:
    """Announcements come through Redis (REDIS_URL set), else only from this process."""
    return redis_url() is not None


_subscriber: Subscriber | None = None
_subscriber_lock = threading.Lock()


def listening(startup_wait: float = 1.0) -> bool:
    """True when this process will hear announcements: always in embedded mode; with Redis once
    the subscription is confirmed (started here on first use, after any fork)."""
    global _subscriber
    url = redis_url()
    if url is None:
        return True
    with _subscriber_lock:
        if _subscriber is None or not _subscriber.alive() or _subscriber.url != url:
            if _subscriber is not None:
                _subscriber.stop()
            _subscriber = Subscriber(url)
        subscriber = _subscriber
    if subscriber.ready.is_set():
        return True
    # Requests in the first moment of a process wait for the subscription; later ones, while
    # Redis is down, answer at once.
    left = startup_wait - (time.monotonic() - subscriber.started)
    return left > 0 and subscriber.ready.wait(left)
