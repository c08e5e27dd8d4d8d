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

import sys

from benchmarks.claim_pairs.more import (
    Draw,
    _first_draw,
    add_dev_draw,
    draw_pairs_of,
    fix_pairs_of,
    run_step,
)
from benchmarks.claim_pairs.pairs import CACHE, POLNEAR_PAIRS_MORE, POLNEAR_PAIRS_THIRD

SEED = 1618
# The two earlier draws left one pair at cosine >= 0.60 whose sentences were free (all taken);
# the upper half of the middle band, where the near paraphrases now are, is drawn more than in
# the second draw so that the draw reaches about 300 pairs with a comparable "same" share.
BANDS = [(0.60, 1.01, 230), (0.50, 0.60, 160), (0.42, 0.50, 80), (0.25, 0.42, 40)]
CANDIDATES = CACHE / "third_candidates.jsonl"
LABELS_FILE = CACHE / "third_labels.txt"


def _earlier() -> tuple[set[tuple[str, int]], dict[str, str], dict[str, str]]:
    """Sentences in a pair of either earlier draw; opening key -> split and cluster (the first
    draw's, then the second's where the first has none)."""
    used, split_of, cluster_of = _first_draw()
    add_dev_draw(POLNEAR_PAIRS_MORE, used, split_of, cluster_of)
    return used, split_of, cluster_of


THIRD = Draw(
    "third",
    "third",
    SEED,
    BANDS,
    CANDIDATES,
    LABELS_FILE,
    POLNEAR_PAIRS_THIRD,
    "t",
    _earlier,
)


def draw() -> None:
    draw_pairs_of(THIRD)


def fix() -> None:
    fix_pairs_of(THIRD)


def main(argv: list[str]) -> int:
    return run_step(argv, {"draw": draw, "fix": fix}, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
