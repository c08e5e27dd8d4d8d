"""``GET /api/v1/analyses/<id>?wait=N``: answer when the analysis finishes, or after N seconds.

A waiting request holds one of gunicorn's threads (gthread, 8 per process), so waits are
bounded three ways: N is capped (``SOURCEMARK_WAIT_MAX_SECONDS``), and so are the requests
waiting at once in a process (``SOURCEMARK_WAIT_PER_PROCESS``) and per token within a process
(``SOURCEMARK_WAIT_PER_TOKEN``). Over a cap, or when this process cannot hear announcements
(Redis down), the request is answered at once with the current state — not an error — and the
``Sourcemark-Wait: 0`` header tells the client to poll instead.
"""

from __future__ import annotations

import contextlib
import math
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable

from flask import Flask, current_app
from werkzeug.datastructures import MultiDict

from server.errors import ApiError
from worker.tasks import completion
from worker.vocabulary import AnalysisStatus

HEADER = "Sourcemark-Wait"
FINAL = (AnalysisStatus.DONE, AnalysisStatus.FAILED)
EMBEDDED_RECHECK_SECONDS = 2.0
_NUMBER = re.compile(r"[0-9.eE+]{1,24}")


def requested_wait(args: MultiDict) -> float | None:
    """The ``wait`` query parameter in seconds, capped; None when the client did not ask."""
    values = args.getlist("wait")
    if not values:
        return None
    seconds = math.nan
    if len(values) == 1 and _NUMBER.fullmatch(values[0]):
        with contextlib.suppress(ValueError):
            seconds = float(values[0])
    if not (math.isfinite(seconds) and seconds >= 0):
        raise ApiError(
            400,
            "'wait' must be a number of seconds, 0 or more (e.g. wait=20), given "
            f"once; the server waits at most {max_wait():g} s.",
            "bad_wait",
        )
    return min(seconds, max_wait())


def max_wait() -> float:
    return float(current_app.config["WAIT_MAX_SECONDS"])


class Slots:
    """Counts of waiting requests in this process, in all and per token."""

    def __init__(self, per_process: int, per_token: int) -> None:
        self.per_process = per_process
        self.per_token = per_token
        self._lock = threading.Lock()
        self._total = 0
        self._by_key: Counter[Hashable] = Counter()

    def acquire(self, key: Hashable) -> bool:
        with self._lock:
            if self._total >= self.per_process or self._by_key[key] >= self.per_token:
                return False
            self._total += 1
            self._by_key[key] += 1
            return True

    def release(self, key: Hashable) -> None:
        with self._lock:
            self._total -= 1
            self._by_key[key] -= 1
            if self._by_key[key] <= 0:
                del self._by_key[key]


def init_app(app: Flask) -> None:
    app.extensions["sourcemark.wait_slots"] = Slots(
        app.config["WAIT_PER_PROCESS"], app.config["WAIT_PER_TOKEN"]
    )


def wait_for_finish(
    analysis_id: str,
    status: str,
    seconds: float,
    key: Hashable,
    reread: Callable[[], str],
    idle: Callable[[], None],
) -> float:
    """Wait until the analysis is done or failed, at most ``seconds``; returns the seconds this
    request was allowed to wait (0: it was not, the client should poll).

    ``reread`` reads the status again from the store; ``idle`` gives the database connection
    back to the pool while the request waits. The waiter is registered before the re-read, so
    an announcement made after the re-read is never missed.
    """
    if status in FINAL:
        return seconds
    if seconds <= 0:
        return 0.0
    slots: Slots = current_app.extensions["sourcemark.wait_slots"]
    if not slots.acquire(key):
        return 0.0
    event = completion.waiters.add(analysis_id)
    try:
        if not completion.listening():
            return 0.0
        if reread() in FINAL:
            return seconds
        idle()
        if completion.distributed():
            event.wait(seconds)
            return seconds
        # Embedded: the task announces in its own process only. Behind several gunicorn
        # processes without Redis (not what `sourcemark serve` runs, but possible) the task may
        # run in another one, so look at the row now and then as well.
        deadline = time.monotonic() + seconds
        while not event.wait(min(EMBEDDED_RECHECK_SECONDS, max(0.0, deadline - time.monotonic()))):
            if time.monotonic() >= deadline or reread() in FINAL:
                break
            idle()
        return seconds
    finally:
        completion.waiters.remove(analysis_id, event)
        slots.release(key)


def wait_for_change(
    watch: Callable[[], tuple[bool, tuple[str, ...]]],
    seconds: float,
    key: Hashable,
    idle: Callable[[], None],
) -> float:
    """Wait until ``watch()`` says settled, at most ``seconds``; returns the seconds this request
    was allowed to wait (0: it was not, the client should poll).

    ``watch`` reads the store and returns (settled, the analyses whose announcement may change
    its answer). Whenever it names an analysis not yet listened for, the waiter is registered
    and the store read once more before waiting, so no announcement falls between the two; an
    announcement during a read stays in the event and ends the next wait at once.
    """
    if seconds <= 0:
        return 0.0
    slots: Slots = current_app.extensions["sourcemark.wait_slots"]
    if not slots.acquire(key):
        return 0.0
    event = threading.Event()
    watched: set[str] = set()
    try:
        if not completion.listening():
            return 0.0
        deadline = time.monotonic() + seconds
        while True:
            settled, ids = watch()
            left = deadline - time.monotonic()
            if settled or left <= 0:
                return seconds
            new = set(ids) - watched
            for analysis_id in new:
                completion.waiters.add(analysis_id, event)
            watched |= new
            if new:
                continue
            idle()
            if not completion.distributed():
                # Embedded: as in wait_for_finish, look at the store now and then as well.
                left = min(left, EMBEDDED_RECHECK_SECONDS)
            event.wait(left)
            event.clear()
    finally:
        for analysis_id in watched:
            completion.waiters.remove(analysis_id, event)
        slots.release(key)
