"""Fix the frozen split of the unverifiable-claims corpus, by article, once.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.freeze_claims_split

All sentences of one article go to the same side. The first run stratifies: articles are grouped
by outlet (PolNeAR's seven outlets each; the extraction set's pages, one per site, as one group)
and by the rarest type labelled in them (``none`` when they hold no positive), each group is
shuffled with seed 14 and a quarter of it (rounded by a seeded draw) goes to ``frozen``. Later
runs never move an article: they only place articles not yet in ``split.jsonl``, each by the same
seeded draw on its id. Never look at the frozen side while changing rules or training.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict

from benchmarks.claims_corpus_texts import ARTICLES, SENTENCES, SPLIT, read_jsonl, write_jsonl

SEED = 14
FROZEN_SHARE = 0.25
# rarest first: an article holding an unconfirmed sentence is stratified as unconfirmed
RARITY = ("unconfirmed", "hedged", "reported", "unsourced_figure", "anonymous_source", "weasel")


def stratum(article: dict, labels: set[str]) -> tuple[str, str]:
    group = article["outlet"] if article["source"] == "polnear" else "extraction"
    return group, next((t for t in RARITY if t in labels), "none")


def first_split(articles: list[dict], labels: dict[tuple[str, str], set[str]]) -> dict:
    rng = random.Random(SEED)
    cells: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for a in articles:
        key = (a["source"], a["article"])
        cells[stratum(a, labels.get(key, set()))].append(key)
    side = {}
    for cell in sorted(cells):
        keys = sorted(cells[cell])
        rng.shuffle(keys)
        want = len(keys) * FROZEN_SHARE
        n = int(want) + (rng.random() < want - int(want))
        for i, key in enumerate(keys):
            side[key] = "frozen" if i < n else "dev"
    return side


def place_new(key: tuple[str, str]) -> str:
    return "frozen" if random.Random(f"{SEED}:{key[0]}:{key[1]}").random() < FROZEN_SHARE else "dev"


def main() -> int:
    articles = read_jsonl(ARTICLES)
    labels: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in read_jsonl(SENTENCES):
        labels[(r["source"], r["article"])].add(r["label"])
    if SPLIT.is_file():
        side = {(s["source"], s["article"]): s["split"] for s in read_jsonl(SPLIT)}
        new = [
            (a["source"], a["article"]) for a in articles if (a["source"], a["article"]) not in side
        ]
        for key in new:
            side[key] = place_new(key)
        print(f"{len(new)} new articles placed; none moved")
    else:
        side = first_split(articles, labels)
    rows = [{"source": s, "article": a, "split": side[(s, a)]} for s, a in sorted(side)]
    write_jsonl(SPLIT, rows)
    per = defaultdict(int)
    for r in read_jsonl(SENTENCES):
        per[side[(r["source"], r["article"])]] += 1
    print(
        f"{sum(v == 'frozen' for v in side.values())} of {len(side)} articles frozen; "
        f"sentences: {dict(per)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
