"""``GET /api/v1/analyses/<id>?wait=N``: the answer comes when the analysis does.

Embedded mode (tasks in this process) through Flask's test client, and the Redis side against a
redis-server of the test's own that it can stop. The distributed path with a real Celery worker
is in tests/integration/test_long_poll.py.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server import create_app
from tests.api.conftest import auth, wait_done
from tests.support.embedded import embedded_store
from tests.support.services import PrivateRedis, free_port, private_redis
from worker.pipeline import PIPELINE_VERSION, extract_article
from worker.store import session_scope
from worker.store.accounts import create_token, create_user
from worker.store.analyses import create_analysis, mark_failed
from worker.tasks import completion, dispatch

SEED_PAGE = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5.html"


@pytest.fixture()
def make_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    url = embedded_store(tmp_path, monkeypatch)

    def make(**config: object) -> Flask:
        return create_app({"TESTING": True, "DATABASE_URL": url, "WAIT_MAX_SECONDS": 60, **config})

    return make


def token(name: str) -> str:
    with session_scope() as session:
        return create_token(session, create_user(session, f"{name}@example.org", "reader"), name)


@pytest.fixture()
def held_queue() -> Iterator[threading.Event]:
    """The in-process runner (one thread) busy until the test releases it: submitted analyses
    stay queued meanwhile."""
    gate = threading.Event()
    dispatch._local_runner().submit(-1, lambda _: gate.wait(120), "")
    yield gate
    gate.set()


def submit(client, tok: str, url: str = URL) -> str:  # noqa: ANN001
    response = client.post(
        "/api/v1/analyses", headers=auth(tok), json={"url": url, "html": SEED_PAGE}
    )
    assert response.status_code == 202, response.get_json()
    return response.get_json()["id"]


class Waiting(threading.Thread):
    """One ``GET ?wait=`` in a thread of its own, timed."""

    def __init__(self, client, tok: str, analysis_id: str, wait: str) -> None:  # noqa: ANN001
        super().__init__(daemon=True)
        self.args_ = (client, tok, analysis_id, wait)
        self.response = None
        self.elapsed = None

    def run(self) -> None:
        client, tok, analysis_id, wait = self.args_
        started = time.monotonic()
        self.response = client.get(f"/api/v1/analyses/{analysis_id}?wait={wait}", headers=auth(tok))
        self.elapsed = time.monotonic() - started


def until(predicate, timeout: float = 10) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.01)


def test_a_finished_analysis_is_answered_at_once(make_app):
    client = make_app().test_client()
    tok = token("r1")
    analysis_id = submit(client, tok)
    plain = wait_done(client, tok, analysis_id)
    started = time.monotonic()
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait=30", headers=auth(tok))
    assert time.monotonic() - started < 2
    assert response.status_code == 200
    assert response.headers["Sourcemark-Wait"] == "30"
    assert response.get_json() == plain


def test_without_wait_nothing_changes(make_app, held_queue):
    client = make_app().test_client()
    tok = token("r1")
    analysis_id = submit(client, tok)
    started = time.monotonic()
    response = client.get(f"/api/v1/analyses/{analysis_id}", headers=auth(tok))
    assert time.monotonic() - started < 2
    assert response.get_json()["status"] == "queued"
    assert "Sourcemark-Wait" not in response.headers


def test_the_wait_ends_when_the_in_process_task_finishes(make_app, held_queue):
    client = make_app().test_client()
    tok = token("r1")
    analysis_id = submit(client, tok)
    waiting = Waiting(client, tok, analysis_id, "50")
    waiting.start()
    until(lambda: completion.waiters.count() == 1)
    time.sleep(0.3)
    assert waiting.is_alive(), "the request answered before the analysis finished"
    held_queue.set()
    waiting.join(60)
    body = waiting.response.get_json()
    assert body["status"] == "done" and body["findings"], body
    assert waiting.response.headers["Sourcemark-Wait"] == "50"
    # Woken by the task, not by the end of the wait.
    assert waiting.elapsed < 45
    assert completion.waiters.count() == 0


def test_the_wait_runs_out_with_the_current_state(make_app, held_queue):
    client = make_app().test_client()
    tok = token("r1")
    analysis_id = submit(client, tok)
    started = time.monotonic()
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait=0.5", headers=auth(tok))
    assert 0.45 <= time.monotonic() - started < 5
    assert response.status_code == 200
    assert response.get_json()["status"] == "queued"
    assert response.headers["Sourcemark-Wait"] == "0.5"


def test_over_the_caps_the_answer_comes_at_once(make_app, held_queue):
    client = make_app(WAIT_PER_PROCESS=2, WAIT_PER_TOKEN=1).test_client()
    first, second, third = token("r1"), token("r2"), token("r3")
    analysis_id = submit(client, first)
    holding = [Waiting(client, first, analysis_id, "50")]
    holding[0].start()
    until(lambda: completion.waiters.count() == 1)
    # The same token again: over its cap, answered at once, told to poll.
    started = time.monotonic()
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait=50", headers=auth(first))
    assert time.monotonic() - started < 2
    assert response.status_code == 200 and response.get_json()["status"] == "queued"
    assert response.headers["Sourcemark-Wait"] == "0"
    # Another token may still wait...
    holding.append(Waiting(client, second, analysis_id, "50"))
    holding[1].start()
    until(lambda: completion.waiters.count() == 2)
    # ...until the process holds its cap of waiting requests.
    started = time.monotonic()
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait=50", headers=auth(third))
    assert time.monotonic() - started < 2
    assert response.headers["Sourcemark-Wait"] == "0"
    held_queue.set()
    for waiting in holding:
        waiting.join(60)
        assert waiting.response.get_json()["status"] == "done"
        assert waiting.response.headers["Sourcemark-Wait"] == "50"
    # The slots are given back.
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait=50", headers=auth(third))
    assert response.headers["Sourcemark-Wait"] == "50"


@pytest.mark.parametrize(
    "value",
    ["abc", "-1", "-0.5", "nan", "inf", "1e400", "", "0x10", "1,5", "1_0", "2.5.1", "9" * 30],
)
def test_a_bad_wait_is_a_clear_400(make_app, value):
    client = make_app().test_client()
    tok = token("r1")
    analysis_id = submit(client, tok)
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait={value}", headers=auth(tok))
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"]["code"] == "bad_wait"
    assert "wait" in body["error"]["message"]


def test_wait_given_twice_is_a_400_and_a_long_one_is_capped(make_app):
    client = make_app(WAIT_MAX_SECONDS=25).test_client()
    tok = token("r1")
    analysis_id = submit(client, tok)
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait=1&wait=2", headers=auth(tok))
    assert response.status_code == 400
    wait_done(client, tok, analysis_id)
    for value in ("3600", "1e3"):
        response = client.get(f"/api/v1/analyses/{analysis_id}?wait={value}", headers=auth(tok))
        assert response.status_code == 200
        assert response.headers["Sourcemark-Wait"] == "25"


def test_unknown_analysis_is_404_even_when_waiting(make_app):
    client = make_app().test_client()
    response = client.get("/api/v1/analyses/nope?wait=5", headers=auth(token("r1")))
    assert response.status_code == 404


def test_embedded_wait_sees_a_finish_in_another_process(make_app):
    """Several gunicorn processes without Redis: the analysis may finish in a process that
    cannot wake this one; the wait still ends within a couple of seconds of it."""
    held = held_wait(make_app)
    with session_scope() as session:
        mark_failed(session, held.analysis_id, "test", "Finished elsewhere.")  # no announcement
    waiting = held.waiting
    waiting.join(30)
    assert waiting.elapsed < 10
    assert waiting.response.get_json()["status"] == "failed"


def stored_queued_analysis(owner_token_name: str) -> str:
    """A queued analysis put straight into the store: nothing will run it by itself."""
    article = extract_article(SEED_PAGE, URL)
    with session_scope() as session:
        from worker.store.accounts import get_or_create_user

        user = get_or_create_user(session, f"{owner_token_name}@example.org", "reader")
        row = create_analysis(
            session,
            article=article,
            url=URL,
            html=SEED_PAGE,
            pipeline_version=PIPELINE_VERSION,
            user_id=user.id,
            timings={},
        )
        return row.id


@dataclass
class HeldWait:
    client: FlaskClient
    tok: str
    analysis_id: str
    waiting: Waiting


def held_wait(make_app: Callable[..., Flask]) -> HeldWait:
    """A new app's ``GET ?wait=50``, held on a queued analysis that nothing will run."""
    client = make_app().test_client()
    tok = token("r1")
    analysis_id = stored_queued_analysis("r1")
    waiting = Waiting(client, tok, analysis_id, "50")
    waiting.start()
    until(lambda: completion.waiters.count() == 1)
    return HeldWait(client, tok, analysis_id, waiting)


# --- distributed: announcements through Redis ------------------------------------------------


@pytest.fixture()
def redis_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, PrivateRedis]]:
    """A redis-server of this test's own, which it may stop (never the machine's shared one),
    named by ``REDIS_URL`` for the apps the test makes."""
    assert shutil.which("redis-server"), "redis-server is needed (apt-get install redis-server)"
    with private_redis() as server:
        # A database other than 0: announcements go to a channel per database number.
        url = f"redis://127.0.0.1:{server.port}/3"
        monkeypatch.setenv("REDIS_URL", url)
        yield url, server


def test_redis_announcement_wakes_the_wait(make_app, redis_server):
    url, _ = redis_server
    held = held_wait(make_app)
    analysis_id, waiting = held.analysis_id, held.waiting
    time.sleep(0.3)
    assert waiting.is_alive()
    # What a worker in another process does: finish in the store, then publish.
    with session_scope() as session:
        mark_failed(session, analysis_id, "test", "Stopped by the test.")
    import redis

    assert redis.Redis.from_url(url).publish(completion.channel(url), analysis_id) == 1
    waiting.join(30)
    assert waiting.elapsed < 10
    assert waiting.response.get_json()["status"] == "failed"
    assert waiting.response.headers["Sourcemark-Wait"] == "50"


def test_redis_dying_during_the_wait_answers_with_the_current_state(make_app, redis_server):
    _, server = redis_server
    held = held_wait(make_app)
    client, tok, analysis_id, waiting = held.client, held.tok, held.analysis_id, held.waiting
    server.stop()  # killed
    waiting.join(30)
    assert waiting.elapsed < 15, "the wait should end when the subscription breaks"
    assert waiting.response.status_code == 200
    assert waiting.response.get_json()["status"] == "queued"
    # While Redis stays down, waits are refused at once (the client polls), never a 500.
    started = time.monotonic()
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait=50", headers=auth(tok))
    assert time.monotonic() - started < 3
    assert response.status_code == 200
    assert response.get_json()["status"] == "queued"
    assert response.headers["Sourcemark-Wait"] == "0"


def test_redis_down_from_the_start_means_no_wait(make_app, monkeypatch):
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    client = make_app().test_client()
    tok = token("r1")
    analysis_id = stored_queued_analysis("r1")
    started = time.monotonic()
    response = client.get(f"/api/v1/analyses/{analysis_id}?wait=50", headers=auth(tok))
    assert time.monotonic() - started < 5
    assert response.status_code == 200
    assert response.get_json()["status"] == "queued"
    assert response.headers["Sourcemark-Wait"] == "0"
