"""Extraction over pages built from real pages' pieces: an Article or a typed error, never a crash.

See ``page_pieces`` for the shapes (prologues, frames, ``<noscript>`` bodies, AMP, empty and
text-free blocks, punctuation-only blocks, JSON-LD-only bodies).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.fuzz.page_pieces import article_with_prologue, pieced_pages
from worker.pipeline.errors import NoArticleError, PipelineError
from worker.pipeline.extraction import extract_article

BOUNDED = settings(
    deadline=None,
    derandomize=True,
    database=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@BOUNDED
@given(page=pieced_pages())
def test_pieced_pages_give_an_article_or_a_typed_error(page):
    try:
        article = extract_article(page, "https://example.org/news/1")
    except NoArticleError as exc:
        assert exc.reason, "every no_article answer says which case it was"
        return
    except PipelineError as exc:
        assert str(exc) and exc.code
        return
    assert article.text.strip()
    assert "\x00" not in article.text


def _outcome(page: str | bytes) -> str:
    try:
        return extract_article(page).text
    except PipelineError as exc:
        return f"{exc.code}:{getattr(exc, 'reason', '')}"


@settings(BOUNDED, max_examples=40)
@given(case=article_with_prologue())
def test_an_xml_prologue_does_not_change_the_article(case):
    prologue, page = case
    plain = _outcome(page)
    assert _outcome(prologue + page) == plain
    assert _outcome((prologue + page).encode("utf-8")) == plain
