"""One re-check per URL and window across web processes: the guard on a real Redis, and in
memory when there is none (embedded mode) or Redis is down."""

from __future__ import annotations

import threading

from server.recheck_guard import RecheckGuard
from tests.support.services import fresh_redis_db

URL = "https://example.org/story"


def test_processes_sharing_redis_let_exactly_one_click_schedule():
    with fresh_redis_db() as redis_url:
        processes = [RecheckGuard(redis_url) for _ in range(4)]  # one guard per web process
        wins: list[bool] = []
        lock = threading.Lock()
        gate = threading.Barrier(200)

        def click(i: int) -> None:
            gate.wait()
            won = processes[i % 4].take("db", URL, 60)
            with lock:
                wins.append(won)

        threads = [threading.Thread(target=click, args=(i,)) for i in range(200)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert wins.count(True) == 1
        # Every process that asked now knows without asking again; another URL is free.
        assert all(p.decided("db", URL) for p in processes)
        assert processes[0].take("db", URL + "?other", 60)
        # A slot given back (its page was refused) is free for the next click.
        processes[0].give_back("db", URL)
        assert processes[0].take("db", URL, 60)


def test_without_redis_the_slot_is_kept_in_the_process_and_expires():
    guard = RecheckGuard(None)
    assert guard.take("db", URL, 0.2) and not guard.take("db", URL, 0.2)
    assert guard.decided("db", URL)
    threading.Event().wait(0.3)
    assert not guard.decided("db", URL) and guard.take("db", URL, 0.2)


def test_an_unreachable_redis_falls_back_to_the_process():
    guard = RecheckGuard("redis://127.0.0.1:9/0")  # nothing listens there
    assert guard.take("db", URL, 60) and not guard.take("db", URL, 60)
    assert guard.decided("db", URL)
