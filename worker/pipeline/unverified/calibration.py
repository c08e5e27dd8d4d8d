"""Confidence: how often a finding with these reasons is right, so editors can sort by it.

Each reason code carries the share of its findings that were correct (type included) on the
labelled sentence set ``tests/data/unverified/sentences.jsonl``, smoothed toward a prior with
weight ``PRIOR_WEIGHT`` so rare codes do not claim certainty; several independent reasons
combine by noisy-OR. ``benchmarks/claims.py`` prints the reliability table and Brier score
that check these numbers, and recomputes them so the table can be refreshed.
"""

from __future__ import annotations

# The counts come from the set the rules were written on, so they flatter: the prior pulls each
# code toward 0.7 with the weight of eight sentences, so a rule seen right once or twice scores
# ~0.73 and only rules right on many sentences approach 0.9 (on the held-out sentences 2 of 3
# flags were right).
PRIOR = 0.7
PRIOR_WEIGHT = 8.0

# code -> (correct, fired) on the labelled set; refreshed from ``benchmarks/claims.py --fit``.
COUNTS: dict[str, tuple[int, int]] = {
    "agentless_passive": (3, 3),
    "allegedly": (5, 5),
    "anonymous_source": (17, 17),
    "appears_to_have": (1, 1),
    "arrest": (4, 4),
    "cannot_confirm": (2, 2),
    "claimed": (1, 1),
    "crowd": (4, 4),
    "harm": (7, 7),
    "modal_perfect": (2, 3),
    "passive_belief": (1, 1),
    "possible": (1, 1),
    "reportedly": (2, 2),
    "reports_of": (1, 1),
    "rumour": (3, 3),
    "said_to": (1, 1),
    "speculation": (1, 1),
    "unattributed_concern": (1, 1),
    "unclear": (2, 2),
    "unnamed_report": (2, 2),
    "vague_source": (15, 15),
}


def code_precision(code: str) -> float:
    correct, fired = COUNTS.get(code, (0, 0))
    return (correct + PRIOR * PRIOR_WEIGHT) / (fired + PRIOR_WEIGHT)


def confidence(codes: list[str]) -> float:
    """Noisy-OR of the per-code precisions: each extra independent signal adds evidence."""
    if not codes:
        return 0.0
    miss = 1.0
    for code in dict.fromkeys(codes):
        miss *= 1.0 - code_precision(code)
    return round(min(0.99, 1.0 - miss), 3)
