"""The shared extraction set's score: word 4-gram shingle multisets, as in the public benchmark.

Tokens are ``\\w+`` matches; each text becomes a multiset of 4-token shingles (a text shorter than
four tokens is one shingle). Per page, tp/fp/fn are multiset overlaps with the human-written body.
Precision is averaged over pages whose output is non-empty, recall over all pages with a body,
and F1 is the harmonic mean of the two averages — not a mean of per-page F1s.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
NGRAM = 4


@dataclass(frozen=True)
class PageCounts:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def compare(expected: str, predicted: str) -> PageCounts:
    true, pred = shingles(expected), shingles(predicted)
    tp = sum((true & pred).values())
    return PageCounts(tp=tp, fp=sum(pred.values()) - tp, fn=sum(true.values()) - tp)


def aggregate(counts: Iterable[PageCounts]) -> Score:
    counts = list(counts)
    precisions = [c.precision for c in counts if c.precision is not None]
    recalls = [c.recall for c in counts if c.recall is not None]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(precision=p, recall=r, f1=f1, pages=len(counts))


@dataclass(frozen=True)
class Page:
    key: str
    url: str | None
    html: bytes
    body: str


def load_pages(data_dir: Path) -> Iterator[Page]:
    """The set's pages in key order: raw HTML bytes (decompressed) and the expected body."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        path = data_dir / "html" / f"{key}.html.gz"
        yield Page(
            key=key,
            url=truth[key].get("url"),
            html=gzip.decompress(path.read_bytes()),
            body=truth[key].get("articleBody") or "",
        )
