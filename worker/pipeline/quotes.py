"""Quotation-mark pairing over raw text: straight, curly and guillemet marks, multi-paragraph
quotes and the unbalanced marks real pages contain.

Works on characters, not tokens, because quote marks are a typographic layer the parser does not
model well (spaCy splits multi-sentence quotes into sentences that straddle the marks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from worker.pipeline.text import paragraph_ranges, trim_span

OPENERS = frozenset("\u201c\u201e\u00ab\u201f")  # “ „ « ‟
CLOSERS = frozenset("\u201d\u00bb")  # ” »
NEUTRAL = frozenset('"\uff02')  # " ＂ — direction comes from context
DOUBLE_MARKS = OPENERS | CLOSERS | NEUTRAL
SINGLE_OPEN = "\u2018"  # ‘ — primary marks in British-style texts (see _singles_are_primary)
SINGLE_CLOSE = "\u2019"  # ’
DOUBLED_CLOSERS = frozenset({"\u2019\u2019", "''"})
DOUBLED_OPENERS = frozenset({"\u2018\u2018", "``"})


@dataclass(frozen=True)
class QuotePiece:
    """One quoted stretch inside one paragraph.

    ``open``/``close`` are the positions of the marks (``close`` is None when the paragraph ends
    with the quote still open); ``start``/``end`` bound the quoted words, whitespace trimmed.
    """

    open: int
    close: int | None
    start: int
    end: int
    close_len: int = 1

    @property
    def outer_end(self) -> int:
        return self.close + self.close_len if self.close is not None else self.end


@dataclass(frozen=True)
class Quote:
    """A quotation: one piece, or several when it runs over paragraphs (a paragraph that leaves
    the quote open followed by one that opens it again)."""

    pieces: tuple[QuotePiece, ...]

    @property
    def open(self) -> int:
        return self.pieces[0].open

    @property
    def outer_end(self) -> int:
        return self.pieces[-1].outer_end

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


DOUBLED_FIRST = frozenset(pair[0] for pair in DOUBLED_CLOSERS | DOUBLED_OPENERS)


@lru_cache(maxsize=8)
def _candidates(chars: frozenset) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def _is_inch_mark(text: str, i: int) -> bool:
    # 5'10" or a 27" screen: a straight mark right after a digit is a unit, not a quote.
    return i > 0 and text[i - 1].isdigit() and (i + 1 >= len(text) or not text[i + 1].isalpha())


def _direction(text: str, i: int, is_open: bool, opener: frozenset, closer: frozenset) -> str:
    ch = text[i]
    if ch in opener:
        return "open"
    if ch in closer:
        return "close"
    if is_open:
        return "close"
    return "open"


def _pair_paragraph(
    text: str,
    start: int,
    end: int,
    carried: int | None,
    opener: frozenset,
    closer: frozenset,
    marks: frozenset,
    typewriter: bool = False,
) -> tuple[list[QuotePiece], int | None]:
    """Pieces closed inside ``[start, end)`` and the position of a mark left open at its end."""
    pieces: list[QuotePiece] = []
    open_at = carried
    doubled = marks is DOUBLE_MARKS
    candidate = _candidates(marks | DOUBLED_FIRST if doubled else marks)
    i = start
    while i < end:
        # Most characters are not marks: jump to the next one in C rather than step in Python.
        found = candidate.search(text, i, end)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        pair = text[i : i + 2]
        width = 1
        if doubled and pair == "''" and typewriter and open_at is None:
            # plain-text archives type both double marks as two apostrophes: ''A,'' he said.
            direction, width = "open", 2
        elif doubled and pair in DOUBLED_CLOSERS:
            # ’’ or '' typed for a closing double mark
            direction, width = "close", 2
        elif doubled and pair in DOUBLED_OPENERS:
            direction, width = "open", 2
        elif (
            ch not in marks
            or (ch in NEUTRAL and open_at is None and _is_inch_mark(text, i))
            # an apostrophe (don’t), not a closing mark
            or (ch == SINGLE_CLOSE and i + 1 < end and text[i + 1].isalpha())
        ):
            i += 1
            continue
        else:
            direction = _direction(text, i, open_at is not None, opener, closer)
        if direction == "open":
            # A second opener while open: the first was a stray mark; restart here.
            open_at = i + width - 1
        elif open_at is not None:
            s, e = trim_span(text, open_at + 1, i, None)
            if e > s:
                pieces.append(QuotePiece(open_at, i, s, e, width))
            open_at = None
        # A closer with nothing open is a stray mark: ignored.
        i += width
    return pieces, open_at


def _singles_are_primary(text: str) -> bool:
    """British style (‘…’, with “…” inside) when the text's first quotation opens with ‘ and
    single openers outnumber pairs of double marks; a text without double marks has no other
    choice. (’ alone says nothing: it is the apostrophe.) American headlines quote with singles
    (“Trump: ‘No Deal’”) over a body quoting with doubles: the count keeps those American."""
    first_double = next((i for i, ch in enumerate(text) if ch in DOUBLE_MARKS), -1)
    if first_double < 0:
        return True
    if text.find(SINGLE_OPEN, 0, first_double) < 0:
        return False
    doubles = sum(text.count(ch) for ch in DOUBLE_MARKS)
    return 2 * text.count(SINGLE_OPEN) > doubles


def _typewriter_quotes(text: str) -> bool:
    """Plain text that types every double mark as two apostrophes (''A,'' he said.): no other
    double marks, no `` openers, and at least one pair."""
    if "''" not in text or "``" in text or any(ch in DOUBLE_MARKS for ch in text):
        return False
    return text.count("''") >= 2


def find_quotes(text: str) -> list[Quote]:
    """All quotations of ``text`` in order, never raising on unbalanced marks."""
    typewriter = _typewriter_quotes(text)
    if typewriter or not _singles_are_primary(text):
        opener, closer, marks = OPENERS, CLOSERS, DOUBLE_MARKS
    else:
        opener = frozenset(SINGLE_OPEN)
        closer = frozenset(SINGLE_CLOSE)
        marks = opener | closer
    quotes: list[Quote] = []
    pending: list[QuotePiece] = []  # pieces of a quote still open at a paragraph end
    for p_start, p_end in paragraph_ranges(text):
        carried = None
        first = trim_span(text, p_start, p_end, None)[0]
        if pending:
            if text[first] in marks and text[first] not in closer:
                carried = first  # the paragraph re-opens the quote: it continues
            else:
                quotes.append(Quote(tuple(pending)))
                pending = []
        closed, open_at = _pair_paragraph(
            # a re-opening mark is consumed here, so a straight one is not read as a closer
            text,
            first + 1 if carried is not None else p_start,
            p_end,
            carried,
            opener,
            closer,
            marks,
            typewriter,
        )
        if carried is not None and closed and closed[0].open == carried:
            quotes.append(Quote((*pending, closed[0])))
            pending = []
            closed = closed[1:]
        elif carried is not None and open_at != carried:
            quotes.append(Quote(tuple(pending)))
            pending = []
        quotes.extend(Quote((piece,)) for piece in closed)
        if open_at is not None:
            s, e = trim_span(text, open_at + 1, p_end, None)
            piece = QuotePiece(open_at, None, s, e)
            if open_at == carried and pending:
                pending.append(piece)
            elif e > s:
                pending = [piece]
    if pending:
        quotes.append(Quote(tuple(pending)))
    quotes.sort(key=lambda q: q.open)
    return quotes
