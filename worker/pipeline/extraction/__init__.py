"""Article extraction: the body and metadata of a news page.

``extract_article`` runs, in order: decoding (bytes to text, non-HTML refused), parsing under
structural bounds, boilerplate-subtree removal, body choice (trafilatura and readability
combined), paragraph filters, and metadata. Every failure is a typed ``PipelineError``.
"""

from __future__ import annotations

import time

from worker.pipeline.errors import NoArticleError, PageTooComplexError
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.filters import Context, clean_paragraphs
from worker.pipeline.extraction.htmlprocessing import link_texts, parse_html, remove_boilerplate
from worker.pipeline.extraction.language import detect_language
from worker.pipeline.extraction.main_extractor import extract_body, looks_like_article
from worker.pipeline.extraction.metadata import extract_metadata
from worker.pipeline.model import Article

__all__ = ["extract_article", "TIME_BUDGET_S"]

# The structural bounds keep each stage's work bounded; this budget is the backstop between
# stages, so a page that is slow anyway ends as a typed error rather than occupying a worker.
TIME_BUDGET_S = 10.0
# Less body text than this is a teaser, a caption or an error page, not an article.
MIN_BODY_CHARS = 100


def _check_time(started: float, stage: str) -> None:
    if time.perf_counter() - started > TIME_BUDGET_S:
        raise PageTooComplexError(
            f"The page took longer than {TIME_BUDGET_S:.0f} s to analyse ({stage})."
        )


def extract_article(html: str | bytes, url: str | None = None) -> Article:
    """The article in ``html`` (text or raw bytes): body text and what the page says about it."""
    started = time.perf_counter()
    text = to_text(html)
    tree = parse_html(text)
    _check_time(started, "parsing")
    # Metadata reads the page before boilerplate removal: bylines and dates often sit in
    # containers that the removal cuts.
    meta = extract_metadata(tree, url)
    remove_boilerplate(tree)
    body = extract_body(tree, url)
    _check_time(started, "body extraction")
    linked = link_texts(tree)
    context = Context(
        title=meta.title,
        byline=meta.byline,
        description=meta.description,
        site=meta.site,
        linked=linked,
    )
    paragraphs = clean_paragraphs(body.paragraphs, context)
    body_text = "\n\n".join(paragraphs).strip()
    if len(body_text) < MIN_BODY_CHARS or not looks_like_article(paragraphs, linked):
        raise NoArticleError("No article text was found on this page.")
    _check_time(started, "cleaning")
    return Article(
        text=body_text,
        title=meta.title,
        byline=meta.byline,
        published=meta.published,
        site=meta.site,
        url=meta.url,
        language=detect_language(tree, " ".join(paragraphs[:30])),
    )
