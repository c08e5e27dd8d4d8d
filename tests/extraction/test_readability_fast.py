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

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.readability_fast import try_readability

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
