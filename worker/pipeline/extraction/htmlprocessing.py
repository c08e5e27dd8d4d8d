"""Parse a page into an lxml tree under structural bounds, and cut away boilerplate subtrees.

The bounds make every later stage's work proportional to a capped input: a page that is too big,
too deep or has too many elements ends as ``PageTooComplexError`` instead of a long stall.
The boilerplate pass removes whole containers that the extractors downstream tend to keep
(share bars, newsletter boxes, related-story and comment sections, cookie banners), judged by
their tag and their class/id words, and never a container that holds most of the page's prose.
"""

from __future__ import annotations

import re
import threading
from functools import partial

from lxml import etree
from lxml import html as lxml_html

from worker.pipeline.errors import NoArticleError, PageTooComplexError

MAX_CHARS = 12_000_000
MAX_ELEMENTS = 25_000
# Visible text, scripts removed: a long feature is ~100k characters; megabytes of text is a book,
# a data dump or an attack, and would stall every stage after this one.
MAX_TEXT_CHARS = 1_500_000
# Real article pages nest a few dozen levels; far deeper trees are generated or hostile, and
# the recursive steps downstream must not meet them.
MAX_DEPTH = 250
# huge_tree lifts libxml2's own caps (10 MB text nodes, 256 levels), which otherwise truncate a
# page silently, e.g. after a large inline JSON script; the bounds here replace them.
# lxml parsers must not be shared between threads (the API may extract in several at once).
_PARSERS = threading.local()

# ``el.text_content()``, the XPath ``string()``: lxml's text serialisation writes the same string
# (the element's text nodes in order, without its tail) in half the time of setting up an XPath
# evaluation, and the text of every paragraph, link and container holding a link is read so.
text_content = partial(etree.tostring, method="text", encoding=str, with_tail=False)
# lxml.html's default element lookup is a Python method called for every element proxy lxml
# creates, millions per page across the extractors; this C-level one gives every element the
# same HtmlElement class (only form controls lose their form-specific helpers, used nowhere).
ELEMENT_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)


def _parser() -> lxml_html.HTMLParser:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = lxml_html.HTMLParser(
            huge_tree=True, remove_comments=True, remove_pis=True
        )
        parser.set_element_class_lookup(ELEMENT_LOOKUP)
    return parser


# XML declarations and other processing instructions before the markup: lxml refuses a str
# that starts with one naming an encoding (the text is already decoded), so all are dropped.
def _utf8_parser() -> lxml_html.HTMLParser:
    parser = getattr(_PARSERS, "utf8", None)
    if parser is None:
        parser = _PARSERS.utf8 = lxml_html.HTMLParser(
            huge_tree=True, remove_comments=True, remove_pis=True, encoding="utf-8"
        )
        parser.set_element_class_lookup(ELEMENT_LOOKUP)
    return parser


_XML_DECL = re.compile(r"^(?:\s*<\?xml[^>]*>)+", re.IGNORECASE)
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "map",
    "dialog",
    "button",
    "select",
    "input",
    "textarea",
    # Ruby readings (furigana) set above the words they gloss: the text is the words.
    "rt",
    "rp",
)
_BOILERPLATE_TAGS = {"nav", "footer", "aside", "menu"}

# Class/id words that mark a container as page furniture rather than article.
_BOILERPLATE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharebar|social|socials|related|recommended|recommendations|"
    r"newsletter|newsletters|subscribe|subscription|signup|comments?|commenting|disqus|cookies?|"
    r"consent|gdpr|promo|promotion|advert|advertisement|ads?|adslot|sponsored|outbrain|taboola|"
    r"mostread|most-read|most-popular|popular|trending|breadcrumbs?|modal|popup|"
    r"more-stories|read-more|readmore|recirc|rail|sidebar|widget|author-bio|bio-box|"
    r"tags|tag-list|topics|print-only|skip-link|sr-only|visually-hidden|visuallyhidden)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
# A class or id that names the story body, as a whole word: such a container is never removed
# whatever its other words say ("article-body has-share-rail"), while "article-related" or
# "story-comments" name furniture of the story and may go.
_CONTENT_WORDS = re.compile(
    r"^(?:article|articlebody|article-?body|article-?content|story|story-?body|story-?content|"
    r"post-?body|post-?content|entry-?content|main-?content|content-?body|body-?text)$",
    re.IGNORECASE,
)
# A live blog's entries: "live-match-comment", "liveblog-post" are the story told minute by
# minute, whatever furniture word ("comment", "share") the template adds to their class.
_LIVE_WORDS = re.compile(r"^live(?:blog|ticker)?(?:[-_]|$)", re.IGNORECASE)
_SOCIAL_EMBEDS = re.compile(r"twitter-tweet|instagram-media|tiktok-embed", re.IGNORECASE)


def parse_html(text: str) -> lxml_html.HtmlElement:
    """Parse the page; enforces the size, element-count and depth bounds."""
    if len(text) > MAX_CHARS:
        raise PageTooComplexError(
            f"The page is too large to analyse ({len(text) // 1_000_000} MB of HTML)."
        )
    text = _XML_DECL.sub("", text, count=1)
    try:
        try:
            tree = lxml_html.document_fromstring(text, parser=_parser())
        except ValueError:
            # A declaration lxml still sees (behind a byte-order mark or odd spacing): give it
            # the text as UTF-8 bytes with the encoding stated, which it always accepts.
            tree = lxml_html.document_fromstring(
                text.encode("utf-8", "surrogatepass"), parser=_utf8_parser()
            )
    except (etree.ParserError, ValueError) as err:
        raise NoArticleError(
            f"The page could not be parsed as HTML ({err}).", reason="unparsable"
        ) from err
    if tree is None:
        raise NoArticleError("The page could not be parsed as HTML.", reason="unparsable")
    _drop_inert(tree)
    _check_bounds(tree)
    return tree


def _drop_inert(tree: lxml_html.HtmlElement) -> None:
    # Scripts, styles and media carry no article text; dropping them first keeps a page that is
    # mostly an inline JSON blob (common for script-built pages) within the element bound.
    page_text = None  # measured only on pages with a <noscript>
    for el in list(tree.iter(*_DROP_TAGS, etree.Comment, etree.ProcessingInstruction)):
        if el.tag == "script" and "ld+json" in (el.get("type") or "").lower():
            continue  # structured metadata, read by metadata.py
        if el.tag == "noscript":
            if page_text is None:
                body = tree.find("body")
                page_text = len(body.text_content()) if body is not None else 0
            if _holds_page(el, page_text):
                el.drop_tag()
                continue
        _remove(el)


def _holds_page(noscript: etree._Element, page_text: int) -> bool:
    """Whether a ``<noscript>`` holds most of the page's text: then it is not a fallback notice.

    An element left open inside it (``<noscript><div id="nojs"></noscript>``) makes the parser
    nest the rest of the page there; and some pages give their whole body to readers without
    scripts in one. Dropping it would drop the article.
    """
    if page_text == 0 or noscript.getparent() is None:
        return False
    return len(noscript.text_content()) > 0.5 * page_text


# Both checks run in libxml2: an element count, and whether any element sits MAX_DEPTH levels
# down (a path of MAX_DEPTH child steps visits each element once, whatever the page's shape).
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_TOO_DEEP = etree.XPath("boolean(/" + "/*" * MAX_DEPTH + ")")


def _check_bounds(tree: lxml_html.HtmlElement) -> None:
    if _COUNT_ELEMENTS(tree) > MAX_ELEMENTS:
        raise PageTooComplexError(
            f"The page has more than {MAX_ELEMENTS} elements once scripts are removed."
        )
    if len(tree.text_content()) > MAX_TEXT_CHARS:
        raise PageTooComplexError(
            f"The page holds more than {MAX_TEXT_CHARS:,} characters of text."
        )
    if _TOO_DEEP(tree):
        raise PageTooComplexError(
            f"The page's elements are nested more than {MAX_DEPTH} levels deep."
        )


def _remove(el: etree._Element) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# Below this many characters in <p> elements a page writes its text in other ways (<br>-broken
# lines in a div, table cells), and text outside links stands for prose instead.
MIN_PARAGRAPH_CHARS = 1000


# Plain strings, not lxml's "smart" ones: only lengths are read, and a smart string costs a
# Python object tied to its parent element for every text node of the page.
_P_TEXTS = etree.XPath(".//p//text()", smart_strings=False)
_UNLINKED_TEXTS = etree.XPath(".//text()[not(ancestor::a)]", smart_strings=False)


def _p_length(el: etree._Element) -> int:
    return sum(map(len, _P_TEXTS(el)))


def _unlinked_length(el: etree._Element) -> int:
    return sum(len(t.strip()) for t in _UNLINKED_TEXTS(el))


def _prose_length(el: etree._Element, by_paragraphs: bool = True) -> int:
    return _p_length(el) if by_paragraphs else _unlinked_length(el)


_CANDIDATES = etree.XPath(
    ".//*[@class or @id or self::nav or self::footer or self::aside or self::menu "
    "or self::ul or self::ol]"
)


def remove_boilerplate(tree: lxml_html.HtmlElement) -> None:
    """Cut furniture containers out of the tree in place (see the module docstring)."""
    body = tree.find("body")
    if body is None:
        return
    _lift_social_embeds(body)
    _join_split_bodies(body)
    _join_prose_siblings(body)
    by_paragraphs = _p_length(body) >= MIN_PARAGRAPH_CHARS
    total = _prose_length(body, by_paragraphs) or 1
    # Only elements that could be furniture are visited (the XPath runs in libxml2), in
    # document order, so a container comes before its descendants; a removed container's
    # descendants are out of the page and skipped (marked once, when it is removed: asking
    # each candidate whether the body is still above it costs an XPath call apiece).
    removed: set[etree._Element] = set()
    for el in _CANDIDATES(body):
        if el not in removed and _is_furniture_container(el, total, by_paragraphs):
            removed.update(el.iterdescendants())
            _remove(el)


def _is_teaser_list(el: etree._Element) -> bool:
    """A list whose every item leads with a link: related stories, "more from" rails.

    Lists the article itself makes (steps, bullet points) carry their own words; at most an
    item or two link out. A list of credits ("Jane Roe <a>fixed a bug</a> in the login
    form") links from every item too, but most of its items are mostly the list's own words:
    a rail's items are mostly their links.
    """
    items = [li for li in el if isinstance(li.tag, str) and li.tag == "li"]
    if len(items) < 3:
        return False
    text = link = 0
    mostly = 0
    for li in items:
        anchors = li.findall(".//a")
        if not anchors:
            return False
        size = len(text_content(li).strip())
        linked = sum(len(text_content(a).strip()) for a in anchors)
        text += size
        link += linked
        mostly += linked >= 0.5 * size
    if mostly < 0.5 * len(items):
        return False
    return link >= 0.5 * text


def _is_furniture_container(el: etree._Element, total: int, by_paragraphs: bool = True) -> bool:
    tag = el.tag
    if tag in ("html", "body", "main", "article"):
        return False
    if tag in ("ul", "ol") and _is_teaser_list(el):
        return True
    if tag not in _BOILERPLATE_TAGS:
        words = f"{el.get('class', '')} {el.get('id', '')}"
        if len(words) < 3 or not _BOILERPLATE_WORDS.search(words):
            return False
        if any(_CONTENT_WORDS.match(word) or _LIVE_WORDS.match(word) for word in words.split()):
            return False
        if _in_running_text(el) and not _HIDDEN_WORDS.search(words):
            return False
    # Never cut a container holding much of the page's prose: wrappers sometimes carry
    # furniture words ("has-sidebar", "with-share-rail") around the whole story.
    prose = _prose_length(el, by_paragraphs)
    if prose > 0.25 * total or el.find(".//h1") is not None:
        return False
    return not _holds_marked_body(el, prose, by_paragraphs)


# Phrase-level tags: a sentence's words, whatever class a template gives them.
_INLINE_TAGS = frozenset({"a", "em", "strong", "b", "i", "u", "cite", "q", "abbr", "font"})
# Class words of text meant for screen readers or print only: cut even inside a sentence.
_HIDDEN_WORDS = re.compile(
    r"(?:^|[\s_-])(?:print-only|skip-link|sr-only|visually-hidden|visuallyhidden)(?:$|[\s_-])",
    re.IGNORECASE,
)
_WORDISH = re.compile(r"\w", re.UNICODE)


def _in_running_text(el: etree._Element) -> bool:
    """Whether a phrase-level element sits inside a sentence: words on both sides of it.

    A note-link (``<a class="popup">``), an emphasised phrase with a "promo" class: the
    sentence around it reads as nonsense once its words are cut out.
    """
    if el.tag not in _INLINE_TAGS or not _WORDISH.search(el.tail or ""):
        return False
    before = el.getprevious()
    text = (before.tail if before is not None else el.getparent().text) or ""
    return bool(_WORDISH.search(text))


_MARKED = etree.XPath(".//*[@class or @itemprop]")
# Words naming a post's body; a bare "article" or "story" is as often a teaser card in a promo.
_BODY_WORDS = re.compile(
    r"^(?:articlebody|article-?body|article-?content|story-?body|story-?content|"
    r"post-?body|post-?content|entry-?content|body-?text)$",
    re.IGNORECASE,
)


def _holds_marked_body(el: etree._Element, prose: int, by_paragraphs: bool) -> bool:
    """Whether most of the container's text is in one element the page marks as a post's body.

    Blogger wraps every post in "widget Blog": a post of verse or of short lines (lyrics, a
    recipe) is a small share of a page with a long sidebar, yet it is the page's article.
    """
    if not prose:
        return False
    for inner in _MARKED(el):
        words = f"{inner.get('class', '')} {inner.get('itemprop', '')}".split()
        if any(_BODY_WORDS.match(word) for word in words) and (
            _prose_length(inner, by_paragraphs) >= 0.5 * prose
        ):
            return True
    return False


_EMBED_WRAPPER = re.compile(r"tweet|embed|social|widget|instagram|tiktok", re.IGNORECASE)


def _lift_social_embeds(body: etree._Element) -> None:
    """Put embedded posts (tweets and the like) in place of their wrappers, without the class.

    A post the article embeds is something the article quotes, but its wrappers' class words
    ("social-media-embed", "article-tweet") read as furniture to every extractor.
    """
    for quote in list(body.iter("blockquote")):
        words = f"{quote.get('class', '')} {quote.get('id', '')}"
        if not _SOCIAL_EMBEDS.search(words):
            continue
        for attr in ("class", "id"):
            quote.attrib.pop(attr, None)
        size = len(quote.text_content())
        outer = quote
        for ancestor in quote.iterancestors():
            label = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
            if not _EMBED_WRAPPER.search(label) or len(ancestor.text_content()) > size + 80:
                break
            outer = ancestor
        if outer is not quote and outer.getparent() is not None:
            quote.tail = outer.tail
            outer.getparent().replace(outer, quote)


def _classed_containers(body: etree._Element) -> list[etree._Element]:
    """The divs and sections with a class below ``body``, in document order.

    Only containers with a class can be a split body's parts. One walk over the two tags, a
    quarter of the time of the XPath union ``.//div[@class]|.//section[@class]`` (two walks
    and a sort).
    """
    return [el for el in body.iterdescendants("div", "section") if el.get("class") is not None]


def _join_split_bodies(body: etree._Element) -> None:
    """Join a story body that the template split into sibling containers of the same class.

    Templates break the body around ad slots and players as ``<div class="article-body">``
    repeated; extractors take the first such container as *the* body and lose the rest.
    """
    for container in _classed_containers(body):
        words = (container.get("class") or "").split()
        if not words or not _CONTENT_WORDS.match(words[0]) or container.getparent() is None:
            continue
        for sibling in list(container.itersiblings()):
            if (
                sibling.tag == container.tag
                and (sibling.get("class") or "").split()[:1] == words[:1]
            ):
                container.extend(list(sibling))
                _remove(sibling)


# A sibling part of a split story holds at least this much text in paragraphs, mostly unlinked,
# in at least two sentences (a chart's labels in responsive copies have none).
MIN_PART_CHARS = 200
MAX_PART_LINK_SHARE = 0.3
MIN_PART_SENTENCES = 2
# A card with a linked headline over a snippet shorter than this is a teaser, not a story's part.
MIN_LINKED_PART_CHARS = 600
_SENTENCE_END = re.compile(r"\w[.!?][\"'”’)]?\s+\S")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|headline|heading)(?:$|[\s_-])", re.IGNORECASE)


def _is_prose_part(el: etree._Element) -> bool:
    p_text = _p_length(el)
    if p_text < MIN_PART_CHARS:
        return False
    if _is_link_box(el):
        return False
    if len(_SENTENCE_END.findall(text_content(el), 0, 20_000)) < MIN_PART_SENTENCES:
        return False
    if p_text < MIN_LINKED_PART_CHARS:
        for heading in el.iter(*_HEADINGS):
            if heading.find(".//a") is not None or heading.getparent().tag == "a":
                return False
    return True


def _is_link_box(el: etree._Element) -> bool:
    """Whether links hold more than MAX_PART_LINK_SHARE of the element's text."""
    linked = sum(len(text_content(a)) for a in el.iter("a"))
    return linked > MAX_PART_LINK_SHARE * max(len(text_content(el)), 1)


def _join_prose_siblings(body: etree._Element) -> None:
    """Join sibling containers of one class when each holds prose: a story in N CMS modules.

    Some templates set each few paragraphs of a story in a module of its own (``<div
    class="text-module">`` repeated, a photo or an ad between); readability takes one module as
    *the* body and loses the rest. ``_join_split_bodies`` does this for classes that name a
    story body; any other class is joined only when two of its siblings or more, and at least
    half, are running prose (the others a short paragraph, a photo) and none is mostly links (a
    rail's cards are not prose; furniture classes are never joined, so a thread stays cuttable),
    and not when most parts open with a title of their own: a blog's front page, whose posts
    are separate stories (sourcemark keeps the first).
    """
    groups: dict[tuple, list[etree._Element]] = {}
    for container in _classed_containers(body):
        parent = container.getparent()
        label = " ".join((container.get("class") or "").split())
        if parent is None or not label or _BOILERPLATE_WORDS.search(label):
            continue
        groups.setdefault((parent, container.tag, label), []).append(container)
    for (parent, _tag, _label), parts in groups.items():
        if len(parts) < 2 or any(part.getparent() is not parent for part in parts):
            continue
        prose = sum(map(_is_prose_part, parts))
        if prose < 2 or 2 * prose < len(parts) or any(map(_is_link_box, parts)):
            continue
        titled = sum(map(_opens_with_heading, parts))
        if titled >= 2 and 2 * titled >= len(parts):
            continue  # posts, each under its own title: a blog's front page, not one story
        _gather(parts)


def _opens_with_heading(el: etree._Element) -> bool:
    """Whether the element's first words are a title's (a post's title over its text).

    A title is a heading or an element classed as one (``<span class="title">``).
    """
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.text and node.text.strip():
            while node is not el:
                if node.tag in _HEADINGS or _TITLE_CLASS.search(node.get("class") or ""):
                    return True
                node = node.getparent()
            return False
        if node is not el and node.tail and node.tail.strip():
            return False
    return False


def _gather(parts: list[etree._Element]) -> None:
    """Move everything from the second part to the last into the first, in the page's order.

    What sits between two parts (a sub-heading, a photo, an ad slot) goes in as it is, so the
    story's order holds; each later part gives its children and its loose text.
    """
    first, members = parts[0], set(parts[1:])
    last = parts[-1]
    _append_text(first, first.tail)
    first.tail = None
    between = first.getnext()
    while between is not None:
        following = between.getnext()
        if between in members:
            _append_text(first, between.text)
            first.extend(list(between))
            _append_text(first, between.tail)
            between.getparent().remove(between)
        elif _is_story_flow(between):
            first.append(between)  # its tail comes with it
        if between is last:
            break
        between = following


# Media an in-between block shows: a chart or photo module, whose labels are not the story's text.
_MEDIA_TAGS = ("img", "svg", "picture", "figure", "iframe", "video", "canvas")


def _is_story_flow(el: etree._Element) -> bool:
    """Whether a block between two parts goes with them: a sub-heading or the like.

    A chart or photo module and a box of links (related stories) between the parts stay where
    they are, outside the joined body, as they were outside the part readability took.
    """
    if not isinstance(el.tag, str) or next(el.iter(*_MEDIA_TAGS), None) is not None:
        return False
    return not _is_link_box(el)


def _append_text(el: etree._Element, text: str | None) -> None:
    """Put loose text at the end of ``el``'s content (a moved part's text before its children)."""
    if not text or not text.strip():
        return
    last = el[-1] if len(el) else None
    if last is None:
        el.text = (el.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def link_texts(
    tree: lxml_html.HtmlElement, anchors: frozenset[str] | None = None
) -> frozenset[str]:
    """The page's link texts (lowercased, whitespace-collapsed), for telling teasers from prose.

    ``anchors``: the page's ``anchor_texts`` when the caller has them (each link read once).
    """
    texts = anchor_texts(tree) if anchors is None else anchors
    return frozenset(text for text in texts if len(text) >= 20)


def headline_texts(
    tree: lxml_html.HtmlElement, anchors: frozenset[str] | None = None
) -> frozenset[str]:
    """Link texts of two words or more, however short (lowercased, whitespace-collapsed).

    A section front's teasers open with such a link (a headline, then its snippet in plain
    text); ``link_texts`` keeps only long ones, since a short linked label inside a paragraph
    says nothing on its own. ``anchors`` as for ``link_texts``.
    """
    texts = anchor_texts(tree) if anchors is None else anchors
    return frozenset(text for text in texts if " " in text and len(text) >= 8)


def anchor_texts(tree: lxml_html.HtmlElement) -> frozenset[str]:
    """Every link text of the page (lowercased, whitespace-collapsed), however short."""
    texts = set()
    for a in tree.iter("a"):
        text = " ".join(text_content(a).split()).lower()
        if text:
            texts.add(text)
    return frozenset(texts)
