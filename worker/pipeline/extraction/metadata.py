"""Title, byline, date, site, canonical URL and language, from what the page states.

Structured statements come first because publishers write them for machines: JSON-LD
(``NewsArticle`` and kin), then Open Graph / ``article:*`` / Dublin Core / ``name=`` meta tags,
then visible markup (``<h1>``, ``rel=author``, ``<time>``), then the URL's date path. Only when
none states a date is htmldate's (fast) search asked, since it is the costliest step here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from worker.pipeline.extraction.language import declared_language


@dataclass
class Metadata:
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    # The JSON-LD ``articleBody``: the last resort when no extractor finds the body in the page.
    article_body: str | None = None


_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "webpage",
    "report",
    "scholarlyarticle",
    "techarticle",
    "liveblogposting",
    "posting",
    "socialmediaposting",
}
_SEPARATORS = re.compile(r"\s+[|\-–—:·»•]\s+")
_SPACE = re.compile(r"\s+")
_BY = re.compile(
    r"^\s*(?:(?:analysis|opinion|commentary|review|column|story|words|text)\s+)?"
    r"(?:by|from|von|par|por|di|door|av|af)\s*[:\s]\s*",
    re.IGNORECASE,
)
# Words a byline picks up from its surroundings and that are never part of a name.
_BYLINE_NOISE = re.compile(
    r"(?:\s*[|•·,]\s*|\s+)(?:updated|published|posted|last updated|modified|on)\b.*$"
    r"|\s+(?:is an?|is the)\s.*$",
    re.IGNORECASE,
)
_DATE_IN_TEXT = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/_-]?(\d{1,2})[/_-]?(\d{1,2})(?:/|[_-]|$)")


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _SPACE.sub(" ", text).strip()
    return text or None


def _meta(tree: HtmlElement) -> dict[str, str]:
    """First value of each ``<meta>`` key (``property``, ``name`` or ``itemprop``), lowercased."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _json_ld(tree: HtmlElement) -> list[dict]:
    """Article-like objects from the page's JSON-LD blocks (``@graph`` flattened)."""
    objects: list[dict] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                objects.append(item)
    # Proper article types before a generic WebPage.
    objects.sort(key=lambda o: "webpage" in str(o.get("@type")).lower())
    return objects


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    m = _DATE_IN_TEXT.search(value)
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return d.isoformat() if 1990 <= d.year <= 2100 else None


def _h1s(tree: HtmlElement, site: str | None) -> list[str]:
    """Visible headlines, without the logo-as-h1 that many templates use for the site name."""
    found = []
    for el in tree.iter("h1"):
        text = _clean(el.text_content())
        if not text or (site and text.lower() == site.lower()):
            continue
        link = el.find(".//a")
        is_logo = (
            link is not None
            and urlsplit(link.get("href") or "").path in ("", "/")
            and _clean(link.text_content()) == text
        )
        if is_logo:
            continue
        found.append(text)
    return found


def extract_title(
    tree: HtmlElement, meta: dict[str, str], ld: list[dict], site: str | None
) -> str | None:
    stated = [
        meta.get("og:title"),
        meta.get("twitter:title"),
        next((o.get("headline") for o in ld if isinstance(o.get("headline"), str)), None),
        meta.get("dc.title"),
        meta.get("title"),
    ]
    title_el = tree.find(".//title")
    html_title = _clean(title_el.text_content()) if title_el is not None else None
    candidates = [c for c in (_clean(s) for s in stated) if c] + (
        [html_title] if html_title else []
    )
    h1s = _h1s(tree, site)
    # The visible headline wins when a stated title contains it: the stated one often carries a
    # section or site label ("Opinion | ...", "... - Site").
    for h1 in h1s:
        if len(h1) >= 10 and any(h1.lower() in c.lower() for c in candidates):
            return h1
    if not candidates:
        return h1s[0] if h1s else None
    return _strip_site(candidates[0], site)


def _strip_site(title: str, site: str | None) -> str:
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        kept = [p for p in parts if p.strip().lower() != site.strip().lower()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    # No site name to match: the longest part is the headline, short parts are labels.
    longest = max(parts, key=len)
    return longest if len(longest) >= 0.6 * len(title) else title


def _clean_byline(raw: str | None) -> str | None:
    text = _clean(raw)
    if not text or text.startswith("http"):
        return None
    text = _BY.sub("", text)
    text = _BYLINE_NOISE.sub("", text).strip(" ,|-–—:")
    if not text or len(text) > 100 or sum(ch.isdigit() for ch in text) > 2:
        return None
    return ", ".join(_unshout(part) for part in text.split(", "))


def _unshout(names: str) -> str:
    """Wire copy shouts names ("LISA MASCARO and ERIC TUCKER"); bylines read better as names.

    Only a comma-separated part of two or more words, all in capitals, changes, so "AP National
    Writer", "CNN Business" or "PTI" keep their acronyms.
    """
    words = [w for w in names.split() if w.lower() not in ("and", "&")]
    # One shouted word is an acronym (PTI, RDN), not a name.
    if len(words) < 2 or not all(w.isupper() for w in words):
        return names
    return " ".join(w if w.lower() in ("and", "&") else w.capitalize() for w in names.split())


def extract_byline(tree: HtmlElement, meta: dict[str, str], ld: list[dict]) -> str | None:
    for obj in ld:
        names = [n for n in (_clean_byline(x) for x in _names(obj.get("author"))) if n]
        if names:
            return ", ".join(dict.fromkeys(names))
    for key in (
        "author",
        "article:author",
        "dc.creator",
        "byl",
        "parsely-author",
        "sailthru.author",
    ):
        name = _clean_byline(meta.get(key))
        if name:
            return name
    # Author markup first, then byline classes: both kinds found in one pass over the page.
    found = _byline_elements(tree)
    for el in found:
        if el.get("rel") != "author" and el.get("itemprop") != "author":
            continue
        inner = _NAME_ELEMENTS(el)
        name = _clean_byline((inner[0] if inner else el).text_content())
        if name:
            return name
    for el in found:
        cls = el.get("class") or ""
        if "byline" not in cls and "author-name" not in cls:
            continue
        name = _clean_byline(el.text_content())
        if name and len(name.split()) <= 8:
            return name
    return None


# Every element with an attribute (libxml2 passes over the rest without a Python object each);
# the byline tests on those in Python take two thirds of the time of the same tests as an XPath
# predicate over the page.
_WITH_ATTRIBUTES = etree.XPath("descendant::*[@*]")


def _byline_elements(tree: HtmlElement) -> list[HtmlElement]:
    """``.//*[@rel="author" or @itemprop="author" or contains(@class,"byline") or
    contains(@class,"author-name")]``, in document order."""
    found = []
    for el in _WITH_ATTRIBUTES(tree):
        cls = el.get("class")
        if (
            el.get("rel") == "author"
            or el.get("itemprop") == "author"
            or (cls is not None and ("byline" in cls or "author-name" in cls))
        ):
            found.append(el)
    return found


_NAME_ELEMENTS = etree.XPath('.//*[@itemprop="name"]')


def extract_date(
    tree: HtmlElement, meta: dict[str, str], ld: list[dict], url: str | None
) -> str | None:
    for obj in ld:
        found = _iso_date(str(obj.get("datePublished") or "")) or _iso_date(
            str(obj.get("dateCreated") or "")
        )
        if found:
            return found
    for key in (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "publishdate",
        "pubdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "published_time",
    ):
        found = _iso_date(meta.get(key))
        if found:
            return found
    for el in tree.iter("time"):
        found = _iso_date(el.get("datetime"))
        if found:
            return found
    if url:
        m = _URL_DATE.search(urlsplit(url).path)
        if m:
            found = _iso_date(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
            if found:
                return found
    return _htmldate(tree, url)


# Necessary parts of htmldate's patterns that a regex finds in a tenth of the time (no leading
# year alternation to try at every character): where they are absent, the full pattern is too.
# The tail of ``-MM-DD`` in TIMESTAMP_LOOSE_PATTERN (and so in TIMESTAMP_PATTERN) ...
_MONTH_DAY_TAIL = re.compile(r"-[0-1]?[0-9]-[0-3]?[0-9]")
# ... and the middle of DATE_CORE_PATTERN, without whose match idiosyncrasies_search returns None.
_DATE_CORE_MIDDLE = re.compile(r"[./][0-9]{1,2}[./][0-9]")


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    try:
        found = _find_date(tree, url)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return _iso_date(found)


def _find_date(tree: HtmlElement, url: str | None) -> str | None:
    """``htmldate.find_date(tree, url=url, extensive_search=False, original_date=True)``,
    step for step, but for its last resort.

    Four pages in five reach that last resort and find nothing: it strips scripts from the
    pruned copy, joins its text and searches it for a bare ``YYYY-MM-DD``. Every text piece is
    in the serialised copy already searched for the timestamp pattern (escaping touches no
    digit or dash), so when one search of the serialised copy for the bare date finds none,
    neither the timestamp search nor the last resort can: both are skipped, with the join.
    """
    from copy import deepcopy

    from htmldate.core import (
        CLEANING_LIST,
        TIMESTAMP_LOOSE_PATTERN,
        TIMESTAMP_PATTERN,
        Extractor,
        clean_html,
        discard_unwanted,
        examine_abbr_elements,
        examine_elements,
        examine_header,
        examine_time_elements,
        extract_url_date,
        get_max_date,
        get_min_date,
        idiosyncrasies_search,
        img_search,
        json_search,
        pattern_search,
        serialize,
    )
    from htmldate.core import date_candidates as _candidates

    options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    if url is None:
        link = tree.find('.//link[@rel="canonical"]')
        if link is not None:
            url = link.get("href")
    result = (
        extract_url_date(url, options)
        or examine_header(tree, options)
        or json_search(tree, options)
        or examine_abbr_elements(tree, options)
    )
    if result is not None:
        return result
    pruned = deepcopy(tree)
    try:
        search_tree = discard_unwanted(clean_html(pruned, CLEANING_LIST))
    except ValueError:
        search_tree = pruned
    result = (
        examine_elements(_candidates(search_tree, False), options)
        or examine_elements(search_tree.xpath(".//title|.//h1"), options)
        or examine_time_elements(search_tree, options)
    )
    if result is not None:
        return result
    htmlstring = serialize(search_tree)
    dated = (
        _MONTH_DAY_TAIL.search(htmlstring) is not None
        and TIMESTAMP_LOOSE_PATTERN.search(htmlstring) is not None
    )
    result = (
        (pattern_search(htmlstring, TIMESTAMP_PATTERN, options) if dated else None)
        or img_search(search_tree, options)
        or (
            idiosyncrasies_search(htmlstring, options)
            if _DATE_CORE_MIDDLE.search(htmlstring)
            else None
        )
    )
    if result is not None or not dated:
        return result
    clean_html(search_tree, ["script", "style"])
    return pattern_search(" ".join(search_tree.itertext()), TIMESTAMP_LOOSE_PATTERN, options)


def extract_site(meta: dict[str, str], ld: list[dict], url: str | None) -> str | None:
    site = meta.get("og:site_name") or meta.get("application-name")
    if not site:
        for obj in ld:
            names = _names(obj.get("publisher"))
            if names:
                site = names[0]
                break
    if site:
        return _clean(site)
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def extract_url(tree: HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            href = urljoin(url, el.get("href").strip()) if url else el.get("href").strip()
            # A relative canonical with no page URL to resolve it against names nothing.
            if urlsplit(href).scheme in ("http", "https"):
                return href
    og = meta.get("og:url")
    if og and og.startswith("http"):
        return og
    return url


def extract_metadata(tree: HtmlElement, url: str | None) -> Metadata:
    """What the page states about itself; ``language`` is left to ``detect_language``."""
    meta = _meta(tree)
    ld = _json_ld(tree)
    site = extract_site(meta, ld, url)
    canonical = extract_url(tree, meta, url)
    return Metadata(
        title=extract_title(tree, meta, ld, site),
        byline=extract_byline(tree, meta, ld),
        published=extract_date(tree, meta, ld, canonical or url),
        site=site,
        url=canonical,
        language=declared_language(tree),
        description=_clean(meta.get("og:description") or meta.get("description")),
        article_body=_article_body(ld),
    )


def _article_body(ld: list[dict]) -> str | None:
    for item in ld:
        body = item.get("articleBody") or item.get("text")
        if isinstance(body, str) and body.strip():
            return body.strip()
    return None
