"""Text whose only non-ASCII characters are common punctuation, rewritten as ASCII.

The word and length counts read ASCII text off byte tables (``filters.word_string``,
``readability_fast._measure_of``, ``trafilatura_fast._trimmed_length``); one typographic quote
or no-break space sent a whole paragraph to the regex or to a split into words, several times
slower, and most English paragraphs hold one. The characters replaced here separate words and
have no case, so each count reads the rewritten text as it would have read the original.
"""

from __future__ import annotations

# No-break space: whitespace to ``str.split`` and no word character to ``\w``.
_NO_BREAK_SPACE = "\xa0"
# Quotes, dashes, bullets, the ellipsis and guillemets: neither whitespace nor word characters,
# and without case (lowercasing leaves them, and the letters around them, as they are).
PUNCTUATION = "\u2019\u201d\u201c\u2014\u00b7\u2013\u2022\u2018\u2026\u00bb\u00ab\u203a\u2039\u201e"


def for_words(text: str) -> str | None:
    """``text`` with the punctuation and the no-break space made spaces, if then ASCII, else None.

    Its ``\\w`` words (lowercased or not) are the original's.
    """
    if text.isascii():
        return text
    for mark in _NO_BREAK_SPACE + PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    return text if text.isascii() else None


def for_spaces(text: str) -> str | None:
    """``text`` with the no-break space a space and the punctuation a hyphen, if then ASCII.

    Its ``str.split`` pieces have the original's lengths, and its ends are whitespace where
    the original's are (what trimmed lengths read); None when other characters remain.
    """
    if text.isascii():
        return text
    if _NO_BREAK_SPACE in text:
        text = text.replace(_NO_BREAK_SPACE, " ")
    for mark in PUNCTUATION:
        if mark in text:
            text = text.replace(mark, "-")
    return text if text.isascii() else None
