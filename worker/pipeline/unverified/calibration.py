"""Confidence: how often a finding with these reasons is right, so editors can sort by it.

Each reason code carries the share of its findings that were correct (type included) on the
labelled sentence set ``tests/data/unverified/sentences.jsonl``, smoothed toward a prior with
weight ``PRIOR_WEIGHT`` so rare codes do not claim certainty; several independent reasons
combine by noisy-OR. ``benchmarks/claims.py`` prints the reliability table and Brier score
that check these numbers, and recomputes them so the table can be refreshed.
"""

from __future__ import annotations

PRIOR = 0.6
PRIOR_WEIGHT = 4.0

# code -> (correct, fired) on the labelled set; refreshed from ``benchmarks/claims.py --fit``.
COUNTS: dict[str, tuple[int, int]] = {}


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
