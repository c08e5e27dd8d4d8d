"""Imported fact-checks reach findings both ways: findings already in the store at import, and
findings of analyses finished after it (``match_analysis``, called by the analysis task)."""

from __future__ import annotations

from sqlalchemy import select

from tests.factchecks.conftest import insert_article, text_candidates
from worker.factchecks.claimreview import parse_document
from worker.factchecks.matching import reaches
from worker.factchecks.store import import_reviews, match_analysis, query_words
from worker.store import session_scope
from worker.store.models import FactCheckMatch

REVIEW = {
    "@type": "ClaimReview",
    "url": "https://checks.example.org/bridge",
    "claimReviewed": "The Harlow bridge will reopen in March after repairs costing $4 million.",
    "reviewRating": {"ratingValue": 1, "bestRating": 5, "alternateName": "False"},
    "author": {"name": "Example Checks"},
}


def test_reaches_keeps_only_the_same_claim_best_first():
    claim = "At least 40 protesters were killed in Almaty on Wednesday."
    found = reaches(
        claim,
        [
            (1, "Twelve protesters were killed in Almaty on Wednesday, officials said."),
            (2, "At least 40 protesters were killed in Almaty on Wednesday, officials said."),
            (3, "The mayor said the bridge will reopen in March."),
        ],
    )
    assert [r.finding_id for r in found] == [2]
    assert found[0].match.same and found[0].match.score >= 0.73


def test_query_words_prefer_figures_and_long_words():
    assert query_words("At least 40 protesters were killed in Almaty on Wednesday.") == [
        "40",
        "protesters",
        "wednesday",
        "almaty",
        "killed",
    ]


def test_a_review_imported_first_reaches_a_later_analysis(db_url):
    with session_scope(db_url) as session:
        [(_, review)] = parse_document(REVIEW, "x").reviews
        assert import_reviews(session, [review]).matched == 0  # nothing in the store yet
    ids = insert_article(
        db_url,
        [
            {
                "text": "The Harlow bridge will reopen in March after repairs costing $4 million, "
                "the council said.",
                "kind": "attribution",
                "type": "indirect",
                "speaker": "the council",
            },
            {"text": "The Harlow bridge will reopen in May, the council said."},
        ],
        analysis_id="later",
        url="https://news.example.org/harlow",
    )
    with session_scope(db_url) as session:
        # the fallback retrieval finds both sentences; the matcher keeps the same claim only
        assert {fid for fid, _ in text_candidates(session, REVIEW["claimReviewed"])} == set(
            ids.values()
        )
        assert match_analysis(session, "later") == 1
        assert match_analysis(session, "later") == 0  # recorded once
    with session_scope(db_url) as session:
        assert list(session.scalars(select(FactCheckMatch.finding_id))) == [ids["f1"]]
