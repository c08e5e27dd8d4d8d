"""A second draw of dev pairs from PolNeAR train (issue 16: more dev data), the same procedure as
``candidates.py`` with a new seed, no sentence already in a labelled pair, all pairs dev.

    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.more draw
    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.more fix

``draw`` writes ``.cache/claims_pairs/more_candidates.jsonl`` (with text); ``fix`` reads the hand
labels in the same order from ``.cache/claims_pairs/more_labels.txt`` (``s``/``r``/``u``, groups
of ten separated by ``|``) and writes ``polnear_pairs_more.jsonl`` beside this file (no text).

A sentence whose first eight words open a sentence of a frozen pair is left out as well: it is the
same statement reprinted, and ``freeze.py`` would have put it in that frozen pair's cluster. The
frozen split's membership and size stay as they were; the new pairs never go to it. Clusters (for
grouped cross-validation on dev) are made as in ``freeze.py``, joined to the first draw's dev
clusters where a new sentence opens like one of theirs.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.claim_pairs.candidates import candidate_line, draw_pairs, scored_pairs
from benchmarks.claim_pairs.freeze import LABELS, _key, _Union, read_labels
from benchmarks.claim_pairs.pairs import CACHE, POLNEAR_PAIRS, POLNEAR_PAIRS_MORE
from benchmarks.claim_pairs.sentences import (
    POLNEAR_TEXT,
    articles,
    split,
)
from benchmarks.datasets import GET_POLNEAR, require

SEED = 1617
# The first draw left few high-band pairs (sentences used at most twice): all of them are taken,
# and the middle band is split in two so that more of its upper half (nearer paraphrase) is drawn.
BANDS = [(0.60, 1.01, 230), (0.50, 0.60, 100), (0.42, 0.50, 70), (0.25, 0.42, 40)]
RANDOM = 20
CANDIDATES = CACHE / "more_candidates.jsonl"
LABELS_FILE = CACHE / "more_labels.txt"


def _first_draw() -> tuple[set[tuple[str, int]], dict[str, str], dict[str, str]]:
    """Sentences already in a pair; the opening key of each first-draw sentence -> its split and
    its cluster (keys computed from the texts, nothing printed)."""
    used: set[tuple[str, int]] = set()
    split_of: dict[str, str] = {}
    cluster_of: dict[str, str] = {}
    for key, r in _pair_sentence_keys(POLNEAR_PAIRS, used):
        if split_of.get(key) != "frozen":
            split_of[key] = r["split"]
            cluster_of[key] = r["cluster"]
    return used, split_of, cluster_of


def _pair_sentence_keys(path: Path, used: set[tuple[str, int]]) -> Iterator[tuple[str, dict]]:
    """Each pair sentence of ``path`` as (its opening key, its pair's row), recording its place
    in ``used`` on the way; the article texts are read once each."""
    texts: dict[str, str] = {}
    for line in path.open():
        r = json.loads(line)
        for side in ("a", "b"):
            s = r[side]
            used.add((s["article"], s["start"]))
            if s["article"] not in texts:
                texts[s["article"]] = (POLNEAR_TEXT / f"{s['article']}.txt").read_text("utf-8")
            yield _key(texts[s["article"]][s["start"] : s["end"]]), r


@dataclass(frozen=True)
class Draw:
    """One later draw of dev pairs: its seed and bands, its files, its id prefix, and the
    sentences the draws before it used (``earlier``: used, opening key -> split, -> cluster)."""

    name: str  # "second", "third": for messages
    module: str  # "more", "third": the command that makes it
    seed: int
    bands: list[tuple[float, float, int]]
    candidates: Path
    labels: Path
    out: Path
    prefix: str
    earlier: Callable[[], tuple[set[tuple[str, int]], dict[str, str], dict[str, str]]]


def draw_pairs_of(d: Draw) -> None:
    """Write the draw's candidate pairs (with text) to ``d.candidates``."""
    used, split_of, _ = d.earlier()
    sentences = [
        s
        for a, t in articles()
        for s in split(a, t)
        if 8 <= len(s.text.split()) <= 60
        and (s.article, s.start) not in used
        and split_of.get(_key(s.text)) != "frozen"
    ]
    pairs = scored_pairs(sentences)
    chosen = draw_pairs(sentences, pairs, random.Random(d.seed), d.bands, RANDOM)
    CACHE.mkdir(parents=True, exist_ok=True)
    with d.candidates.open("w", encoding="utf-8") as out:
        for i, j, v, band in chosen:
            out.write(candidate_line(sentences[i], sentences[j], band, v) + "\n")
    print(
        f"{len(sentences)} sentences, {len(pairs)} pairs >= 0.25, {len(chosen)} drawn",
        file=sys.stderr,
    )


def fix_pairs_of(d: Draw) -> None:
    """Join the draw's candidates with their hand labels into ``d.out`` (no text), clustered."""
    require(
        d.candidates,
        f"the {d.name} draw's candidates",
        f"run `... benchmarks.claim_pairs.{d.module} draw`",
    )
    require(d.labels, "their hand labels", "label them in order (s/r/u, groups of ten)")
    candidates = [json.loads(line) for line in d.candidates.open()]
    labels = read_labels(d.labels, len(candidates))
    _, split_of, cluster_of = d.earlier()
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
    with d.out.open("w") as out:
        for i, (c, lab) in enumerate(zip(candidates, labels, strict=True)):
            root = union.find(f"{c['a']['article']}:{c['a']['start']}")
            old = next(
                (k[4:] for k in union.parent if k.startswith("old:") and union.find(k) == root),
                None,
            )
            cluster = old or names.setdefault(root, f"{d.prefix}{len(names):03d}")
            row = {
                "id": f"{d.prefix}{i:03d}",
                "a": c["a"],
                "b": c["b"],
                "label": LABELS[lab],
                "cluster": cluster,
                "split": "dev",
                "drawn": c["band"],
            }
            out.write(json.dumps(row) + "\n")


SECOND = Draw(
    "second",
    "more",
    SEED,
    BANDS,
    CANDIDATES,
    LABELS_FILE,
    POLNEAR_PAIRS_MORE,
    "m",
    _first_draw,
)


def draw() -> None:
    require(POLNEAR_TEXT, "PolNeAR's train texts", GET_POLNEAR)
    draw_pairs_of(SECOND)


def fix() -> None:
    fix_pairs_of(SECOND)


def add_dev_draw(
    path: Path,
    used: set[tuple[str, int]],
    split_of: dict[str, str],
    cluster_of: dict[str, str],
) -> None:
    """Add the sentences of a later, all-dev draw (``path``) to an earlier draws' ``used``
    places and opening-key maps; keys already placed keep their split and cluster."""
    for key, r in _pair_sentence_keys(path, used):
        split_of.setdefault(key, "dev")
        cluster_of.setdefault(key, r["cluster"])


def run_step(argv: list[str], steps: dict[str, Callable[[], None]], usage: str | None) -> int:
    """Run the one step ``argv`` names (a draw module's command line), or print ``usage``."""
    # the texts first: a bare run where they are missing says so, before the arguments
    require(POLNEAR_TEXT, "PolNeAR's train texts", GET_POLNEAR)
    if len(argv) != 1 or argv[0] not in steps:
        print(usage, file=sys.stderr)
        return 2
    steps[argv[0]]()
    return 0


def main(argv: list[str]) -> int:
    return run_step(argv, {"draw": draw, "fix": fix}, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
