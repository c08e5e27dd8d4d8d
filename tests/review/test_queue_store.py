"""Store-side queue queries: facet counts agree with the plain count for every filter."""

from __future__ import annotations

from worker.store import session_scope
from worker.store.review import QueueFilter, count, counts, queue_page


def test_facet_totals_match_counts(seed_store):
    seed_store([('"A," Jane Doe said.', {}), ("Officials said 4 died.",
                {"kind": "unverified", "type": "unconfirmed", "speaker": None})], site="One")
    seed_store([('"B," Bob Roe said.', {"speaker": "Bob Roe"})], site="Two")
    filters = [QueueFilter(), QueueFilter(status="new"), QueueFilter(status="dismissed"),
               QueueFilter(kind="unverified"), QueueFilter(site="Two"), QueueFilter(q="roe"),
               QueueFilter(type="direct_quote", site="One")]
    with session_scope() as session:
        for f in filters:
            facets = counts(session, f)
            assert facets.total == count(session, f), f
            assert facets.total == len(queue_page(session, f, limit=200).items), f
            assert sum(n for _, n in facets.site) == count(session, f.without("site")), f
