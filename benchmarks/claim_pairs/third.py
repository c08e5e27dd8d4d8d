"""A third draw of dev pairs from PolNeAR train (issue 16: fresh pairs to test the matcher on data
it was not tuned on), the procedure of ``more.py`` with a new seed and no sentence of either
earlier draw; all pairs dev.

    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.third draw
    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.third fix

``draw`` writes ``.cache/claims_pairs/third_candidates.jsonl`` (with text); ``fix`` reads the hand
labels in the same order from ``.cache/claims_pairs/third_labels.txt`` (``s``/``r``/``u``, groups
of ten separated by ``|``) and writes ``polnear_pairs_third.jsonl`` beside this file (no text).

As in the second draw, a sentence whose first eight words open a sentence of a frozen pair is left
out (a reprint of it belongs to that frozen cluster), so the frozen split stays as it was.
Clusters for grouped cross-validation are made as in ``freeze.py``, joined to an earlier draw's
dev cluster where a new sentence opens like one of its sentences.
"""

from __future__ import annotations

import json
import random
import sys

from benchmarks.claim_pairs.candidates import candidate_line, draw_pairs, scored_pairs
from benchmarks.claim_pairs.freeze import LABELS, _key, _Union, read_labels
from benchmarks.claim_pairs.more import _first_draw
from benchmarks.claim_pairs.pairs import CACHE, POLNEAR_PAIRS_MORE, POLNEAR_PAIRS_THIRD
from benchmarks.claim_pairs.sentences import POLNEAR_TEXT, articles, split
from benchmarks.datasets import GET_POLNEAR, require

SEED = 1618
# The two earlier draws left one pair at cosine >= 0.60 whose sentences were free (all taken);
# the upper half of the middle band, where the near paraphrases now are, is drawn more than in
# the second draw so that the draw reaches about 300 pairs with a comparable "same" share.
BANDS = [(0.60, 1.01, 230), (0.50, 0.60, 160), (0.42, 0.50, 80), (0.25, 0.42, 40)]
RANDOM = 20
CANDIDATES = CACHE / "third_candidates.jsonl"
LABELS_FILE = CACHE / "third_labels.txt"


def _earlier() -> tuple[set[tuple[str, int]], dict[str, str], dict[str, str]]:
    """Sentences in a pair of either earlier draw; opening key -> split and cluster (the first
    draw's, then the second's where the first has none)."""
    used, split_of, cluster_of = _first_draw()
    texts: dict[str, str] = {}
    for line in POLNEAR_PAIRS_MORE.open():
        r = json.loads(line)
        for side in ("a", "b"):
            s = r[side]
            used.add((s["article"], s["start"]))
            if s["article"] not in texts:
                texts[s["article"]] = (POLNEAR_TEXT / f"{s['article']}.txt").read_text("utf-8")
            key = _key(texts[s["article"]][s["start"] : s["end"]])
            split_of.setdefault(key, "dev")
            cluster_of.setdefault(key, r["cluster"])
    return used, split_of, cluster_of


def draw() -> None:
    used, split_of, _ = _earlier()
    sentences = [
        s
        for a, t in articles()
        for s in split(a, t)
        if 8 <= len(s.text.split()) <= 60
        and (s.article, s.start) not in used
        and split_of.get(_key(s.text)) != "frozen"
    ]
    pairs = scored_pairs(sentences)
    chosen = draw_pairs(sentences, pairs, random.Random(SEED), BANDS, RANDOM)
    CACHE.mkdir(parents=True, exist_ok=True)
    with CANDIDATES.open("w", encoding="utf-8") as out:
        for i, j, v, band in chosen:
            out.write(candidate_line(sentences[i], sentences[j], band, v) + "\n")
    print(
        f"{len(sentences)} sentences, {len(pairs)} pairs >= 0.25, {len(chosen)} drawn",
        file=sys.stderr,
    )


def fix() -> None:
    require(
        CANDIDATES, "the third draw's candidates", "run `... benchmarks.claim_pairs.third draw`"
    )
    require(LABELS_FILE, "their hand labels", "label them in order (s/r/u, groups of ten)")
    candidates = [json.loads(line) for line in CANDIDATES.open()]
    labels = read_labels(LABELS_FILE, len(candidates))
    _, split_of, cluster_of = _earlier()
    union = _Union()
    for c in candidates:
        ids = []
        for side in ("a", "b"):
            s = c[side]
            sid = f"{s['article']}:{s['start']}"
            key = _key(c["text_" + side])
            assert split_of.get(key) != "frozen"
            union.join(sid, "t:" + key)
            if key in cluster_of:
                union.join(sid, "old:" + cluster_of[key])
            ids.append(sid)
        union.join(*ids)
    names: dict[str, str] = {}
    with POLNEAR_PAIRS_THIRD.open("w") as out:
        for i, (c, lab) in enumerate(zip(candidates, labels, strict=True)):
            root = union.find(f"{c['a']['article']}:{c['a']['start']}")
            old = next(
                (k[4:] for k in union.parent if k.startswith("old:") and union.find(k) == root),
                None,
            )
            cluster = old or names.setdefault(root, f"t{len(names):03d}")
            row = {
                "id": f"t{i:03d}",
                "a": c["a"],
                "b": c["b"],
                "label": LABELS[lab],
                "cluster": cluster,
                "split": "dev",
                "drawn": c["band"],
            }
            out.write(json.dumps(row) + "\n")


def main(argv: list[str]) -> int:
    require(POLNEAR_TEXT, "PolNeAR's train texts", GET_POLNEAR)
    steps = {"draw": draw, "fix": fix}
    if len(argv) != 1 or argv[0] not in steps:
        print(__doc__, file=sys.stderr)
        return 2
    steps[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
