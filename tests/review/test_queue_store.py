"""Store-side queue queries: facet counts agree with the plain count for every filter."""

from __future__ import annotations

from worker.store import session_scope
from worker.store.review_queue import QueueFilter, count, counts, queue_page


def test_facet_totals_match_counts(seed_store):
    seed_store(
        [
            ('"A," Jane Doe said.', {}),
            (
                "Officials said 4 died.",
                {"kind": "unverified", "type": "unconfirmed", "speaker": None},
            ),
        ],
        site="One",
    )
    seed_store([('"B," Bob Roe said.', {"speaker": "Bob Roe"})], site="Two")
    filters = [
        QueueFilter(),
        QueueFilter(status="new"),
        QueueFilter(status="dismissed"),
        QueueFilter(kind="unverified"),
        QueueFilter(site="Two"),
        QueueFilter(q="roe"),
        QueueFilter(type="direct_quote", site="One"),
    ]
    with session_scope() as session:
        for f in filters:
            facets = counts(session, f)
            assert facets.total == count(session, f), f
            assert facets.total == len(queue_page(session, f, limit=200).items), f
            assert sum(n for _, n in facets.site) == count(session, f.without("site")), f


def test_exports_reach_past_the_first_pages(seed_store, monkeypatch):
    from server.review import documents
    from worker.store.models import FindingRow
    from worker.store.review_exports import export_rows

    # An old verdict behind many newer findings without one.
    old = seed_store([('"Old," Ann Lee said.', {})], days_ago=30)["finding_ids"][0]
    for n in range(4):
        seed_store([(f'"New {n}," Bob Roe said.', {}), (f'"More {n}," Cy Poe said.', {})])
    with session_scope() as session:
        session.get(FindingRow, old).verdict = "false"
    with session_scope() as session:
        assert [i.finding.id for i in export_rows(session, QueueFilter(has_verdict=True))] == [old]
        assert len(list(export_rows(session, QueueFilter()))) == 9
        assert len(list(export_rows(session, QueueFilter(), limit=4))) == 4
        # A ClaimReview export capped below the number of newer findings still finds it.
        monkeypatch.setattr(documents, "MAX_CLAIMREVIEWS", 2)
        graph = documents.claimreviews(session, QueueFilter(), "https://sourcemark.example")
    assert len(graph["@graph"]) == 1, graph


def test_kind_and_verdict_facets(seed_store):
    from worker.store.models import FindingRow

    ids = seed_store(
        [
            ('"A," Jane Doe said.', {}),
            (
                "Officials said 4 died.",
                {"kind": "unverified", "type": "unconfirmed", "speaker": None},
            ),
            ("Reports said 9 died.", {"kind": "unverified", "type": "reported", "speaker": None}),
        ]
    )["finding_ids"]
    with session_scope() as session:
        session.get(FindingRow, ids[1]).verdict = "false"
        session.get(FindingRow, ids[2]).verdict = "false"
    with session_scope() as session:
        facets = counts(session, QueueFilter(kind="attribution"))
        assert facets.kind == {"attribution": 1, "unverified": 2}  # ignores its own filter
        assert facets.verdict == {}  # no attributed statement has a verdict
        assert counts(session, QueueFilter(verdict="true")).verdict == {"false": 2}
