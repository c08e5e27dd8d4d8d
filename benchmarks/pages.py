"""The real news pages of the extraction set (``tests/data/extraction-set``)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

from benchmarks.datasets import extraction_set


@dataclass(frozen=True)
class Page:
    key: str
    url: str
    html: str


def load_pages(limit: int | None = None) -> list[Page]:
    """The pages in a stable order (by key), HTML decoded from UTF-8 with replacement."""
    extraction = extraction_set()
    truth = json.loads((extraction / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        path = extraction / "html" / f"{key}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        pages.append(Page(key, truth[key].get("url") or f"https://example.org/{key}", html))
    return pages
