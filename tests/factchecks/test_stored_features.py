"""The fact-check import and the matching of new analyses against fact-checks read the claims'
stored match features instead of parsing them, and decide exactly as parsing both sentences
(``match_claims``) did before; on SQLite and PostgreSQL, with the written dev claim pairs
(``tests/data/claim_pairs/written.jsonl``, the frozen split never read)."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from tests.factchecks.conftest import insert_article, text_candidates
from tests.support.data import DATA
from worker.factchecks.claimreview import FactCheck
from worker.factchecks.matching import reaches
from worker.factchecks.store import (
    _factcheck_candidates,
    claim_hash,
    import_reviews,
    match_analysis,
)
from worker.pipeline.claim_match import decision, features
from worker.store import get_sessionmaker, session_scope
from worker.store.claim_features_backfill import backfill, write
from worker.store.models import ClaimFeaturesRow, FactCheckMatch, FactCheckRow, FindingRow

ROWS = [
    json.loads(line)
    for line in (DATA / "claim_pairs" / "written.jsonl").read_text("utf-8").splitlines()
]
DEV = [r for r in ROWS if r["split"] == "dev"]


def reviews() -> list[FactCheck]:
    claims = sorted({r["a"] for r in DEV})
    return [
        FactCheck(
            url=f"https://checks.example.org/{i}",
            claim=c,
            rating="Unproven",
            publisher="Example Checks",
        )
        for i, c in enumerate(claims)
    ]


def store_findings(db_url: str) -> list[int]:
    """Every dev pair's other side as a finding, eight to an article."""
    texts = sorted({r["b"] for r in DEV})
    ids: list[int] = []
    for n in range(0, len(texts), 8):
        got = insert_article(
            db_url,
            [{"text": t} for t in texts[n : n + 8]],
            analysis_id=f"dev{n:03d}",
            url=f"https://outlet{n}.example.org/story",
        )
        ids += got.values()
    return ids


def recorded(db_url: str) -> set[tuple[str, int, float]]:
    with session_scope(db_url) as session:
        return set(
            session.execute(
                select(FactCheckRow.claim, FactCheckMatch.finding_id, FactCheckMatch.score).join(
                    FactCheckRow, FactCheckRow.id == FactCheckMatch.factcheck_id
                )
            ).tuples()
        )


def test_import_reads_stored_features_and_decides_as_parsing_did(db_url):
    ids = store_findings(db_url)
    # half the store as before migration 0009 (no features), half backfilled
    backfill(get_sessionmaker(db_url), limit=len(ids) // 2)
    with session_scope(db_url) as session:
        before = session.scalar(select(func.count()).select_from(ClaimFeaturesRow))
        # what the import recorded before: match_claims on both sentences, parsed
        expected = set()
        for review in reviews():
            for reach in reaches(review.claim, text_candidates(session, review.claim)):
                expected.add((review.claim, reach.finding_id, reach.match.score))
    assert before == len(ids) // 2 and expected  # the dev pairs do reach findings

    decision.claim.cache_clear()
    with session_scope(db_url) as session:
        result = import_reviews(session, reviews())
    parsed = decision.claim.cache_info().misses
    assert recorded(db_url) == expected
    # the candidates' features parsed for want of stored ones: stored after the import, as
    # `sourcemark factchecks import` does, in a transaction of their own
    with session_scope(db_url) as session:
        assert write(session, result.features) == len(result.features) > 0
    with session_scope(db_url) as session:
        after = session.scalar(select(func.count()).select_from(ClaimFeaturesRow))
        kept = dict(session.execute(select(FactCheckRow.claim, FactCheckRow.features)).all())
    # each review parsed once, and only the candidates without features: theirs are now stored
    assert parsed == len(reviews()) + (after - before)
    assert after - before < len(ids) - before  # not every finding was a candidate
    for text, data in kept.items():
        assert data == features.dump(decision.claim(text.strip()))

    # a second import of the same feed parses nothing and changes nothing
    decision.claim.cache_clear()
    with session_scope(db_url) as session:
        result = import_reviews(session, reviews())
    assert decision.claim.cache_info().misses == 0
    assert (result.added, result.updated, result.matched) == (0, 0, 0)
    assert recorded(db_url) == expected


def test_a_new_analysis_meets_the_factchecks_by_their_stored_features(db_url):
    with session_scope(db_url) as session:
        import_reviews(session, reviews())  # nothing in the store: stored, none reached
    ids = store_findings(db_url)
    with session_scope(db_url) as session:
        # before: each (fact-check candidate, finding) pair parsed and matched
        expected = set()
        for fid, text in session.execute(
            select(FindingRow.id, FindingRow.text).where(FindingRow.id.in_(ids))
        ).tuples():
            for fc in _factcheck_candidates(session, text):
                for reach in reaches(fc.claim, [(fid, text)]):
                    expected.add((fc.claim, reach.finding_id, reach.match.score))
        hashes = set(session.scalars(select(FactCheckRow.claim_hash)))
    assert expected and hashes == {claim_hash(r.claim) for r in reviews()}

    decision.claim.cache_clear()
    with session_scope(db_url) as session:
        for n in range(0, len(ids), 8):
            match_analysis(session, f"dev{n:03d}")
    # the fact-checks' claims were read, not parsed: only findings a fact-check may reach
    with session_scope(db_url) as session:
        written = session.scalar(select(func.count()).select_from(ClaimFeaturesRow))
    assert decision.claim.cache_info().misses == written
    assert recorded(db_url) == expected
