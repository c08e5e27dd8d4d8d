"""schema.org ``ClaimReview`` JSON-LD → ``FactCheck`` records, with an error per malformed item.

Reads the four shapes publishers and aggregators use: a single ClaimReview object, an array of
them, a ``@graph`` (other node types beside the reviews are skipped: a page's JSON-LD often
carries its ``WebPage`` and ``Organization`` too), and the ``DataFeed`` form of Google's Fact
Check markup feeds (``dataFeedElement``: ``DataFeedItem``s whose ``item`` holds one or more
ClaimReviews). Pure: text in, records and errors out; the importer decides what to write.

A review must have a ``url`` (http or https), a ``claimReviewed`` and a ``reviewRating`` with an
``alternateName`` or a ``ratingValue``; an optional field that is there must have the right
shape. Everything else a feed adds is ignored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

# What one review may carry at most: longer text is a broken feed, not a claim.
MAX_CLAIM_CHARS = 5000
MAX_NAME_CHARS = 300
MAX_RATING_CHARS = 200
MAX_URL_CHARS = 2000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class FactCheck:
    """One published review of one claim."""

    url: str
    claim: str
    rating: str  # what the reader sees: the rating's alternateName, else "2 of 5"
    publisher: str
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    publisher_url: str | None = None
    date_published: str | None = None  # YYYY-MM-DD
    claim_author: str | None = None
    appearances: tuple[str, ...] = ()  # where the claim was made (appearance, firstAppearance)


@dataclass(frozen=True)
class ItemError:
    """What is wrong with one item of one file; ``where`` is its place in the document."""

    source: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.where}: {self.message}"


@dataclass
class Parsed:
    reviews: list[tuple[str, FactCheck]] = field(default_factory=list)  # (where, review)
    errors: list[ItemError] = field(default_factory=list)
    skipped: int = 0  # nodes of other types in a @graph or array


class _Invalid(ValueError):
    pass


def parse_text(text: str, source: str) -> Parsed:
    """The reviews in one file's text; a file that is not JSON is one error."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        out = Parsed()
        out.errors.append(ItemError(source, "file", f"not JSON: {exc.msg} (line {exc.lineno})"))
        return out
    except (ValueError, RecursionError) as exc:
        # a number of thousands of digits, or arrays nested thousands deep
        out = Parsed()
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        out.errors.append(ItemError(source, "file", f"not usable JSON: {reason}"))
        return out
    return parse_document(data, source)


def parse_document(data: Any, source: str) -> Parsed:
    """The reviews in a decoded JSON-LD document of any of the four shapes."""
    out = Parsed()
    if isinstance(data, list):
        if not data:
            out.errors.append(ItemError(source, "file", "an empty array: no ClaimReview in it"))
        for i, node in enumerate(data):
            _node(node, f"item {i}", source, out, top=False)
    elif isinstance(data, dict):
        _node(data, "document", source, out, top=True)
    else:
        out.errors.append(
            ItemError(source, "file", f"expected a JSON object or array, found {_kind(data)}")
        )
    if not out.reviews and not out.errors:
        out.errors.append(ItemError(source, "file", "no ClaimReview found"))
    return out


def types_of(node: dict[str, Any]) -> set[str]:
    """``@type`` as bare names: "ClaimReview", "schema:ClaimReview" and the full IRI agree."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {re.split(r"[/#:]", n)[-1] for n in names if isinstance(n, str)}


def _node(node: Any, where: str, source: str, out: Parsed, *, top: bool) -> None:
    if not isinstance(node, dict):
        out.errors.append(ItemError(source, where, f"expected an object, found {_kind(node)}"))
        return
    if "@graph" in node and not types_of(node) & {"ClaimReview", "DataFeed"}:
        graph = node["@graph"]
        if not isinstance(graph, list):
            graph = [graph]
        if not graph:
            out.errors.append(ItemError(source, f"{where} @graph", "empty: no ClaimReview"))
        for i, child in enumerate(graph):
            _node(child, f"@graph[{i}]", source, out, top=False)
        return
    kinds = types_of(node)
    if "DataFeed" in kinds:
        _feed(node, source, out)
    elif "ClaimReview" in kinds:
        _review(node, where, source, out)
    elif top or not kinds:
        # A lone object must be a review; an untyped node in a list is no node we know.
        found = ", ".join(sorted(kinds)) or "no @type"
        out.errors.append(
            ItemError(source, where, f"not a ClaimReview or DataFeed (@type: {found})")
        )
    else:
        out.skipped += 1


def _feed(feed: dict[str, Any], source: str, out: Parsed) -> None:
    elements = feed.get("dataFeedElement")
    if not isinstance(elements, list) or not elements:
        out.errors.append(
            ItemError(source, "DataFeed", "dataFeedElement must be a non-empty array")
        )
        return
    for i, element in enumerate(elements):
        where = f"dataFeedElement[{i}]"
        if not isinstance(element, dict):
            out.errors.append(
                ItemError(source, where, f"expected an object, found {_kind(element)}")
            )
            continue
        if "ClaimReview" in types_of(element):  # a feed may list reviews directly
            _review(element, where, source, out)
            continue
        items = element.get("item")
        if items is None:
            out.errors.append(ItemError(source, where, "has no item (the ClaimReviews)"))
            continue
        items = items if isinstance(items, list) else [items]
        reviews = 0
        for j, item in enumerate(items):
            at = f"{where}.item[{j}]"
            if isinstance(item, dict) and "ClaimReview" in types_of(item):
                _review(item, at, source, out)
                reviews += 1
            elif not isinstance(item, dict):
                out.errors.append(ItemError(source, at, f"expected an object, found {_kind(item)}"))
                reviews += 1
        if not reviews:
            out.errors.append(ItemError(source, where, "its item holds no ClaimReview"))


def _review(node: dict[str, Any], where: str, source: str, out: Parsed) -> None:
    try:
        out.reviews.append((where, review(node)))
    except _Invalid as exc:
        out.errors.append(ItemError(source, where, str(exc)))


def review(node: dict[str, Any]) -> FactCheck:
    """One ClaimReview object as a ``FactCheck``; raises ``ValueError`` saying what is wrong."""
    url = _url(node.get("url"), "url", required=True)
    assert url is not None
    claim = node.get("claimReviewed")
    if not isinstance(claim, str) or not claim.strip():
        raise _Invalid("claimReviewed is missing or empty")
    claim = " ".join(claim.split())
    if len(claim) > MAX_CLAIM_CHARS:
        raise _Invalid(f"claimReviewed is longer than {MAX_CLAIM_CHARS} characters")
    label, value, best, worst = _rating(node.get("reviewRating"))
    publisher, publisher_url = _publisher(node)
    date = node.get("datePublished")
    if date is not None:
        if not isinstance(date, str) or not _DATE.match(date.strip()):
            raise _Invalid(f"datePublished is not a date (YYYY-MM-DD...): {_show(date)}")
        date = date.strip()[:10]
    claim_author, appearances = _item_reviewed(node.get("itemReviewed"))
    return FactCheck(
        url=url,
        claim=claim,
        rating=label,
        publisher=publisher or (urlsplit(url).hostname or url),
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        publisher_url=publisher_url,
        date_published=date,
        claim_author=claim_author,
        appearances=appearances,
    )


def _rating(rating: Any) -> tuple[str, float | None, float | None, float | None]:
    if isinstance(rating, list) and len(rating) == 1:
        rating = rating[0]
    if not isinstance(rating, dict):
        raise _Invalid("reviewRating is missing or not an object")
    value = _number(rating.get("ratingValue"), "reviewRating.ratingValue")
    best = _number(rating.get("bestRating"), "reviewRating.bestRating")
    worst = _number(rating.get("worstRating"), "reviewRating.worstRating")
    label = rating.get("alternateName")
    if label is not None and not isinstance(label, str):
        raise _Invalid(f"reviewRating.alternateName is not text: {_show(label)}")
    label = " ".join((label or "").split())[:MAX_RATING_CHARS]
    if not label:
        if value is None:
            raise _Invalid("reviewRating has neither alternateName nor ratingValue")
        label = f"{value:g} of {best:g}" if best is not None else f"{value:g}"
    return label, value, best, worst


def _publisher(node: dict[str, Any]) -> tuple[str | None, str | None]:
    """The review's author (the fact-checker), else its ``publisher``."""
    for key in ("author", "publisher"):
        name, url = _party(node.get(key), key)
        if name:
            return name, url
    return None, None


def _party(value: Any, key: str) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, list):
        if not value:
            return None, None
        value = value[0]
    if isinstance(value, str):
        return _name(value), None
    if not isinstance(value, dict):
        raise _Invalid(f"{key} is neither a name nor an object: {_show(value)}")
    name = value.get("name")
    if name is not None and not isinstance(name, str):
        raise _Invalid(f"{key}.name is not text: {_show(name)}")
    return _name(name or ""), _url(value.get("url"), f"{key}.url")


def _item_reviewed(item: Any) -> tuple[str | None, tuple[str, ...]]:
    if item is None:
        return None, ()
    if not isinstance(item, dict):
        raise _Invalid(f"itemReviewed is not an object: {_show(item)}")
    author, _ = _party(item.get("author"), "itemReviewed.author")
    urls: list[str] = []
    for key in ("firstAppearance", "appearance"):
        value = item.get(key)
        values = value if isinstance(value, list) else [] if value is None else [value]
        for i, v in enumerate(values):
            at = f"itemReviewed.{key}[{i}]" if isinstance(value, list) else f"itemReviewed.{key}"
            raw = v.get("url") if isinstance(v, dict) else v
            if isinstance(v, dict) and raw is None:
                continue  # an appearance described without its address (a broadcast)
            found = _url(raw, f"{at}.url" if isinstance(v, dict) else at, required=True)
            if found and found not in urls:
                urls.append(found)
    return author, tuple(urls)


def _url(value: Any, key: str, *, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise _Invalid(f"{key} is missing")
        return None
    if not isinstance(value, str):
        raise _Invalid(f"{key} is not text: {_show(value)}")
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(value) > MAX_URL_CHARS:
        raise _Invalid(f"{key} is not an http(s) URL: {_show(value)}")
    return value


def _number(value: Any, key: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _Invalid(f"{key} is not a number: {_show(value)}")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise _Invalid(f"{key} is not a number: {_show(value)}")


def _name(value: str) -> str | None:
    return " ".join(value.split())[:MAX_NAME_CHARS] or None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "text", bool: "true/false"}.get(
        type(value), "null" if value is None else "a number"
    )


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
