"""Article extraction: the body and metadata of a news page.

``extract_article`` runs, in order: decoding (bytes to text, non-HTML refused), parsing under
structural bounds, metadata, boilerplate-subtree removal, body choice (trafilatura and
readability combined), paragraph filters, the is-this-an-article check and the language check,
all under a time limit. Every failure is a typed ``PipelineError``: ``NotHTMLError``,
``NoArticleError`` or ``PageTooComplexError``.
"""

from __future__ import annotations

from worker.pipeline.errors import NoArticleError
from worker.pipeline.extraction.budget import Budget, time_limit
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.filters import Context, clean_paragraphs
from worker.pipeline.extraction.htmlprocessing import link_texts, parse_html, remove_boilerplate
from worker.pipeline.extraction.language import detect_language
from worker.pipeline.extraction.main_extractor import extract_body, looks_like_article
from worker.pipeline.extraction.metadata import extract_metadata
from worker.pipeline.model import Article

__all__ = ["extract_article", "TIME_BUDGET_S"]

# Seconds one page may take (see budget.py); the structural bounds keep real pages far below.
TIME_BUDGET_S = 10.0
# Less body text than this is a teaser, a caption or an error page, not an article.
MIN_BODY_CHARS = 100


def extract_article(html: str | bytes, url: str | None = None) -> Article:
    """The article in ``html`` (text or raw bytes): body text and what the page says about it."""
    with time_limit(TIME_BUDGET_S) as budget:
        article = _extract(html, url, budget)
        budget.check("done")
    return article


def _extract(html: str | bytes, url: str | None, budget: Budget) -> Article:
    text = to_text(html)
    tree = parse_html(text)
    budget.check("parsing")
    # Metadata reads the page before boilerplate removal: bylines and dates often sit in
    # containers that the removal cuts.
    meta = extract_metadata(tree, url)
    remove_boilerplate(tree)
    body = extract_body(tree, url)
    budget.check("body extraction")
    linked = link_texts(tree)
    context = Context(
        title=meta.title,
        byline=meta.byline,
        description=meta.description,
        site=meta.site,
        linked=linked,
    )
    paragraphs = clean_paragraphs(body.paragraphs, context)
    if not looks_like_article(paragraphs, linked):
        raise NoArticleError("No article text was found on this page.")
    # List items lose trafilatura's "- " marker: the text must read as the page does, since the
    # extension finds each finding in the live page by its exact words.
    paragraphs = [p[2:] if p.startswith("- ") else p for p in paragraphs]
    body_text = "\n\n".join(paragraphs).strip()
    if len(body_text) < MIN_BODY_CHARS:
        raise NoArticleError("No article text was found on this page.")
    return Article(
        text=body_text,
        title=meta.title,
        byline=meta.byline,
        published=meta.published,
        site=meta.site,
        url=meta.url,
        language=detect_language(tree, " ".join(paragraphs[:30])),
    )
