"""Fix the labelled PolNeAR pairs and the frozen split, once (kept to show how it was made).

    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.freeze

Reads the candidates (``.cache/claims_pairs/candidates.jsonl``, from ``candidates.py``) and the
hand labels in the same order (``.cache/claims_pairs/labels.txt``: ``s``/``r``/``u``, groups of ten
separated by ``|`` so that a slip shows), and writes ``polnear_pairs.jsonl`` beside this file:
ids, offsets, hashes, label, cluster and split, no text. The written pairs in
``tests/data/claim_pairs/written.jsonl`` get their split the same way.

Clusters: pairs that share a sentence, or a sentence with the same opening words (the same
statement reprinted across outlets), are one cluster, and a cluster is wholly on one side. Whole
clusters are drawn into the frozen split in a seeded order until it holds 30% of the pairs.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from benchmarks import datasets
from benchmarks.datasets import require

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = datasets.CACHE / "claims_pairs"
POLNEAR_PAIRS = HERE / "polnear_pairs.jsonl"
WRITTEN = ROOT / "tests" / "data" / "claim_pairs" / "written.jsonl"
SEED = 1616
FROZEN_SHARE = 0.30
LABELS = {"s": "same", "r": "related", "u": "unrelated"}


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower())[:8])


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def read_labels(path: Path, count: int) -> list[str]:
    """The hand labels of ``count`` candidates, in order: ``s``/``r``/``u``, groups of ten
    separated by ``|`` or line ends (a group of another length shows a slip)."""
    chunks = path.read_text().replace("\n", "|").strip("|").split("|")
    if any(len(c.split()) != 10 for c in chunks[:-1]):
        raise SystemExit(f"{path.name}: a group of ten is not ten long")
    labels = [x for c in chunks for x in c.split()]
    if len(labels) != count:
        raise SystemExit(f"{len(labels)} labels for {count} candidates")
    return labels


def assign_splits(groups: list[str], seed: int = SEED) -> dict[str, str]:
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    order = sorted(sizes)
    random.Random(seed).shuffle(order)
    split, frozen = {}, 0
    for g in order:
        if frozen < FROZEN_SHARE * len(groups):
            split[g] = "frozen"
            frozen += sizes[g]
        else:
            split[g] = "dev"
    return split


def main() -> None:
    require(
        CACHE / "candidates.jsonl",
        "the candidate pairs",
        "run `PYTHONPATH=$PWD python -m benchmarks.claim_pairs.candidates > "
        f"{CACHE / 'candidates.jsonl'}` (needs PolNeAR's train texts)",
    )
    require(
        CACHE / "labels.txt",
        "the hand labels of the candidates",
        "label the candidates in order as this module's docstring says (s/r/u, groups of ten)",
    )
    candidates = [json.loads(line) for line in (CACHE / "candidates.jsonl").open()]
    labels = read_labels(CACHE / "labels.txt", len(candidates))
    union = _Union()
    for c in candidates:
        ids = []
        for side in ("a", "b"):
            s = c[side]
            sid = f"{s['article']}:{s['start']}"
            union.join(sid, "t:" + _key(c["text_" + side]))
            ids.append(sid)
        union.join(*ids)
    groups = [union.find(f"{c['a']['article']}:{c['a']['start']}") for c in candidates]
    names = {g: f"c{i:03d}" for i, g in enumerate(dict.fromkeys(groups))}
    split = assign_splits([names[g] for g in groups])
    with POLNEAR_PAIRS.open("w") as out:
        for i, (c, g, lab) in enumerate(zip(candidates, groups, labels, strict=True)):
            row = {
                "id": f"p{i:03d}",
                "a": c["a"],
                "b": c["b"],
                "label": LABELS[lab],
                "cluster": names[g],
                "split": split[names[g]],
                "drawn": c["band"],
            }
            out.write(json.dumps(row) + "\n")
    written = [json.loads(line) for line in WRITTEN.open()]
    wsplit = assign_splits([w["group"] for w in written])
    with WRITTEN.open("w") as out:
        for w in written:
            w["split"] = wsplit[w["group"]]
            out.write(json.dumps(w, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
