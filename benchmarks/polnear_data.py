"""PolNeAR's train split on disk, and our frozen division of it into dev and frozen parts.

The corpus is read from ``../shared/data/polnear-train`` (``text/ID.txt`` and
``attributions/ID_XXXX.ann``); it never enters the repository. Only the membership of the split
is committed (``benchmarks/data/polnear_split.json``: article ids, no text). PolNeAR's own dev and
test splits are held out from all of this.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks.brat import Attribution, read_ann

SPLIT_FILE = Path(__file__).resolve().parent / "data" / "polnear_split.json"
SEED = 13
FROZEN_SHARE = 0.25


class MissingDataError(RuntimeError):
    """The corpus is not where the benchmark looks; the message says how to get it."""


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    text: str
    relations: list[Attribution]


def corpus_dir(shared: Path) -> Path:
    return shared / "data" / "polnear-train"


def article_ids(directory: Path) -> list[str]:
    texts = directory / "text"
    if not texts.is_dir() or not (directory / "attributions").is_dir():
        raise MissingDataError(
            f"PolNeAR's train split is missing: expected {texts} and {directory / 'attributions'}"
            " (PolNeAR, networkdynamics/PolNeAR on GitHub, data/train, laid out as described in"
            " the README's attribution section; set SOURCEMARK_SHARED_DIR to the folder holding"
            " data/polnear-train)."
        )
    return sorted(p.stem for p in texts.glob("*.txt"))


def outlet(article_id: str) -> str:
    return article_id.split("_", 1)[0]


def make_split(ids: list[str], seed: int = SEED, share: float = FROZEN_SHARE) -> dict:
    """Stratified by outlet: ``share`` of each outlet's articles, drawn with ``seed``, frozen."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(ids):
        by_outlet[outlet(article_id)].append(article_id)
    rng = random.Random(seed)
    frozen: list[str] = []
    for name in sorted(by_outlet):
        members = by_outlet[name]
        frozen.extend(rng.sample(members, round(len(members) * share)))
    frozen_set = set(frozen)
    return {
        "seed": seed,
        "frozen_share": share,
        "dev": sorted(i for i in ids if i not in frozen_set),
        "frozen": sorted(frozen_set),
    }


def load_split(path: Path = SPLIT_FILE) -> dict[str, list[str]]:
    data = json.loads(path.read_text("utf-8"))
    return {"dev": data["dev"], "frozen": data["frozen"]}


def load_article(directory: Path, article_id: str) -> Article:
    text = (directory / "text" / f"{article_id}.txt").read_text("utf-8")
    # Some articles carry two annotators' files: the first in sorted order is the one we score.
    anns = sorted((directory / "attributions").glob(f"{article_id}_????.ann"))
    if not anns:
        raise MissingDataError(f"no annotations for {article_id} in {directory / 'attributions'}")
    return Article(article_id, outlet(article_id), text, read_ann(anns[0]))


def load_part(directory: Path, ids: list[str]) -> list[Article]:
    present = set(article_ids(directory))
    missing = [i for i in ids if i not in present]
    if missing:
        raise MissingDataError(
            f"{len(missing)} articles of the split are not in {directory} (first: {missing[0]})"
        )
    return [load_article(directory, i) for i in ids]


if __name__ == "__main__":
    # Writes the split once; it is never regenerated over an existing file.
    import sys

    from tests.support.shared import SHARED

    if SPLIT_FILE.exists():
        sys.exit(f"{SPLIT_FILE} exists: the split is frozen; not rewriting it")
    SPLIT_FILE.parent.mkdir(parents=True, exist_ok=True)
    split = make_split(article_ids(corpus_dir(SHARED)))
    SPLIT_FILE.write_text(json.dumps(split, indent=1) + "\n", "utf-8")
    print(f"dev {len(split['dev'])}, frozen {len(split['frozen'])} -> {SPLIT_FILE}")
