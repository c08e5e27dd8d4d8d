"""Fix the frozen split of the unverifiable-claims corpus, by article, once.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.freeze_claims_split

All sentences of one article go to the same side, and so do articles that share a labelled
sentence of 80 characters or more (syndicated copies, the same story filed twice, a repeated
editor's note), so that no near-duplicate straddles the split. The first run stratifies by type
and outlet: each unit is typed by the rarest type labelled in it (``none`` when it holds no
positive); within a type the units are ordered by outlet group (PolNeAR's seven outlets each; the
extraction set's pages as one group), shuffled within it with seed 14, and every fourth one from a
seeded offset goes to ``frozen``. Later runs never move an article: they only place articles not
yet in ``split.jsonl``, once, before anyone tunes on them: beside an already placed article they
share a long sentence with; on ``dev`` when the learned scorer already trained on the page
(Readability's pages in ``tests/data/unverified/readability``); else stratified by type: within the
rarest type labelled in the unit, units are ordered by a seeded hash of their id and every fifth
(``NEW_FROZEN_SHARE``) from a hash-chosen offset goes to ``frozen``. Never look at the frozen side
while changing rules or training.
"""

from __future__ import annotations

import hashlib
import random
import sys
from collections import defaultdict

from benchmarks.claims_corpus_texts import (
    ARTICLES,
    CORPUS_DIR,
    SENTENCES,
    SPLIT,
    read_jsonl,
    write_jsonl,
)

SEED = 14
FROZEN_SHARE = 0.25
NEW_FROZEN_SHARE = 0.20
# pages whose sentences the learned scorer trains on: frozen would test it on its training text
SCORER_ROWS = CORPUS_DIR.parent / "readability" / "candidates.jsonl"
# rarest first: an article holding an unconfirmed sentence is stratified as unconfirmed
RARITY = ("unconfirmed", "hedged", "reported", "unsourced_figure", "anonymous_source", "weasel")


def stratum(article: dict, labels: set[str]) -> tuple[str, str]:
    group = article["outlet"] if article["source"] == "polnear" else "extraction"
    return group, next((t for t in RARITY if t in labels), "none")


Key = tuple[str, str]
MIN_SHARED = 80  # characters: a shared sentence this long makes two articles one unit


def units(sentences: list[dict]) -> dict[Key, Key]:
    """Each article's unit (its smallest member): articles sharing a long sentence are one unit."""
    parent: dict[Key, Key] = {}

    def find(x: Key) -> Key:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_sha: dict[str, set[Key]] = defaultdict(set)
    for r in sentences:
        key = (r["source"], r["article"])
        find(key)
        if r["end"] - r["start"] >= MIN_SHARED:
            by_sha[r["sha"]].add(key)
    for keys in by_sha.values():
        first, *rest = sorted(keys)
        for k in rest:
            a, b = sorted((find(first), find(k)))
            parent[b] = a
    return {k: find(k) for k in parent}


def first_split(articles: list[dict], labels: dict[Key, set[str]], unit_of: dict[Key, Key]) -> dict:
    rng = random.Random(SEED)
    meta = {(a["source"], a["article"]): a for a in articles}
    members: dict[Key, list[Key]] = defaultdict(list)
    for key in meta:
        members[unit_of.get(key, key)].append(key)
    # stratified by type and outlet: within each type (the rarest labelled in the unit), units are
    # ordered by outlet group and shuffled within it, then every fourth one from a seeded offset
    # is frozen, so each type gets its quarter and it is spread over the outlets
    cells: dict[str, list[tuple[str, float, Key]]] = defaultdict(list)
    for unit in sorted(members):
        unit_labels = set().union(*(labels.get(k, set()) for k in members[unit]))
        group, kind = stratum(meta[unit], unit_labels)
        cells[kind].append((group, rng.random(), unit))
    side = {}
    step = round(1 / FROZEN_SHARE)
    for kind in sorted(cells):
        ordered = sorted(cells[kind])
        offset = rng.randrange(step)
        for i, (_, _, unit) in enumerate(ordered):
            for key in members[unit]:
                side[key] = "frozen" if (i + offset) % step == 0 else "dev"
    return side


def _hash(text: str) -> str:
    return hashlib.sha256(f"{SEED}:{text}".encode()).hexdigest()


def place_new(
    new: list[Key],
    side: dict[Key, str],
    labels: dict[Key, set[str]],
    unit_of: dict[Key, Key],
    trained: set[Key],
) -> dict[Key, str]:
    """Sides of articles not yet placed; placed articles never move."""
    placed: dict[Key, str] = {}
    units_new: dict[Key, list[Key]] = defaultdict(list)
    for key in new:
        units_new[unit_of.get(key, key)].append(key)
    cells: dict[str, list[tuple[str, Key]]] = defaultdict(list)
    for unit, keys in sorted(units_new.items()):
        # a new article joins the side of an already placed article it shares a sentence with
        mates = sorted(k for k, u in unit_of.items() if u == unit and k in side)
        if mates:
            placed.update(dict.fromkeys(keys, side[mates[0]]))
        elif any(k in trained for k in keys):
            placed.update(dict.fromkeys(keys, "dev"))
        else:
            kinds = set().union(*(labels.get(k, set()) for k in keys))
            kind = next((t for t in RARITY if t in kinds), "none")
            cells[kind].append((_hash(f"{unit[0]}:{unit[1]}"), unit))
    step = round(1 / NEW_FROZEN_SHARE)
    for kind, cell in sorted(cells.items()):
        offset = int(_hash(f"offset:{kind}"), 16) % step
        for i, (_, unit) in enumerate(sorted(cell)):
            choice = "frozen" if (i + offset) % step == 0 else "dev"
            placed.update(dict.fromkeys(units_new[unit], choice))
    return placed


def main() -> int:
    articles = read_jsonl(ARTICLES)
    sentences = read_jsonl(SENTENCES)
    labels: dict[Key, set[str]] = defaultdict(set)
    for r in sentences:
        labels[(r["source"], r["article"])].add(r["label"])
    unit_of = units(sentences)
    if SPLIT.is_file():
        side = {(s["source"], s["article"]): s["split"] for s in read_jsonl(SPLIT)}
        new = [
            (a["source"], a["article"]) for a in articles if (a["source"], a["article"]) not in side
        ]
        trained = {("bench", f"readability/{r['page']}") for r in read_jsonl(SCORER_ROWS)}
        side.update(place_new(new, side, labels, unit_of, trained))
        print(f"{len(new)} new articles placed; none moved")
    else:
        side = first_split(articles, labels, unit_of)
    rows = [{"source": s, "article": a, "split": side[(s, a)]} for s, a in sorted(side)]
    write_jsonl(SPLIT, rows)
    per: dict[str, int] = defaultdict(int)
    for r in sentences:
        per[side[(r["source"], r["article"])]] += 1
    split_units = defaultdict(set)
    for key, unit in unit_of.items():
        split_units[unit].add(side[key])
    assert all(len(v) == 1 for v in split_units.values()), "a shared sentence straddles the split"
    print(
        f"{sum(v == 'frozen' for v in side.values())} of {len(side)} articles frozen; "
        f"sentences: {dict(per)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
