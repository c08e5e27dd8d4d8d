"""A list article's item names, each linked to its maker's page, are sub-headings, not teasers.

Every text here is invented.
"""

from __future__ import annotations

from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.filters import Context, clean_paragraphs, flat

ITEMS = [
    ("Harbour Lights ($20)", "a puzzle game set on a lighthouse"),
    ("Tide Runner ($30)", "a racing game across the flooded delta"),
    ("Salt and Stone ($15)", "a building game about an island quarry"),
    ("Night Ferry ($25)", "a story game told by a ferry's crew"),
]


def _about(name: str, what: str) -> str:
    return (
        f"{name.split(' (')[0]} is {what}, and it is one of the best reasons to own the headset "
        "this autumn, with clever levels, a fair price and a soundtrack worth hearing twice."
    )


def test_linked_item_names_between_prose_stay_in_the_text():
    names = [name for name, _ in ITEMS]
    paragraphs = [
        "Here are the games worth buying this season, from quiet puzzles to loud racing, "
        "picked after a month of evenings with the headset on."
    ]
    for name, what in ITEMS:
        paragraphs += [name, _about(name, what)]
    kept = clean_paragraphs(paragraphs, Context(linked=frozenset(map(flat, names))))
    for name in names:
        assert name in kept


def test_a_lone_linked_headline_between_paragraphs_is_still_a_teaser():
    teaser = "Council approves the new harbour bridge"
    name, what = ITEMS[0]
    paragraphs = [_about(name, what), teaser, _about(*ITEMS[1])]
    kept = clean_paragraphs(paragraphs, Context(linked=frozenset({flat(teaser)})))
    assert teaser not in kept


def test_a_run_of_linked_headlines_is_still_a_teaser_box():
    teasers = [f"Council story number {i} about the harbour" for i in range(4)]
    paragraphs = [_about(*ITEMS[0]), *teasers, _about(*ITEMS[1])]
    kept = clean_paragraphs(paragraphs, Context(linked=frozenset(map(flat, teasers))))
    assert not any(t in kept for t in teasers)


def test_a_list_article_page_keeps_its_linked_item_names():
    body = "".join(
        f"<h3><a href='https://shop.example.com/{i}'>{name}</a></h3><p>{_about(name, what)}</p>"
        for i, (name, what) in enumerate(ITEMS)
    )
    page = (
        "<html><head><title>The four games worth buying</title></head><body><article>"
        "<h1>The four games worth buying</h1>"
        "<p>Here are the games worth buying this season, from quiet puzzles to loud racing, "
        "picked after a month of evenings with the headset on.</p>"
        f"{body}</article></body></html>"
    )
    text = extract_article(page).text
    for name, _ in ITEMS:
        assert name in text
