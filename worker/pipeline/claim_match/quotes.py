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
_WORD = re.compile(r"[a-z0-9]+")
MIN_WORDS = 5


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    words: tuple[str, ...]


def segments(text: str) -> list[Segment]:
    """Stretches between quotation marks, of at least MIN_WORDS words; none without a mark."""
    marks = [m for m in _QUOTE.finditer(text)]
    if not marks:
        return []
    bounds = [0] + [p for m in marks for p in (m.start(), m.end())] + [len(text)]
    found = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        words = tuple(_WORD.findall(text[start:end].lower()))
        if len(words) >= MIN_WORDS:
            found.append(Segment(start, end, words))
    return found


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
