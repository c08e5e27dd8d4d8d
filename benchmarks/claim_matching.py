"""Claim matching: precision and recall of ``match_claims(a, b).same`` on the labelled pairs.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claim_matching [--no-speed]

Pairs (``benchmarks/claim_pairs/README.md``): 1,145 PolNeAR sentence pairs across outlets (text
joined from ``../shared`` into ``.cache/claims_pairs``) and 182 written pairs of hard cases.
"same" is the positive class; "related" and "unrelated" are negatives. Two columns: dev, where
the checks and the threshold were tuned, and frozen, fixed once by seed and never looked at while
tuning. Also a precision-recall table across thresholds and the time per pair.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.claim_pairs.pairs import (  # noqa: E402
    MissingData,
    Pair,
    all_pairs,
    exit_missing,
    require_pairs,
)
from worker.pipeline import match_claims  # noqa: E402
from worker.pipeline.claim_match import THRESHOLD  # noqa: E402
from worker.pipeline.claim_match.decision import claim  # noqa: E402

GOAL_PRECISION = 0.95
GOAL_RECALL = 0.80
TABLE_THRESHOLDS = (0.4, 0.5, 0.6, 0.65, 0.7, THRESHOLD, 0.76, 0.8, 0.85, 0.9)


@dataclass(frozen=True)
class Scored:
    pair: Pair
    score: float
    same: bool
    codes: tuple[str, ...]


@dataclass(frozen=True)
class PR:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pr_at(rows: list[Scored], threshold: float | None = None) -> PR:
    tp = fp = fn = 0
    for r in rows:
        pred = r.same if threshold is None else r.score >= threshold
        gold = r.pair.label == "same"
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    return PR(tp, fp, fn)


def score_all(pairs: list[Pair]) -> list[Scored]:
    out = []
    for p in pairs:
        m = match_claims(p.a, p.b)
        out.append(Scored(p, m.score, m.same, tuple(r.code for r in m.reasons)))
    return out


def speed(pairs: list[Pair]) -> tuple[float, float]:
    """Milliseconds per pair: cold (both sentences parsed, as for two new claims) and warm (the
    parse of each sentence remembered, as when one new claim meets stored ones)."""
    sample = pairs[:200]
    cold = []
    for p in sample:
        claim.cache_clear()
        t = time.thread_time()
        match_claims(p.a, p.b)
        cold.append(time.thread_time() - t)
    for p in sample:
        match_claims(p.a, p.b)  # every sentence parsed once
    t = time.thread_time()
    for p in sample:
        match_claims(p.a, p.b)
    warm = (time.thread_time() - t) / len(sample)
    return statistics.median(cold) * 1000, warm * 1000


def _fmt(x: PR) -> str:
    return (
        f"P {x.precision:.3f}  R {x.recall:.3f}  F1 {x.f1:.3f}  (tp {x.tp}, fp {x.fp}, fn {x.fn})"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    require_pairs()
    try:
        pairs = all_pairs()
    except MissingData as exc:
        exit_missing(exc)
    rows = score_all(pairs)
    splits = {s: [r for r in rows if r.pair.split == s] for s in ("dev", "frozen")}
    counts = {s: Counter(r.pair.label for r in rs) for s, rs in splits.items()}
    print(f"match_claims at the shipped threshold {THRESHOLD}")
    for s in ("dev", "frozen"):
        c = counts[s]
        print(
            f"  {s:6} {len(splits[s])} pairs ({c['same']} same, {c['related']} related, "
            f"{c['unrelated']} unrelated): {_fmt(pr_at(splits[s]))}"
        )
        for source in ("polnear", "written"):
            sub = [r for r in splits[s] if r.pair.source == source]
            print(f"         {source:8} {len(sub):3} pairs: {_fmt(pr_at(sub))}")
    print("\nprecision / recall across thresholds")
    print(f"  {'threshold':>9}  {'dev P':>6} {'dev R':>6}  {'frozen P':>8} {'frozen R':>8}")
    for t in sorted(set(TABLE_THRESHOLDS)):
        d, f = pr_at(splits["dev"], t), pr_at(splits["frozen"], t)
        mark = "  <- shipped" if t == THRESHOLD else ""
        print(
            f"  {t:9.2f}  {d.precision:6.3f} {d.recall:6.3f}  {f.precision:8.3f} "
            f"{f.recall:8.3f}{mark}"
        )
    print("\nreasons given on negatives (dev + frozen): ", end="")
    neg = Counter(c for r in rows if r.pair.label != "same" for c in set(r.codes))
    print(", ".join(f"{k} {v}" for k, v in neg.most_common()))
    frozen = pr_at(splits["frozen"])
    met = frozen.precision >= GOAL_PRECISION and frozen.recall >= GOAL_RECALL
    print(
        f"\ngoal on frozen (P >= {GOAL_PRECISION}, R >= {GOAL_RECALL}): "
        f"{'met' if met else 'NOT met'}"
    )
    if not args.no_speed:
        cold, warm = speed(pairs)
        print(
            f"speed (thread time, one core shared with other work, noisy): {cold:.1f} ms per "
            f"pair with both sentences parsed (median), {warm:.2f} ms per pair with parses "
            "remembered"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
