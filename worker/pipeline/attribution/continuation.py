"""Quotations that run on in the paragraphs after an attribution.

News style lets a speaker's quotation continue over the next paragraphs without repeating the
attribution (AP Stylebook, "quotations": a paragraph that continues the same speaker's words
opens with a quotation mark and carries no new attribution):

    “CNN has done an awful job,” Barkley said. “They followed the ratings.”

    “And it is sad that our company sold its soul.”

The second paragraph is still Barkley's. ``continue_into_quote_paragraphs`` extends the
attribution whose cue is in the paragraph right before over such a paragraph, and on over the
next one while the chain of quotation paragraphs lasts. PARC-style annotation (PolNeAR) marks
these as one relation with a content running over the paragraphs; a paragraph holding more than
the quotation, or one with an attribution of its own, ends the chain.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from worker.pipeline.attribution.relation import Relation
from worker.pipeline.quotes import Quote
from worker.pipeline.text import paragraph_ranges, text_of

# Share of a paragraph's letters and digits that must lie inside the quotation: a paragraph
# with a sentence of the writer's around the quote is not a plain continuation.
MIN_QUOTED_SHARE = 0.9


def _alnum(text: str, start: int, end: int) -> int:
    return sum(ch.isalnum() for ch in text[start:end])


def _quote_paragraph(text: str, quote: Quote, para: tuple[int, int]) -> bool:
    """The paragraph opens with the quotation and holds little else."""
    p_start, p_end = para
    first = quote.pieces[0]
    if text[p_start : first.open].strip() or len(quote.pieces) > 1:
        return False
    inside = _alnum(text, first.start, first.end)
    return inside >= MIN_QUOTED_SHARE * max(1, _alnum(text, p_start, p_end))


def continue_into_quote_paragraphs(
    doc: Doc, relations: list[Relation], quotes: list[Quote]
) -> list[Relation]:
    """``relations`` with each unattributed quotation paragraph added to the content of the
    attribution whose cue is in the paragraph before it (or that the paragraph before already
    continued); returns the relations in the same order, changed ones copied."""
    text = text_of(doc)
    paragraphs = paragraph_ranges(text)
    starts = [p[0] for p in paragraphs]

    def paragraph_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    covered = [(s, e) for r in relations for s, e in r.content]
    out = [replace(r, content=list(r.content)) for r in relations]
    # The last attribution (by cue) of each paragraph: the one a following quotation continues.
    last_in: dict[int, Relation] = {}
    for rel in sorted(out, key=lambda r: r.cue[0]):
        if rel.content:
            last_in[paragraph_of(rel.cue[0])] = rel
    for quote in quotes:
        first = quote.pieces[0]
        if any(s <= first.start < e for s, e in covered):
            continue  # the quotation is already some attribution's content
        para = paragraph_of(first.open)
        if para == 0 or para in last_in:
            continue
        if not _quote_paragraph(text, quote, paragraphs[para]):
            continue
        rel = last_in.get(para - 1)
        if rel is None or rel.content[-1][1] < paragraphs[para - 1][0]:
            continue  # nothing of the attribution's content in the paragraph before
        rel.content.append((first.start, first.end))
        if rel.type == "indirect":
            rel.type = "mixed"
        last_in[para] = rel  # the next quotation paragraph continues the same speaker
    return out


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
