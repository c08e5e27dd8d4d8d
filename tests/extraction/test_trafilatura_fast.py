"""The trafilatura opinion run on one copy gives bare_extraction's text, and leaves the tree alone.

``trafilatura_fast`` repeats the steps of trafilatura's cascade for one mode to skip copies; if
an upgrade of trafilatura changes those steps, these comparisons fail before any figure moves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura
from lxml import etree
from lxml import html as lxml_html

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.trafilatura_fast import fast_recall_text

DATA = Path(__file__).resolve().parents[1] / "data"


def _reference(tree, url):
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=True,
        favor_recall=True,
        with_metadata=False,
        deduplicate=False,
        include_tables=True,
        include_comments=False,
    )
    return doc.text if doc is not None and doc.text else ""


def _tree(html):
    # The tree the extractor hands its opinions: parsed, boilerplate cut, loose text wrapped.
    tree = parse_html(to_text(html))
    remove_boilerplate(tree)
    wrap_loose_text(tree)
    return tree


def _pages():
    pages = [(p.key, p.html, p.url) for p in load_pages(EXTRACTION_DIR)]
    pages += [(p.name, p.read_bytes(), None) for p in sorted(DATA.rglob("*.html"))]
    return pages


def test_same_text_as_bare_extraction_on_every_repository_page():
    pages = _pages()
    assert len(pages) > 88
    for name, html, url in pages:
        tree = _tree(html)
        before = etree.tostring(tree)
        text = fast_recall_text(tree, url)
        assert etree.tostring(tree) == before, name  # the caller's tree is not touched
        assert text == _reference(tree, url), name


@pytest.mark.parametrize(
    "body",
    [
        # Short text: trafilatura's baseline rescue runs on the uncleaned tree.
        "<div><span>One short line of text here.</span></div><footer>About us</footer>",
        "<p>A sentence.</p>",
        "",
        # A thread forum keeps its comment containers as posts.
        '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
        '<div class="comments"><p>' + "A long post about the budget vote. " * 20 + "</p></div>",
    ],
)
def test_same_text_as_bare_extraction_on_edge_shapes(body):
    tree = lxml_html.document_fromstring(f"<html><body>{body or '<p></p>'}</body></html>")
    assert fast_recall_text(tree, "https://example.com/a") == _reference(
        tree, "https://example.com/a"
    )
