"""Plain-text facts every stage shares: the text of a parse, what a paragraph is, trimming.

One definition each, so the detectors cannot disagree on them.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Spaces, commas, semicolons, colons and quotation marks: what a statement or a quotation's
# content is trimmed of at either end.
TRIM_CHARS = " \t\n,;:\"'\u201c\u201d\u2018\u2019"

_TEXT_KEY = "sourcemark.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token on each access, which made it the
    single largest cost of the attribution pass."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def trim_span(text: str, start: int, end: int, strip: str | None = TRIM_CHARS) -> tuple[int, int]:
    """Shrink ``[start, end)`` past the characters of ``strip`` at either side (any whitespace
    when ``strip`` is None)."""
    if strip is None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Every paragraph's ``(start, end)``, blank ones left out.

    A paragraph is a line: the extractor separates paragraphs by blank lines, text pasted by
    hand by single newlines, and a line break inside an extracted paragraph (a ``<br>``) is a
    break the reader sees too. A quotation left open at a paragraph's end, a statement's
    bounds and a figure's sourcing paragraph all stop here.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the paragraph holding character ``pos`` (see ``paragraph_ranges``)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def clip_to_paragraph(text: str, pos: int, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` cut to the paragraph holding ``pos`` and trimmed: content never runs past the
    paragraph of its cue."""
    p_start, p_end = paragraph_bounds(text, pos)
    return trim_span(text, max(span[0], p_start), min(span[1], p_end))
