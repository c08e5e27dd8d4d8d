"""Do two claim sentences make the same claim? ``match_claims`` and its checks, one per module:
figures (``numbers``), polarity (``negation``), names and speaker (``entities``), quotations
(``quotes``), wording (``similarity``) and the decision (``decision``)."""

from worker.pipeline.claim_match.decision import (
    THRESHOLD,
    ClaimMatch,
    MatchReason,
    match_claims,
    match_features,
)

__all__ = ["THRESHOLD", "ClaimMatch", "MatchReason", "match_claims", "match_features"]
