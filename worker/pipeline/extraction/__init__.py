"""Article extraction: the body and metadata of a news page.

``extract_article`` runs, in order: decoding (bytes to text, non-HTML refused), parsing under
structural bounds, metadata, boilerplate-subtree removal, loose text made paragraphs, body
choice (trafilatura and readability combined), paragraph filters, the
is-this-an-article check and the language check, all under a time limit. Every failure is a
typed ``PipelineError``: ``NotHTMLError``, ``NoArticleError`` or ``PageTooComplexError``.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterator

from lxml.html import HtmlElement

from worker.pipeline.errors import NoArticleError
from worker.pipeline.extraction.budget import Budget, time_limit
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.fallbacks import fallbacks
from worker.pipeline.extraction.filters import Context, clean_paragraphs
from worker.pipeline.extraction.htmlprocessing import (
    anchor_texts,
    headline_texts,
    link_texts,
    parse_html,
    remove_boilerplate,
)
from worker.pipeline.extraction.language import declared_language, language_of
from worker.pipeline.extraction.lead import lead_candidate, may_show, shown_on_page, with_lead
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.main_extractor import (
    Body,
    article_verdict,
    could_change,
    extract_bodies,
    is_lone_fragment,
    weigh,
)
from worker.pipeline.extraction.metadata import extract_metadata
from worker.pipeline.extraction.short_article import is_short_article
from worker.pipeline.model import Article

__all__ = ["extract_article", "TIME_BUDGET_S"]

# Seconds one page may take (see budget.py); the structural bounds keep real pages far below.
TIME_BUDGET_S = 10.0
# Less body text than this is a teaser, a caption or an error page, not an article.
MIN_BODY_CHARS = 100
# Once a body reads as a list of teasers, another opinion overrides that only with at least
# this much text: a shorter one is the lead teasers' snippets (a section front's top stories).
MIN_RESCUE_CHARS = 800


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
    # Looked for before boilerplate removal: the lead's module is often cut as page furniture.
    lead = lead_candidate(meta.description)
    if lead is not None and not (may_show(text, lead) and shown_on_page(tree, lead)):
        lead = None
    remove_boilerplate(tree)
    wrap_loose_text(tree)
    # The page's links read once: the long and the headline-like texts are among them.
    anchors = anchor_texts(tree)
    linked = link_texts(tree, anchors)
    context = Context(
        title=meta.title,
        byline=meta.byline,
        description=meta.description,
        site=meta.site,
        linked=linked,
        headlines=headline_texts(tree, anchors),
        anchors=anchors,
    )
    # Read before the body is chosen: readability uses the tree up (see _first_article).
    declared = declared_language(tree)
    paragraphs = _first_article(tree, text, url, meta.article_body, context, budget)
    language = language_of(declared, " ".join(paragraphs[:30]))
    paragraphs = with_lead(paragraphs, lead, language)
    return Article(
        text=_composed("\n\n".join(paragraphs).strip()),
        title=meta.title and _composed(meta.title),
        byline=meta.byline and _composed(meta.byline),
        published=meta.published,
        site=meta.site,
        url=meta.url,
        language=language,
    )


def _composed(text: str) -> str:
    """``text`` in Unicode NFC. A page may spell "é" as "e" and a combining accent; the word
    lists, the parser and a reader's search all expect the one composed letter. The extension
    folds both spellings alike when it anchors (text-position.js), so offsets still match."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _first_article(
    tree: HtmlElement,
    text: str,
    url: str | None,
    article_body: str | None,
    context: Context,
    budget: Budget,
) -> list[str]:
    """The paragraphs of the first candidate body that reads as an article.

    The combined body is tried first; the fallbacks only when it does not read as an article,
    so a page is answered ``no_article`` only when no way of reading it finds one. The reason
    given is the combined body's: what a person looking at the page would see. ``tree`` is
    used up (``text`` is the page it was parsed from).
    """
    reason = None
    short: list[str] = []  # the combined body, cleaned, when it was refused as too short
    saw_text = False
    readable: dict[str, list[str]] = {}
    # The three opinions are all weighed; the fallbacks are asked in turn, only when none of
    # them reads as an article, until one does. Readability edits the tree in place rather
    # than a copy (a copy of the page on every page); the few pages that reach the fallbacks
    # build the tree again.
    bodies = extract_bodies(tree, url, context.title, consume=True)
    opinions = [lambda body=body: body for body in bodies]
    later = _fallbacks_unless(readable, text, url, article_body)
    for make in itertools.chain(opinions, later):
        if readable and make not in opinions:
            break
        body = make()
        if readable and not could_change(readable, body):
            continue  # cleaning it could not change the choice: skip the work
        budget.check(f"body extraction ({body.source})")
        saw_text = saw_text or any(p.strip() for p in body.paragraphs)
        paragraphs = _readable(clean_paragraphs(body.paragraphs, context))
        verdict = article_verdict(paragraphs, context.linked, context.headlines)
        if verdict is None and len("\n\n".join(paragraphs)) < MIN_BODY_CHARS:
            verdict = "too_short"
        if verdict is None and reason == "index_page" and _size(paragraphs) < MIN_RESCUE_CHARS:
            verdict = "index_page"  # a teaser's snippets, once the body read as a list of them
        if verdict is None:
            readable[body.source] = paragraphs
            continue
        if verdict == "too_short" and _is_index(body.paragraphs, context.linked):
            verdict = "index_page"  # cleaning removed the teasers that made it a list of links
        if reason is None and verdict == "too_short" and body.source == "combined":
            short = paragraphs
        reason = reason or verdict
    chosen = weigh(readable)
    if (
        chosen is not None
        and bodies[0].disputed
        and readable.keys() <= _OPINIONS
        and is_lone_fragment(chosen)
    ):
        # One paragraph of prose that the opinions do not agree on: a front page's teaser or
        # an author page's bio, not a short article (both opinions would read that).
        raise NoArticleError(_MESSAGES["index_page"], reason="index_page")
    if chosen is not None:
        return chosen
    if (
        short
        and reason == "too_short"
        and bodies[0].agreed
        and is_short_article(short, text, context.title)
    ):
        # Both opinions read this short text and nothing else: a brief, not a caption or notice.
        return short
    if not saw_text:
        raise NoArticleError("The page holds no text.", reason="empty_page")
    raise NoArticleError(_MESSAGES[reason or "too_short"], reason=reason or "too_short")


def _fallbacks_unless(
    readable: dict[str, list[str]], text: str, url: str | None, article_body: str | None
) -> Iterator[Callable[[], Body]]:
    """The fallbacks, on the tree rebuilt from ``text``, unless an opinion read as an article.

    Asked only once the opinions are spent: the tree is rebuilt (parsed, cut and wrapped as
    ``_extract`` does) only on pages whose opinions found no article.
    """
    if readable:
        return
    tree = parse_html(text)
    remove_boilerplate(tree)
    wrap_loose_text(tree)
    yield from fallbacks(tree, url, article_body)


# The sources of the bodies extract_bodies gives (the fallbacks' are others).
_OPINIONS = frozenset({"combined", "trafilatura", "readability"})

_MESSAGES = {
    "index_page": "No article text was found on this page: it lists links, teasers or results "
    "rather than an article.",
    "too_short": "No article text was found on this page: its text is too short to be an article.",
}


def _size(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


def _is_index(paragraphs: list[str], linked: frozenset[str]) -> bool:
    raw = _readable([" ".join(p.split()) for p in paragraphs if p.strip()])
    return article_verdict(raw, linked) == "index_page"


def _readable(paragraphs: list[str]) -> list[str]:
    # List items lose trafilatura's "- " marker: the text must read as the page does, since the
    # extension finds each finding in the live page by its exact words.
    return [p[2:] if p.startswith("- ") else p for p in paragraphs]
