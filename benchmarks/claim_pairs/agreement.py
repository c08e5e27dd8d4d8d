"""Agreement of a second, independent labelling with ours on the blind sample.

    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.agreement SECOND_PASS.jsonl

The input is ``.cache/claims_pairs/second_pass_input.jsonl`` with each ``label`` filled in by
the second labeller (``same``, ``related`` or ``unrelated``, following the rule in README.md).
Prints raw agreement and Cohen's kappa on the three classes and on same / not same (the decision
the matcher makes), and lists the disagreements to adjudicate.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from benchmarks.claim_pairs.pairs import MissingData, all_pairs, exit_missing, require_pairs
from benchmarks.claims_agreement import cohen_kappa

CLASSES = ("same", "related", "unrelated")


def main(argv: list[str]) -> int:
    require_pairs()  # before the arguments: a bare run says what is missing
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        ours = {p.id: p for p in all_pairs()}
    except MissingData as exc:
        exit_missing(exc)
    theirs = {}
    lines = Path(argv[0]).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        row = json.loads(line)
        if row.get("label") not in CLASSES:
            print(f"line {n} ({row.get('id')}): label must be one of {CLASSES}", file=sys.stderr)
            return 2
        if row["id"] not in ours:
            print(f"line {n}: unknown pair id {row['id']}", file=sys.stderr)
            return 2
        theirs[row["id"]] = row["label"]
    ids = sorted(theirs)
    a = [ours[i].label for i in ids]
    b = [theirs[i] for i in ids]
    bin_a = ["same" if x == "same" else "not" for x in a]
    bin_b = ["same" if x == "same" else "not" for x in b]
    print(f"{len(ids)} pairs")
    for name, x, y in (("three classes:  ", a, b), ("same / not same:", bin_a, bin_b)):
        agreement = sum(p == q for p, q in zip(x, y, strict=True)) / len(ids)
        print(f"{name} agreement {agreement:.3f}  kappa {cohen_kappa(x, y):.3f}")
    print("confusion (ours -> theirs):", dict(Counter(zip(a, b, strict=True))))
    for i in ids:
        if ours[i].label != theirs[i]:
            print(f"  {i}: ours {ours[i].label}, theirs {theirs[i]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
