"""Quotations that continue an attribution past the words around its cue.

`"A," said Cuban, host of the show "Shark Tank." "B."` and `"A," she said on "Meet the Press."
"B."`: a title or a phrase quoted inside the attribution's own sentence is no part of the
speaker's quote, and B still continues it (``direct.link_quotes`` asks ``inside_tail``).

A paragraph that is nothing but a quotation, right after a paragraph whose last attribution is
a direct quote, continues that quote (``continue_quote_paragraphs``): the speaker keeps the floor
until the writer names another, as PolNeAR marks it. Our own set's convention leaves such
paragraphs unannotated (``tests/data/attribution/README.md``); extending over every quotation
after a closed quote once cost our set F1 0.008 for dev statements R +0.002, so only a paragraph
that is the quotation and nothing else, after a paragraph ending in the direct quote, is taken
(PolNeAR dev direct F1 0.883 -> 0.888; our set F1 0.947 -> 0.944, direct 0.988 -> 0.979).
"""

from __future__ import annotations

import re
from dataclasses import replace

from worker.pipeline.attribution.relation import Relation
from worker.pipeline.quotes import Quote
from worker.pipeline.text import paragraph_bounds

OPENING_MARKS = "'`\u2018\u201c\""
_NEW_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019]*\s+\S")
# A full stop after a lower-case word or a number, then a new sentence that opens with a
# conjunction right before a quotation: `…," he said outside the building. But "B."` (not after
# "Sen." or "D.C.", whose capitals rule them out).
_RESUMING = re.compile(r"\b[a-z0-9][a-z0-9]+[.!?]\s+(?:But|And|Yet|So)\s*$")


def _resumes_after_sentence(text: str, cue_end: int, quote_open: int) -> bool:
    """Between the cue and the quotation a sentence ends, and the next opens with nothing but a
    conjunction before the quotation: the speaker's quote resumes there, no title of the
    attribution's sentence."""
    before = text[cue_end:quote_open].rstrip(OPENING_MARKS + " \t\u00a0")
    return "\n" not in before and _RESUMING.search(before) is not None


def inside_tail(text: str, rel: Relation, quote: Quote) -> bool:
    """The quotation sits inside the sentence of ``rel``'s cue, after it: a quotation opened
    right after a word (`on "Meet the Press"`, `together "tubular mixers"`) rather than after
    the comma, colon or full stop that lets a speaker's quote resume, or one inside the
    speaker's description."""
    if quote.open < rel.cue[1]:
        return False
    if _resumes_after_sentence(text, rel.cue[1], quote.open):
        # `"A," he said outside the building. But "B."`: the speaker's quote goes on.
        return False
    before = text[: quote.open].rstrip(OPENING_MARKS + " \t\u00a0")  # a doubled mark: '' or ``
    if before[-1:].isalnum() and "\n" not in text[rel.cue[1] : quote.open]:
        return True
    return in_speaker_description(rel, quote)


def in_speaker_description(rel: Relation, quote: Quote) -> bool:
    """The quotation sits in the description of the speaker after the cue (`said Cuban, host
    of the show "Shark Tank."`, `said Ekovich, who noted prices had "cratered"`): a title or
    a phrase of the description's, not more of the speaker's words."""
    if rel.source is None or not rel.source.start_char > rel.cue[0]:
        return False
    head = rel.source.root
    left = head.doc[head.left_edge.i]
    right = head.doc[head.right_edge.i]
    return (
        rel.source.end_char <= quote.open
        and left.idx <= quote.open
        and quote.end <= right.idx + len(right.text)
    )


def _previous_paragraph(text: str, start: int) -> tuple[int, int] | None:
    """The last non-blank paragraph before the one starting at ``start``."""
    end = len(text[:start].rstrip())
    if end <= 0:
        return None
    return paragraph_bounds(text, end - 1)


def _quote_is_paragraph(text: str, quote: Quote) -> bool:
    """The quotation is all of its paragraph(s): opened at the start, nothing after its close."""
    p_start, _ = paragraph_bounds(text, quote.open)
    _, p_end = paragraph_bounds(text, quote.pieces[-1].start)
    before = text[p_start : quote.open].strip(OPENING_MARKS + " \t\u00a0")
    return not before and not text[quote.outer_end : p_end].strip()


def continue_quote_paragraphs(
    text: str, relations: list[Relation], quotes: list[Quote], used: frozenset[int]
) -> tuple[list[Relation], frozenset[int]]:
    """`"A," she said. "B."¶"C."`: a paragraph that is nothing but a quotation, after a
    paragraph whose last attribution is a direct quote, continues that quote (the speaker keeps
    the floor until another is named). Returns the relations with those quotations attached, and
    the quotations now used."""
    relations = [replace(r, content=list(r.content)) for r in relations]
    taken = set(used)
    for k, quote in enumerate(quotes):
        if k in used or not _quote_is_paragraph(text, quote):
            continue
        prev = _previous_paragraph(text, paragraph_bounds(text, quote.open)[0])
        if prev is None:
            continue
        in_prev = [
            r
            for r in relations
            if r.content
            and (prev[0] <= r.cue[0] < prev[1] or prev[0] <= r.content[-1][1] <= prev[1])
        ]
        if not in_prev:
            continue
        last = max(in_prev, key=lambda r: max(r.cue[1], r.content[-1][1]))
        if last.type != "direct_quote" or not prev[0] <= last.content[-1][1] <= prev[1]:
            continue
        ends = [last.content[-1][1], last.cue[1]]
        if last.source is not None:
            ends.append(last.source.end_char)
        if _NEW_SENTENCE.search(text, max(ends), prev[1]):
            continue  # the writer had the last word in the paragraph before
        last.content.extend((p.start, p.end) for p in quote.pieces)
        taken.add(k)
    return relations, frozenset(taken)
