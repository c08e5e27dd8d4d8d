"""A phrase that sets the scene of the speech act is not what was said.

`On ABC's "This Week," the senator said…`, `In his "commander's intent," a memo he drew up, he
wrote…`, `With the help of "Flip the Script," the actor asked…`: a quoted title inside an opening
phrase, followed by a speaker and a cue, has the shape of `"…," the senator said`, and the quotation
finder takes the phrase up to the quote as the cue's words. Those words are the writer's own
adverbial — a place, a time, a means — hung on the clause, not a statement anyone made.

A content written wholly before its cue, partly quoted (not a whole quotation: `"With nukes?"
she asked` is speech), whose words all hang from prepositions or adverbs attached outside them,
is dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.attribution.relation import Relation, char_tokens

# How an adverbial phrase hangs on its clause; a clause a speaker uttered hangs otherwise
# (ccomp, ROOT, dobj…).
ADVERBIAL_DEPS = frozenset({"prep", "advmod", "npadvmod"})


def _framing(doc: Doc, rel: Relation) -> bool:
    if rel.type == "direct_quote" or len(rel.content) != 1:
        return False
    start, end = rel.content[0]
    if end > rel.cue[0]:
        return False
    span = char_tokens(doc, start, end)
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space or t.is_quote)]
    heads = [t for t in words if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return bool(heads) and all(t.dep_ in ADVERBIAL_DEPS for t in heads)


def drop_framing_phrases(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """The relations without those whose content is an opening adverbial phrase before the cue."""
    return [rel for rel in relations if not _framing(doc, rel)]
