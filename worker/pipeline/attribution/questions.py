"""Questions and requests: `asked the students if they were ready`, `asked the network to
donate the profits`, `asked what voters thought` (PARC 3.0 annotates a question's or a request's
content like a statement's).

The parser hangs "if"/"whether" clauses on the cue as adverbial clauses (read elsewhere as
conditions) and gives "ask" no predicate reading, so the reported-speech finder passes these by.
Content is the question (from "if", "whether" or the wh-word to the clause's end) or the one asked
with the infinitive of what they are asked to do. Passive cues ("was asked whether…") name no
asker and are left out, like every attribution without a source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.pipeline.attribution.cues import cue_bounds
from worker.pipeline.attribution.direct import inherited_subject, nearest_subject
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.lexicon import ASKING_CUES, FIRST_SECOND, QUESTION_WORDS
from worker.pipeline.text import text_of, trim_span

CLAUSE_DEPS = ("advcl", "ccomp", "xcomp")


def _question(cue: Token) -> tuple[int, int] | None:
    """The token range of an if/whether/wh question the cue asks."""
    for clause in cue.children:
        if clause.dep_ not in CLAUSE_DEPS or clause.i < cue.i:
            continue
        first = cue.doc[clause.left_edge.i]
        if first.lower_ in QUESTION_WORDS and first.i > cue.i:
            return first.i, clause.right_edge.i + 1
    return None


def _request(cue: Token) -> tuple[int, int] | None:
    """ "asked the court to rule": the one asked and the infinitive."""
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i > cue.i]
    infinitives = [
        c
        for c in cue.children
        if c.dep_ in ("xcomp", "ccomp", "advcl")
        and c.i > cue.i
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    ]
    if not objects or not infinitives:
        return None
    return objects[0].left_edge.i, infinitives[-1].right_edge.i + 1


def _set_off_participle(cue: Token) -> bool:
    """ "The moderator turned to him again, asking him to explain his vote": a present
    participle set off by a comma makes the request of the main clause's subject, who asks it in
    so many words."""
    doc = cue.doc
    return (
        cue.tag_ == "VBG"
        and cue.dep_ in ("advcl", "acl")
        and cue.i > 0
        and doc[cue.i - 1].text == ","
    )


def find_questions(doc: Doc, taken: set[int]) -> list[Relation]:
    """One relation per question or request not already found by another step."""
    text = text_of(doc)
    relations: list[Relation] = []
    for tok in doc:
        if tok.i in taken or tok.lemma_.lower() not in ASKING_CUES or tok.pos_ != "VERB":
            continue
        if any(c.dep_ in ("neg", "auxpass") for c in tok.children):
            continue
        question = _question(tok)
        # A request needs its own asker: `claimed they were well and asked their governments
        # to help` reports what they did, the writer's summary of a plea, not a request quoted.
        # A comma-set participle is the asker's own act (`…, asking him to explain his vote`).
        own_asker = nearest_subject(tok) is not None or _set_off_participle(tok)
        bounds = question or (_request(tok) if own_asker else None)
        if bounds is None:
            continue
        subject = nearest_subject(tok) or inherited_subject(tok)
        if subject is None or subject.lower_ in FIRST_SECOND | {"it", "which", "that"}:
            continue
        start, end = bounds
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end - start < 2:
            continue
        piece = trim_span(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        relations.append(
            Relation("indirect", cue_bounds(tok), "speech", mention_tokens(subject), [piece], tok.i)
        )
    return relations
