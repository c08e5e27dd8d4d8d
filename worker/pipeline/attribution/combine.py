"""Combine the relations of the two finders with the quotations: mixed or direct typing,
quotes that continue an attribution, reported content that stops at another quote's attribution.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from worker.pipeline.attribution.cues import cue_kind
from worker.pipeline.attribution.direct import MAX_GAP_WORDS, SENTENCE_END
from worker.pipeline.attribution.relation import REPORTED_TYPES, Relation
from worker.pipeline.quotes import Quote
from worker.pipeline.text import paragraph_bounds, text_of, trim_span


def _copy(rel: Relation) -> Relation:
    return replace(rel, content=list(rel.content))


MIN_WORDS_BESIDE_QUOTE = 3


def release_clause_quotes(
    doc: Doc, quoted: list[Relation], quotes: list[Quote], used: set[int]
) -> tuple[list[Relation], set[int]]:
    """`Sanders says "the wind is at our backs" despite his loss`: when the cue's clausal
    complement holds the quotation and several more words, the attribution is reported speech
    with a quotation inside (mixed), not the bare quote; such quote relations are dropped and
    their quotations released for the reported-speech finder."""
    kept, released = [], set(used)
    for rel in quoted:
        k = _quote_of(rel, quotes)
        if rel.cue_token is None or k is None or len(quotes[k].pieces) > 1:
            kept.append(rel)
            continue
        q = quotes[k].pieces[0]
        cue = doc[rel.cue_token]
        beside = 0
        for comp in (c for c in cue.children if c.dep_ == "ccomp"):
            lo, hi = comp.left_edge.i, comp.right_edge.i
            if not (doc[lo].idx <= q.start and q.end <= doc[hi].idx + len(doc[hi])):
                continue
            outside = [t for t in doc[lo : hi + 1] if not (q.open <= t.idx < (q.close or q.end))]
            if any(t.i != cue.i and cue_kind(t) is not None for t in outside):
                break  # ", adding that …": another attribution follows; the quote stays bare
            beside = sum(1 for t in outside if t.is_alpha)
        if beside >= MIN_WORDS_BESIDE_QUOTE:
            # Every quotation the dropped relation held goes free, not only the first: `"A"
            # before the incident, she said. "B."` -- B is then free to continue the mixed quote.
            released -= {j for j, other in enumerate(quotes) if _held(rel, other)}
        else:
            kept.append(rel)
    return kept, released


def _held(rel: Relation, quote: Quote) -> bool:
    """The relation's content holds the quotation's first piece."""
    first = quote.pieces[0]
    return any(s <= first.start and first.end <= e for s, e in rel.content)


def _quote_of(rel: Relation, quotes: list[Quote]) -> int | None:
    starts = {s for s, _ in rel.content}
    for k, q in enumerate(quotes):
        if q.pieces and q.pieces[0].start in starts:
            return k
    return None


def classify_with_quotes(
    reported: list[Relation], text: str, quotes: list[Quote], used: frozenset[int]
) -> tuple[list[Relation], frozenset[int]]:
    """Reported speech that contains a quotation becomes mixed (or direct when nothing but the
    quotation is reported), its content extended over the quote's later paragraphs; returns the
    relations and the quotations now used."""
    taken = set(used)
    out = []
    for rel in reported:
        rel = _copy(rel)
        _classify_one(rel, text, quotes, taken)
        out.append(rel)
    return out, frozenset(taken)


def _classify_one(rel: Relation, text: str, quotes: list[Quote], used: set[int]) -> None:
    if rel.type not in REPORTED_TYPES or not rel.content:
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
    doc: Doc, relations: list[Relation], quotes: list[Quote], used: frozenset[int]
) -> list[Relation]:
    """`"A," he said. "B."` and `A, she said. "B."`: a quotation with no attribution of its own
    right after an attribution's cue, in the same paragraph, continues that attribution.
    Returns the relations (in the same order) with those quotations attached."""
    text = text_of(doc)
    relations = [_copy(rel) for rel in relations]
    used = set(used)
    ordered = sorted(relations, key=lambda r: r.content[-1][1] if r.content else -1)
    for k, q in enumerate(quotes):
        if k in used:
            continue
        for rel in reversed(ordered):
            if not rel.content or rel.content[-1][1] > q.open:
                continue
            gap_start = max(rel.content[-1][1], rel.cue[1])
            crosses_paragraph = paragraph_bounds(text, gap_start)[1] < q.open
            if not (rel.content[-1][1] <= rel.cue[0] < q.open) or crosses_paragraph:
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
    return relations


def stop_at_quote_cues(text: str, rel: Relation, quote_relations: list[Relation]) -> Relation:
    """Reported content never runs over another quotation's attribution (`he recalled that he
    said, "A," the office said.`: the office's "said" ends what was recalled)."""
    if not rel.content:
        return rel
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
        return rel
    pieces = [(s, min(e, cut)) for s, e in rel.content if s < cut]
    trimmed = (trim_span(text, s, e) for s, e in pieces)
    return replace(rel, content=[p for p in trimmed if p[1] > p[0]])


def _chars(rel: Relation) -> set[int]:
    return {i for s, e in rel.content for i in range(s, e)}


# An attribution inside another's content whose content is most of the outer one's (character
# Jaccard >= 0.5: "a poll showed 72 percent said X", "he noted donors feel X") repeats it to the
# reader: one highlight, the outer attribution's (PolNeAR dev: such inner findings were 4 times
# as often unannotated as the outer ones; a lower bar drops real nested statements of our set).
ECHO_OVERLAP = 0.5


def drop_nested_echoes(relations: list[Relation]) -> list[Relation]:
    """Relations without those nested inside another's content that repeat most of it."""
    chars = [_chars(r) for r in relations]
    drop = set()
    for i, inner in enumerate(relations):
        for j, outer in enumerate(relations):
            if i == j or j in drop or not chars[i] or not chars[j]:
                continue
            if inner.cue[0] not in chars[j]:
                continue
            if "according_to" in (inner.type, outer.type):
                continue  # "X said Y, according to Z": who reports it and who said it, both
            inter = len(chars[i] & chars[j])
            if inter / len(chars[i] | chars[j]) >= ECHO_OVERLAP:
                drop.add(i)
                break
    return [r for k, r in enumerate(relations) if k not in drop]
