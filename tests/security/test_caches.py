"""The hot-path caches (server/cache.py): bounded, short-lived, and never serving what changed in
this process; other processes' changes show within the cache lifetime."""

from __future__ import annotations

import json
import time
from pathlib import Path

from sqlalchemy import select, text

from server import cache
from server.cache import TTLCache
from tests.security.conftest import auth, new_token
from worker.store import session_scope
from worker.store.models import FindingRow

SEED_PAGE = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5.html"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_entries_expire_and_the_oldest_go_first():
    clock = Clock()
    c: TTLCache[int] = TTLCache(ttl=2, size=3, clock=clock)
    for i in range(4):
        c.set(f"k{i}", i)
    assert c.get("k0") is None and c.get("k3") == 3, "bounded: the least recently used left"
    assert c.get("k1") == 1
    clock.now += 2.5
    assert c.get("k1") is None, "expired"
    off: TTLCache[int] = TTLCache(ttl=0, size=3, clock=clock)
    off.set("k", 1)
    assert off.get("k") is None, "ttl 0 turns the cache off"


def _submit(client, token):  # noqa: ANN001, ANN202
    return client.post(
        "/api/v1/analyses", headers=auth(token), json={"url": URL, "html": SEED_PAGE}
    )


def _done(client, token, analysis_id):  # noqa: ANN001, ANN202
    deadline = time.time() + 60
    while time.time() < deadline:
        body = client.get(f"/api/v1/analyses/{analysis_id}", headers=auth(token)).get_json()
        if body["status"] == "done":
            return body
        time.sleep(0.1)
    raise AssertionError("not done")


def test_repeat_submissions_come_from_memory_until_something_changes(make_app, monkeypatch):
    client = make_app().test_client()
    token = new_token()
    first = _submit(client, token)
    assert first.status_code == 202
    done = _done(client, token, first.get_json()["id"])
    assert done["findings"]
    again = _submit(client, token)
    assert again.status_code == 200 and again.get_json()["id"] == done["id"]
    # By the exact body, and the URL's latest analysis (for clicks with other snapshots).
    assert len(cache.reusable._items) == 1 and len(cache.latest._items) == 1
    cached = _submit(client, token)
    assert json.loads(cached.get_data()) == again.get_json()

    # An editor's review in this process empties the cache: the next answer shows it.
    with session_scope() as session:
        row = session.scalars(select(FindingRow).order_by(FindingRow.start)).first()
        row.review_status = "confirmed"
    assert not cache.reusable._items and not cache.latest._items
    reviewed = _submit(client, token).get_json()
    assert reviewed["findings"][0]["review"]["status"] == "confirmed"

    # A change made by another process is seen once the short lifetime has passed.
    monkeypatch.setattr(cache.reusable, "ttl", 0.3)
    monkeypatch.setattr(cache.latest, "ttl", 0.3)
    cache.reusable.clear()
    cache.latest.clear()
    assert _submit(client, token).get_json()["findings"][0]["review"]["status"] == "confirmed"
    with session_scope() as session:
        session.execute(text("UPDATE findings SET review_status = 'dismissed'"))
    time.sleep(0.4)
    later = _submit(client, token).get_json()
    assert later["findings"][0]["review"]["status"] == "dismissed"


def test_unfinished_analyses_are_never_cached(make_app):
    client = make_app().test_client()
    token = new_token()
    first = _submit(client, token)
    assert first.status_code == 202
    again = _submit(client, token)  # at once: the in-process worker is still at it
    assert again.status_code == 200 and again.get_json()["id"] == first.get_json()["id"]
    if again.get_json()["status"] != "done":
        assert not cache.reusable._items
    _done(client, token, first.get_json()["id"])  # let the worker finish before cleanup


def test_apps_on_different_databases_never_share_entries(make_app, tmp_path):
    from worker.store.migrate import upgrade

    first = make_app()
    token = new_token()
    response = _submit(first.test_client(), token)
    _done(first.test_client(), token, response.get_json()["id"])
    assert _submit(first.test_client(), token).status_code == 200  # now cached
    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    upgrade(other_url)
    second = make_app(DATABASE_URL=other_url)
    # Same token text, other store: unknown there; same page, other store: not analysed there.
    assert second.test_client().get("/api/v1/analyses/x", headers=auth(token)).status_code == 401
    with first.app_context():
        first_keys = set(cache.reusable._items)
    with second.app_context():
        assert not any(key.startswith(cache.scoped("")) for key in first_keys)
