"""The boilerplate pass on the DOM: what it cuts, and the wrappers it must leave alone."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from worker.pipeline.extraction.htmlprocessing import (
    anchor_texts,
    headline_texts,
    link_texts,
    parse_html,
    remove_boilerplate,
)

PROSE = "<p>" + "The council met on Tuesday and voted on the budget for next year. " * 4 + "</p>"


def _texts_after(body: str) -> str:
    tree = parse_html(f"<html><body>{body}</body></html>")
    remove_boilerplate(tree)
    return " ".join(tree.text_content().split())


def test_furniture_containers_go():
    text = _texts_after(
        f"<article>{PROSE * 3}"
        '<div class="article-related"><p>Other story one</p></div>'
        '<div id="comments"><p>A reader comment here</p></div>'
        '<div class="share-bar">Share on Facebook</div>'
        "<aside><p>Sidebar teaser</p></aside></article>"
        "<nav>Home News</nav><footer>Contact us</footer>"
    )
    assert "council met" in text
    for gone in ("Other story", "reader comment", "Share on", "Sidebar", "Home News", "Contact"):
        assert gone not in text


def test_a_wrapper_with_furniture_words_around_the_story_stays():
    text = _texts_after(f'<div class="layout has-sidebar widget"><h1>Title</h1>{PROSE * 3}</div>')
    assert "council met" in text
    text = _texts_after(f'<div class="article-body with-share-rail">{PROSE}</div>{PROSE * 4}')
    assert text.count("council met") == 5 * 4


def test_teaser_lists_go_but_the_articles_own_lists_stay():
    teasers = "".join(f'<li><a href="/s/{i}">Story headline number {i}</a></li>' for i in range(4))
    points = "".join(f"<li>Point {i} of the plan, in the article's words</li>" for i in range(4))
    text = _texts_after(f"<article>{PROSE}<ul>{points}</ul>{PROSE}<ul>{teasers}</ul></article>")
    assert "Point 3 of the plan" in text
    assert "Story headline" not in text


def test_embedded_posts_are_lifted_out_of_their_wrappers():
    tweet = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Quoted post '
        "text</p>— Someone (@someone)</blockquote></div>"
    )
    tree = parse_html(f"<html><body><article>{PROSE}{tweet}{PROSE}</article></body></html>")
    remove_boilerplate(tree)
    quotes = tree.findall(".//blockquote")
    assert len(quotes) == 1 and quotes[0].get("class") is None
    assert quotes[0].getparent().tag == "article"


def test_split_story_bodies_are_joined():
    tree = parse_html(
        '<html><body><div class="article-body"><p>One.</p></div><div class="ad">Ad</div>'
        '<div class="article-body article-body--more"><p>Two.</p></div></body></html>'
    )
    remove_boilerplate(tree)
    bodies = tree.xpath('//div[contains(@class, "article-body")]')
    assert len(bodies) == 1
    assert [p.text for p in bodies[0].iter("p")] == ["One.", "Two."]


def _module(words: str) -> str:
    # A module of a story set in CMS modules: a few paragraphs of running prose.
    return (
        f'<div class="text-module"><p>{words} said the mayor of the town on Tuesday. '
        "The vote was close. "
        "The council will meet again next month to settle the budget for the coming year, and "
        "residents were asked for their views on the plan before then.</p></div>"
    )


def test_a_story_split_across_same_class_prose_modules_is_joined_in_order():
    tree = parse_html(
        f"<html><body><div id=page>{_module('First')}<h2>A sub-heading</h2>"
        f'<div class="ad-slot"><img src="a.png"></div>{_module("Second")}'
        f"{_module('Third')}<p>After the story.</p></div></body></html>"
    )
    remove_boilerplate(tree)
    modules = tree.xpath('//div[@class="text-module"]')
    assert len(modules) == 1
    text = " ".join(modules[0].text_content().split())
    assert text.index("First") < text.index("A sub-heading") < text.index("Second")
    assert text.index("Second") < text.index("Third")
    assert "After the story." not in text  # after the last part: left where it was


def test_a_short_module_among_prose_modules_is_joined_with_them():
    short = '<div class="text-module"><p>The meeting ended at noon.</p></div>'
    tree = parse_html(
        f"<html><body><div>{_module('First')}{short}{_module('Second')}</div></body></html>"
    )
    remove_boilerplate(tree)
    modules = tree.xpath('//div[@class="text-module"]')
    assert len(modules) == 1
    text = " ".join(modules[0].text_content().split())
    assert text.index("First") < text.index("ended at noon") < text.index("Second")


def test_posts_each_under_its_own_title_are_not_joined():
    # A blog's front page: one story is the article, not every post run together.
    posts = "".join(
        _module(f"Post {i}").replace("<p>", f'<span class="title">Title {i}</span><p>', 1)
        for i in range(3)
    )
    tree = parse_html(f"<html><body><div>{posts}</div></body></html>")
    remove_boilerplate(tree)
    assert len(tree.xpath('//div[@class="text-module"]')) == 3
    headed = "".join(
        _module(f"Post {i}").replace("<p>", f"<h3>Title {i}</h3><p>", 1) for i in range(3)
    )
    tree = parse_html(f"<html><body><div>{headed}</div></body></html>")
    remove_boilerplate(tree)
    assert len(tree.xpath('//div[@class="text-module"]')) == 3


def test_teaser_cards_and_chart_modules_are_not_joined():
    card = (
        '<div class="card"><h3><a href="/s">Another story with a long headline</a></h3>'
        "<p>A snippet of the other story, under its linked headline. It runs to a sentence or "
        "two, long enough to pass for prose: the budget, the vote and what the mayor said after "
        "it. Then the card ends, and the reader has to follow the link to read on.</p></div>"
    )
    tree = parse_html(f"<html><body><div>{card * 3}</div></body></html>")
    remove_boilerplate(tree)
    assert len(tree.xpath('//div[@class="card"]')) == 3
    chart = '<div class="chart"><img src="c.png"><p>Debt 100 80 60 40 20 0</p></div>'
    tree = parse_html(
        f"<html><body><div>{_module('First')}{chart}{_module('Second')}</div></body></html>"
    )
    remove_boilerplate(tree)
    assert tree.xpath('//div[@class="chart"]')[0].getparent().get("class") != "text-module"


def test_removal_keeps_the_tail_text_of_a_removed_element():
    tree = parse_html('<html><body><p>Before <span class="ad">AD</span> after.</p></body></html>')
    remove_boilerplate(tree)
    assert " ".join(tree.find(".//p").text_content().split()) == "Before after."


@pytest.mark.parametrize(
    ("paragraph", "kept", "gone"),
    [
        # A note-link styled as a pop-up is a word of the sentence.
        (
            'I am a <a href="javascript:void(0)" class="popup">rather elderly</a> man.',
            "I am a rather elderly man.",
            None,
        ),
        ('He read <em class="promo-title">The Times</em> daily.', "He read The Times daily.", None),
        # Text for screen readers is cut even inside a sentence.
        (
            'Shared <a class="sr-only" href="#">opens in a new window</a> by many readers.',
            "Shared by many readers.",
            "opens in a new window",
        ),
        # A furniture link that stands alone (no words on one side) still goes.
        ('<a class="share" href="#">Share this</a> now.', "now.", "Share this"),
    ],
)
def test_phrases_inside_a_sentence_stay_whatever_their_class(paragraph, kept, gone):
    text = _texts_after(f"{PROSE * 3}<p>{paragraph}</p>")
    assert kept in text
    if gone:
        assert gone not in text


def test_ruby_readings_are_not_read_into_the_text():
    tree = parse_html(
        "<html><body><p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を読む</p></body></html>"
    )
    assert tree.find(".//p").text_content() == "漢字を読む"


def test_inert_elements_are_dropped_but_structured_data_stays():
    tree = parse_html(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        "<script>var x = 1;</script><style>p{}</style></head><body><p>Text</p></body></html>"
    )
    scripts = tree.findall(".//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    assert tree.find(".//style") is None


def test_link_texts_are_collected_lowercased():
    tree = lxml_html.fromstring(
        '<html><body><a href="/a">A Long   Headline For Another Story</a><a href="/b">Short</a>'
        "</body></html>"
    )
    assert link_texts(tree) == frozenset({"a long headline for another story"})


def test_link_and_headline_texts_come_from_one_reading_of_the_links():
    page = parse_html(
        "<html><body><p>Text with <a href='/a'>a  LINK</a> in it.</p>"
        "<ul><li><a href='/b'>Council passes the city budget after a long night</a></li>"
        "<li><a href='/c'>Sport</a></li><li><a href='/d'>Two words</a></li>"
        "<li><a href='/e'> </a></li></ul></body></html>"
    )
    anchors = anchor_texts(page)
    assert anchors == {
        "a link",
        "council passes the city budget after a long night",
        "sport",
        "two words",
    }
    long_ones = {"council passes the city budget after a long night"}
    assert link_texts(page) == link_texts(page, anchors) == long_ones
    assert headline_texts(page) == headline_texts(page, anchors) == {*long_ones, "two words"}
