"""The readability opinion with link lengths counted once gives trafilatura's ``try_readability``.

``readability_fast`` remembers each link's length while readability scores its candidates; if
an upgrade of trafilatura changed the scoring so that the tree moved during it, these
comparisons fail before any figure moves.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from trafilatura.external import try_readability as reference
from trafilatura.readability_lxml import text_length

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.readability_fast import _Document, try_readability

DATA = Path(__file__).resolve().parents[1] / "data"


def _same(tree) -> None:
    mine, theirs = deepcopy(tree), deepcopy(tree)
    assert etree.tostring(try_readability(mine)) == etree.tostring(reference(theirs))
    # Both leave the tree they edited in the same state.
    assert etree.tostring(mine) == etree.tostring(theirs)


def test_same_summary_as_try_readability_on_every_repository_page():
    pages = [(p.key, p.html) for p in load_pages(EXTRACTION_DIR)]
    pages += [(p.name, p.read_bytes()) for p in sorted(DATA.rglob("*.html"))]
    assert len(pages) > 88
    for _, html in pages:
        tree = parse_html(to_text(html))
        remove_boilerplate(tree)
        wrap_loose_text(tree)
        _same(tree)


LINK = '<a href="/a">A linked headline of another story on the site</a>'


@pytest.mark.parametrize(
    "body",
    [
        # One link counted in three nested candidates (paragraph's parent and grandparent).
        "<div><div><div><p>"
        + "Words of the story, with commas, here. " * 4
        + LINK
        + "</p></div><p>"
        + "More of the story, and of its reasons. " * 3
        + "</p></div></div>",
        # Table cells: a link farm beside the body.
        "<table><tr><td>"
        + (LINK + " ") * 6
        + "</td><td><p>"
        + "The council met on Tuesday, and voted, again. " * 5
        + "</p></td></tr></table>",
        # No paragraph long enough: no candidates.
        "<div><p>Short.</p>" + LINK + "</div>",
        "",
    ],
)
def test_same_summary_as_try_readability_on_nested_links(body):
    _same(lxml_html.document_fromstring(f"<html><body>{body or '<p></p>'}</body></html>"))


# Shapes where a container's trimmed length is not the sum of its children's: words glued
# across tags, spaces only between them, comments and processing instructions (no text, but a
# tail), empty elements, tables nested in cells.
MEASURE_SHAPES = [
    "<div><p>glued<b>word</b>s, one <i>apart</i> here and there in a sentence.</p></div>",
    "<div>  <p> lead space </p>\n\t<p>tail</p>  after  </div>",
    "<div><p>before<!-- a comment -->after, the same word in the end.</p>x</div>",
    "<div><p>before<?php echo 1; ?>after, a processing instruction.</p></div>",
    "<div><p></p><span></span>  <p>only this paragraph has its words and commas.</p></div>",
    "<table><tr><td>cell<table><tr><td>in<b>ner</b> cell, with a long enough text here."
    "</td><td> second </td></tr></table>tail</td></tr></table>",
    "<div><div><div><p>deep, deeper, deepest paragraph of a nested layout here.</p>"
    "</div>mid</div>end</div>",
    "<div>\u00a0<p>non\u2003breaking and em spaces between words, in a paragraph.</p>\u00a0</div>",
]


@pytest.mark.parametrize("body", MEASURE_SHAPES)
def test_same_summary_as_try_readability_on_measure_shapes(body):
    _same(lxml_html.document_fromstring(f"<html><body>{body}</body></html>"))


def _measured_like_text_length(tree) -> int:
    """Every element's length as _Document puts it together (from the paragraphs and
    candidates it measured while scoring) equals ``text_length``'s."""
    doc = _Document(tree)
    doc._link_lengths = {}
    try:
        doc._score_paragraphs()
        elements = list(tree.iter(etree.Element))
        for elem in elements:
            assert doc._measure(elem).length == text_length(elem), etree.tostring(elem)[:200]
    finally:
        doc._link_lengths = None
    return len(elements)


@pytest.mark.parametrize("body", MEASURE_SHAPES)
def test_container_lengths_put_together_equal_text_length(body):
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    assert _measured_like_text_length(tree) > 0


def test_container_lengths_equal_text_length_on_every_repository_page():
    pages = [p.html for p in load_pages(EXTRACTION_DIR)]
    pages += [p.read_bytes() for p in sorted(DATA.rglob("*.html"))]
    measured = 0
    for html in pages:
        tree = parse_html(to_text(html))
        remove_boilerplate(tree)
        measured += _measured_like_text_length(tree)
    assert measured > 1000


@pytest.mark.parametrize(
    "text",
    [
        "".join(chr(c) for c in range(128)),
        "  two\t\twords  ",
        "\x1c\x1d\x1e\x1f",
        "glued",
        " ",
        "a\x0bb\x0cc\rd\ne ",
        "non\u2003breaking\xa0spaces",
    ],
)
def test_ascii_measures_are_the_split_words_measures(text):
    # The byte-table measure of ASCII text against the measure of its split words.
    from worker.pipeline.extraction.readability_fast import _measure_of

    assert _measure_of(text) == _measure_of(text, text.split())
    assert _measure_of(text).length == len(" ".join(text.split()))
