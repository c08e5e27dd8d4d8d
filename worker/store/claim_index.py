"""Candidate retrieval for claim matching: the stored findings whose claim text shares enough
words with a new claim to be worth scoring with ``worker.pipeline.match_claims``.

    candidates(session_or_conn, text, *, limit=50, exclude_analysis=None) -> list[Candidate]

is the one entry point (the worker's matching after an analysis, the fact-check import and the
benchmark call it). It takes a SQLAlchemy ``Session`` or ``Connection`` on either database:

- PostgreSQL: the stored generated column ``findings.claim_tsv`` (``to_tsvector('english',
  text)``) under a GIN index (migration 0006), ranked by ``ts_rank``;
- SQLite (embedded mode): the FTS5 table ``findings_claim_fts`` (porter stemmer), ranked by
  ``bm25``.

The query is the claim's most telling words (figures, names, then the longest words; at most
``TERMS``), and a row must contain at least ``MIN_SHARED`` of them. ``match_claims`` gives a
pair with fewer than three shared content words no chance (``few_shared_words``), so nothing
it could call the same is lost, while the common words of news prose ("said", "people") alone
no longer pull in a large part of a million rows to be ranked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from spacy.lang.en.stop_words import STOP_WORDS
from sqlalchemy import Connection
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

TERMS = 8  # words of the new claim put in the query
MIN_SHARED = 3  # of them a stored claim must contain (match_claims' MIN_SHARED_WORDS)
MAX_LIMIT = 500

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Candidate:
    """A stored finding that may make the same claim; ``rank`` is higher for closer text."""

    finding_id: int
    analysis_id: str
    text: str
    rank: float


def query_terms(claim: str, most: int = TERMS) -> list[str]:
    """The words to look a claim up by, most telling first: figures, then capitalised words not
    opening the sentence (names, places), then longer words; stop words and one-letter words
    never."""
    scored: dict[str, tuple[int, int, int]] = {}
    for i, m in enumerate(_WORD.finditer(claim)):
        word = m.group()
        low = word.lower()
        if len(low) < 2 or low in STOP_WORDS or low in scored:
            continue
        digit = any(c.isdigit() for c in low)
        name = i > 0 and word[0].isupper()
        scored[low] = (int(digit), int(name), len(low))
    ranked = sorted(scored, key=lambda w: scored[w], reverse=True)
    return ranked[:most]


def _dialect(db: Session | Connection) -> str:
    bind = db.get_bind() if isinstance(db, Session) else db
    return bind.dialect.name


def _at_least(terms: list[str], k: int, quote: str, and_: str, or_: str) -> str:
    """A boolean full-text query true when at least ``k`` of ``terms`` occur."""
    clauses = [
        "(" + f" {and_} ".join(f"{quote}{t}{quote}" for t in combo) + ")"
        for combo in combinations(terms, k)
    ]
    return f" {or_} ".join(clauses)


def candidates(
    db: Session | Connection,
    text: str,
    *,
    limit: int = 50,
    exclude_analysis: str | None = None,
) -> list[Candidate]:
    """Stored findings sharing at least ``MIN_SHARED`` of the claim ``text``'s telling words
    (all of them when it has fewer), best ranked first, at most ``limit`` (capped at
    ``MAX_LIMIT``); findings of ``exclude_analysis`` (the analysis the claim comes from) are
    left out. An empty or wordless claim has none."""
    if not isinstance(text, str):
        raise TypeError("candidates takes the claim as a string")
    terms = query_terms(text)
    limit = max(1, min(int(limit), MAX_LIMIT))
    if not terms:
        return []
    k = min(MIN_SHARED, len(terms))
    params = {"limit": limit, "exclude": exclude_analysis or ""}
    if _dialect(db) == "postgresql":
        # Quoted words: to_tsquery stems each and drops stop words the Python list missed.
        params["q"] = _at_least(terms, k, "'", "&", "|")
        query = """
            SELECT f.id, f.analysis_id, f.text, ts_rank(f.claim_tsv, q.query) AS rank
            FROM findings f, to_tsquery('english', :q) AS q(query)
            WHERE f.claim_tsv @@ q.query AND f.analysis_id <> :exclude
            ORDER BY rank DESC, f.id DESC
            LIMIT :limit
        """
    else:
        params["q"] = _at_least(terms, k, '"', "AND", "OR")
        # bm25() is lower for better matches.
        query = """
            SELECT f.id, f.analysis_id, f.text, -bm25(findings_claim_fts) AS rank
            FROM findings_claim_fts JOIN findings f ON f.id = findings_claim_fts.rowid
            WHERE findings_claim_fts MATCH :q AND f.analysis_id <> :exclude
            ORDER BY rank DESC, f.id DESC
            LIMIT :limit
        """
    rows = db.execute(sql(query), params).all()
    return [Candidate(int(r[0]), r[1], r[2], float(r[3])) for r in rows]
