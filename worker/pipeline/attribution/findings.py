"""What a poll, a study or a document shows when the finding is an object, not a clause:
`a new poll shows the mayor leading by six points`, `public records show no payments since
2019`, `the survey found broad support for the levy` (PARC 3.0 annotates documents and studies
as sources, and their findings as content whatever its form).

The reported-speech finder reads only clausal content ("the poll shows that…"); a findings verb
whose subject is a poll, a study, a record or a document (``lexicon.FINDING_SOURCES``) here takes
everything after it in its clause. With a person or a thing as subject ("she showed the
house", "the bridge shows cracks") it attributes nothing.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from worker.pipeline.attribution.cues import cue_bounds
from worker.pipeline.attribution.direct import nearest_subject
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.lexicon import FINDING_OBJECT_VERBS, FINDING_SOURCES
from worker.pipeline.text import text_of, trim_span

OBJECT_DEPS = ("dobj", "ccomp", "xcomp", "oprd", "attr")
# A finding needs a few words: "shows it" or "found them" is no content.
MIN_CONTENT_TOKENS = 3


def _content(cue: Token) -> tuple[int, int] | None:
    after = [c for c in cue.children if c.i > cue.i and not c.is_punct]
    if not any(c.dep_ in OBJECT_DEPS for c in after):
        return None
    start = min(c.left_edge.i for c in after)
    end = max(c.right_edge.i for c in after) + 1
    doc = cue.doc
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < MIN_CONTENT_TOKENS:
        return None
    return start, end


def find_object_findings(doc: Doc, taken: set[int]) -> list[Relation]:
    """One relation per findings verb with a document or study as subject and an object."""
    text = text_of(doc)
    relations: list[Relation] = []
    for tok in doc:
        if tok.i in taken or tok.lemma_.lower() not in FINDING_OBJECT_VERBS:
            continue
        if tok.pos_ != "VERB" or any(c.dep_ in ("neg", "auxpass") for c in tok.children):
            continue
        subject = nearest_subject(tok)
        if subject is None or subject.lemma_.lower() not in FINDING_SOURCES:
            continue
        bounds = _content(tok)
        if bounds is None:
            continue
        first, last = doc[bounds[0]], doc[bounds[1] - 1]
        piece = trim_span(text, first.idx, last.idx + len(last.text))
        relations.append(
            Relation("indirect", cue_bounds(tok), "speech", mention_tokens(subject), [piece], tok.i)
        )
    return relations


def widen_findings(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """A findings verb with a poll, a study or a document as subject reports all that follows
    it in its clause: "a poll showed the mayor leading, 45 to 18 percent, among women" and "an
    analysis showed the party with the most votes won" (the parse hands the clause finder only
    the verb's clausal part). Reported content that sits inside that span is widened to it."""
    text = text_of(doc)
    out = []
    for rel in relations:
        tok = doc[rel.cue_token] if rel.cue_token is not None else None
        if (
            tok is None
            or not rel.content
            or rel.source is None
            or tok.lemma_.lower() not in FINDING_OBJECT_VERBS
            or rel.source.root.lemma_.lower() not in FINDING_SOURCES
        ):
            out.append(rel)
            continue
        bounds = _content(tok)
        if bounds is None:
            out.append(rel)
            continue
        start = bounds[0]
        while start < bounds[1] - 1 and doc[start].dep_ == "mark":
            start += 1  # "showed that …": the complementizer is no part of the finding
        first, last = doc[start], doc[bounds[1] - 1]
        s, e = trim_span(text, first.idx, last.idx + len(last.text))
        if s <= rel.content[0][0] and rel.content[-1][1] <= e and (s, e) != rel.content[0]:
            rel = replace(rel, content=[(s, e)])
        out.append(rel)
    return out
