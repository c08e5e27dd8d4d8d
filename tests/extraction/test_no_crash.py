"""No real page crashes extraction: every page ends as an Article or a typed ``PipelineError``.

Runs every page the repository holds (its own test pages, and the 88-page extraction set the
quality floor reads) as text and as bytes. The wider development sets live in a git-ignored
cache; ``python -m benchmarks.extraction_sets --check`` runs the same property over them.
The shapes below are the ones that crashed on unseen pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.errors import NoArticleError, PipelineError
from worker.pipeline.extraction import extract_article

DATA = Path(__file__).resolve().parents[1] / "data"
REPO_PAGES = sorted(DATA.rglob("*.html"))

LONG = (
    "The council voted on Tuesday to approve the new budget for the city's schools, after a "
    "debate that ran late into the night and ended with a narrow majority for the plan. "
)


def _extract_or_refuse(document: str | bytes, url: str | None = None) -> None:
    try:
        article = extract_article(document, url)
    except NoArticleError as exc:
        assert exc.reason in NoArticleError.REASONS
        return
    except PipelineError as exc:
        assert exc.code and str(exc)
        return
    assert article.text.strip()


@pytest.mark.parametrize("path", REPO_PAGES, ids=[p.name for p in REPO_PAGES])
def test_repository_pages_never_crash(path):
    _extract_or_refuse(path.read_bytes())
    _extract_or_refuse(path.read_text(encoding="utf-8", errors="replace"))


def test_shared_pages_never_crash():
    pages = list(load_pages(EXTRACTION_DIR))
    assert len(pages) == 88
    for page in pages:
        _extract_or_refuse(page.html, page.url)


def test_punctuation_only_block_between_prose_does_not_divide_by_zero():
    # A long block with no word in it has no 4-grams: it once divided by zero (a 500 via the API).
    rule = "<p>" + "— " * 30 + "</p>"
    html = f"<html><body><article><p>{LONG * 3}</p>{rule}<p>{LONG * 2}</p></article></body></html>"
    article = extract_article(html)
    assert article.text.startswith("The council voted")


XML_PROLOGUES = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    "  <?xml version='1.0' encoding='iso-8859-1' standalone='yes' ?>",
    '<!DOCTYPE html>\n<?xml version="1.0" encoding="utf-8"?>',
    '<!-- generated --><?xml version="1.0" encoding="utf-8"?>',
    '<?xml-stylesheet href="s.xsl"?><?xml version="1.0" encoding="utf-8"?>',
]


@pytest.mark.parametrize("prologue", XML_PROLOGUES)
@pytest.mark.parametrize("as_bytes", [False, True])
def test_xml_declaration_with_encoding_is_read_as_html(prologue, as_bytes):
    html = (
        prologue + '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Budget</title>'
        f"</head><body><article><p>{LONG * 2}</p><p>{LONG}</p></article></body></html>"
    )
    article = extract_article(html.encode("utf-8") if as_bytes else html)
    assert "narrow majority" in article.text
