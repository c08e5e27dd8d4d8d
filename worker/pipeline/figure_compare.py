"""The figures outlets give for one event, side by side: "12 dead (source named)", "'dozens'
(unsourced)", "40 (reports)".

Pure functions over stored findings. ``counts`` reads the counts a sentence states (a value, a
range or a vague quantity, with what it counts: dead, injured, missing, arrested, displaced,
protesters); ``figure_claims`` turns a finding and its article into comparable figures;
``same_event`` groups figures of one kind about the same event (dates close, names shared);
``other_figures`` lists what the other articles report, each marked where it diverges.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from worker.pipeline import lexicon
from worker.pipeline.claim_match import numbers as numbers_cues
from worker.pipeline.claim_match.entities import TEMPORAL
from worker.pipeline.claim_match.numbers import Quantity, quantities

# What a count counts, in the order a sentence is read for it: "40 protesters were killed"
# counts the dead.
KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("dead", lexicon.COUNT_DEAD_WORDS),
    ("injured", lexicon.COUNT_INJURED_WORDS),
    ("missing", lexicon.COUNT_MISSING_WORDS),
    ("arrested", lexicon.COUNT_ARRESTED_WORDS),
    ("displaced", lexicon.COUNT_DISPLACED_WORDS),
    ("protesters", lexicon.COUNT_CROWD_WORDS),
)
_RANK = {kind: i for i, (kind, _) in enumerate(KINDS)}
# How far from the figure its noun may stand: "40 people were reportedly killed" (4 words
# after), "killing at least 40" (3 before, bound words included).
_AFTER = 5
_BEFORE = 4
# What a vague quantity can mean, as a range (a reading, not a definition: "dozens" is 24 or
# more and fewer than a hundred).
VAGUE_RANGES = {
    "several": (3.0, 9.0),
    "dozens": (24.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 9.99e6),
}
# "about 40" is read as within 15% either way.
APPROX = 0.15
# Findings of these types state their figures on no one's word or on a hedged one; an
# attribution's figure has its speaker. The words are the card's.
SOURCING = {
    "unconfirmed": "unconfirmed",
    "reported": "reports",
    "anonymous_source": "anonymous source",
    "hedged": "hedged",
    "weasel": "vague source",
    "unsourced_figure": "unsourced",
}
# When one sentence is two findings, the doubt is what the reader must see.
SOURCINGS = (
    "unconfirmed",
    "reports",
    "anonymous source",
    "vague source",
    "hedged",
    "unsourced",
    "source named",
)
# Articles more than this many days apart are not about the same hours of one event.
MAX_DAYS_APART = 3
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*|[.;:!?]")
# A place is a capitalised name after a preposition of place: "in Almaty", "near San
# Bernardino", "at the Pulse nightclub" (a name after "the" too).
_PLACE = re.compile(
    r"\b(?:in|at|near|outside|across|from|to)\s+(?:the\s+)?"
    r"([A-Z][a-zA-Z'-]+(?:\s+(?:of\s+)?[A-Z][a-zA-Z'-]+)*)"
)
_DATELINE = re.compile(
    r"(?:^|\n)([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)*),(?: [A-Z][a-z.]+)*\s*(?:\(|-|—)"
)
# Figures for one event differ, but not by more than this factor: "12 dead" and "at least 40"
# are two reports of one toll, "2" and "250,000" are two events.
MAX_RATIO = 10.0
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|or|-|–|—)\s*$")
# Capitalised words that name nothing: sentence openers (stop words), titles, dates, the
# counted words themselves.
_NOT_NAMES = lexicon.COUNT_NOT_NAMES | TEMPORAL


@dataclass(frozen=True)
class Count:
    """One count: ``low``–``high`` (equal for an exact figure; ``high`` infinite for "at least"),
    ``vague`` for "dozens"; ``text`` as written ("at least 40")."""

    kind: str
    low: float
    high: float
    text: str
    vague: str | None = None
    start: int = 0

    def describe(self) -> str:
        text = self.text
        if text[:1].isupper() and text[1:2].islower():
            text = text[0].lower() + text[1:]  # "At least 40" opened its sentence
        figure = f"'{text}'" if self.vague else text
        return f"{figure} {self.kind}"

    def agrees(self, other: Count) -> bool:
        """Both can be true at once: the ranges overlap."""
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True)
class FigureClaim:
    """A count stated in one finding of one article."""

    ref: str  # the finding's identity for the caller (e.g. its store id)
    article: str  # the article's identity (its URL): figures of one article are not compared
    count: Count
    sourcing: str
    places: frozenset[str]  # lower-case words of its places: the sentence's, else the article's
    sentence_places: frozenset[str]
    date: str | None = None  # YYYY-MM-DD
    site: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the named speaker, when there is one


@dataclass(frozen=True)
class OtherFigure:
    label: str  # "12 dead (source named)"
    figure: str  # "12 dead"
    sourcing: str
    diverges: bool
    date: str | None
    site: str | None
    title: str | None
    url: str | None
    source: str | None
    ref: str

    def to_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "figure": self.figure,
            "sourcing": self.sourcing,
            "diverges": self.diverges,
            "date": self.date,
            "site": self.site,
            "title": self.title,
            "url": self.url,
            "source": self.source,
        }


def counts(text: str) -> list[Count]:
    """The counts of people ``text`` states, each with what it counts; figures that count
    nothing we compare (money, percentages, years, ages) are left out."""
    found = [q for q in quantities(text) if q.unit is None]
    tokens = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[Count] = []
    i = 0
    while i < len(found):
        q = found[i]
        low, high = _interval(q)
        end = q.start + len(q.text)
        text_of = _with_bound(text, q)
        # "between 30 and 40 people", "30 to 40 dead": one count
        if i + 1 < len(found) and _RANGE_JOIN.match(text[end : found[i + 1].start]):
            nxt = found[i + 1]
            if q.value is not None and nxt.value is not None and nxt.value > q.value:
                low, high = q.value, _interval(nxt)[1]
                end = nxt.start + len(nxt.text)
                text_of = " ".join(text[q.start : end].split())
                if text[max(0, q.start - 8) : q.start].lower().strip() == "between":
                    text_of = "between " + text_of
                i += 1
        i += 1
        if q.value is not None and _is_year(q, text):
            continue
        kind = _kind(tokens, q.start, end, found)
        if kind is None:
            continue
        out.append(Count(kind, low, high, text_of, q.vague, q.start))
    return out


def _with_bound(text: str, q: Quantity) -> str:
    """The figure with the words that bound it: "at least 40", "about 1,500"."""
    if q.bound == "=" or q.vague:
        return q.text
    before = " ".join(text[max(0, q.start - 24) : q.start].split())
    lowered = before.lower()
    for cue in _BOUND_CUES:
        if lowered == cue or lowered.endswith(" " + cue):
            return before[len(before) - len(cue) :] + " " + q.text
    return q.text


# The claim matcher's bound words (one list for both), those that stand before a figure.
_BOUND_CUES = tuple(
    sorted(
        (
            c
            for c in (*numbers_cues._LOWER, *numbers_cues._UPPER, *numbers_cues._APPROX)
            if not c.startswith(("or ", "and ")) and c != "plus"
        ),
        key=len,
        reverse=True,
    )
)


def _interval(q: Quantity) -> tuple[float, float]:
    if q.vague:
        return VAGUE_RANGES.get(q.vague, (2.0, math.inf))
    v = float(q.value or 0)
    if q.bound == ">":
        return v, math.inf
    if q.bound == "<":
        return 0.0, v
    if q.bound == "~":
        return v * (1 - APPROX), v * (1 + APPROX)
    return v, v


def _is_year(q: Quantity, text: str) -> bool:
    raw = q.text.strip()
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100


def _kind(
    tokens: list[tuple[str, int, int]], start: int, end: int, found: list[Quantity]
) -> str | None:
    """The most telling count word near the figure: the words after it up to the next figure
    or clause ("40 people were killed and 12 wounded"), and those before it ("killed 14
    people"). Harm outranks arrests, arrests a crowd: "arrested 200 demonstrators"."""
    starts = {q.start for q in found}
    after = [t for t in tokens if t[1] >= end][:_AFTER]
    before = [t for t in tokens if t[2] <= start][-_BEFORE:]
    window: list[str] = []
    for word, s, _ in after:
        if word in _CLAUSE_ENDS or s in starts:
            break  # the next figure counts its own noun
        window.append(word)
    if window and window[0] in lexicon.COUNT_NOT_PEOPLE:
        return None
    for word, s, _ in reversed(before):
        if word in _CLAUSE_ENDS or s in starts:
            break
        window.append(word)
    kinds = [k for k in (_kind_of(w) for w in window) if k]
    return min(kinds, key=_RANK.__getitem__) if kinds else None


_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "and", "but", "while", "when", "after"})


def _kind_of(word: str) -> str | None:
    for kind, words in KINDS:
        if word in words:
            return kind
    return None


def dateline(text: str) -> frozenset[str]:
    """The place of a wire dateline opening the article: "ORLANDO, Fla. (Reuters) -"."""
    m = _DATELINE.search(text[:400])
    return frozenset(w.lower() for w in m.group(1).split() if len(w) > 2) if m else frozenset()


def places(text: str) -> frozenset[str]:
    """Lower-case words of the places ``text`` names ("in Almaty", "near San Bernardino")."""
    out: set[str] = set()
    for m in _PLACE.finditer(text):
        for w in m.group(1).split():
            lw = w.lower().strip("'")
            if lw.endswith("'s"):
                lw = lw[:-2]
            if (
                len(lw) > 2
                and lw not in _NOT_NAMES
                and lw not in _KIND_WORDS
                and (lw not in STOP_WORDS)
            ):
                out.add(lw)
    return frozenset(out)


_KIND_WORDS = frozenset().union(*(w for _, w in KINDS))


def sourcing(kind: str, type_: str, speaker: dict | None) -> str:
    """How the finding's figure is sourced, in the card's words."""
    if kind == "attribution":
        if speaker and speaker.get("anonymous"):
            return "anonymous source"
        return "source named"
    return SOURCING.get(type_, "unsourced")


def figure_claims(
    findings: Iterable[dict],
    article: dict,
    *,
    article_key: str,
    date_of: str | None = None,
    context_chars: int = 600,
) -> list[FigureClaim]:
    """The counts an article's findings state, one per sentence and count. ``findings`` are
    finding JSON (DESIGN.md) with a ``ref`` key added by the caller; ``article`` the API's
    article JSON. Two findings of one sentence (an attribution and an unverified claim) give
    one figure, with the doubt the unverified one names."""
    text = article.get("text") or ""
    findings = list(findings)
    # The article is about its event: the places of its title, dateline, lede and of every
    # sentence with a count are the event's ("ORLANDO, Fla. (Reuters) - ... the 49 killed").
    context = places(" ".join([article.get("title") or "", text[:context_chars]]))
    context |= dateline(text)
    for f in findings:
        if counts(f.get("text") or ""):
            context |= places(f.get("text") or "")
    day = _day(article.get("published")) or _day(date_of)
    by_span: dict[tuple[int, float], FigureClaim] = {}
    for f in findings:
        sentence = f.get("text") or ""
        speaker = f.get("speaker")
        how = sourcing(f.get("kind", ""), f.get("type", ""), speaker)
        source = None
        if how == "source named" and speaker:
            source = speaker.get("name") or speaker.get("text")
        own = places(sentence)
        for c in counts(sentence):
            key = (int(f.get("start", 0)) + c.start, c.low)
            claim = FigureClaim(
                ref=str(f.get("ref", f.get("id"))),
                article=article_key,
                count=c,
                sourcing=how,
                # a sentence that names its places speaks of them ("as in San Bernardino,
                # where 14 died"); one that names none, of its article's event
                places=own or context,
                sentence_places=own,
                date=day,
                site=article.get("site"),
                title=article.get("title"),
                url=article.get("url"),
                source=source,
            )
            held = by_span.get(key)
            if held is None or SOURCINGS.index(how) < SOURCINGS.index(held.sourcing):
                by_span[key] = claim
    return list(by_span.values())


def _day(value: str | None) -> str | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def same_event(a: FigureClaim, b: FigureClaim) -> bool:
    """Two articles' figures about the same event: the same kind of count, dates within
    ``MAX_DAYS_APART`` (when both are known), a place in common (named in the sentences, the
    titles or the ledes) and figures within ``MAX_RATIO`` of each other."""
    if a.article == b.article or a.count.kind != b.count.kind:
        return False
    if a.date and b.date:
        days = abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days)
        if days > MAX_DAYS_APART:
            return False
    if not a.places & b.places:
        return False
    x, y = sorted((max(a.count.low, 1.0), max(b.count.low, 1.0)))
    return y / x <= MAX_RATIO


def other_figures(claim: FigureClaim, pool: Iterable[FigureClaim]) -> list[OtherFigure]:
    """What the other articles report for the same event, oldest first; each marked
    ``diverges`` when it cannot be true together with ``claim``'s figure."""
    out: list[OtherFigure] = []
    seen: set[tuple[str, float, float]] = set()
    for other in pool:
        if not same_event(claim, other):
            continue
        key = (other.article, other.count.low, other.count.high)
        if key in seen:
            continue
        seen.add(key)
        figure = other.count.describe()
        out.append(
            OtherFigure(
                label=f"{figure} ({other.sourcing})",
                figure=figure,
                sourcing=other.sourcing,
                diverges=not claim.count.agrees(other.count),
                date=other.date,
                site=other.site,
                title=other.title,
                url=other.url,
                source=other.source,
                ref=other.ref,
            )
        )
    return sorted(out, key=lambda o: (o.date or "9999", o.site or "", o.figure))


def groups(claims: Iterable[FigureClaim]) -> list[list[FigureClaim]]:
    """Figures joined into events (connected by ``same_event``), each with two articles or
    more; the editors' list of figures side by side."""
    items = list(claims)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only figures sharing a place can be one event: compare those pairs, not all of them.
    by_place: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        for place in item.places:
            by_place.setdefault(place, []).append(i)
    for i, item in enumerate(items):
        near = {j for place in item.places for j in by_place[place] if j > i}
        for j in sorted(near):
            if same_event(item, items[j]):
                parent[root(i)] = root(j)
    joined: dict[int, list[FigureClaim]] = {}
    for i, item in enumerate(items):
        joined.setdefault(root(i), []).append(item)
    return [g for g in joined.values() if len({c.article for c in g}) >= 2]


def diverging(group: list[FigureClaim]) -> bool:
    """Some two figures of the group cannot both be true."""
    return any(
        not a.count.agrees(b.count)
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if a.article != b.article
    )
