"""The labelled claim pairs, text joined in: PolNeAR pairs from the git-ignored cache, the written
pairs from ``tests/data``.

    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.pairs     # (re)build the cache

``polnear_pairs.jsonl`` holds only article ids, offsets and hashes (PolNeAR states no licence);
building joins them with ``../shared/data/polnear-train/text`` into
``.cache/claims_pairs/pairs.jsonl`` and writes the blind sample for a second labeller,
``.cache/claims_pairs/second_pass_input.jsonl``.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from benchmarks import datasets
from benchmarks.claim_pairs.sentences import POLNEAR_TEXT, sentence_hash
from benchmarks.datasets import GET_POLNEAR, missing, require

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
POLNEAR_PAIRS = HERE / "polnear_pairs.jsonl"
# the second draw (``more.py``): dev only
POLNEAR_PAIRS_MORE = HERE / "polnear_pairs_more.jsonl"
# the third draw (``third.py``): dev only
POLNEAR_PAIRS_THIRD = HERE / "polnear_pairs_third.jsonl"
# the fourth draw (``fourth.py``): dev only, two outlets on one event in other words
POLNEAR_PAIRS_FOURTH = HERE / "polnear_pairs_fourth.jsonl"
WRITTEN = ROOT / "tests" / "data" / "claim_pairs" / "written.jsonl"
CACHE = datasets.CACHE / "claims_pairs"
JOINED = CACHE / "pairs.jsonl"
SECOND_PASS = CACHE / "second_pass_input.jsonl"
SECOND_PASS_SIZE = 150
SECOND_PASS_SEED = 150
SECOND_PASS_MORE = CACHE / "second_pass_more_input.jsonl"
SECOND_PASS_MORE_SIZE = 70
SECOND_PASS_MORE_SEED = 1617
SECOND_PASS_FOURTH = CACHE / "second_pass_fourth_input.jsonl"
SECOND_PASS_FOURTH_SIZE = 55
SECOND_PASS_FOURTH_SEED = 1619


class MissingData(Exception):
    """The shared data or the cache is absent; the message says how to get it."""


def require_pairs() -> None:
    """Exit, saying what is missing and how to get it, unless the PolNeAR pairs can be had: from
    the joined cache, or built from PolNeAR's train texts."""
    if not JOINED.exists():
        require(
            POLNEAR_TEXT, "PolNeAR's train texts (to join the labelled pairs with)", GET_POLNEAR
        )


def exit_missing(exc: MissingData) -> NoReturn:
    """A ``MissingData`` met after the up-front check (a text changed), in the same words."""
    missing("the PolNeAR pairs' texts", str(exc), GET_POLNEAR)


@dataclass(frozen=True)
class Pair:
    id: str
    source: str  # "polnear" or "written"
    split: str  # "dev" or "frozen"
    label: str  # "same", "related" or "unrelated"
    a: str
    b: str
    cluster: str = ""  # pairs of one cluster (or written event) stay together in a CV fold


def written_pairs() -> list[Pair]:
    rows = [json.loads(line) for line in WRITTEN.open(encoding="utf-8")]
    return [
        Pair(r["id"], "written", r["split"], r["label"], r["a"], r["b"], "w:" + r["group"])
        for r in rows
    ]


def build_cache() -> int:
    if not POLNEAR_TEXT.is_dir():
        raise MissingData(
            f"PolNeAR train texts not found at {POLNEAR_TEXT}: put the workspace's shared/ folder "
            "beside the checkout (or set SOURCEMARK_SHARED_DIR), then run "
            "`python -m benchmarks.claim_pairs.pairs`."
        )
    texts: dict[str, str] = {}
    rows = []
    for line in _polnear_lines():
        r = json.loads(line)
        joined = {}
        for side in ("a", "b"):
            s = r[side]
            if s["article"] not in texts:
                texts[s["article"]] = (POLNEAR_TEXT / f"{s['article']}.txt").read_text("utf-8")
            text = texts[s["article"]][s["start"] : s["end"]]
            if sentence_hash(text) != s["sha"]:
                raise MissingData(f"{r['id']}: the text of {s['article']} is not the one labelled")
            joined[side] = text
        rows.append(
            {
                "id": r["id"],
                "source": "polnear",
                "split": r["split"],
                "label": r["label"],
                **joined,
                "cluster": r["cluster"],
            }
        )
    CACHE.mkdir(parents=True, exist_ok=True)
    with JOINED.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    # each draw's blind sample stays what it was: the third draw ("t") joins none
    first = [r for r in rows if r["id"].startswith("p")]
    more = [r for r in rows if r["id"].startswith("m")]
    fourth = [r for r in rows if r["id"].startswith("f")]
    _write_second_pass(
        first + [p.__dict__ for p in written_pairs()],
        SECOND_PASS,
        SECOND_PASS_SIZE,
        SECOND_PASS_SEED,
    )
    if more:
        _write_second_pass(more, SECOND_PASS_MORE, SECOND_PASS_MORE_SIZE, SECOND_PASS_MORE_SEED)
    if fourth:
        _write_second_pass(
            fourth, SECOND_PASS_FOURTH, SECOND_PASS_FOURTH_SIZE, SECOND_PASS_FOURTH_SEED
        )
    return len(rows)


def _polnear_lines() -> list[str]:
    lines = POLNEAR_PAIRS.read_text().splitlines()
    for extra in (POLNEAR_PAIRS_MORE, POLNEAR_PAIRS_THIRD, POLNEAR_PAIRS_FOURTH):
        if extra.exists():
            lines += extra.read_text().splitlines()
    return lines


def _write_second_pass(rows: list[dict], path: Path, size: int, seed: int) -> None:
    sample = random.Random(seed).sample(sorted(rows, key=lambda r: r["id"]), size)
    with path.open("w", encoding="utf-8") as out:
        for r in sample:
            out.write(
                json.dumps(
                    {"id": r["id"], "a": r["a"], "b": r["b"], "label": None}, ensure_ascii=False
                )
                + "\n"
            )


def all_pairs() -> list[Pair]:
    """Every labelled pair; raises MissingData when the PolNeAR cache cannot be had."""
    if not JOINED.exists():
        build_cache()
    polnear = [Pair(**json.loads(line)) for line in JOINED.open(encoding="utf-8")]
    if len(polnear) != len(_polnear_lines()) or not all(p.cluster for p in polnear):
        build_cache()
        polnear = [Pair(**json.loads(line)) for line in JOINED.open(encoding="utf-8")]
    return polnear + written_pairs()


def main() -> int:
    require(POLNEAR_TEXT, "PolNeAR's train texts", GET_POLNEAR)
    try:
        n = build_cache()
    except MissingData as exc:
        exit_missing(exc)
    print(
        f"{n} PolNeAR pairs joined into {JOINED}; blind sample of {SECOND_PASS_SIZE} in "
        f"{SECOND_PASS}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
