"""The trafilatura opinion run on one copy gives bare_extraction's text, and leaves the tree alone.

``trafilatura_fast`` repeats the steps of trafilatura's cascade for one mode to skip copies; if
an upgrade of trafilatura changes those steps, these comparisons fail before any figure moves.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path

import pytest
import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura import main_extractor
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.trafilatura_fast import (
    _options,
    _with_rules,
    fast_recall_text,
    prune_unwanted_sections,
)
from worker.pipeline.extraction.trafilatura_rules import DISCARD_IMAGE_RULES, OVERALL_DISCARD_RULES

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


def _reference_prune():
    # Trafilatura's own prune_unwanted_sections, given the same rules for its XPaths.
    rules = {
        "OVERALL_DISCARD_XPATH": OVERALL_DISCARD_RULES,
        "DISCARD_IMAGE_ELEMENTS": DISCARD_IMAGE_RULES,
    }
    return _with_rules(main_extractor, rules, ["prune_unwanted_sections"])[
        "prune_unwanted_sections"
    ]


def test_pruning_skips_only_a_second_link_density_round_that_finds_nothing():
    reference = _reference_prune()
    options = _options(None)
    tags = {"div", "lb", "p", "list", "table", "td", "tr", "th", "head", "quote", "item"}
    for name, html, url in _pages():
        cleaned = convert_tags(tree_cleaning(_tree(html), options), options, url)
        mine, theirs = copy(cleaned), copy(cleaned)
        prune_unwanted_sections(mine, set(tags), options)
        reference(theirs, set(tags), options)
        assert etree.tostring(mine) == etree.tostring(theirs), name


@pytest.mark.parametrize(
    "body",
    [
        # A link-dense paragraph goes in the first round; its div, then mostly links, in the
        # second (the round that runs only when the first deleted something).
        "<div><p>A few words.</p><p><a href='/a'>"
        + "A long linked headline of another story " * 3
        + "</a></p><a href='/b'>Home</a> <a href='/c'>News</a> <a href='/d'>Sport</a></div>"
        + "<p>"
        + "The article's own text, long enough to be kept. " * 6
        + "</p>",
        # Nothing link-dense: one round.
        "<div><p>" + "Plain text without any link at all. " * 8 + "</p></div>",
    ],
)
def test_pruning_matches_trafilatura_on_link_density_shapes(body):
    options = _options(None)
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    cleaned = convert_tags(tree_cleaning(tree, options), options, None)
    mine, theirs = copy(cleaned), copy(cleaned)
    prune_unwanted_sections(mine, {"div", "p", "list"}, options)
    _reference_prune()(theirs, {"div", "p", "list"}, options)
    assert etree.tostring(mine) == etree.tostring(theirs)
