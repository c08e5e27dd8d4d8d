"""A hard time limit for one extraction, where the process allows one.

The structural bounds (size, elements, depth) already keep each stage's work bounded; this is
the backstop for pages that are slow within them. In a process's main thread (a Celery prefork
worker, the CLI) a SIGALRM timer interrupts the extraction wherever it is. Elsewhere (a web
server thread), or when the caller already runs its own SIGALRM timer, signals are not ours to
take, and the check between stages (``check``) is the bound.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from worker.pipeline.errors import PageTooComplexError

REPEAT_S = 0.05


class Budget:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started = time.perf_counter()

    def check(self, stage: str) -> None:
        """Raise once the budget is spent; called between stages."""
        if time.perf_counter() - self.started > self.seconds:
            raise _exceeded(self.seconds, stage)


def _exceeded(seconds: float, stage: str) -> PageTooComplexError:
    return PageTooComplexError(f"The page took longer than {seconds:g} s to analyse ({stage}).")


def _can_use_alarm() -> bool:
    if not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    delay, _ = signal.getitimer(signal.ITIMER_REAL)
    return delay == 0  # somebody else's timer is running: leave it alone


@contextmanager
def time_limit(seconds: float) -> Iterator[Budget]:
    """Run the block under a ``seconds`` budget; raises ``PageTooComplexError`` past it."""
    budget = Budget(seconds)
    if not _can_use_alarm():
        yield budget
        return

    armed = True

    def on_alarm(signum: int, frame: object) -> None:
        if armed:
            raise _exceeded(seconds, "interrupted")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    # The timer repeats: the libraries below catch broad exceptions in places (readability's
    # fallback does), and a swallowed interruption must come back until it gets through.
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
    try:
        yield budget
    finally:
        # An alarm already on its way may land at any bytecode here; disarming first and
        # retrying makes sure the timer stops and the caller's handler comes back regardless.
        while True:
            try:
                armed = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except PageTooComplexError:
                continue
