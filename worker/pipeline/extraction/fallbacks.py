"""Other ways to find a body, tried in turn when the combined opinion finds no article.

The combined body (``main_extractor``) is precise but needs its parts to hold: trafilatura keeps
nothing on some layouts (a body in table cells, text broken by ``<br>`` only, unusual class
words), readability sometimes picks a comment thread. Before a page is called articleless, the
cheaper opinions are asked alone and then wider ones: readability's container, trafilatura's
blocks, trafilatura with its own fallbacks in recall mode, the densest text container of the
page, and last the ``articleBody`` the page states in its JSON-LD.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import trafilatura
from lxml.html import HtmlElement

from worker.pipeline.extraction.main_extractor import Body

_CONTAINERS = (
    "div",
    "section",
    "article",
    "main",
    "td",
    "body",
    "font",
    "center",
    "span",
    "blockquote",
    "form",
)
_BLOCK_TAGS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "dd",
    "dt",
    "td",
    "th",
    "div",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "tr",
    "br",
)
# A container whose text is mostly link text is navigation, whatever its size.
MAX_LINK_DENSITY = 0.35
_LINES = re.compile(r"\n+")


def trafilatura_recall(tree: HtmlElement, url: str | None) -> Body:
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        favor_recall=True,
        with_metadata=False,
        deduplicate=False,
        include_tables=True,
        include_comments=False,
    )
    text = doc.text if doc is not None and doc.text else ""
    return Body([line.strip() for line in text.split("\n") if line.strip()], "trafilatura-recall")


def _own_text(el: HtmlElement) -> tuple[int, int]:
    """(characters of text directly in the element's paragraphs, characters of it in links)."""
    text = link = 0
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in (
            "p",
            "pre",
            "blockquote",
            "h2",
            "h3",
            "h4",
            "li",
            "ul",
            "ol",
            "font",
            "span",
            "b",
            "i",
            "em",
            "strong",
            "a",
            "br",
        ):
            size = len(" ".join(child.text_content().split()))
            text += size
            if child.tag == "a":
                link += size
            else:
                link += sum(len(a.text_content().strip()) for a in child.iter("a"))
        text += len((child.tail or "").strip())
    text += len((el.text or "").strip())
    return text, link


def densest_container(tree: HtmlElement) -> HtmlElement | None:
    """The element holding the most running text of its own (in paragraphs or loose lines)."""
    best, best_score = None, 0.0
    for el in tree.iter(*_CONTAINERS):
        text, link = _own_text(el)
        if not text or link > MAX_LINK_DENSITY * text:
            continue
        score = text - 2 * link
        if score > best_score:
            best, best_score = el, score
    return best


def _text_lines(el: HtmlElement) -> list[str]:
    """The element's text broken at block boundaries and ``<br>``, read without editing it."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(el)
    lines = (" ".join(line.split()) for line in _LINES.split("".join(parts)))
    return [line for line in lines if line]


def densest_block(tree: HtmlElement) -> Body:
    container = densest_container(tree)
    return Body(_text_lines(container) if container is not None else [], "densest")


def json_ld_body(article_body: str | None) -> Body:
    if not article_body:
        return Body([], "json-ld")
    lines = (" ".join(line.split()) for line in _LINES.split(article_body))
    return Body([line for line in lines if line], "json-ld")


def fallbacks(
    tree: HtmlElement, url: str | None, article_body: str | None
) -> Iterator[Callable[[], Body]]:
    """The fallback bodies, cheapest first, each computed only when asked for."""
    yield lambda: trafilatura_recall(tree, url)
    yield lambda: densest_block(tree)
    yield lambda: json_ld_body(article_body)
