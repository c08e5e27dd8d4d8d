"""Paragraphs and sentences of a parsed text, as character ranges.

The extractor separates paragraphs by blank lines; plain text pasted by hand often uses single
newlines, so single newlines count as breaks only when the text has no blank line at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_NEWLINE = re.compile(r"\n")


@dataclass(frozen=True)
class Segments:
    """``paragraphs`` are ``(start, end)`` character ranges; ``sentences`` the spaCy sentences,
    each with the index of its paragraph in ``paragraph_of``."""

    paragraphs: list[tuple[int, int]]
    sentences: list[Span]
    paragraph_of: list[int]


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    breaker = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    ranges: list[tuple[int, int]] = []
    start = 0
    for m in breaker.finditer(text):
        if text[start : m.start()].strip():
            ranges.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        ranges.append((start, len(text)))
    return ranges or [(0, len(text))]


def segment(doc: Doc, text: str | None = None) -> Segments:
    paragraphs = paragraph_ranges(doc.text if text is None else text)
    starts = [p[0] for p in paragraphs]
    sentences: list[Span] = []
    paragraph_of: list[int] = []
    for sent in doc.sents:
        # A sentence that spaCy runs across a paragraph break is cut at the break, so a
        # finding never straddles two paragraphs.
        piece_start = sent.start
        piece_par = -1
        for tok in sent:
            if tok.is_space:
                continue
            par = bisect_right(starts, tok.idx) - 1
            if piece_par == -1:
                piece_par, piece_start = par, tok.i
            elif par != piece_par:
                _add(sentences, paragraph_of, doc[piece_start : tok.i], piece_par)
                piece_par, piece_start = par, tok.i
        if piece_par != -1:
            _add(sentences, paragraph_of, doc[piece_start : sent.end], piece_par)
    return Segments(paragraphs, sentences, paragraph_of)


def _add(sentences: list[Span], paragraph_of: list[int], span: Span, par: int) -> None:
    start, end = span.start, span.end
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    if end > start:
        sentences.append(span.doc[start:end])
        paragraph_of.append(max(0, par))
