"""The seed page: title, byline, date and body exactly as ``seed/expected.json`` states."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.pipeline.extraction import extract_article

SEED_PAGE = Path(__file__).resolve().parent.parent / "data" / "seed_page.html"


@pytest.fixture(scope="module")
def article():
    return extract_article(SEED_PAGE.read_text(encoding="utf-8"))


def test_metadata_is_exact(article, seed_expected):
    expected = seed_expected["article"]
    assert article.title == expected["title"]
    assert article.byline == expected["byline"]
    assert article.published == expected["published"]
    assert article.site == "China Daily"
    assert article.url == "http://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"
    assert article.language == "en"


def test_body_bounds_are_exact(article, seed_expected):
    expected = seed_expected["article"]
    assert article.text.startswith(expected["body_starts_with"])
    assert article.text.endswith(expected["body_ends_with"])
    for phrase in expected["not_in_body"]:
        assert phrase not in article.text


def test_body_is_the_seed_article_paragraph_for_paragraph(article, seed_text):
    # The seed file holds the headline, dateline and byline lines, then the body, then the
    # syndication notice; the body between them is what extraction must return.
    lines = [line.strip() for line in seed_text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("UN Secretary-General"))
    end = next(i for i, line in enumerate(lines) if line.startswith("This article is reprinted"))
    assert article.text == "\n\n".join(lines[start:end])


def test_bytes_input_gives_the_same_article(article):
    from_bytes = extract_article(SEED_PAGE.read_bytes())
    assert from_bytes == article


def test_url_argument_does_not_override_a_stated_canonical(article):
    with_url = extract_article(
        SEED_PAGE.read_text(encoding="utf-8"), "https://m.example.org/x?utm=1"
    )
    assert with_url.url == article.url
    assert with_url.text == article.text
