"""Pages assembled from real pages' pieces, in the shapes that broke extraction on unseen sites.

The pieces are the elements of the repository's real pages (the seed article, a multi-part
article, a home page, a search page); around them go the shapes found on the web: empty blocks,
containers without text, one-word bodies, XML and XHTML prologues (with encoding declarations),
framesets, bodies inside ``<noscript>``, AMP boilerplate, JSON-LD with an ``articleBody``, and
blocks of nothing but punctuation (the page that divided by zero).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

DATA = Path(__file__).resolve().parents[1] / "data"
REAL_PAGES = (
    DATA / "seed_page.html",
    DATA / "extraction" / "multipart_article.html",
    DATA / "extraction" / "home_page.html",
    DATA / "extraction" / "search_page.html",
)
_PIECE_TAGS = ("p", "li", "h1", "h2", "h3", "blockquote", "figure", "table", "ul", "a", "time")


@cache
def real_pieces() -> tuple[str, ...]:
    """Serialised elements of the real pages, shortest-first so shrinking finds small ones."""
    pieces = set()
    for path in REAL_PAGES:
        tree = lxml_html.document_fromstring(path.read_bytes())
        for el in tree.iter(*_PIECE_TAGS):
            markup = etree.tostring(el, encoding="unicode", with_tail=False)
            if len(markup) < 4000:
                pieces.add(markup)
    return tuple(sorted(pieces, key=lambda p: (len(p), p)))


PROLOGUES = (
    "",
    "<!DOCTYPE html>",
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<?xml version='1.0' encoding='ISO-8859-1' standalone='yes'?>\n",
    '  \n<?xml version="1.0" encoding="windows-1252" ?><!DOCTYPE html PUBLIC '
    '"-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    '<!DOCTYPE html>\n<?xml version="1.0" encoding="utf-8"?>',
    '<!-- generated --><?xml version="1.0" encoding="utf-16"?>',
    '<?xml-stylesheet type="text/xsl" href="s.xsl"?><?xml version="1.0" encoding="utf-8"?>',
)
HTML_OPEN = (
    "<html>",
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">',
    '<html amp lang="en">',
    '<html \u26a1 lang="en">',
    "",
)
HEADS = (
    "",
    "<head><title>Budget</title></head>",
    '<head><meta charset="utf-8"><style amp-boilerplate>body{visibility:hidden}</style>'
    '<script async src="https://cdn.ampproject.org/v0.js"></script></head>',
    '<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>',
)
FILLERS = (
    "<p></p>",
    "<div></div>",
    "<div><div><span></span></div></div>",
    "<p> </p>",
    "<p>&nbsp;</p>",
    "<br><br>",
    "<p>Word</p>",
    "<div>—</div>",
    "<p>" + "— " * 30 + "</p>",
    "<p>" + "*" * 60 + "</p>",
    "<p>\u3000\u3000</p>",
    "<table><tr><td></td></tr></table>",
    '<img src="x.jpg" alt="">',
    '<amp-img src="x.jpg" width="1" height="1" layout="responsive"></amp-img>',
    "<iframe src='x'></iframe>",
    "<figure><figcaption></figcaption></figure>",
    "<ul><li></li><li></li><li></li></ul>",
    "<h2></h2>",
    "<noscript></noscript>",
)


def _json_ld(text: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Budget",
        "articleBody": text,
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@st.composite
def pieced_pages(draw: st.DrawFn) -> str | bytes:
    """A page made of real pieces and hostile shapes, as text or as bytes."""
    pieces = real_pieces()
    body_parts = draw(st.lists(st.sampled_from(pieces) | st.sampled_from(FILLERS), max_size=25))
    wrapper = draw(st.sampled_from(("article", "div", "main", "noscript", "section", "td", "")))
    inner = "".join(body_parts)
    if wrapper:
        inner = f"<{wrapper}>{inner}</{wrapper}>"
    layout = draw(st.sampled_from(("body", "frameset", "noframes", "one-word", "json-ld", "bare")))
    if layout == "frameset":
        body = (
            f'<frameset cols="50%,50%"><frame src="a.html"><noframes>{inner}</noframes></frameset>'
        )
    elif layout == "noframes":
        body = f"<body><noframes>{inner}</noframes></body>"
    elif layout == "one-word":
        body = f"<body>{draw(st.sampled_from(('News', 'Loading…', 'x', '')))}</body>"
    elif layout == "json-ld":
        text = " ".join(lxml_html.fromstring(f"<div>{inner or 'x'}</div>").text_content().split())
        body = f"<body>{_json_ld(text)}<div id='app'></div></body>"
    elif layout == "bare":
        body = inner
    else:
        body = f"<body>{inner}</body>"
    page = (
        draw(st.sampled_from(PROLOGUES))
        + draw(st.sampled_from(HTML_OPEN))
        + draw(st.sampled_from(HEADS))
        + body
        + draw(st.sampled_from(("</html>", "", "</body></html>")))
    )
    encoding = draw(st.sampled_from((None, "utf-8", "utf-16", "cp1252")))
    return page if encoding is None else page.encode(encoding, "replace")


@st.composite
def article_with_prologue(draw: st.DrawFn) -> tuple[str, str]:
    """(prologue, page): a page of real prose pieces and one of the prologues to put before it."""
    prose = [p for p in real_pieces() if p.startswith("<p") and len(p) > 200]
    body = "".join(draw(st.lists(st.sampled_from(prose), min_size=2, max_size=8, unique=True)))
    page = (
        draw(st.sampled_from(HTML_OPEN[:3])) + "<head><title>Budget</title></head>"
        f"<body><article>{body}</article></body></html>"
    )
    return draw(st.sampled_from(PROLOGUES[2:])), page
