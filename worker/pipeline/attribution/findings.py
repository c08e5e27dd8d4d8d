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
