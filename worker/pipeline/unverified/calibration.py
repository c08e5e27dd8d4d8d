"""Confidence: how often a finding with these reasons is right, so editors can sort by it.

Each reason code carries the share of its findings that were correct (type included) on the
labelled sentence set ``tests/data/unverified/sentences.jsonl``, smoothed toward a prior with
weight ``PRIOR_WEIGHT`` so rare codes do not claim certainty; several independent reasons
combine by noisy-OR. The counts live in ``calibration.json`` beside this module, written by
``benchmarks/claims.py --fit`` (never edited by hand); ``benchmarks/claims.py`` prints the
reliability table and Brier score that check them.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

# The counts come from the set the rules were written on, so they flatter: the prior pulls each
# code toward 0.7 with the weight of eight sentences, so a rule seen right once or twice scores
# ~0.73 and only rules right on many sentences approach 0.9 (on the held-out sentences 2 of 3
# flags were right).
PRIOR = 0.7
PRIOR_WEIGHT = 8.0
DATA = "calibration.json"


def load_counts() -> dict[str, tuple[int, int]]:
    """Reason code -> ``(correct, fired)`` from the package's ``calibration.json``."""
    raw = json.loads(files(__package__).joinpath(DATA).read_text(encoding="utf-8"))
    return {code: (int(c), int(f)) for code, (c, f) in raw["counts"].items()}


COUNTS: dict[str, tuple[int, int]] = load_counts()


def write_counts(counts: dict[str, tuple[int, int]], path: Path | None = None) -> Path:
    """Write ``counts`` (every registered code; ``(0, 0)`` for one that never fired) as the
    package's ``calibration.json``, keeping its ``about`` note."""
    target = path or Path(str(files(__package__).joinpath(DATA)))
    data = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    about = data.get("about", "")
    rows = ",\n".join(f"    {json.dumps(code)}: {list(counts[code])}" for code in sorted(counts))
    text = f'{{\n  "about": {json.dumps(about)},\n  "counts": {{\n{rows}\n  }}\n}}\n'
    target.write_text(text, encoding="utf-8")
    return target


def code_precision(code: str) -> float:
    """Smoothed precision of a reason code (the prior alone for a code with no counts; the
    registry test keeps every shipped code in ``calibration.json``)."""
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
