"""The matcher's threshold chosen on dev by grouped cross-validation (dev pairs only).

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claim_threshold [--folds 5] [--target 0.95]
        [--seeds 1]

The best threshold on all dev pairs is fitted to them; this estimates what a threshold chosen by
the rule (the lowest with precision >= target on the pairs it is chosen on) gives on pairs it was
not chosen on. Folds hold whole clusters (a statement reprinted across outlets, a written event),
drawn by seed; each fold's threshold is chosen on the other folds and applied to it. Prints the
out-of-fold precision and recall, each fold's threshold, and their median: the threshold to ship.
With ``--seeds N`` the folds are drawn N times (seeds SEED .. SEED+N-1) and the out-of-fold
decisions pooled: one draw's fold thresholds sit on a few pairs near the threshold and flip with
them, so a change that moves those pairs can look better or worse on one draw alone.
Reads no frozen pair.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from dataclasses import dataclass

from benchmarks.claim_pairs.pairs import MissingData, all_pairs, exit_missing, require_pairs
from worker.pipeline import match_claims

GRID = tuple(round(0.30 + 0.01 * i, 2) for i in range(66))  # 0.30 .. 0.95
SEED = 1616


@dataclass(frozen=True)
class Point:
    score: float
    gold: bool
    group: str


def precision_recall(points: list[Point], t: float) -> tuple[float, float, int, int, int]:
    tp = sum(p.score >= t and p.gold for p in points)
    fp = sum(p.score >= t and not p.gold for p in points)
    fn = sum(p.score < t and p.gold for p in points)
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, tp, fp, fn)


def choose(points: list[Point], target: float) -> float:
    """The lowest threshold of the grid whose precision on ``points`` reaches ``target``."""
    for t in GRID:
        if precision_recall(points, t)[0] >= target:
            return t
    return GRID[-1]


def folds_of(points: list[Point], k: int, seed: int = SEED) -> list[list[Point]]:
    groups = sorted({p.group for p in points})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % k for i, g in enumerate(groups)}
    return [[p for p in points if fold_of[p.group] == i] for i in range(k)]


def cross_validate(
    points: list[Point], k: int, target: float, seed: int = SEED
) -> tuple[list[float], list[Point]]:
    """Each fold's threshold (chosen on the others) and the out-of-fold decisions as points
    whose score is 1 when accepted, 0 when not."""
    folds = folds_of(points, k, seed)
    thresholds, decided = [], []
    for i, held in enumerate(folds):
        rest = [p for j, f in enumerate(folds) if j != i for p in f]
        t = choose(rest, target)
        thresholds.append(t)
        decided += [Point(float(p.score >= t), p.gold, p.group) for p in held]
    return thresholds, decided


def pooled(points: list[Point], k: int, target: float, seeds: int) -> list[Point]:
    """The out-of-fold decisions of ``seeds`` draws of the folds, one after the other."""
    decided: list[Point] = []
    for seed in range(SEED, SEED + seeds):
        decided += cross_validate(points, k, target, seed)[1]
    return decided


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--target", type=float, default=0.95)
    parser.add_argument("--seeds", type=int, default=1, help="draws of the folds to pool")
    args = parser.parse_args(argv)
    require_pairs()
    try:
        dev = [p for p in all_pairs() if p.split == "dev"]
    except MissingData as exc:
        exit_missing(exc)
    points = [Point(match_claims(p.a, p.b).score, p.label == "same", p.cluster) for p in dev]
    thresholds, decided = cross_validate(points, args.folds, args.target)
    p, r, tp, fp, fn = precision_recall(decided, 0.5)
    print(f"{len(points)} dev pairs ({sum(x.gold for x in points)} same), {args.folds} folds")
    print(f"fold thresholds (precision >= {args.target} on the other folds): {thresholds}")
    print(f"out-of-fold: P {p:.3f}  R {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    if args.seeds > 1:
        p, r, tp, fp, fn = precision_recall(
            pooled(points, args.folds, args.target, args.seeds), 0.5
        )
        print(
            f"out-of-fold over {args.seeds} draws: P {p:.3f}  R {r:.3f}  "
            f"(per draw: tp {tp / args.seeds:.1f}, fp {fp / args.seeds:.1f}, "
            f"fn {fn / args.seeds:.1f})"
        )
    t = statistics.median(thresholds)
    p, r, tp, fp, fn = precision_recall(points, t)
    print(f"median threshold {t:.2f}: on all dev P {p:.3f}  R {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
