"""The quoted words two claims share.

Two outlets that quote the same words make the same claim however differently they frame it
("she said" / "Clinton said of Trump, using another name for ..."), and a fuller quotation of
the same utterance is the same claim. Quotation marks in news copy are often unbalanced (a
sentence inside a longer quotation opens without one), so each stretch between quotation marks
is a candidate and the best-matching pair wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Straight and curly double quotes, doubled single quotes, and single quotes that are not
# apostrophes (an apostrophe has a letter on both sides: "don't").
_QUOTE = re.compile(r"[\"“”]|''|(?<![A-Za-z])[‘’']|[‘’'](?![A-Za-z])")
_SINGLE = frozenset("‘’'")
_WORD = re.compile(r"[a-z0-9]+")
MIN_WORDS = 5


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    words: tuple[str, ...]


def segments(text: str) -> list[Segment]:
    """Stretches between quotation marks, of at least MIN_WORDS words; none without a mark.

    Double marks are the quotation's when there are any (single ones are then quotes inside it,
    or a plural possessive: "Sanders' campaign"). With the marks balanced only the stretches
    inside them are quoted: the framing ("he said in a phone interview") is not a quotation two
    outlets share. With a mark missing, which side is inside is unknown and every stretch counts.
    """
    marks = [m for m in _QUOTE.finditer(text)]
    double = [m for m in marks if m.group(0) not in _SINGLE]
    single = [m for m in marks if m.group(0) in _SINGLE]
    if not double:
        return _stretches(text, single, len(single) % 2 == 0)
    found = _stretches(text, double, len(double) % 2 == 0)
    if len(single) % 2 == 0:
        found += _stretches(text, single, True)  # a quotation inside the quotation
    return found


def _stretches(text: str, marks: list[re.Match[str]], balanced: bool) -> list[Segment]:
    if not marks:
        return []
    bounds = [0] + [p for m in marks for p in (m.start(), m.end())] + [len(text)]
    found = []
    for i, (start, end) in enumerate(zip(bounds[::2], bounds[1::2], strict=True)):
        if balanced and i % 2 == 0:
            continue  # outside the marks
        words = tuple(_WORD.findall(text[start:end].lower()))
        if len(words) >= MIN_WORDS and not (balanced and _title(text[start:end])):
            found.append(Segment(start, end, words))
    return found


_LONG_WORD = re.compile(r"[A-Za-z][a-z’']{3,}")


def _title(stretch: str) -> bool:
    """A quoted title ("Crippled America: How to Make America Great Again", "Face the Nation")
    names a work; two outlets naming it share no utterance. Every word of four letters or more
    is capitalised, as in headline style, and no sentence ends inside."""
    long_words = _LONG_WORD.findall(stretch)
    return (
        len(long_words) >= 2
        and all(w[0].isupper() for w in long_words)
        and not re.search(r"[.!?]\s", stretch.strip())
    )


@dataclass(frozen=True)
class SharedQuote:
    a: Segment
    b: Segment
    overlap: float  # dice of the two stretches' words


def shared_quote(a: list[Segment], b: list[Segment], minimum: float = 0.8) -> SharedQuote | None:
    best: SharedQuote | None = None
    for sa in a:
        for sb in b:
            wa, wb = set(sa.words), set(sb.words)
            overlap = 2 * len(wa & wb) / (len(wa) + len(wb))
            if overlap >= minimum and (best is None or overlap > best.overlap):
                best = SharedQuote(sa, sb, overlap)
    return best
