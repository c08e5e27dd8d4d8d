"""The web view's queue leaves out the attributions the pipeline is least sure of unless the
editor asks for them; the API lists everything unless asked to leave them out; unverifiable
claims are never hidden for their confidence."""

from __future__ import annotations

from tests.review.conftest import bearer, sign_in
from worker.store import session_scope
from worker.store.review_queue import (
    LOW_CONFIDENCE,
    QueueFilter,
    counts,
    hidden_low_count,
    queue_page,
)

SURE = '"We will rebuild the bridge," Mayor Ann Lee said.'
UNSURE = "Some residents believe the bridge was never safe, he said."
UNVERIFIED = "At least 40 people were reportedly killed."


def _seed(seed_store) -> list[int]:  # noqa: ANN001
    return seed_store(
        [
            (SURE, {"confidence": 0.95}),
            (UNSURE, {"type": "indirect", "speaker": None, "confidence": LOW_CONFIDENCE - 0.1}),
            (
                UNVERIFIED,
                {"kind": "unverified", "type": "reported", "speaker": None, "confidence": 0.5},
            ),
        ]
    )["finding_ids"]


def test_the_store_leaves_out_only_low_confidence_attributions(seed_store):
    sure, unsure, unverified = _seed(seed_store)
    f = QueueFilter(hide_low_confidence=True)
    with session_scope() as session:
        assert {i.finding.id for i in queue_page(session, f).items} == {sure, unverified}
        assert counts(session, f).total == 2
        assert hidden_low_count(session, f) == 1
        assert {i.finding.id for i in queue_page(session, QueueFilter()).items} == {
            sure,
            unsure,
            unverified,
        }
        # Narrowed to unverifiable claims, nothing is hidden.
        assert (
            hidden_low_count(session, QueueFilter(kind="unverified", hide_low_confidence=True)) == 0
        )


def test_the_web_queue_hides_them_by_default_and_shows_them_when_asked(client, users, seed_store):
    _seed(seed_store)
    sign_in(client, users["editor"]["email"])
    page = client.get("/review").get_data(as_text=True)
    assert "Mayor Ann Lee" in page and "reportedly killed" in page
    assert "never safe" not in page
    assert '<span id="low-hidden">1</span> hidden' in page
    # The export offered beside the queue lists what the queue shows.
    assert "/review/export.csv?hidelow=1" in page
    csv = client.get("/review/export.csv?hidelow=1").get_data(as_text=True)
    assert "Mayor Ann Lee" in csv and "never safe" not in csv
    shown = client.get("/review?lowconf=1").get_data(as_text=True)
    assert "never safe" in shown
    assert 'id="low-hidden"' not in shown
    # The choice carries over into the links that page through the queue.
    assert "lowconf=1" in shown


def test_the_api_lists_everything_unless_asked(client, users, seed_store):
    _seed(seed_store)
    token = users["editor"]["token"]
    every = client.get("/api/v1/findings", headers=bearer(token)).get_json()["items"]
    assert len(every) == 3
    fewer = client.get("/api/v1/findings?hidelow=1", headers=bearer(token)).get_json()["items"]
    assert sorted(i["text"] for i in fewer) == sorted([SURE, UNVERIFIED])
