"""The internal form of one attribution relation before it becomes a ``Finding``."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

# The relation types a quotation step gives, and those the parse finders give before the
# quotations they hold type them mixed or direct (``combine.classify_with_quotes``).
QUOTE_TYPES = frozenset({"direct_quote", "mixed"})
REPORTED_TYPES = frozenset({"indirect", "according_to", "summary"})


@dataclass
class Relation:
    """PARC-style triple: ``source`` (token span), ``cue`` (char range) and ``content`` pieces."""

    type: str
    cue: tuple[int, int]
    cue_kind: str
    source: Span | None
    content: list[tuple[int, int]] = field(default_factory=list)
    cue_token: int | None = None

    @property
    def bounds(self) -> tuple[int, int]:
        points = [*self.cue]
        for s, e in self.content:
            points += [s, e]
        if self.source is not None:
            points += [self.source.start_char, self.source.end_char]
        return min(points), max(points)


def char_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


_ENTS_KEY = "sourcemark.ents"
_SENTS_KEY = "sourcemark.sentence_starts"


def ents_in(span: Span) -> list[Span]:
    """Named entities inside ``span``; ``Span.ents`` rebuilds the document's entities on every
    call, so they are read once per document here and found by bisection."""
    doc = span.doc
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        ents = list(doc.ents)
        cached = (ents, [e.start for e in ents])
        doc.user_data[_ENTS_KEY] = cached
    ents, starts = cached
    out = []
    for k in range(bisect_left(starts, span.start), len(ents)):
        if ents[k].start >= span.end:
            break
        if ents[k].end <= span.end:
            out.append(ents[k])
    return out


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of every sentence start, computed once per document."""
    starts = doc.user_data.get(_SENTS_KEY)
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data[_SENTS_KEY] = starts
    return starts
