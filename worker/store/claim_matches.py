"""Claims across articles: each finding of a finished analysis is matched against the claims
already stored (``claim_index.candidates``, then ``worker.pipeline.match_claims``), and the
pairs it calls the same are kept in ``claim_matches``, one row per direction.

Which stored findings count: those of every other analysis, other versions of the same URL
included (an updated article that edits a sentence), except a finding with exactly the same
text in another version of the same article (same submitted or canonical URL): that is the
same sentence, whose review ``revisions.carry_over_reviews`` already carries over.

Matching is idempotent: a re-run inserts or updates the pairs it finds and removes the pairs it
looked at and no longer calls the same; pairs found from the other side stay.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from sqlalchemy import delete, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from worker.config import match_budget_seconds
from worker.pipeline.claim_match import features, match_features
from worker.pipeline.claim_match.decision import Claim, claim
from worker.store.claim_index import Candidate, candidates, pg_lexemes
from worker.store.models import (
    AnalysisRow,
    ArticleRow,
    ClaimFeaturesRow,
    ClaimMatchRow,
    FindingRow,
    utcnow,
)
from worker.store.review_exports import verdict_dates
from worker.vocabulary import DRAFT_STATUSES, AnalysisStatus, Kind

CANDIDATES = 30  # stored claims scored per new finding
# A cheap look at the words before the parse (a parse is most of a pair's cost): a pair must
# share MIN_SHARED_WORDS content words (match_claims' own minimum, there in lemmas) and a Dice
# overlap of MIN_OVERLAP (surface words, crudely stemmed). Set at or below what every dev pair
# match_claims accepts has (502 dev pairs, written and PolNeAR: least 3 words, 0.33; the frozen
# split not looked at); tests/store/test_claim_matching.py checks none is lost.
MIN_SHARED_WORDS = 3
MIN_OVERLAP = 0.3

_WORD = re.compile(r"[^\W_]+")
log = logging.getLogger(__name__)


def _stem(word: str) -> str:
    # Enough for a pre-filter: "killed"/"kills"/"killing" -> "kill". The parse does it properly.
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_set(text: str) -> frozenset[str]:
    return frozenset(
        _stem(w) for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in STOP_WORDS
    )


def worth_scoring(a: frozenset[str], b: frozenset[str]) -> bool:
    """Could the parse-based matcher call these two word sets the same claim?"""
    shared = len(a & b)
    if shared < MIN_SHARED_WORDS or not a or not b:
        return False
    return 2 * shared / (len(a) + len(b)) >= MIN_OVERLAP


@dataclass(frozen=True)
class _Stored:
    finding_id: int
    analysis_id: str
    text: str
    urls: frozenset[str]


def _urls(article: ArticleRow) -> frozenset[str]:
    return frozenset(u for u in (article.url, article.canonical_url) if u)


STORED_CHUNK = 5000  # ids per query, well under SQLite's bound-parameter limit


def _stored(session: Session, ids: Sequence[int]) -> dict[int, _Stored]:
    ids = list(ids)
    out: dict[int, _Stored] = {}
    for at in range(0, len(ids), STORED_CHUNK):
        # The two URLs, not the article: its row holds the page (about 100 KB gzipped) and
        # text, which a whole-row load would fetch for every candidate.
        rows = session.execute(
            select(
                FindingRow.id,
                FindingRow.analysis_id,
                FindingRow.text,
                ArticleRow.url,
                ArticleRow.canonical_url,
            )
            .join(AnalysisRow, FindingRow.analysis_id == AnalysisRow.id)
            .join(ArticleRow, AnalysisRow.article_id == ArticleRow.id)
            .where(
                FindingRow.id.in_(ids[at : at + STORED_CHUNK]),
                AnalysisRow.status == AnalysisStatus.DONE,
            )
        ).all()
        for fid, aid, text, url, canonical in rows:
            out[fid] = _Stored(fid, aid, text, frozenset(u for u in (url, canonical) if u))
    return out


def eligible(new_text: str, new_urls: frozenset[str], old: _Stored) -> bool:
    """Another article, or another version of this one whose sentence reads differently."""
    return not (new_urls & old.urls and new_text.strip() == old.text.strip())


@dataclass(frozen=True)
class Pair:
    finding_id: int
    other_id: int
    score: float
    reasons: list[dict[str, str]]


def find_pairs(
    session: Session,
    analysis: AnalysisRow,
    limit: int = CANDIDATES,
    deadline: float | None = None,
) -> tuple[list[Pair], set[tuple[int, int]], bool]:
    """The pairs the analysis's findings make with stored claims, every pair looked at, and
    whether every finding was reached before ``deadline``.
    Unverifiable claims first (the verdicts that matter most to readers), then attributions;
    past ``deadline`` (a ``time.monotonic()``) no further finding is looked up or scored.
    Each finding reached is parsed once and its features stored with it (``store_features``);
    the stored claims it is scored against are read from their stored features, parsed only
    when they have none. The decision is ``match_claims(new, stored)``'s, to the digit."""
    urls = _urls(analysis.article)
    found: list[Pair] = []
    looked: set[tuple[int, int]] = set()
    # Read afresh, not through the relationship: inside ``_finish`` it may predate the insert.
    findings = session.scalars(
        select(FindingRow).where(FindingRow.analysis_id == analysis.id).order_by(FindingRow.id)
    ).all()
    findings = sorted(findings, key=lambda f: (f.kind != Kind.UNVERIFIED, f.id))
    held = dict(
        session.execute(
            select(ClaimFeaturesRow.finding_id, ClaimFeaturesRow.features).where(
                ClaimFeaturesRow.finding_id.in_([f.id for f in findings])
            )
        ).all()
    )
    # Every claim's search words in one round trip (PostgreSQL), not one per claim; then each
    # claim's candidates; then what is known of all the candidates, again in one round trip.
    lexemes = pg_lexemes(session, [f.text for f in findings])
    looked_up: list[tuple[FindingRow, list[Candidate]]] = []
    complete = True
    for i, finding in enumerate(findings):
        if _past(deadline):
            complete = False
            break
        if not finding.text.strip():
            continue  # nothing to match (match_claims says "empty")
        cands = candidates(
            session,
            finding.text,
            limit=limit,
            exclude_analysis=analysis.id,
            lexemes=None if lexemes is None else lexemes[i],
        )
        looked_up.append((finding, cands))
    stored = _stored(session, sorted({c.finding_id for _, cands in looked_up for c in cands}))
    words: dict[int, frozenset[str]] = {}
    for finding, cands in looked_up:
        if _past(deadline):
            complete = False
            break
        mine = store_features(session, finding, held.get(finding.id))
        my_words = word_set(finding.text)
        for cand in cands:
            old = stored.get(cand.finding_id)
            if old is None or not eligible(finding.text, urls, old):
                continue
            looked.add((finding.id, old.finding_id))
            theirs = words.get(old.finding_id)
            if theirs is None:
                theirs = words[old.finding_id] = word_set(old.text)
            if not old.text.strip() or not worth_scoring(my_words, theirs):
                continue
            result = match_features(mine, stored_claim(cand))
            if result.same:
                reasons = [r.to_dict() for r in result.reasons]
                found.append(Pair(finding.id, old.finding_id, round(result.score, 4), reasons))
    return found, looked, complete


def store_features(session: Session, finding: FindingRow, stored: Any) -> Claim:
    """The finding's claim, read back from ``stored`` (its ``claim_features`` row) or parsed;
    when parsed, its features are written (in the caller's transaction) for whoever matches a
    new claim against it later."""
    return finding_claim(session, finding.id, finding.text, stored)


def finding_claim(session: Session, finding_id: int, text: str, stored: Any) -> Claim:
    """``store_features`` by id and text: the claim of stored finding ``finding_id`` from its
    features ``stored``, or parsed and its features written (last write wins: a redelivered
    task may match the same analysis at the same moment)."""
    text = text.strip()
    held = features.load(text, stored)
    if held is not None:
        return held
    parsed = claim(text)
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    row = {"finding_id": finding_id, "features": features.dump(parsed)}
    stmt = insert(ClaimFeaturesRow).values(row)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["finding_id"], set_={"features": stmt.excluded.features}
        )
    )
    return parsed


def stored_claim(cand: Candidate) -> Claim:
    """A candidate's claim from its stored features; parsed when it has none (a row matched
    before migration 0009, or under an older features version)."""
    text = cand.text.strip()
    return features.load(text, cand.features) or claim(text)


def _past(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() > deadline


def _upsert(session: Session, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(ClaimMatchRow).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=["finding_id", "other_id"],
        set_={"score": stmt.excluded.score, "reasons": stmt.excluded.reasons},
    )
    session.execute(stmt)


def match_analysis(
    session: Session,
    analysis_id: str,
    limit: int = CANDIDATES,
    budget_seconds: float | None = None,
) -> int:
    """Match a finished analysis's findings with the stored claims; returns how many pairs it
    found. Idempotent (see the module's note); the caller commits. With ``budget_seconds``, the
    findings not reached in that time are left for a later run."""
    analysis = session.get(AnalysisRow, analysis_id)
    if analysis is None or analysis.status != AnalysisStatus.DONE:
        return 0
    deadline = None if budget_seconds is None else time.monotonic() + budget_seconds
    found, looked, complete = find_pairs(session, analysis, limit, deadline)
    same = {(p.finding_id, p.other_id) for p in found}
    gone = [pair for pair in looked if pair not in same]
    if gone:
        both = gone + [(b, a) for a, b in gone]
        session.execute(
            delete(ClaimMatchRow).where(
                tuple_(ClaimMatchRow.finding_id, ClaimMatchRow.other_id).in_(both)
            )
        )
    now = utcnow()
    rows = []
    for p in found:
        for a, b in ((p.finding_id, p.other_id), (p.other_id, p.finding_id)):
            rows.append(
                {
                    "finding_id": a,
                    "other_id": b,
                    "score": p.score,
                    "reasons": p.reasons,
                    "created_at": now,
                }
            )
    _upsert(session, rows)
    if complete:
        analysis.matched_at = now
    return len(found)


def match_within(
    session: Session, analysis: AnalysisRow, budget_seconds: float | None = None
) -> int | None:
    """Match a just-finished analysis inside the transaction that marks it done (so whoever
    sees it done sees its matches), for at most ``budget_seconds`` (default
    ``match_budget_seconds()``; what is not reached is matched after the readers are told), in
    a savepoint: a failure is logged and rolls back only the matching, never the findings.
    Records ``timings.match_ms``; None when it failed, 0 pairs when the budget is 0."""
    budget = match_budget_seconds() if budget_seconds is None else budget_seconds
    if budget <= 0:
        # Nothing looked at, nothing spent: the second pass matches them all.
        analysis.timings = {**(analysis.timings or {}), "match_ms": 0.0}
        return 0
    started = time.perf_counter()
    session.flush()
    try:
        with session.begin_nested():
            pairs = match_analysis(session, analysis.id, budget_seconds=budget)
    except Exception:  # noqa: BLE001 - the analysis is stored all the same; matching is redone after
        log.exception("claim matching failed for analysis %s", analysis.id)
        return None
    elapsed = round((time.perf_counter() - started) * 1000, 1)
    analysis.timings = {**(analysis.timings or {}), "match_ms": elapsed}
    return pairs


# --- reading the matches ----------------------------------------------------------------------


@dataclass(frozen=True)
class MatchedClaim:
    """The same claim in another article, as the API and the web view show it."""

    finding_id: int  # the finding asked about
    other_id: int  # the matching finding (its global review id)
    score: float
    analysis_id: str
    text: str
    url: str
    site: str | None
    title: str | None
    published: str | None
    analysed_at: datetime | None
    review_status: str
    verdict: str | None
    verdict_at: datetime | None

    @property
    def verdict_published(self) -> bool:
        """A verdict readers of other articles may see: given, and its finding not held back
        as a draft (still being followed up) or dismissed as a wrong finding."""
        return bool(self.verdict) and self.review_status not in DRAFT_STATUSES


def matches_for(session: Session, finding_ids: Iterable[int]) -> dict[int, list[MatchedClaim]]:
    """Each finding's matches, best first, one per other article (its latest analysis's finding
    when several versions match)."""
    ids = list(finding_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(ClaimMatchRow, FindingRow, AnalysisRow.created_at, ArticleRow)
        .join(FindingRow, FindingRow.id == ClaimMatchRow.other_id)
        .join(AnalysisRow, FindingRow.analysis_id == AnalysisRow.id)
        .join(ArticleRow, AnalysisRow.article_id == ArticleRow.id)
        .where(ClaimMatchRow.finding_id.in_(ids), AnalysisRow.status == AnalysisStatus.DONE)
    ).all()
    dates = verdict_dates(session, [f.id for _, f, _, _ in rows if f.verdict])
    out: dict[int, dict[str, MatchedClaim]] = {}
    for m, f, analysed_at, art in rows:
        url = art.canonical_url or art.url
        claim = MatchedClaim(
            finding_id=m.finding_id,
            other_id=f.id,
            score=m.score,
            analysis_id=f.analysis_id,
            text=f.text,
            url=url,
            site=art.site,
            title=art.title,
            published=art.published,
            analysed_at=analysed_at,
            review_status=f.review_status,
            verdict=f.verdict,
            verdict_at=dates.get(f.id),
        )
        per_url = out.setdefault(m.finding_id, {})
        held = per_url.get(url)
        if held is None or _preferred(claim, held):
            per_url[url] = claim
    return {
        fid: sorted(by_url.values(), key=lambda c: (-c.score, -c.other_id))
        for fid, by_url in out.items()
    }


def _preferred(a: MatchedClaim, b: MatchedClaim) -> bool:
    """Of two matching findings in versions of one article: a published verdict, then the
    newer version."""
    key_a = (a.verdict_published, a.analysed_at or datetime.min, a.other_id)
    key_b = (b.verdict_published, b.analysed_at or datetime.min, b.other_id)
    return _comparable(key_a) > _comparable(key_b)


def _comparable(key: tuple) -> tuple:
    published, at, other = key
    # SQLite gives naive datetimes, PostgreSQL aware ones: compare as timestamps-ish strings.
    return (published, at.replace(tzinfo=None).isoformat() if at else "", other)


def matched_ids(session: Session, finding_id: int) -> list[int]:
    """Every finding stored as making the same claim as ``finding_id`` (all versions)."""
    return list(
        session.scalars(
            select(ClaimMatchRow.other_id)
            .where(ClaimMatchRow.finding_id == finding_id)
            .order_by(ClaimMatchRow.other_id)
        )
    )
