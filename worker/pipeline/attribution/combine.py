"""Combine the relations of the two finders with the quotations: mixed or direct typing,
quotes that continue an attribution, reported content that stops at another quote's attribution.
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.attribution.direct import MAX_GAP_WORDS, SENTENCE_END
from worker.pipeline.attribution.quotes import Quote
from worker.pipeline.attribution.relation import Relation, text_of, trim_span


def classify_with_quotes(rel: Relation, text: str, quotes: list[Quote], used: set[int]) -> None:
    """Mark reported speech that contains a quotation as mixed (or direct when nothing but the
    quotation is reported), extending the content over the quote's later paragraphs."""
    if rel.type not in ("indirect", "according_to") or not rel.content:
        return
    s, e = rel.content[0][0], rel.content[-1][1]
    for k, q in enumerate(quotes):
        first = q.pieces[0]
        if not (s <= first.open < e or first.start <= s < first.end):
            continue
        if any(p.start <= rel.cue[0] < p.end for p in q.pieces):
            continue  # the quotation holds this (nested) attribution, not the other way round
        quoted = set(range(first.start, first.end))
        outside = "".join(text[i] for a, b in rel.content for i in range(a, b) if i not in quoted)
        if rel.type == "indirect" and not any(ch.isalnum() for ch in outside):
            rel.type = "direct_quote"
            rel.content = [(p.start, p.end) for p in q.pieces]
        else:
            if rel.type == "indirect":
                rel.type = "mixed"
            if len(q.pieces) > 1 or first.end > e:
                last_s, _ = rel.content[-1]
                rel.content[-1] = (last_s, max(e, first.end))
                rel.content.extend((p.start, p.end) for p in q.pieces[1:])
        used.add(k)


def attach_following_quotes(
    doc: Doc, relations: list[Relation], quotes: list[Quote], used: set[int]
) -> None:
    """`"A," he said. "B."` and `A, she said. "B."`: a quotation with no attribution of its own
    right after an attribution's cue, in the same paragraph, continues that attribution."""
    text = text_of(doc)
    ordered = sorted(relations, key=lambda r: r.content[-1][1] if r.content else -1)
    for k, q in enumerate(quotes):
        if k in used:
            continue
        for rel in reversed(ordered):
            if not rel.content or rel.content[-1][1] > q.open:
                continue
            gap_start = max(rel.content[-1][1], rel.cue[1])
            if not (rel.content[-1][1] <= rel.cue[0] < q.open) or "\n" in text[gap_start : q.open]:
                break
            gap = doc.char_span(gap_start, q.open, alignment_mode="expand")
            if gap is None or sum(t.text in SENTENCE_END for t in gap) > 1:
                break
            if sum(t.is_alpha for t in gap) > MAX_GAP_WORDS:
                break
            rel.content.extend((p.start, p.end) for p in q.pieces)
            if rel.type == "indirect":
                rel.type = "mixed"
            used.add(k)
            break


def stop_at_quote_cues(text: str, rel: Relation, quote_relations: list[Relation]) -> None:
    """Reported content never runs over another quotation's attribution (`he recalled that he
    said, "A," the office said.`: the office's "said" ends what was recalled)."""
    if not rel.content:
        return
    lo, hi = rel.content[0][0], rel.content[-1][1]
    cut = min(
        (
            q.content[-1][1]
            for q in quote_relations
            if q.content and q.cue[0] > q.content[-1][1] and lo < q.cue[0] < hi
        ),
        default=None,
    )
    if cut is None:
        return
    pieces = [(s, min(e, cut)) for s, e in rel.content if s < cut]
    rel.content = [p for p in (trim_span(text, s, e) for s, e in pieces) if p[1] > p[0]]
