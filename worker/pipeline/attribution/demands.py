"""Demands: `called for a recount`, `called on the council to delay the vote` (PARC 3.0 counts a
call for something as an attribution; its content is what is called for).

"call" reads as a predicate cue elsewhere ("called it a sham"); with "for" or "on" it demands,
and its content is the thing demanded (a noun phrase, the one exception to clausal content this
detector makes, because a demand is a statement of what should happen) or the one called on with
what they are to do.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.pipeline.attribution.direct import inherited_subject, nearest_subject
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.lexicon import DEMAND_CUES, FIRST_SECOND
from worker.pipeline.text import text_of, trim_span

MIN_CONTENT_TOKENS = 2


def _demanded(cue: Token) -> tuple[int, int] | None:
    """Token range of what ``cue`` demands, or None."""
    particles = DEMAND_CUES[cue.lemma_.lower()]
    for prep in cue.children:
        if prep.dep_ not in ("prep", "prt") or prep.i != cue.i + 1:
            continue
        if prep.lower_ not in particles:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.dep_ == "prt":
            objects = [c for c in cue.children if c.dep_ in ("dobj", "pobj") and c.i > prep.i]
        if not objects:
            return None
        end = max(c.right_edge.i for c in objects) + 1
        if prep.lower_ == "on":
            # "called on the council to delay": the one called on and the infinitive
            infinitives = [c for c in cue.children if c.dep_ in ("xcomp", "advcl") and c.i > prep.i]
            if not infinitives:
                return None
            end = max(end, max(c.right_edge.i for c in infinitives) + 1)
        return objects[0].left_edge.i, end
    return None


def find_demands(doc: Doc, taken: set[int]) -> list[Relation]:
    """One relation per "called for X" / "called on X to Y" that no earlier step found."""
    text = text_of(doc)
    relations: list[Relation] = []
    for tok in doc:
        if tok.i in taken or tok.lemma_.lower() not in DEMAND_CUES or tok.pos_ != "VERB":
            continue
        if any(c.dep_ in ("neg", "auxpass") for c in tok.children) or tok.dep_ in ("acl", "amod"):
            continue
        bounds = _demanded(tok)
        if bounds is None:
            continue
        start, end = bounds
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end - start < MIN_CONTENT_TOKENS:
            continue
        subject = nearest_subject(tok) or inherited_subject(tok)
        if subject is None or subject.lower_ in FIRST_SECOND | {"it", "which", "that", "who"}:
            continue
        piece = trim_span(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        cue = (tok.idx, doc[tok.i + 1].idx + len(doc[tok.i + 1].text))
        relations.append(
            Relation("indirect", cue, "predicate", mention_tokens(subject), [piece], tok.i)
        )
    return relations
