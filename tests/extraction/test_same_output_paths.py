"""Cheaper paths that must give what the code they replace gave (issue 12's speed rounds).

Each is checked against the replaced computation, kept here as the reference, on every
repository page and on shapes of our own made to reach the case the shortcut relies on.
"""

from __future__ import annotations

import re
from copy import copy, deepcopy
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from trafilatura import main_extractor
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction import htmlprocessing
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.filters import Context, clean_paragraphs, is_furniture
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.trafilatura_fast import (
    _options,
    _with_rules,
    prune_unwanted_sections,
    recover_wild_text,
)
from worker.pipeline.extraction.trafilatura_rules import DISCARD_IMAGE_RULES, OVERALL_DISCARD_RULES

DATA = Path(__file__).resolve().parents[1] / "data"


def _pages():
    pages = [(p.key, p.html, p.url) for p in load_pages(EXTRACTION_DIR)]
    pages += [(p.name, p.read_bytes(), None) for p in sorted(DATA.rglob("*.html"))]
    return pages


# --- wild-text recovery: an emitted element's subtree marked once -------------------------


def _reference_recovery():
    # Trafilatura's own recover_wild_text (ancestors walked per candidate), given the same
    # pruning as ours.
    rules = {
        "OVERALL_DISCARD_XPATH": OVERALL_DISCARD_RULES,
        "DISCARD_IMAGE_ELEMENTS": DISCARD_IMAGE_RULES,
    }
    namespace = _with_rules(main_extractor, rules, ["recover_wild_text"])
    namespace["prune_unwanted_sections"] = prune_unwanted_sections
    return namespace["recover_wild_text"]


def _cleaned(html: str | bytes, url: str | None, options):
    tree = parse_html(to_text(html))
    remove_boilerplate(tree)
    wrap_loose_text(tree)
    return convert_tags(tree_cleaning(tree, options), options, url)


def _recovered(recover, cleaned, options, consumed_index: int | None = None) -> bytes:
    tree = deepcopy(cleaned)
    consumed = None
    if consumed_index is not None:
        elements = list(tree.iter())
        consumed = {elements[min(consumed_index, len(elements) - 1)]}
    body = etree.Element("body")
    lead = etree.SubElement(body, "p")
    lead.text = "A paragraph the main pass already took."
    tags = set(main_extractor.TAG_CATALOG) | {"table", "td", "tr", "th"}
    return etree.tostring(recover(tree, body, options, tags, consumed))


def test_recovery_same_as_trafilatura_on_every_repository_page():
    reference = _reference_recovery()
    pages = _pages()
    assert len(pages) > 88
    for name, html, url in pages:
        options = _options(url)
        cleaned = _cleaned(html, url, options)
        assert _recovered(recover_wild_text, cleaned, options) == _recovered(
            reference, cleaned, options
        ), name
        # With a consumed element too (what the main pass took is not recovered again).
        assert _recovered(recover_wild_text, cleaned, options, 40) == _recovered(
            reference, cleaned, options, 40
        ), name


@pytest.mark.parametrize(
    "body",
    [
        # A div emitted whole, holding divs, paragraphs, line breaks and a list: none of them
        # is emitted again.
        "<div><div>Outer text of a block. <b>bold</b><div>Inner div text.<br>After a break."
        "</div><p>A paragraph inside.</p><ul><li>One</li><li>Two</li></ul></div></div>"
        "<p>A paragraph outside, after it.</p>",
        # Nested layout tables: each table is handled on its own.
        "<table><tr><td>Cell one of the outer table.<table><tr><td>Inner cell text.</td>"
        "</tr></table></td><td><p>A paragraph in a cell.</p></td></tr></table>",
        # Repeated text: the duplicate checks decide, not the ancestor test.
        "<div><p>"
        + "The same sentence again. " * 4
        + "</p></div><p>"
        + "The same sentence again. " * 4
        + "</p><div>Line one<br>Line two<br>Line one</div>",
    ],
)
def test_recovery_same_as_trafilatura_on_nested_shapes(body):
    options = _options(None)
    cleaned = _cleaned(f"<html><body>{body}</body></html>", None, options)
    reference = _reference_recovery()
    assert _recovered(recover_wild_text, cleaned, options) == _recovered(
        reference, cleaned, options
    )


# --- boilerplate removal: a removed container's descendants marked once -------------------


def _reference_remove_boilerplate(tree) -> None:
    # The removal as it was: each candidate asks by XPath whether the body is still above it.
    in_body = etree.XPath("boolean(ancestor::body)")
    body = tree.find("body")
    if body is None:
        return
    htmlprocessing._lift_social_embeds(body)
    htmlprocessing._join_split_bodies(body)
    htmlprocessing._join_prose_siblings(body)
    by_paragraphs = htmlprocessing._p_length(body) >= htmlprocessing.MIN_PARAGRAPH_CHARS
    total = htmlprocessing._prose_length(body, by_paragraphs) or 1
    for el in htmlprocessing._CANDIDATES(body):
        if in_body(el) and htmlprocessing._is_furniture_container(el, total, by_paragraphs):
            htmlprocessing._remove(el)


_NESTED_FURNITURE = (
    "<html><body><article><h1>Council passes the budget</h1><p>"
    + "The council passed the budget on Tuesday after a long debate. " * 20
    + "</p></article><div class='sidebar'><nav class='menu'><ul><li><a href='/a'>Home</a></li>"
    "<li><a href='/b'>News</a></li><li><a href='/c'>Sport</a></li></ul></nav>"
    "<div class='share-tools'>Share this</div> tail text of the share box</div>"
    "<footer class='site-footer'><div class='newsletter'>Sign up</div></footer></body></html>"
)


def test_boilerplate_removal_same_tree_on_every_repository_page():
    pages = _pages() + [("nested furniture", _NESTED_FURNITURE, None)]
    for name, html, _ in pages:
        text = to_text(html)
        mine, theirs = parse_html(text), parse_html(text)
        remove_boilerplate(mine)
        _reference_remove_boilerplate(theirs)
        assert etree.tostring(mine) == etree.tostring(theirs), name


def test_nested_furniture_goes_with_its_container():
    tree = parse_html(_NESTED_FURNITURE)
    remove_boilerplate(tree)
    text = tree.text_content()
    assert "Share this" not in text and "Sport" not in text
    assert "The council passed the budget" in text


# --- paragraphs' whitespace: split and joined, as the regex collapsed it -------------------

_SPACES = ["\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000"]


@pytest.mark.parametrize("space", _SPACES)
def test_cleaning_collapses_every_unicode_space_as_the_regex_did(space):
    paragraph = f"{space}The mayor said{space}{space}the plan would pass.{space}"
    expected = re.sub(r"\s+", " ", paragraph).strip()
    assert clean_paragraphs([paragraph], Context()) == [expected]


def test_zero_width_characters_are_not_spaces_either_way():
    # Neither the regex nor str.split takes a zero-width space or a BOM for whitespace.
    paragraph = "The mayor\u200bsaid the plan\ufeff would pass on Tuesday, officials confirmed."
    assert clean_paragraphs([paragraph], Context()) == [re.sub(r"\s+", " ", paragraph).strip()]


@pytest.mark.parametrize(
    "paragraph",
    ["\u2028 Share this story \u2028", "\xa0-\xa0Advertisement\xa0", "\u3000\u3000"],
)
def test_furniture_test_reads_unicode_spaces_as_spaces(paragraph):
    collapsed = re.sub(r"\s+", " ", paragraph).strip()
    assert is_furniture(paragraph, Context()) == is_furniture(collapsed, Context())


def test_link_holding_preselection_keeps_trafilatura_pruning_on_link_tables():
    # Tables and paragraphs with and without links: only linked ones are tested, and
    # the pruning is trafilatura's (see test_trafilatura_fast for every repository page).
    options = _options(None)
    links = "".join(f"<a href='/{i}'>Another story headline {i}</a> " for i in range(12))
    body = (
        f"<table><tr><td>{links}</td></tr></table><table><tr><td>"
        + "Plain cell text without links, long enough to count. " * 6
        + f"</td></tr></table><p>{links}</p><div><p>Words.</p>{links}</div>"
    )
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    cleaned = convert_tags(tree_cleaning(tree, options), options, None)
    mine, theirs = copy(cleaned), copy(cleaned)
    tags = {"div", "p", "list", "table", "td", "tr"}
    prune_unwanted_sections(mine, set(tags), options)
    rules = {
        "OVERALL_DISCARD_XPATH": OVERALL_DISCARD_RULES,
        "DISCARD_IMAGE_ELEMENTS": DISCARD_IMAGE_RULES,
    }
    reference = _with_rules(main_extractor, rules, ["prune_unwanted_sections"])
    reference["prune_unwanted_sections"](theirs, set(tags), options)
    assert etree.tostring(mine) == etree.tostring(theirs)
    assert "Plain cell text" in mine.text_content()


# --- split bodies' containers: one walk over two tags ---------------------------------------


def test_classed_containers_are_the_xpath_union_on_every_repository_page():
    union = etree.XPath(".//div[@class]|.//section[@class]")
    shape = (
        "<html><body><div class='a'><section><div class=''>x</div></section>"
        "<section class='b'><div>y</div><!-- c --><div class='c'>z</div></section></div>"
        "</body></html>"
    )
    pages = _pages() + [("shape", shape, None)]
    for name, html, _ in pages:
        body = parse_html(to_text(html)).find("body")
        assert htmlprocessing._classed_containers(body) == union(body), name


# --- the echo check: length first, the comparison only for short blocks --------------------


def test_short_echo_dropped_and_long_repeat_kept_after_length_first():
    standfirst = "The council voted on the budget."
    long_paragraph = "The council voted on the budget after a debate that ran late. " * 8
    body = [standfirst, standfirst, long_paragraph, long_paragraph, "Closing words here, said."]
    assert clean_paragraphs(body, Context()) == [
        standfirst,
        long_paragraph.strip(),
        long_paragraph.strip(),
        "Closing words here, said.",
    ]


# --- byline candidates: attribute tests in Python over elements with attributes ------------


def test_byline_elements_are_the_xpath_on_every_repository_page():
    from worker.pipeline.extraction.metadata import _byline_elements

    xpath = etree.XPath(
        './/*[@rel="author" or @itemprop="author" or contains(@class,"byline")'
        ' or contains(@class,"author-name")]'
    )
    shape = (
        "<html><body><a rel='author'>A</a><a rel='author me'>B</a><span itemprop='author'>C"
        "</span><p class='post-byline'>D</p><p class='Byline'>E</p><div class='author-name x'>F"
        "</div><p id='byline'>G</p><!-- byline --></body></html>"
    )
    for name, html, _ in _pages() + [("shape", shape, None)]:
        tree = parse_html(to_text(html))
        assert _byline_elements(tree) == xpath(tree), name


# --- word counts and normal forms: ASCII text by a byte table -------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def _texts(html: str | bytes) -> list[str]:
    # The page's lines of text, and the page's text whole: short and long, ASCII and not.
    text = parse_html(to_text(html)).text_content()
    return [text, *text.splitlines()]


@pytest.mark.parametrize(
    "text",
    [
        "".join(chr(c) for c in range(128)),
        "_under_score_ words--and 2024's   spaces\tand\nlines",
        "a",
        "!a",
        "a!",
        "",
        " ",
        "Ünïcode İstanbul naïve café",
    ],
)
def test_word_counts_and_forms_are_the_regex_ones_on_shapes_of_our_own(text):
    from worker.pipeline.extraction import filters

    assert filters._words(text) == len(_WORD.findall(text))
    assert filters._norm(text) == " ".join(_WORD.findall(text)).lower()


def test_word_counts_and_forms_are_the_regex_ones_on_every_repository_page():
    from worker.pipeline.extraction import filters

    for name, html, _ in _pages():
        for text in _texts(html):
            assert filters._words(text) == len(_WORD.findall(text)), name
            assert filters._norm(text) == " ".join(_WORD.findall(text)).lower(), name


# --- link-density tests: the trimmed text's length without the trimmed text --------------


@pytest.mark.parametrize(
    "text",
    [
        "".join(chr(c) for c in range(128)),
        "  two\t\twords  ",
        "\x1c\x1d\x1e\x1f",
        "one",
        "",
        " ",
        "a\x0bb\x0cc\rd\ne",
        "Curly ‘quotes’\xa0and\u2028a line separator",
    ],
)
def test_trimmed_length_is_the_trimmed_texts_on_shapes_of_our_own(text):
    from trafilatura.utils import trim

    from worker.pipeline.extraction.trafilatura_fast import _trimmed_length

    assert _trimmed_length(text) == len(trim(text))


def test_link_density_tests_answer_as_trafilaturas_on_every_repository_page():
    from trafilatura import htmlprocessing as theirs

    from worker.pipeline.extraction import trafilatura_fast as ours

    pages = _pages()
    checked = 0
    for name, html, url in pages:
        options = _options(url)
        cleaned = _cleaned(html, url, options)
        for el in cleaned.iter():
            if not isinstance(el.tag, str):
                continue
            for precision in (False, True):
                assert ours.link_density_test(el, precision) == theirs.link_density_test(
                    el, precision
                ), name
            assert ours.link_density_test_tables(el) == theirs.link_density_test_tables(el), name
            checked += 1
    assert checked > 10_000


# --- calls to action: a word every alternative holds, looked for first --------------------


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def test_every_call_to_action_alternative_holds_one_of_the_prefilter_words():
    from worker.pipeline.extraction import filters

    alternatives = _top_level_alternatives(filters._CALL_TO_ACTION.pattern)
    assert len(alternatives) == 23
    for alternative in alternatives:
        source = alternative.lower()
        assert any(word in source for word in filters._CALL_TO_ACTION_WORDS), alternative


@pytest.mark.parametrize(
    "text",
    [
        "Click HERE to read the rest",
        "SIGN UP for our free newsletter today",
        "Subscribe now",
        "Join the conversation",
        "Follow us on Twitter",
        "Follow The Daily Post on Facebook",
        "Download the app",
        "Download our Daily News apps",
        "Get the Daily News app",
        "Never miss a story: sign up here",
        "The council will register the complaint.",
        "She said the plan would pass on Tuesday.",
        "Folge uns auf Twitter: ſubscribe",
        "",
    ],
)
def test_call_to_action_test_answers_as_the_regex_on_shapes_of_our_own(text):
    from worker.pipeline.extraction import filters

    assert filters._is_call_to_action(text) == bool(filters._CALL_TO_ACTION.search(text))


def test_call_to_action_test_answers_as_the_regex_on_every_repository_page():
    from worker.pipeline.extraction import filters

    found = 0
    for name, html, _ in _pages():
        for text in _texts(html)[1:]:
            expected = bool(filters._CALL_TO_ACTION.search(text))
            assert filters._is_call_to_action(text) == expected, (name, text)
            found += expected
    assert found > 0


# --- collapsed text returned as it is -----------------------------------------------------


def test_no_whitespace_character_but_the_space_is_printable():
    # What collapse relies on, over every code point.
    import sys

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]
    assert all(len(f"a{c}b".split()) == 2 for c in spaces)


@pytest.mark.parametrize(
    "text",
    [
        "already collapsed text",
        " leading",
        "trailing ",
        "two  spaces",
        "a\u2028line separator",
        "no\xa0break",
        "tab\there",
        "",
        " ",
        "ideographic\u3000space",
    ],
)
def test_collapse_is_split_and_join_on_shapes_of_our_own(text):
    from worker.pipeline.extraction.filters import collapse

    assert collapse(text) == " ".join(text.split())


def test_collapse_is_split_and_join_on_every_repository_page():
    from worker.pipeline.extraction.filters import collapse

    for name, html, _ in _pages():
        for text in _texts(html):
            assert collapse(text) == " ".join(text.split()), name
            assert collapse(" ".join(text.split())) == " ".join(text.split()), name


# --- metadata labels: two need two colons --------------------------------------------------


def test_two_metadata_labels_need_two_colons_on_every_repository_page():
    from worker.pipeline.extraction import filters

    shapes = ["Tags: politics, budget Filed under: news", "Posted by: Jane", "Date: 1:30"]
    texts = [t for _, html, _ in _pages() for t in _texts(html)[1:]] + shapes
    labelled = 0
    for text in texts:
        two = len(filters._META_LABEL.findall(text)) >= 2
        assert not two or text.count(":") >= 2, text
        labelled += two
    assert labelled > 0


# --- the language check's words: ASCII by a byte table, the rest lowered together ---------


@pytest.mark.parametrize(
    "text",
    [
        "".join(chr(c) for c in range(128)),
        "The mayor_said 2024's plan would pass",
        "ΟΔΟΣ ΣΟΦΙΑΣ ΚΑΙ ΟΔΥΣΣΕΑΣ Σ",
        "İSTANBUL'DA Straße ÉTÉ naïve",
        "数字123と文字abc",
        "",
        "123 456",
    ],
)
def test_language_words_are_the_regex_words_lowered_on_shapes_of_our_own(text):
    from worker.pipeline.extraction import language

    expected = [w.lower() for w in language._WORD.findall(text)]
    assert language._lowered_words(text) == expected


def test_language_words_are_the_regex_words_lowered_on_every_repository_page():
    from worker.pipeline.extraction import language

    for name, html, _ in _pages():
        for text in _texts(html):
            expected = [w.lower() for w in language._WORD.findall(text)]
            assert language._lowered_words(text) == expected, name


# --- htmldate: the last resort skipped when the page states no YYYY-MM-DD -----------------


def _htmldate_reference(tree, url):
    from htmldate import find_date

    return find_date(tree, url=url, extensive_search=False, original_date=True)


_DATE_SHAPES = [
    # No date anywhere: every step runs and finds nothing.
    "<html><body><article><p>The ferry to Ostrel Island left without its bell.</p>"
    "</article></body></html>",
    # A bare date only in the text: the last resort finds it.
    "<html><body><div><p>Minutes of the allotment committee, 2019-04-23, read twice.</p>"
    "</div></body></html>",
    # A bare date only inside a script: the timestamp-free last resort must not see it.
    "<html><head><script>var stamp = '2018-11-02';</script></head><body><p>Quiet lane "
    "resurfaced after the winter.</p></body></html>",
    # A full timestamp in an attribute nobody reads: the timestamp search finds it.
    '<html><body><div data-x="2017-06-30T08:15:00">Harbour lights repainted blue.</div>'
    "</body></html>",
    # A date split across elements: no YYYY-MM-DD in the serialised page nor in the text.
    "<html><body><p>Filed <b>2016</b>-<i>05</i>-01 by the orchard keeper.</p></body></html>",
    # A written date near a keyword: the idiosyncrasy search.
    "<html><body><p>Posted on 12/03/2015 by the lighthouse society.</p></body></html>",
    # A month-day tail without a year, and a version number: the prefilters pass, the
    # full patterns do not match.
    "<html><body><p>Locker -04-17 holds version 3.12.0 of the tide tables.</p></body></html>",
    # A written date after a keyword, inside an attribute only.
    '<html><body><p title="updated 07.09.2014">Ferry timetable for the cold months.</p>'
    "</body></html>",
]


@pytest.mark.parametrize("page", _DATE_SHAPES)
def test_find_date_shapes(page: str) -> None:
    from worker.pipeline.extraction.metadata import _find_date

    tree = parse_html(page)
    assert _find_date(tree, None) == _htmldate_reference(tree, None)


def test_find_date_repository_pages() -> None:
    from worker.pipeline.extraction.metadata import _find_date

    seen = set()
    for key, html, url in _pages():
        tree = parse_html(to_text(html))
        expected = _htmldate_reference(tree, url)
        assert _find_date(tree, url) == expected, key
        seen.add(expected is None)
    assert seen == {True, False}  # both the found and the not-found path were compared


# --- typographic punctuation made ASCII for the byte tables ------------------------------

_TYPOGRAPHIC = [
    "\u201cIt\u2019s over,\u201d she said\xa0\u2014 and left\u2026",
    "\u2018a\u2019\u00b7b \u2013 c \u2022 d \u00abe\u00bb \u2039f\u203a \u201eg\u201c",
    "\u2019",
    "\xa0lead and trail\xa0",
    "\u039f\u0394\u039f\u03a3\u2019 \u03a3\u2014",  # Greek: final sigma beside the punctuation
    "caf\u00e9\u2019s \u2014 menu",
    "\u2026",
]


def test_typographic_punctuation_reads_as_ascii():
    from worker.pipeline.extraction.ascii_text import for_spaces, for_words

    assert for_words(_TYPOGRAPHIC[0]) == " It s over,  she said   and left "
    assert for_spaces(_TYPOGRAPHIC[0]) == "-It-s over,- she said - and left-"
    assert for_words("caf\u00e9 \u2014") is None and for_spaces("caf\u00e9 \u2014") is None


@pytest.mark.parametrize("text", _TYPOGRAPHIC)
def test_counts_read_typographic_text_as_the_regex_and_split_do(text):
    from trafilatura.utils import trim

    from worker.pipeline.extraction import filters, language
    from worker.pipeline.extraction.readability_fast import _measure_of
    from worker.pipeline.extraction.trafilatura_fast import _trimmed_length

    assert filters.word_string(text) == " ".join(_WORD.findall(text.lower()))
    assert filters._words(text) == len(_WORD.findall(text))
    assert filters._norm(text) == " ".join(_WORD.findall(text)).lower()
    assert _trimmed_length(text) == len(trim(text))
    assert language._lowered_words(text) == [w.lower() for w in language._WORD.findall(text)]
    measure, words = _measure_of(text), text.split()
    assert (measure.length, measure.words) == (len(" ".join(words)), len(words))
    assert (measure.glued_start, measure.glued_end) == (
        not text[0].isspace(),
        not text[-1].isspace(),
    )


# --- an element's text by lxml's text serialisation, not an XPath evaluation -------------


@pytest.mark.parametrize(
    "body",
    [
        "<p>Hello <a href='x'>world</a> and <b>more</b> text.</p>tail",
        "<div>a<br>b<script>var x = 1;</script>c<!-- note -->d</div>",
        "<p>caf\u00e9 &amp; &lt;tags&gt; &#8220;quoted&#8221;\xa0&nbsp;end</p>",
        "<table><tr><td>one</td><td>two <i>three</i></td></tr></table>",
        "<p></p>",
    ],
)
def test_text_content_is_lxmls_on_shapes_of_our_own(body):
    tree = parse_html(f"<html><body>{body}</body></html>")
    for el in tree.iter():
        assert htmlprocessing.text_content(el) == el.text_content()
        assert type(htmlprocessing.text_content(el)) is str


def test_text_content_is_lxmls_on_every_repository_page():
    for name, html, _ in _pages():
        for el in parse_html(to_text(html)).iter():
            assert htmlprocessing.text_content(el) == el.text_content(), name
