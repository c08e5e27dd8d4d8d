"""A quotation sentence right after reported speech goes on with what was reported.

`She says people should choose their schools. "It is their life."` is one statement: the
speaker is summed up, then quoted, and the quotation has no cue of its own because the
sentence before gave it. ``combine.attach_following_quotes`` handles the mirror shape, where
the cue closes the content (`A, she said. "B."`); this module handles the cue before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from worker.pipeline.attribution.cues import SPEECH
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.quotes import Quote
from worker.pipeline.text import paragraph_bounds, text_of

# Reported content a quotation can continue. Summaries ("praised X") and "according to" are
# not the speaker's clause, and a quotation after them is as often the writer's next point.
CONTINUED_TYPES = frozenset({"indirect", "mixed", "summary", "according_to"})

# A question's answer is another speaker's: `asked how much he was paid. "I make my own money."`
QUESTION_CUES = frozenset({"ask", "wonder", "inquire", "question"})

_GAP = re.compile(r"[\s.!?\"'”’)\]]*[.!?][\s\"'”’)\]]*")  # only a sentence end between them
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’]*\s*$")


def _quote_ends_its_sentence(text: str, q: Quote) -> bool:
    """The quotation is the whole sentence: it closes on a sentence end, inside the marks or
    just after them, so no writer's words run on after it (`"B" is what they want.`)."""
    inner = text[q.pieces[-1].start : q.pieces[-1].end]
    after = text[q.outer_end : q.outer_end + 2]
    return bool(_ENDS_SENTENCE.search(inner)) or after[:1] in {".", "!", "?"}


def _speaks_on(doc: Doc, rel: Relation) -> bool:
    """The cue is a verb of speech in its own clause: a belief ("thinks") or a cue inside a
    relative clause ("which the economist thinks will …") does not go on speaking."""
    if rel.type == "according_to":
        return True
    if rel.cue_kind != SPEECH or rel.cue_token is None:
        return False
    cue = doc[rel.cue_token]
    return cue.lemma_.lower() not in QUESTION_CUES and cue.dep_ != "relcl"


def _continues(doc: Doc, rel: Relation, q: Quote) -> bool:
    text = text_of(doc)
    if rel.type not in CONTINUED_TYPES or not rel.content or not _speaks_on(doc, rel):
        return False
    start, end = rel.content[0][0], rel.content[-1][1]
    if rel.cue[1] > start:  # the cue closes the content: attach_following_quotes' shape
        return False
    if paragraph_bounds(text, end)[1] < q.open:
        return False
    # The content's own final stop may lie inside it or in the gap; nothing else may.
    gap = text[end : q.open]
    ends_before = text[end - 1 : end] in {".", "!", "?"}
    if not (_GAP.fullmatch(gap) or (ends_before and not gap.strip())):
        return False
    return _quote_ends_its_sentence(text, q)


def attach_quote_sequels(
    doc: Doc, relations: list[Relation], quotes: list[Quote], used: frozenset[int]
) -> tuple[list[Relation], frozenset[int]]:
    """Every unattributed quotation that is a whole sentence right after reported content in
    the same paragraph, whose cue came before that content, joins that content (as a mixed
    relation). Returns the relations in the same order and the quotations now taken."""
    out = list(relations)
    taken = set(used)
    for k, q in enumerate(quotes):
        if k in taken:
            continue
        # The relation whose content ends last before the quotation opens.
        best, best_end = None, -1
        for i, rel in enumerate(out):
            if rel.content and best_end < rel.content[-1][1] <= q.open:
                best, best_end = i, rel.content[-1][1]
        if best is None or not _continues(doc, out[best], q):
            continue
        rel = out[best]
        pieces = [*rel.content, *((p.start, p.end) for p in q.pieces)]
        out[best] = replace(rel, content=pieces, type="mixed")
        taken.add(k)
    return out, frozenset(taken)
