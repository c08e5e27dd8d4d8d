"""A reported content ends before the writer's aside that closes its sentence.

`Both sides acknowledged that fixing the tax code will take time, which will grow harder as the
election nears`, `the candidates say they are not avoiding the nominee, who has been battered by
the inquiry`: the comma-set relative clause hung on the content's last noun is the writer's
gloss, not what the source said; PARC-style annotation (PolNeAR) ends the content before it. The
clause must run to the content's end (an aside inside the content, `that Pagliano, who invoked
the Fifth, is now cooperating`, is part of it) and must be the writer's words: inside a
quotation it is the source's.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from worker.pipeline.attribution.relation import Relation, char_tokens
from worker.pipeline.lexicon import WH_PRONOUNS
from worker.pipeline.quotes import Quote

# What is left must still say something: "the notion, which …" cut to "the notion" says little.
MIN_KEPT_CHARS = 12


def _aside_start(doc: Doc, start: int, end: int, quotes: list[Quote]) -> int | None:
    """Character where a comma-set relative clause closing ``[start, end)`` begins (its comma),
    or None."""
    span = char_tokens(doc, start, end)
    if span is None:
        return None
    for tok in span:
        if tok.dep_ != "relcl" or tok.head.i >= tok.i:
            continue
        first = doc[tok.left_edge.i]
        comma = doc[first.i - 1] if first.i > 0 else None
        if comma is None or comma.text != "," or first.lower_ not in WH_PRONOUNS:
            continue
        if first.lower_ == "that" or comma.idx - start < MIN_KEPT_CHARS:
            continue
        last = doc[tok.right_edge.i]
        if last.idx + len(last.text) < end - 1:
            continue  # the aside sits inside the content; something of the source's follows
        if any(q.open <= comma.idx < q.outer_end for q in quotes):
            continue  # inside a quotation the aside is the source's own
        return comma.idx
    return None


def cut_trailing_asides(doc: Doc, relation: Relation, quotes: list[Quote]) -> Relation:
    """``relation`` with its last content piece ended before a closing aside of the writer's."""
    if not relation.content:
        return relation
    start, end = relation.content[-1]
    cut = _aside_start(doc, start, end, quotes)
    if cut is None:
        return relation
    return replace(relation, content=[*relation.content[:-1], (start, cut)])
