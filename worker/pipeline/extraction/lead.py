"""The lead paragraph that a page sets above its body, in its own element, put back on top.

Continental European news sites open a story with a lead written as its first paragraph (the
German "Vorspann" or "Teaser", the Polish "lead", the Spanish "entradilla", the French
"chapô"), set in bold in a module of its own above the body, and repeat it as the page's
description. The body extractors skip that module (it is not in the body's container), so the
story loses its first paragraph. English-language sites' "dek" is display copy written beside
the headline, which sourcemark gives as ``title`` and not in the text; it is left out too.

The lead is put back only when the page shows the description as a run of text of its own
(not only in a ``<meta>`` tag or a script), it reads as a sentence, and the body does not
already hold it.
"""

from __future__ import annotations

from lxml.html import HtmlElement

# Shorter descriptions are a site's slogan or a label, not a paragraph of the story.
MIN_LEAD_CHARS = 40
# How a lead written as a sentence ends (closing quotes and brackets after the full stop).
_SENTENCE_END = frozenset(".!?…\"“”»«)")
# Languages whose sites do not write the lead as part of the story (see the module's doc).
_DEK_LANGUAGES = frozenset({"en"})
# The body "holds" the lead when its first characters are found there (sites trim or extend
# the description's end).
_PREFIX_CHARS = 50


def _norm(text: str) -> str:
    return " ".join(text.split())


def lead_candidate(description: str | None) -> str | None:
    """The description, whitespace-normalised, when it could be a lead paragraph."""
    if not description:
        return None
    lead = _norm(description)
    if len(lead) < MIN_LEAD_CHARS or lead[-1] not in _SENTENCE_END:
        return None
    return lead


def shown_on_page(tree: HtmlElement, lead: str) -> bool:
    """Whether an element of the page's body shows ``lead`` as its whole visible text.

    Read off the text runs (not a script's or a style's): a run that is the lead, or that
    opens it and whose element (inline markup inside: a bold phrase, a link) holds the lead.
    """
    size = len(lead)
    for run in tree.xpath("//body//text()[not(parent::script or parent::style)]"):
        # Length first: most runs are far shorter than the description.
        if len(run) < MIN_LEAD_CHARS // 2:
            continue
        text = _norm(run)
        if text == lead:
            return True
        if not lead.startswith(text) or run.is_tail:
            continue
        element = run.getparent()
        for _ in range(2):
            if element is None:
                break
            whole = element.text_content()
            if len(whole) >= size and _norm(whole) == lead:
                return True
            element = element.getparent()
    return False


def with_lead(paragraphs: list[str], lead: str | None, language: str | None) -> list[str]:
    """``paragraphs`` opened by ``lead`` (a description ``shown_on_page``) when they lack it."""
    if not lead or not paragraphs or language in _DEK_LANGUAGES:
        return paragraphs
    if lead[:_PREFIX_CHARS] in _norm(" ".join(paragraphs)):
        return paragraphs
    return [lead, *paragraphs]
