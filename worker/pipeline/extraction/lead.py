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
_SENTENCE_END = frozenset('.!?…"“”»«)')
# Languages whose sites do not write the lead as part of the story (see the module's doc).
_DEK_LANGUAGES = frozenset({"en"})
# The body "holds" the lead when its first characters are found there (sites trim or extend
# the description's end).
_PREFIX_CHARS = 50
# The lead's opening characters, looked for in the page's text runs as they are written.
_KEY_CHARS = 8
# In the source, the lead's opening as far as this, unless markup cuts it sooner.
_OPENING_CHARS = 30


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


def may_show(source: str, lead: str) -> bool:
    """A quick test on the page's source before the tree is searched: the lead's opening
    characters are written as text somewhere (outside a tag, as the description's attribute
    is, and outside a script, as JSON-LD's copy is). Most pages answer here, in microseconds."""
    key, opening = lead[:_KEY_CHARS], lead[:_OPENING_CHARS]
    # The last "<", ">", "<script" and "</script" before each hit, carried forward from hit to
    # hit: looking back from the page's start at every hit made a page that repeats the lead's
    # opening inside a script quadratic (1.4 MB: 10 s).
    last = {"<": -1, ">": -1, "<script": -1, "</script": -1}
    scanned = 0
    at = source.find(key)
    while at != -1:
        # The opening written out, or cut by markup (a bold first phrase, a link).
        written = source[at : at + len(opening)]
        if written == opening or "<" in written:
            for token in last:
                found = source.rfind(token, max(0, scanned - len(token) + 1), at)
                if found != -1:
                    last[token] = found
            scanned = at
            in_text = last[">"] > last["<"]
            if in_text and last["<script"] <= last["</script"]:
                return True
        at = source.find(key, at + 1)
    return False


def shown_on_page(tree: HtmlElement, lead: str) -> bool:
    """Whether an element of the page's body shows ``lead`` as its whole visible text.

    Read off the text runs (not a script's or a style's): a run that is the lead, or that
    opens it and whose element (inline markup inside: a bold phrase, a link) holds the lead.
    """
    size = len(lead)
    # Only the runs holding the lead's opening characters are read (found by libxml2's own
    # search: reading every run in Python costs milliseconds on a large page).
    key = lead[:_KEY_CHARS]
    for run in tree.xpath("//body//text()[contains(., $key)]", key=key):
        if not run.is_tail and run.getparent().tag in ("script", "style"):
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
