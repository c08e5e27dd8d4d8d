"""Every pair of word lists in ``worker/pipeline/lexicon.py`` that share a word, and whether one
is built on the other (a derived list) or they are separate lists that overlap.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.lexicon_overlaps [--separate]

Separate lists of one concept should not overlap (``tests/pipeline/test_lexicon.py`` holds the
families it checks); lists of different concepts may ("report" is a verb of saying and a
document noun).
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from worker.pipeline import lexicon  # noqa: E402


def overlaps() -> list[tuple[str, str, frozenset[str], bool]]:
    """``(a, b, shared words, derived)`` for every pair of lists sharing a word; ``derived``
    when one list holds the other."""
    lists = {
        name: value
        for name, value in vars(lexicon).items()
        if name.isupper() and isinstance(value, frozenset)
    }
    out = []
    for (a, wa), (b, wb) in combinations(sorted(lists.items()), 2):
        shared = wa & wb
        if shared:
            out.append((a, b, shared, wa <= wb or wb <= wa))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--separate", action="store_true", help="only lists neither built on other")
    args = parser.parse_args(argv)
    rows = [r for r in overlaps() if not (args.separate and r[3])]
    for a, b, shared, derived in rows:
        words = " ".join(sorted(shared)) if len(shared) <= 12 else f"{len(shared)} words"
        print(f"{a} & {b}{' (derived)' if derived else ''}: {words}")
    print(f"{len(rows)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
