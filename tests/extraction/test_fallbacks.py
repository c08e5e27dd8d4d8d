"""An article that is there is found: the weighing of the opinions and the fallbacks."""

from __future__ import annotations

import json

import pytest

from worker.pipeline.errors import NoArticleError
from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.main_extractor import weigh

SENTENCES = [
    "The council voted on Tuesday to approve the new budget for the city's schools, after a "
    "debate that ran late into the night.",
    "Members argued over spending on transport and housing, and several amendments were "
    "rejected before the final vote was taken.",
    "The mayor said the budget would protect essential services while keeping taxes stable "
    "for the coming year.",
    "Opposition members warned that the figures relied on optimistic assumptions about "
    "revenue from the new port.",
]


def test_json_ld_article_body_is_the_last_resort():
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Budget",
        "articleBody": "\n\n".join(SENTENCES),
    }
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script>'
        '</head><body><div id="app"></div></body></html>'
    )
    text = extract_article(page).text
    positions = [text.index(sentence) for sentence in SENTENCES]
    assert positions == sorted(positions)


def test_text_in_a_widget_without_paragraphs_is_kept():
    # Blog templates put the post in "widget" containers as <br>-broken text, no <p> at all:
    # the furniture pass must not cut the container holding the page's text.
    lines = "<br><br>".join(SENTENCES)
    page = (
        '<html><body><div class="sidebar"><a href="/a">Archive of older posts</a></div>'
        f'<div class="widget Blog"><div class="post-body">{lines}</div></div></body></html>'
    )
    article = extract_article(page)
    assert SENTENCES[0] in article.text and SENTENCES[-1] in article.text


def test_a_long_list_body_is_an_article():
    items = "".join(
        f"<li>+ Added block number {i} with smooth and polished versions</li>" for i in range(40)
    )
    page = f"<html><body><article><h1>Update notes</h1><ul>{items}</ul></article></body></html>"
    article = extract_article(page)
    assert "block number 39" in article.text


def test_a_video_page_with_one_sentence_is_too_short():
    page = (
        "<html><body><h1>Watch: storm hits the coast</h1><div class='player'></div>"
        "<p>The storm hit the coast on Monday.</p></body></html>"
    )
    with pytest.raises(NoArticleError) as err:
        extract_article(page)
    assert err.value.reason == "too_short"


LONG = [s * 2 for s in SENTENCES]


def test_weigh_keeps_the_combined_body():
    # Trimming off a quarter of trafilatura's body (a teaser, a comment) is what it is for.
    assert weigh({"combined": LONG[:3], "trafilatura": LONG}) == LONG[:3]


def test_weigh_takes_trafilatura_when_the_trimming_cut_most_of_it():
    assert weigh({"combined": LONG[3:], "trafilatura": LONG}) == LONG


def test_weigh_takes_readability_when_it_is_the_same_text_kept_whole():
    repeated = [LONG[0], LONG[1], LONG[0], LONG[1]]
    assert weigh({"combined": LONG[:2], "readability": repeated}) == repeated
    # More text, but new text: not the same body.
    assert weigh({"combined": LONG[:2], "readability": LONG}) == LONG[:2]


TABLE_ROWS = [
    "| Home | Hotels | Sitemap |",
    "| book this hotel | rate guarantee |",
    "| Telephone bookings 0845 227 0141 | Copyright 1999-2006 |",
]


def test_weigh_takes_readability_when_the_opinions_read_different_containers():
    # Trafilatura kept the layout table's rows, readability the review: nothing shared, and
    # readability's body is prose several times as long.
    assert weigh({"combined": TABLE_ROWS, "readability": LONG}) == LONG
    # A short body that is prose (a story's intro) stays: readability may hold its other part.
    assert weigh({"combined": LONG[:1], "readability": [s * 3 for s in SENTENCES]}) == LONG[:1]


def test_weigh_falls_back_in_order():
    assert weigh({"trafilatura-recall": LONG}) == LONG
    assert weigh({}) is None


def test_the_json_ld_fallback_reads_article_body_from_a_graph():
    from worker.pipeline.extraction.fallbacks import json_ld_body
    from worker.pipeline.extraction.htmlprocessing import parse_html
    from worker.pipeline.extraction.metadata import extract_metadata

    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example"},
            {"@type": "NewsArticle", "headline": "Budget", "articleBody": "\n\n".join(SENTENCES)},
        ],
    }
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script>'
        "</head><body></body></html>"
    )
    body = json_ld_body(extract_metadata(parse_html(page), None).article_body)
    assert body.paragraphs == SENTENCES and body.source == "json-ld"


def test_a_noscript_left_open_around_the_page_does_not_drop_the_article():
    # An element opened inside <noscript> and never closed makes the parser nest the whole
    # page there; dropping noscript as an inert tag then dropped the article with it.
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = (
        '<html><body><noscript><div id="nojs"></noscript><div id="main">'
        f"<h1>Budget</h1><article>{paragraphs}</article></div></body></html>"
    )
    text = extract_article(page).text
    assert SENTENCES[0] in text and SENTENCES[-1] in text


def test_a_noscript_notice_is_still_dropped():
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = (
        "<html><body><noscript><p>Please enable JavaScript to view the comments.</p></noscript>"
        f"<article><h1>Budget</h1>{paragraphs}</article></body></html>"
    )
    assert "JavaScript" not in extract_article(page).text


def test_a_paywalled_lead_cut_off_with_an_ellipsis_is_an_article():
    lead = (
        "The council met on Tuesday to discuss the budget. Members argued over how the city "
        "should keep its schools open, and among the guests was the head of ..."
    )
    page = (
        "<html><body><h1>Budget</h1>"
        f"<p>{lead}</p><div class='paywall'><p>Subscribe to read on</p></div></body></html>"
    )
    assert extract_article(page).text.startswith("The council met on Tuesday")


def test_a_short_list_that_links_nowhere_is_an_article():
    items = [
        "1 large or 1200 g whole chicken",
        "2 tablespoons vegetable oil",
        "1 medium onion or 125 g, chopped",
        "250 g minced lamb",
        "1 tablespoon ground cinnamon",
        "3 cubes chicken stock",
        "2 cups or 500 g rice, soaked in water for an hour",
        "4 cups or 1125 ml of water",
        "1 teaspoon ground black pepper",
        "A handful of toasted almonds, to serve",
    ]
    lis = "".join(f"<li>{item}</li>" for item in items)
    page = f"<html><body><h1>Chicken with rice</h1><article><ul>{lis}</ul></article></body></html>"
    text = extract_article(page).text
    assert items[0] in text and items[-1] in text


def test_a_short_list_of_links_is_still_no_article():
    items = "".join(
        f'<li><a href="/s/{i}">Story number {i} about the council budget</a></li>' for i in range(8)
    )
    page = f"<html><body><h1>Latest</h1><ul>{items}</ul></body></html>"
    with pytest.raises(NoArticleError):
        extract_article(page)
