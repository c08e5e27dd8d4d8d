"""Two opinions that each found a different short scrap of prose: a page with no article."""

from __future__ import annotations

import pytest

import worker.pipeline.extraction as extraction
from worker.pipeline.errors import NoArticleError
from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.main_extractor import Body, is_disputed, is_lone_fragment

TEASER = (
    "The long-debated bridge across the harbour mouth cleared its last vote on Tuesday, and "
    "building work is due to start next spring."
)
OTHER_TEASER = (
    "Our columnist argues that the old ferry line carries more than passengers and should keep "
    "running after the bridge opens."
)
BYLINE_SCRAP = "By Ana Ruiz and"


def test_short_opinions_without_a_common_4gram_are_disputed():
    assert is_disputed([TEASER, BYLINE_SCRAP], [OTHER_TEASER])


def test_opinions_that_read_the_same_brief_are_not_disputed():
    assert not is_disputed([TEASER], [TEASER])
    assert not is_disputed([TEASER, BYLINE_SCRAP], [TEASER])


def test_an_empty_or_a_long_opinion_is_not_disputed():
    assert not is_disputed([TEASER], [])
    assert not is_disputed([], [OTHER_TEASER])
    long_story = [OTHER_TEASER] * 5  # 600 characters and more: a body, not a scrap
    assert not is_disputed([TEASER], long_story)


def test_a_lone_fragment_has_exactly_one_prose_paragraph():
    assert is_lone_fragment([TEASER, BYLINE_SCRAP])
    assert not is_lone_fragment([TEASER, OTHER_TEASER])
    # A recipe's ingredient lines hold no prose: other rules judge such a list.
    assert not is_lone_fragment(["2 cups of rice", "1 onion, chopped", "250 g minced lamb"])


def _page_with_bodies(monkeypatch: pytest.MonkeyPatch, bodies: list[Body]) -> str:
    monkeypatch.setattr(extraction, "extract_bodies", lambda *a, **k: bodies)
    return "<html><head><title>The Harbour Times</title></head><body><p>x</p></body></html>"


def test_a_disputed_lone_paragraph_is_answered_as_an_index_page(monkeypatch):
    bodies = [
        Body([TEASER, BYLINE_SCRAP], "combined", disputed=True),
        Body([TEASER, BYLINE_SCRAP], "trafilatura"),
        Body([OTHER_TEASER], "readability"),
    ]
    page = _page_with_bodies(monkeypatch, bodies)
    with pytest.raises(NoArticleError) as caught:
        extract_article(page)
    assert caught.value.reason == "index_page"


def test_the_same_lone_paragraph_is_kept_when_the_opinions_agree(monkeypatch):
    bodies = [Body([TEASER], "combined"), Body([TEASER], "trafilatura")]
    page = _page_with_bodies(monkeypatch, bodies)
    assert extract_article(page).text == TEASER


def test_a_short_brief_both_opinions_read_is_kept():
    brief = (
        "<html><head><title>Ferry strike ends</title></head><body><article>"
        "<h1>Ferry strike ends</h1>"
        f"<p>{TEASER}</p><p>{OTHER_TEASER}</p>"
        "</article></body></html>"
    )
    text = extract_article(brief).text
    assert TEASER in text and OTHER_TEASER in text
