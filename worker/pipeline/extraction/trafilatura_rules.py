"""Trafilatura's pruning and frame-finding XPaths, evaluated as Python over the same tree.

trafilatura 2.3.1 (pinned) selects boilerplate and the article frame with XPaths that call
EXSLT ``re:test`` for every candidate element: libxml2 calls back into Python per element and
attribute, 10-20 µs an element, so on a page of 300 elements one pass of
``OVERALL_DISCARD_XPATH`` costs ~5 ms, and trafilatura's cascade runs it twice (the frame and
the whole-page recovery). The same tests as Python predicates over ``iterdescendants`` select
the same elements in the same (document) order at a tenth of the cost.

Each ``Rule`` here is a drop-in for one XPath of ``trafilatura.xpaths`` (called with the
context element, it returns the list the XPath returns), built from that module's own token
alternations so the patterns are trafilatura's. What the XPath semantics come to:

* ``@a|@b`` as a string is the first of the two attributes *in the element's source order*;
* a missing attribute is the empty string (``re:test`` searches it, ``contains`` finds nothing);
* ``re:test(s, p)`` is ``re.search(p, s)`` (lxml compiles ``p`` with ``re.UNICODE``, plus
  ``re.IGNORECASE`` for the ``'i'`` flag);
* ``.//*[p]`` is every descendant element (not the context itself; no comments or PIs).

``tests/extraction/test_trafilatura_rules.py`` checks every rule against its XPath on the
repository's pages and on attribute shapes made to split them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import xpaths as X

Rule = Callable[[HtmlElement], list[HtmlElement]]

_FRAME_TAGS = ("div", "item", "list", "p", "section", "span")
_BODY_TAGS = ("article", "div", "main", "section")
_RAW_PRUNE_TAGS = ("div", "section", "aside")
_COMMENT_TAGS = ("div", "list", "section", "details", "ol", "ul")


def _first_of(el: HtmlElement, a: str, b: str) -> str:
    """The string value of ``@a|@b``: the attribute that comes first in the element."""
    first, second = el.get(a), el.get(b)
    if first is None:
        return second or ""
    if second is None:
        return first
    return first if el.keys().index(a) < el.keys().index(b) else second


def _search(pattern: str, flags: int = 0) -> Callable[[str], bool]:
    compiled = re.compile(pattern, re.UNICODE | flags)
    return lambda text: compiled.search(text) is not None


# OVERALL_DISCARD_XPATH[0]
_OD_CONSENT = _search(X._alt(X._CONSENT_ID_CLASS_TOKENS))
_OD_ID = _search(X._alt(X._OVERALL_DISCARD_BOTH_TOKENS + X._OVERALL_DISCARD_ID_TOKENS))
_OD_CLASS = _search(X._alt(X._OVERALL_DISCARD_BOTH_TOKENS + X._OVERALL_DISCARD_CLASS_TOKENS))


# OVERALL_DISCARD_XPATH's tests all read an attribute, and none matches a missing one (their
# patterns never match the empty string), so an element without attributes, most of a page, is
# passed over at once.


def overall_discard_frames(tree: HtmlElement) -> list[HtmlElement]:
    return [
        el
        for el in tree.iterdescendants(*_FRAME_TAGS)
        if el.keys()
        and (
            el.get("data-lp-replacement-content") is not None
            or "nav" in (el.get("role") or "").replace("N", "n")
            or "MostPopularStories" in (el.get("data-component") or "")
            or _OD_CONSENT(_first_of(el, "id", "class"))
            or _OD_ID(el.get("id") or "")
            or _OD_CLASS(el.get("class") or "")
        )
    ]


# OVERALL_DISCARD_XPATH[1]
# The id and style tests ("hidden", "reader-comments|akismet") are plain substrings.
_HIDDEN_CLASS = _search(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
    "| hidden| hide|noprint|notloaded"
)


# Every descendant element with an attribute, in document order: libxml2 passes over the
# attribute-less majority without creating a Python proxy for each.
_WITH_ATTRIBUTES = etree.XPath("descendant::*[@*]")


def overall_discard_hidden(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for el in _WITH_ATTRIBUTES(tree):
        cls, ident, style = el.get("class"), el.get("id"), el.get("style")
        if ident is None:
            # The patterns never match "", the string a missing attribute reads as.
            id_or_class, id_or_style = cls or "", style or ""
        else:
            keys = el.keys() if cls is not None or style is not None else ()
            at = keys.index("id") if keys else 0
            id_or_class = cls if cls is not None and keys.index("class") < at else ident
            id_or_style = style if style is not None and keys.index("style") < at else ident
        style = style or ""
        if (
            cls == "comments-title"
            or id_or_class.startswith("reply-")
            or "hidden" in id_or_style
            or "display:none" in style
            or "display: none" in style
            or (ident is not None and ("reader-comments" in ident or "akismet" in ident))
            or (cls is not None and _HIDDEN_CLASS(cls))
            or el.get("aria-hidden") == "true"
        ):
            found.append(el)
    return found


def discard_image_elements(tree: HtmlElement) -> list[HtmlElement]:
    """DISCARD_IMAGE_ELEMENTS[0]: caption frames."""
    return [
        el
        for el in tree.iterdescendants(*_FRAME_TAGS)
        if "caption" in (el.get("id") or "") or "caption" in (el.get("class") or "")
    ]


# RAW_TREE_PRUNE_XPATH
_INFINITE = _search("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_MVP = _search("mvp-post-add-(?:box|wrap)")


def raw_prune_infinite_scroll(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for el in tree.iterdescendants(*_RAW_PRUNE_TAGS):
        ident, cls = el.get("id") or "", el.get("class") or ""
        if (_INFINITE(ident) or _INFINITE(cls)) and (
            next(el.iterdescendants("h1"), None) is None or _MVP(ident) or _MVP(cls)
        ):
            found.append(el)
    return found


def raw_prune_share_buttons(tree: HtmlElement) -> list[HtmlElement]:
    return [
        el
        for el in tree.iterdescendants(*_RAW_PRUNE_TAGS)
        if "elementor-share-buttons" in (el.get("class") or "")
    ]


# REMOVE_COMMENTS_AND_LISTS_XPATH
_COMMENTS_ID = _search(f"^(?:{X._COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENTS_ID_LIST = _search(f"^(?:{X._COMMENTS_ID})")
_COMMENTS_CLASS = _search(X._COMMENTS_CLASS)


def comment_containers(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for el in tree.iterdescendants(*_COMMENT_TAGS):
        ident, cls = el.get("id") or "", el.get("class") or ""
        if not (_COMMENTS_ID(ident) or _COMMENTS_CLASS(cls)):
            continue
        # Lists are pruned only on the narrower id test (or the class test).
        if el.tag not in ("ol", "ul") or _COMMENTS_ID_LIST(ident) or _COMMENTS_CLASS(cls):
            found.append(el)
    return found


# BODY_XPATH: trafilatura takes the first element each returns, so each rule returns only that
# one (the XPaths' ``[1]`` and ``(...)[1]`` forms all come down to the first match in document
# order, the last one to the first of two such matches).
_BODY0_ID = _search(X._alt(X._ARTICLE_CONTENT_ID_TOKENS))
_BODY0_CLASS = _search(X._alt(X._ARTICLE_CONTENT_CLASS_TOKENS))
_BODY2_ID = _search(X._alt(X._STORY_ID_TOKENS))
_BODY2_FULLTEXT = _search("fulltext", re.IGNORECASE)
_BODY2_CLASS = _search(X._alt(X._STORY_CLASS_TOKENS))
_BODY3_ID = _search(X._alt(X._MAIN_CONTENT_ID_TOKENS))
_BODY3_CLASS = _search(X._alt(X._MAIN_CONTENT_CLASS_TOKENS))


def _first(tree: HtmlElement, tags: tuple[str, ...], test: Callable) -> list[HtmlElement]:
    return next(([el] for el in tree.iterdescendants(*tags) if test(el)), [])


def _body0(el: HtmlElement) -> bool:
    cls, ident = el.get("class"), el.get("id")
    return (
        cls in ("post", "entry")
        or el.get("itemprop") == "articleBody"
        or ident == "articleContent"
        or _BODY0_ID(ident or "")
        or _BODY0_CLASS(cls or "")
    )


def _body2(el: HtmlElement) -> bool:
    cls, ident = el.get("class"), el.get("id")
    return (
        el.get("role") == "article"
        or ident in ("article", "story")
        or cls in ("postarea", "art-postcontent", "text", "cell", "story")
        or _BODY2_ID(ident or "")
        or _BODY2_FULLTEXT(cls or "")
        or _BODY2_CLASS(cls or "")
    )


def _body3(el: HtmlElement) -> bool:
    cls, ident = el.get("class") or "", el.get("id") or ""
    return (
        ident == "content"
        or cls == "content"
        or _BODY3_ID(ident)
        or _BODY3_CLASS(cls)
        or "main-content" in ident.replace("C", "c").replace("M", "m")
        or "main-content" in cls.replace("C", "c").replace("M", "m")
        or "page-content" in cls.replace("C", "c").replace("P", "p")
    )


def _body4(tree: HtmlElement) -> list[HtmlElement]:
    """``(.//*[article|div|section][@class|@id|@role starts with 'main'])[1] | (.//main)[1]``."""
    found: list[HtmlElement] = []
    framed = main = False
    for el in tree.iterdescendants("article", "div", "section", "main"):
        if el.tag == "main":
            if not main:
                main = True
                found.append(el)
        elif not framed and any(
            (el.get(name) or "").startswith("main") for name in ("class", "id", "role")
        ):
            framed = True
            found.append(el)
        if framed and main:
            break
    return found


BODY_RULES: list[Rule] = [
    lambda tree: _first(tree, _BODY_TAGS, _body0),
    lambda tree: next(([el] for el in tree.iterdescendants("article")), []),
    lambda tree: _first(tree, _BODY_TAGS, _body2),
    lambda tree: _first(tree, _BODY_TAGS, _body3),
    _body4,
]
OVERALL_DISCARD_RULES: list[Rule] = [overall_discard_frames, overall_discard_hidden]
DISCARD_IMAGE_RULES: list[Rule] = [discard_image_elements]
RAW_TREE_PRUNE_RULES: list[Rule] = [raw_prune_infinite_scroll, raw_prune_share_buttons]
COMMENT_RULES: list[Rule] = [comment_containers]
