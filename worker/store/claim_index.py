"""Candidate retrieval for claim matching: the stored findings whose claim text shares enough
words with a new claim to be worth scoring with ``worker.pipeline.match_claims``.

    candidates(session_or_conn, text, *, limit=50, exclude_analysis=None) -> list[Candidate]

is the one entry point (the worker's matching after an analysis, the fact-check import and the
benchmark call it). It takes a SQLAlchemy ``Session`` or ``Connection`` on either database:

- PostgreSQL: the stored generated column ``findings.claim_tsv`` (``to_tsvector('english',
  text)``) under a GIN index (migration 0008), ranked by ``ts_rank``;
- SQLite (embedded mode): the FTS5 table ``findings_claim_fts`` (porter stemmer), ranked by
  ``bm25``.

Each candidate comes with its claim's stored match features (table ``claim_features``,
migration 0009), so that ``match_features`` scores it without parsing it again.

The query is the claim's most telling words (at most ``TERMS``), and a row must contain at least
``MIN_SHARED`` of them: ``match_claims`` gives a pair with fewer than three shared content words
no chance (``few_shared_words``). On SQLite the telling words are figures, names, then the
longest words. On PostgreSQL they are the claim's rarest lexemes by the planner's own
statistics of ``claim_tsv`` (``pg_stats.most_common_elems``, read once per ``STATS_SECONDS``):
a lexeme in more than ``COMMON_ROWS`` stored claims ("said", "people", "government" in a large
store) is left out while the claim has three rarer ones, because matching it means ranking a
large part of a million rows (measured: 270 ms a claim at 1,000,000 findings with the common
words in, see benchmarks/claim_retrieval.py). Until the table is that large, or before its
first ANALYZE, no lexeme counts as common.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from sqlalchemy import Connection, TextClause
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

TERMS = 8  # words of the new claim put in the query (SQLite)
PG_TERMS = 6  # lexemes on PostgreSQL: C(6, 3) = 20 three-word combinations
MIN_SHARED = 3  # of them a stored claim must contain (match_claims' MIN_SHARED_WORDS)
MAX_LIMIT = 500
COMMON_ROWS = 10_000  # a lexeme in more stored claims than this is not looked up by (PostgreSQL)
STATS_SECONDS = 600  # how long a process trusts the lexeme statistics it read

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Candidate:
    """A stored finding that may make the same claim; ``rank`` is higher for closer text."""

    finding_id: int
    analysis_id: str
    text: str
    rank: float
    # the claim's stored match features (``claim_match.features.dump``, table ``claim_features``),
    # None when not yet written
    features: dict[str, Any] | None = None


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


_STATS: dict[str, tuple[float, dict[str, float]]] = {}
_STATS_LOCK = threading.Lock()


def _lexeme_rows(db: Session | Connection) -> dict[str, float]:
    """About how many stored claims hold each common lexeme (PostgreSQL's statistics of
    ``claim_tsv``: shares of the sampled rows times the table's estimated rows)."""
    bind = db.get_bind() if isinstance(db, Session) else db
    key = str(bind.engine.url)
    now = time.monotonic()
    with _STATS_LOCK:
        held = _STATS.get(key)
        if held is not None and held[0] > now:
            return held[1]
    row = db.execute(
        sql(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, "
            "(SELECT reltuples FROM pg_class WHERE oid = 'findings'::regclass) "
            "FROM pg_stats s WHERE s.schemaname = current_schema() "
            "AND s.tablename = 'findings' AND s.attname = 'claim_tsv'"
        )
    ).first()
    rows: dict[str, float] = {}
    if row is not None and row[0] and row[1] and row[2] and row[2] > 0:
        # The frequencies array ends with three summary numbers; zip stops at the elements.
        rows = {lexeme: share * row[2] for lexeme, share in zip(row[0], row[1], strict=False)}
    with _STATS_LOCK:
        _STATS[key] = (now + STATS_SECONDS, rows)
    return rows


def pg_terms(lexemes: list[str], rows: dict[str, float], most: int = TERMS) -> list[str]:
    """The rarest of a claim's lexemes, leaving out the common ones while three rarer remain."""

    def rarity(lex: str) -> tuple[float, bool, int, str]:
        # Equally rare (or no statistics yet): figures first, then longer words.
        return (rows.get(lex, 0.0), not any(c.isdigit() for c in lex), -len(lex), lex)

    ranked = sorted(set(lexemes), key=rarity)
    rare = [lex for lex in ranked if rows.get(lex, 0.0) <= COMMON_ROWS]
    if len(rare) >= MIN_SHARED:
        return rare[:most]
    return ranked[: max(len(rare), min(MIN_SHARED, len(ranked)))]


def _lexeme(lex: str) -> str:
    return "'" + lex.replace("\\", "\\\\").replace("'", "''") + "'"


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


def pg_lexemes(db: Session | Connection, texts: list[str]) -> list[list[str]] | None:
    """The English lexemes of each text as PostgreSQL's full-text search makes them, all texts
    in one query (an analysis's claims are looked up together); None on another database."""
    if _dialect(db) != "postgresql":
        return None
    if not texts:
        return []
    rows = db.execute(
        sql(
            "SELECT tsvector_to_array(to_tsvector('english', x.t)) FROM "
            "unnest(CAST(:texts AS text[])) WITH ORDINALITY AS x(t, n) ORDER BY x.n"
        ),
        {"texts": list(texts)},
    ).scalars()
    return [list(lexemes or ()) for lexemes in rows]


def candidates(
    db: Session | Connection,
    text: str,
    *,
    limit: int = 50,
    exclude_analysis: str | None = None,
    lexemes: list[str] | None = None,
) -> list[Candidate]:
    """Stored findings sharing at least ``MIN_SHARED`` of the claim ``text``'s telling words
    (all of them when it has fewer), best ranked first, at most ``limit`` (capped at
    ``MAX_LIMIT``); findings of ``exclude_analysis`` (the analysis the claim comes from) are
    left out. An empty or wordless claim has none. On PostgreSQL ``lexemes`` (``pg_lexemes``
    of ``text``) saves a round trip."""
    if not isinstance(text, str):
        raise TypeError("candidates takes the claim as a string")
    limit = max(1, min(int(limit), MAX_LIMIT))
    params: dict[str, object] = {"limit": limit, "exclude": exclude_analysis or ""}
    if _dialect(db) == "postgresql":
        if lexemes is None:
            lexemes = pg_lexemes(db, [text])[0]  # type: ignore[index]
        terms = pg_terms(lexemes, _lexeme_rows(db), most=PG_TERMS)
        if not terms:
            return []
        # Lexemes as the index holds them: the literals are cast, not normalised again. One
        # "@@" per combination, OR-ed: each is an AND the GIN index answers by skipping through
        # three posting lists, where one big OR-of-ANDs query is checked against every row
        # holding any of the words (measured: 4 ms against 25 ms median at 1,000,000 rows).
        combos = [
            "&".join(_lexeme(t) for t in combo)
            for combo in combinations(terms, min(MIN_SHARED, len(terms)))
        ]
        params.update({f"q{i}": c for i, c in enumerate(combos)})
        params["all"] = "|".join(f"({c})" for c in combos)
        query = _pg_query(len(combos))
    else:
        terms = query_terms(text)
        if not terms:
            return []
        params["q"] = _at_least(terms, min(MIN_SHARED, len(terms)), '"', "AND", "OR")
        query = _SQLITE_QUERY
    rows = db.execute(query, params).all()
    return [Candidate(int(r[0]), r[1], r[2], float(r[3]), _json(r[4])) for r in rows]


def _json(value: Any) -> dict[str, Any] | None:
    """A JSON column read by plain SQL: parsed by psycopg on PostgreSQL, text on SQLite."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


@lru_cache(maxsize=32)
def _pg_query(combos: int) -> TextClause:
    """The ranking query for ``combos`` word combinations, made once per count (at most 20):
    the same statement object each time, so SQLAlchemy neither parses nor compiles it again."""
    matches = " OR ".join(f"f.claim_tsv @@ CAST(:q{i} AS tsquery)" for i in range(combos))
    return sql(
        f"""
            SELECT c.id, c.analysis_id, c.text, c.rank, cf.features FROM (
                SELECT f.id, f.analysis_id, f.text,
                    ts_rank(f.claim_tsv, CAST(:all AS tsquery)) AS rank
                FROM findings f
                WHERE ({matches}) AND f.analysis_id <> :exclude
                ORDER BY rank DESC, f.id DESC
                LIMIT :limit
            ) c LEFT JOIN claim_features cf ON cf.finding_id = c.id
            ORDER BY c.rank DESC, c.id DESC
        """
    )


# bm25() is lower for better matches.
_SQLITE_QUERY = sql(
    """
            SELECT c.id, c.analysis_id, c.text, c.rank, cf.features FROM (
                SELECT f.id, f.analysis_id, f.text, -bm25(findings_claim_fts) AS rank
                FROM findings_claim_fts JOIN findings f ON f.id = findings_claim_fts.rowid
                WHERE findings_claim_fts MATCH :q AND f.analysis_id <> :exclude
                ORDER BY rank DESC, f.id DESC
                LIMIT :limit
            ) c LEFT JOIN claim_features cf ON cf.finding_id = c.id
            ORDER BY c.rank DESC, c.id DESC
        """
)
