"""Each Python rule selects what the trafilatura XPath it stands for selects, in the same order.

The rules replace trafilatura's EXSLT-regex XPaths in our run of its cascade (for speed); these
comparisons run every rule and its XPath over the repository's pages, at both stages the cascade
applies them (the raw tree and the cleaned, converted one), and over attribute shapes chosen to
split the XPath semantics (attribute order in ``@id|@class``, missing attributes, comments).
"""

from __future__ import annotations

from copy import copy
from pathlib import Path

import pytest
from lxml import html as lxml_html
from trafilatura import xpaths as X
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction import trafilatura_rules as R
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.trafilatura_fast import _options

DATA = Path(__file__).resolve().parents[1] / "data"

# (XPath, rule, whether only the first match counts: trafilatura takes the first frame found)
PAIRS = [
    *((X.OVERALL_DISCARD_XPATH[i], R.OVERALL_DISCARD_RULES[i], False) for i in range(2)),
    (X.DISCARD_IMAGE_ELEMENTS[0], R.DISCARD_IMAGE_RULES[0], False),
    *((X.RAW_TREE_PRUNE_XPATH[i], R.RAW_TREE_PRUNE_RULES[i], False) for i in range(2)),
    (X.REMOVE_COMMENTS_AND_LISTS_XPATH[0], R.COMMENT_RULES[0], False),
    *((X.BODY_XPATH[i], R.BODY_RULES[i], True) for i in range(4)),
    # The last frame XPath is a union of two first matches: both are compared.
    (X.BODY_XPATH[4], R.BODY_RULES[4], False),
]


def test_one_rule_for_each_xpath():
    assert len(R.OVERALL_DISCARD_RULES) == len(X.OVERALL_DISCARD_XPATH)
    assert len(R.DISCARD_IMAGE_RULES) == len(X.DISCARD_IMAGE_ELEMENTS)
    assert len(R.RAW_TREE_PRUNE_RULES) == len(X.RAW_TREE_PRUNE_XPATH)
    assert len(R.COMMENT_RULES) == len(X.REMOVE_COMMENTS_AND_LISTS_XPATH)
    assert len(R.BODY_RULES) == len(X.BODY_XPATH)


def _assert_same(tree, name):
    # The whole page and a few inner frames (rules run on a frame's subtree too).
    for context in [tree, *list(tree.iter("body", "div", "article"))[:3]]:
        for i, (xpath, rule, first_only) in enumerate(PAIRS):
            expected = xpath(context)
            if first_only:
                expected = expected[:1]
            assert rule(context) == expected, (name, i)


def _pages():
    pages = [(p.key, p.html, p.url) for p in load_pages(EXTRACTION_DIR)]
    pages += [(p.name, p.read_bytes(), None) for p in sorted(DATA.rglob("*.html"))]
    return pages


def test_same_elements_as_the_xpaths_on_every_repository_page():
    pages = _pages()
    assert len(pages) > 88
    for name, html, url in pages:
        tree = parse_html(to_text(html))
        remove_boilerplate(tree)
        wrap_loose_text(tree)
        _assert_same(tree, name)
        options = _options(url)
        _assert_same(convert_tags(tree_cleaning(copy(tree), options), options, url), name)


@pytest.mark.parametrize(
    "body",
    [
        # @id|@class is the attribute that comes first; a missing one is the empty string.
        '<div class="story" id="cookie-note"><p>x</p></div><div id="x" class="cookies">y</div>',
        '<div id="reply-1" class="a"><p>x</p></div><div class="reply-2" id="b">y</div>',
        '<span id="a" style="x" class="hidden">x</span><span style="hidden" id="a">y</span>',
        '<div style="color:red;display:none">x</div><p aria-hidden="true">y</p>',
        # The hidden rule reads id, class and style (the first of two in source order) and
        # aria-hidden alone; an element with none of them is passed over.
        '<div style="hidden" id="a">x</div><div id="a" style="hidden">y</div>'
        '<div id="is-hidden" style="a">z</div><div style="a" id="is-hidden">w</div>',
        '<div class="reply-x" id="a">x</div><div id="a" class="reply-x">y</div>'
        '<div class="b" id="reply-x">z</div><p aria-hidden="true" class="lead">w</p>',
        '<div id="reader-comments-1">x</div><p id="akismet">y</p><p class="js-akismet">z</p>'
        '<p aria-hidden="false">w</p><p data-hidden="1" lang="hidden">v</p>',
        '<span class="visually hidden">x</span><span class="hide-me" id="c">y</span>'
        '<span id="c" style="display: none">z</span><span style="">w</span>',
        '<div class="comments-title">x</div><div class="x comments-title">y</div>',
        '<div role="Navigation">x</div><p data-lp-replacement-content="">y</p>',
        '<div data-component="MostPopularStories">x</div><section class="navbar">y</section>',
        '<!-- a comment --><div class="ad-slot"><?pi x?><span class=" ad ">y</span></div>',
        # Attributes no rule reads: such elements are never candidates (rules pick candidates
        # by the attributes they test).
        '<div title="hidden"><p lang="hide">x</p><span data-x="display:none">y</span></div>',
        '<div id="caption-1">x</div><p class="image-caption">y</p>'
        '<figure class="caption">z</figure>',
        # Raw-tree prunes: infinite scroll unless it holds the headline, share buttons.
        '<div class="infinite-scroll"><h1>Title</h1><p>x</p></div>'
        '<section id="infinitescroll"><p>y</p></section>'
        '<aside class="mvp-post-add-box"><h1>z</h1></aside>'
        '<div class="elementor-share-buttons">s</div>',
        # Comment containers: lists only on the narrower tests.
        '<div id="comments"><p>x</p></div><ul id="disqus_thread"><li>y</li></ul>'
        '<ol id="comment-list"><li>z</li></ol><section class="post-comments">c</section>'
        '<div id="commentary">kept</div>',
        # Frames, in each XPath's order of preference.
        '<div><div class="entry">x</div><article>a</article><div class="post-body">y</div></div>',
        '<section class="FullText">x</section><div id="story">y</div><div role="article">z</div>',
        '<div id="Main-Content">x</div><div class="Page-Content">y</div><main>m</main>',
        '<main>m</main><div class="main-wrap">x</div><section role="main">y</section>',
        '<div id="main">x</div><main>m</main>',
    ],
)
def test_same_elements_as_the_xpaths_on_attribute_shapes(body):
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    _assert_same(tree, body)
