"""`The treasurer gave to no other candidate, county records compiled by a watchdog show.`: a
finding whose document closes the sentence.

The parser often reads the closing "show" (or "found", "indicate") of such a sentence as a noun
or as the object of the document's participle ("compiled by a watchdog show"), so no verb cue is
left for the reported-speech finder. The shape is plain enough to read without the parse: the
last word of the sentence is a findings verb, the words between it and the last comma hold a
poll, a study or a document (``lexicon.FINDING_SOURCES``) and no finite verb, and what comes
before that comma is the finding.
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.cues import SPEECH
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.reported_speech import content_span
from worker.pipeline.text import clip_to_paragraph, text_of

# A document's name is short: "county election records compiled by a watchdog group".
MAX_SOURCE_TOKENS = 12
# A finding needs a few words.
MIN_CONTENT_TOKENS = 3


def find_trailing_findings(doc: Doc, taken: set[int]) -> list[Relation]:
    """One relation per sentence that ends ", <document> shows." with no verb cue read there."""
    text = text_of(doc)
    relations: list[Relation] = []
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if not words:
            continue
        cue = words[-1]
        if cue.i in taken or cue.lower_ not in lexicon.TRAILING_FINDING_FORMS:
            continue
        commas = [t for t in doc[sent.start : cue.i] if t.text == ","]
        if not commas:
            continue
        comma = commas[-1]
        source = doc[comma.i + 1 : cue.i]
        if not 0 < len(source) <= MAX_SOURCE_TOKENS:
            continue
        if not any(t.lemma_.lower() in lexicon.FINDING_SOURCES for t in source):
            continue
        if any(t.tag_ in grammar.FINITE_VERB_TAGS for t in source):
            continue
        if comma.i - sent.start < MIN_CONTENT_TOKENS:
            continue
        piece = content_span(doc, sent.start, comma.i)
        if piece is None:
            continue
        s, e = clip_to_paragraph(text, cue.idx, piece)
        if e - s < 8:
            continue
        cue_span = (cue.idx, cue.idx + len(cue.text))
        relations.append(Relation("indirect", cue_span, SPEECH, source, [(s, e)], cue.i))
    return relations
