"""Which checks fired on the dev pairs the matcher gets wrong or nearly wrong (dev pairs only).

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claim_penalties [--margin 0.15] [--texts]

For the "same" pairs below the threshold and the not-same pairs at or within ``margin`` under
it, prints the similarity, the score and each check that fired with its factor, then how often
each check fired on each group: the checks that cost the most recall for the least precision.
Reads no frozen pair.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from benchmarks.claim_pairs.pairs import MissingData, all_pairs, exit_missing, require_pairs
from worker.pipeline.claim_match.decision import PENALTY, THRESHOLD, match_claims


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--margin", type=float, default=0.15)
    parser.add_argument("--texts", action="store_true", help="print both sentences")
    args = parser.parse_args(argv)
    require_pairs()
    try:
        dev = [p for p in all_pairs() if p.split == "dev"]
    except MissingData as exc:
        exit_missing(exc)
    groups: dict[str, Counter[str]] = {"missed": Counter(), "passed": Counter(), "near": Counter()}
    sizes: Counter[str] = Counter()
    for p in dev:
        m = match_claims(p.a, p.b)
        gold = p.label == "same"
        if gold and not m.same:
            group = "missed"
        elif not gold and m.same:
            group = "passed"
        elif not gold and m.score >= THRESHOLD - args.margin:
            group = "near"
        else:
            continue
        sizes[group] += 1
        fired = [
            r for r in m.reasons if PENALTY.get(r.code, 1.0) < 1.0 or r.code == "low_similarity"
        ]
        groups[group].update({r.code for r in fired})
        print(f"[{group}] {p.id} ({p.label}) sim {m.similarity:.2f} score {m.score:.2f}")
        for r in fired:
            print(f"    {r.code} x{PENALTY.get(r.code, 1.0)}: {r.text}")
        if args.texts:
            print(f"    A: {p.a}\n    B: {p.b}")
    print()
    for group, counts in groups.items():
        fired = ", ".join(f"{c} {n}" for c, n in counts.most_common())
        print(f"{group} ({sizes[group]} pairs): {fired}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
