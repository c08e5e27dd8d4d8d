"""Hypothesis strategies for hostile and broken pages: tag soup, odd characters, news-like text."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = [
    "said",
    "the",
    "minister",
    "\u201cWe",
    "will",
    "not",
    "comment,\u201d",
    "according",
    "to",
    "officials",
    "reportedly",
    "100",
    "people",
    "died",
    "she",
    "told",
    "Reuters.",
    '"',
    "'",
    "\u2014",
    "(",
    ")",
    ";",
    "allegedly",
    "sources",
    "say",
    "\n\n",
    "\u00e9t\u00e9",
    "\u0000",
    "\ufeff",
    "\u202e",
    "\ud7ff",
    "\U0001f600",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&lt;script&gt;",
    "Mr.",
    "U.S.",
    "...",
    "\u201c",
    "\u201d",
    "\u2019",
]
TAGS = [
    "p",
    "div",
    "article",
    "span",
    "a",
    "script",
    "style",
    "h1",
    "li",
    "ul",
    "table",
    "td",
    "br",
    "img",
    "iframe",
    "svg",
    "math",
    "template",
    "noscript",
    "title",
    "meta",
    "body",
    "html",
    "head",
    "!--",
    "![CDATA[",
    "?xml",
    "!DOCTYPE html",
    "main",
    "section",
    "b",
    "q",
]

prose = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=80).map(" ".join)
# Whatever text Hypothesis thinks of, including surrogates and control characters.
any_text = st.text(max_size=400)


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    """Unbalanced, misnested markup with attributes and text in between."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.sampled_from(["open", "close", "text", "attr"]))
        if kind == "open":
            parts.append(f"<{tag}>")
        elif kind == "close":
            parts.append(f"</{tag}>")
        elif kind == "attr":
            value = draw(st.text(max_size=20)).replace('"', "&quot;")
            parts.append(f'<{tag} class="{value}" onload="x()" href="javascript:{value}">')
        else:
            parts.append(draw(prose))
    return "".join(parts)


pages = st.one_of(
    tag_soup(),
    any_text,
    prose.map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>"),
    st.lists(prose, min_size=1, max_size=12).map(
        lambda ps: (
            "<html><body><article>"
            + "".join(f"<p>{p}</p>" for p in ps)
            + "</article></body></html>"
        )
    ),
)
