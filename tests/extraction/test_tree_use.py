"""Readability edits the page tree in place inside ``extract_article`` rather than a copy.

The tree is no longer needed once the opinions are read, except by the fallbacks, which the few
pages whose opinions find no article get on a tree built again from the page's text. These
tests hold that contract: the same bodies either way, and the rebuilt tree is the one the
opinions saw.
"""

from __future__ import annotations

from lxml import etree

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction import _fallbacks_unless
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.fallbacks import fallbacks
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.main_extractor import extract_bodies

# A body in table cells broken by <br> only: the kind of page the fallbacks exist for.
PAGE = (
    "<html><head><title>Council vote</title></head><body><table><tr><td>"
    + "The council voted on Tuesday to close the old bridge to cars for the summer.<br>" * 12
    + "</td></tr></table></body></html>"
)


def _tree(text: str):
    tree = parse_html(text)
    remove_boilerplate(tree)
    wrap_loose_text(tree)
    return tree


def test_the_bodies_are_the_same_whether_the_tree_is_copied_or_used_up():
    for page in list(load_pages(EXTRACTION_DIR))[:30]:
        text = to_text(page.html)
        tree = _tree(text)
        before = etree.tostring(tree)
        kept = extract_bodies(tree, page.url)
        assert etree.tostring(tree) == before, page.key  # left unchanged unless consumed
        assert extract_bodies(tree, page.url, consume=True) == kept, page.key


def test_the_fallbacks_get_the_tree_the_opinions_saw():
    rebuilt = [make() for make in _fallbacks_unless({}, PAGE, None, "Stated body.")]
    direct = [make() for make in fallbacks(_tree(PAGE), None, "Stated body.")]
    assert rebuilt == direct
    assert any("old bridge" in " ".join(body.paragraphs) for body in rebuilt)


def test_no_fallback_is_built_once_an_opinion_reads_as_an_article():
    assert list(_fallbacks_unless({"combined": ["A body."]}, PAGE, None, None)) == []
