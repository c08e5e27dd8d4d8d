"""Reviews follow findings across re-analyses of the same URL (revisions)."""

from __future__ import annotations

import time
from pathlib import Path

from tests.review.conftest import bearer
from worker.store.revisions import Anchor, match_anchors

SEED_PAGE = Path(__file__).resolve().parents[1] / "data" / "seed_page.html"
SEED_URL = "http://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"


def test_exact_anchors_match_and_surroundings_break_ties():
    a = Anchor("attribution", "he said", "A ", " B")
    c = Anchor("attribution", "he said", "C ", " D")
    old, new = [a, c], [c, a]
    assert {(m.old, m.new, m.changed) for m in match_anchors(old, new)} == {
        (0, 1, False),
        (1, 0, False),
    }


def test_edited_statement_keeps_its_review_flagged_as_changed():
    old = [Anchor("attribution", '"People have a right to express their grievances," he said.')]
    new = [
        Anchor("attribution", '"People have every right to express their grievances," he said.'),
        Anchor("unverified", '"People have a right to express their grievances," he said.'),
    ]
    assert [(m.old, m.new, m.changed) for m in match_anchors(old, new)] == [(0, 0, True)]


def test_unrelated_statements_do_not_match():
    old = [Anchor("attribution", "The minister said taxes would fall next year.")]
    new = [Anchor("attribution", "Rain is expected across the north on Sunday, forecasters said.")]
    assert match_anchors(old, new) == []


def _analyse(client, token: str, html: str) -> dict:
    body = client.post(
        "/api/v1/analyses", headers=bearer(token), json={"url": SEED_URL, "html": html}
    ).get_json()
    deadline = time.time() + 120
    while time.time() < deadline:
        got = client.get(f"/api/v1/analyses/{body['id']}", headers=bearer(token)).get_json()
        if got["status"] in ("done", "failed"):
            assert got["status"] == "done", got
            return got
        time.sleep(0.1)
    raise AssertionError("analysis did not finish")


def _by_text(client, token: str, analysis_id: str) -> dict[str, dict]:
    items = client.get(
        f"/api/v1/findings?analysis={analysis_id}&limit=200", headers=bearer(token)
    ).get_json()["items"]
    return {(i["kind"], i["text"]): i for i in items}


def test_reanalysis_carries_reviews_over(client, users):
    # A new analysis of a changed article, not a repeat click answered from the store (that path
    # re-checks in a worker: tests/store/test_rechecks.py).
    client.application.config["FRESH_SECONDS"] = 0
    editor = users["editor"]["token"]
    html = SEED_PAGE.read_text(encoding="utf-8")
    first = _analyse(client, editor, html)
    before = _by_text(client, editor, first["id"])
    kept = next(v for (k, t), v in before.items() if t.startswith('"During these exchanges'))
    edited = next(v for (k, t), v in before.items() if t.startswith('"But what is clear'))
    client.patch(
        f"/api/v1/findings/{kept['finding_id']}",
        headers=bearer(editor),
        json={"status": "confirmed", "note": "Matches the UN transcript"},
    )
    client.patch(
        f"/api/v1/findings/{edited['finding_id']}",
        headers=bearer(editor),
        json={"status": "dismissed"},
    )

    changed = html.replace(
        "People have a right to express their grievances",
        "People have every right to express their grievances",
    )
    assert changed != html
    second = _analyse(client, editor, changed)
    assert second["id"] != first["id"]
    after = _by_text(client, editor, second["id"])
    same = next(v for (k, t), v in after.items() if t.startswith('"During these exchanges'))
    assert (same["status"], same["note"], same["text_changed"]) == (
        "confirmed",
        "Matches the UN transcript",
        False,
    )
    moved = next(v for (k, t), v in after.items() if t.startswith('"But what is clear'))
    assert (moved["status"], moved["text_changed"]) == ("dismissed", True)
    untouched = [
        v
        for v in after.values()
        if v["finding_id"] not in (same["finding_id"], moved["finding_id"])
    ]
    assert all(v["status"] == "new" for v in untouched)
    events = client.get(
        f"/api/v1/findings/{moved['finding_id']}/history", headers=bearer(editor)
    ).get_json()["events"]
    assert events[0]["field"] == "carried_over" and events[0]["to"] == "text changed since review"
    # The old finding whose text no longer exists is flagged too.
    old = _by_text(client, editor, first["id"])
    assert old[("attribution", edited["text"])]["text_changed"] is True
    assert old[("attribution", kept["text"])]["text_changed"] is False
    # The queue shows the current version only, unless earlier ones are asked for.
    current = client.get("/api/v1/findings?limit=200", headers=bearer(editor)).get_json()
    assert {i["analysis_id"] for i in current["items"]} == {second["id"]}
    everything = client.get(
        "/api/v1/findings?limit=200&versions=all", headers=bearer(editor)
    ).get_json()
    assert {i["analysis_id"] for i in everything["items"]} == {first["id"], second["id"]}
    assert everything["total"] == len(first["findings"]) + len(second["findings"])
    # The extension reads the carried review from the new analysis.
    analysis = client.get(f"/api/v1/analyses/{second['id']}", headers=bearer(editor)).get_json()
    assert any((f.get("review") or {}).get("status") == "confirmed" for f in analysis["findings"])
