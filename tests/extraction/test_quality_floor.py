"""Quality floors on the shared extraction set, so a change cannot silently lower them.

The score is the benchmark's (``benchmarks/extraction_score.py``). Besides the set-wide floor,
``tests/data/extraction/baseline.json`` records per-page F1 for pages chosen to cover the
extractor's hard cases (multi-part bodies, comment threads and menus to trim, non-Latin scripts,
hard-wrapped text); a page dropping more than the tolerance below its baseline fails on its own.
Regenerate the baseline after an intended improvement with
``.venv/bin/python -m tests.extraction.test_quality_floor``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from benchmarks.extraction_score import PageCounts, aggregate, compare, load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.errors import PipelineError
from worker.pipeline.extraction import extract_article

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "tests" / "data" / "extraction" / "baseline.json"
F1_FLOOR = 0.97
PAGE_TOLERANCE = 0.02


def _text(html: bytes, url: str | None) -> str:
    try:
        return extract_article(html, url).text
    except PipelineError:
        return ""


@cache
def _counts() -> dict[str, PageCounts]:
    return {p.key: compare(p.body, _text(p.html, p.url)) for p in load_pages(EXTRACTION_DIR)}


def test_shared_set_f1_floor():
    score = aggregate(_counts().values())
    assert score.pages == 88
    assert score.f1 >= F1_FLOOR, (
        f"F1 {score.f1:.4f} < {F1_FLOOR} (P {score.precision:.4f}, R {score.recall:.4f})"
    )


def _baseline() -> dict[str, float]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))["f1"]


@pytest.mark.parametrize("key", sorted(_baseline()))
def test_page_does_not_regress(key):
    expected = _baseline()[key]
    assert _counts()[key].f1 >= expected - PAGE_TOLERANCE


def _regenerate(keys: list[str]) -> None:
    counts = _counts()
    data = {
        "about": "Per-page F1 of extract_article on the shared set; see test_quality_floor.py.",
        "f1": {k: round(counts[k].f1, 4) for k in sorted(keys)},
    }
    BASELINE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _regenerate(sorted(_baseline()) if BASELINE.exists() else [])
