"""The ``factchecks`` tables: import reviews (all or nothing), record the findings they reach,
and read, for an analysis's findings, the fact-checks that reach them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from worker.factchecks.claimreview import FactCheck
from worker.factchecks.matching import Reach, reaches_claims
from worker.pipeline.claim_match import features
from worker.pipeline.claim_match.decision import Claim, claim
from worker.store.claim_index import Candidate, candidates
from worker.store.claim_matches import finding_claim
from worker.store.models import (
    ClaimFeaturesRow,
    FactCheckMatch,
    FactCheckRow,
    FindingRow,
    utcnow,
)

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[A-Za-z][A-Za-z'-]+")
# Words the fallback retrieval looks for: the longest content words of a claim carry the most.
_QUERY_WORDS = 6
CANDIDATE_LIMIT = 50


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    matched: int  # (fact-check, finding) pairs recorded
    # Match features of candidate findings that had none, parsed here: for the caller to store
    # after the import commits (``claim_features_backfill.write``), in a short transaction of
    # its own, so that a long import holds no ``claim_features`` rows a worker may write.
    features: list[dict[str, Any]] = field(default_factory=list)


def claim_hash(claim: str) -> str:
    return hashlib.sha256(" ".join(claim.lower().split()).encode("utf-8")).hexdigest()


def save_reviews(
    session: Session, reviews: list[FactCheck], source: str | None = None
) -> tuple[list[FactCheckRow], int, int, int]:
    """Insert or update each review by (url, claim); the caller owns the transaction."""
    added = updated = unchanged = 0
    rows: list[FactCheckRow] = []
    seen: dict[tuple[str, str], FactCheckRow] = {}
    for review in reviews:
        key = (review.url, claim_hash(review.claim))
        row = (
            seen.get(key)
            or session.scalars(
                select(FactCheckRow).where(
                    FactCheckRow.url == key[0], FactCheckRow.claim_hash == key[1]
                )
            ).first()
        )
        values = _values(review)
        if row is None:
            row = FactCheckRow(url=key[0], claim_hash=key[1], source=source, **values)
            session.add(row)
            session.flush()
            added += 1
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            row.updated_at = utcnow()
            updated += 1
        elif key not in seen:
            unchanged += 1
        if key not in seen:
            rows.append(row)
        seen[key] = row
    return rows, added, updated, unchanged


def _values(review: FactCheck) -> dict[str, Any]:
    return {
        "claim": review.claim,
        "rating": review.rating,
        "rating_value": review.rating_value,
        "best_rating": review.best_rating,
        "worst_rating": review.worst_rating,
        "publisher": review.publisher,
        "publisher_url": review.publisher_url,
        "date_published": review.date_published,
        "claim_author": review.claim_author,
        "appearances": list(review.appearances),
    }


def import_reviews(
    session: Session, reviews: list[FactCheck], source: str | None = None
) -> ImportResult:
    """Save the reviews and match each against the findings in the store (one transaction: the
    caller commits or rolls back). Each review's claim is parsed once and its features kept
    with it; the candidate findings are read from their stored features (``claim_features``),
    parsed only when they have none (those features come back in ``features``). The decision
    is ``match_claims(review claim, finding text)``'s, to the digit."""
    rows, added, updated, unchanged = save_reviews(session, reviews, source)
    matched = 0
    parsed: dict[int, dict[str, Any]] = {}
    for row in rows:
        mine = factcheck_claim(row)
        found = candidates(session, row.claim, limit=CANDIDATE_LIMIT)
        matched += record(session, row.id, reaches_claims(mine, _claims(found, parsed)))
    return ImportResult(added, updated, unchanged, matched, list(parsed.values()))


def factcheck_claim(row: FactCheckRow) -> Claim:
    """A fact-check's claim from its stored features, or parsed and its features kept on the
    row (written with the caller's transaction)."""
    text = row.claim.strip()
    held = features.load(text, row.features)
    if held is not None:
        return held
    parsed = claim(text)
    row.features = features.dump(parsed)
    return parsed


def _claims(found: list[Candidate], parsed: dict[int, dict[str, Any]]) -> list[tuple[int, Claim]]:
    """The candidates' claims from their stored features; one without them is parsed and its
    features added to ``parsed`` (by finding id), which also serves a candidate met again."""
    out = []
    for c in found:
        text = c.text.strip()
        if not text:
            continue  # match_claims calls a blank side "empty": never the same
        seen = parsed.get(c.finding_id, {}).get("features")
        held = features.load(text, c.features) or features.load(text, seen)
        if held is None:
            held = claim(text)
            parsed[c.finding_id] = {"finding_id": c.finding_id, "features": features.dump(held)}
        out.append((c.finding_id, held))
    return out


def record(session: Session, factcheck_id: int, found: list[Reach]) -> int:
    """Record the findings a fact-check reaches; a pair already recorded keeps its row."""
    known = set(
        session.scalars(
            select(FactCheckMatch.finding_id).where(FactCheckMatch.factcheck_id == factcheck_id)
        )
    )
    new = 0
    for reach in found:
        if reach.finding_id in known:
            continue
        session.add(
            FactCheckMatch(
                factcheck_id=factcheck_id, finding_id=reach.finding_id, score=reach.match.score
            )
        )
        known.add(reach.finding_id)
        new += 1
    session.flush()
    return new


def query_words(text: str, n: int = _QUERY_WORDS) -> list[str]:
    """The few words most likely to pick a claim out: its figures and longest content words."""
    words = {w.lower() for w in _WORD.findall(text)}
    content = [w for w in words if w not in STOP_WORDS and (w[0].isdigit() or len(w) > 3)]
    content.sort(key=lambda w: (not w[0].isdigit(), -len(w), w))
    return content[:n]


def _factcheck_candidates(session: Session, text: str, limit: int = 20) -> list[FactCheckRow]:
    """Fact-checks whose claim may be ``text``'s (the same word test, on the other table)."""
    words = query_words(text)
    if not words:
        return []
    lowered = func.lower(FactCheckRow.claim)
    hits = sum(
        (case((lowered.like(f"%{_escape(w)}%", escape="\\"), 1), else_=0) for w in words),
        literal(0),
    )
    return list(
        session.scalars(
            select(FactCheckRow)
            .where(hits >= min(2, len(words)))
            .order_by(hits.desc(), FactCheckRow.id.desc())
            .limit(limit)
        )
    )


def match_analysis(session: Session, analysis_id: str) -> int:
    """Match a finished analysis's findings against the fact-checks already imported (the
    other direction of ``import_reviews``: a review imported first reaches articles analysed
    later). Returns the pairs recorded; the caller commits."""
    if not session.scalar(select(FactCheckRow.id).limit(1)):
        return 0  # no fact-checks imported: nothing to parse or compare
    findings = session.execute(
        select(FindingRow.id, FindingRow.text, ClaimFeaturesRow.features)
        .outerjoin(ClaimFeaturesRow, ClaimFeaturesRow.finding_id == FindingRow.id)
        .where(FindingRow.analysis_id == analysis_id)
        .order_by(FindingRow.id)
    ).tuples()
    recorded = 0
    for finding_id, text, held in findings:
        fcs = _factcheck_candidates(session, text)
        if not fcs or not text.strip():
            continue
        # Parsed (and its features written) only when a fact-check may reach it, and once.
        mine = finding_claim(session, finding_id, text, held)
        for fc in fcs:
            found = reaches_claims(factcheck_claim(fc), [(finding_id, mine)])
            recorded += record(session, fc.id, found)
    return recorded


def factchecks_by_finding(
    session: Session, finding_ids: list[int]
) -> dict[int, list[dict[str, Any]]]:
    """For each finding (store id), the fact-checks that reach it, as the API's JSON, best first."""
    if not finding_ids:
        return {}
    out: dict[int, list[dict[str, Any]]] = {}
    rows = session.execute(
        select(FactCheckMatch.finding_id, FactCheckMatch.score, FactCheckRow)
        .join(FactCheckRow, FactCheckRow.id == FactCheckMatch.factcheck_id)
        .where(FactCheckMatch.finding_id.in_(finding_ids))
        .order_by(FactCheckMatch.finding_id, FactCheckMatch.score.desc(), FactCheckRow.id)
    ).tuples()
    for finding_id, score, fc in rows:
        out.setdefault(finding_id, []).append(factcheck_dict(fc, score))
    return out


def factcheck_dict(fc: FactCheckRow, score: float | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "publisher": fc.publisher,
        "rating": fc.rating,
        "url": fc.url,
        "claim": fc.claim,
        "date": fc.date_published,
    }
    if fc.publisher_url:
        d["publisher_url"] = fc.publisher_url
    if score is not None:
        d["score"] = round(score, 3)
    return d


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
