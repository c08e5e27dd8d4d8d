"""``benchmarks.claims_misses.uncovered``: the recall the rules cap, apart from what the scorer
drops (rows of our own, no corpus needed)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.claims_misses import uncovered  # noqa: E402


def _row(source: str, label: str, pred: str, dropped: list | None = None) -> dict:
    return {"id": f"{source}:a1:0-10", "label": label, "pred": pred, "dropped": dropped}


def test_no_candidate_and_dropped_are_told_apart() -> None:
    out = [
        _row("polnear", "hedged", "none"),  # no rule proposed it
        _row("polnear", "hedged", "none", ["hedged", 0.2, ["appears_so"]]),  # scorer dropped it
        _row("polnear", "hedged", "hedged"),  # found
        _row("extraction", "weasel", "none"),
        _row("extraction", "none", "weasel"),  # a false flag: no positive to count
    ]
    table = uncovered(out)
    assert table[("hedged", "polnear")] == (3, 1, 1)
    assert table[("weasel", "extraction")] == (1, 1, 0)
    assert table[("*", "polnear")] == (3, 1, 1)
    assert table[("*", "*")] == (4, 2, 1)
    assert ("none", "extraction") not in table
