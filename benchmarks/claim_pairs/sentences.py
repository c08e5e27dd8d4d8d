"""Sentences of the PolNeAR train articles with their character offsets (dev data, never committed).

A plain rule-based split, not spaCy's: the pairs file stores offsets, and they must come out the
same on every machine whatever the model release.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.datasets import SHARED

POLNEAR_TEXT = SHARED / "data" / "polnear-train" / "text"

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before whitespace
# and a capital or an opening quote; a line break always ends one.
_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|U\.S|U\.N|Lt|Col|Sgt|Prof|No|vs|Inc|Corp|Co"
    r"|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$"
)


@dataclass(frozen=True)
class Sentence:
    article: str
    start: int
    end: int
    text: str

    @property
    def outlet(self) -> str:
        return self.article.split("_", 1)[0]


def sentence_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def split(article: str, text: str) -> Iterator[Sentence]:
    start = 0
    for m in _END.finditer(text):
        piece = text[start : m.start()]
        gap = m.group(0)
        if not gap.strip() and "\n" not in gap and _ABBREV.search(piece.rstrip("\"'”’)")):
            continue
        # keep a closing quote with its sentence
        end = m.start() + len(m.group(0).rstrip()) if m.group(0).strip() else m.start()
        yield from _emit(article, text, start, end)
        start = m.end()
    yield from _emit(article, text, start, len(text))


def _emit(article: str, text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(article, start, end, text[start:end])


def articles(folder: Path = POLNEAR_TEXT) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8")
