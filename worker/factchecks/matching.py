"""Which findings a published fact-check reaches: the same decision as finding to finding.

Pure: the claim a fact-check reviewed and candidate findings ``(id, text)`` in, the matches out.
``worker.pipeline.match_claims`` decides at its shipped threshold (set for precision), so an
imported review reaches a finding exactly when two findings would be called the same claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from worker.pipeline import ClaimMatch, match_claims
from worker.pipeline.claim_match import match_features
from worker.pipeline.claim_match.decision import Claim


@dataclass(frozen=True)
class Reach:
    """A fact-check reaches finding ``finding_id`` (a store id) with this match."""

    finding_id: int
    match: ClaimMatch


def reaches(claim: str, candidates: Iterable[tuple[int, str]]) -> list[Reach]:
    """The candidates that make the same claim as ``claim``, best first."""
    return _best_first((i, match_claims(claim, text)) for i, text in candidates)


def reaches_claims(claim: Claim, candidates: Iterable[tuple[int, Claim]]) -> list[Reach]:
    """``reaches`` on claims already parsed or read from their stored features
    (``claim_match.features``): the same decision, to the digit, with no parse."""
    return _best_first((i, match_features(claim, other)) for i, other in candidates)


def _best_first(results: Iterable[tuple[int, ClaimMatch]]) -> list[Reach]:
    found = [Reach(finding_id, result) for finding_id, result in results if result.same]
    return sorted(found, key=lambda r: (-r.match.score, r.finding_id))
