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

import re

from spacy.tokens import Doc, Span, Token

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
        if not _is_document_source(source):
            continue
        if comma.i - sent.start < MIN_CONTENT_TOKENS:
            continue
        relation = _finding(doc, text, cue, source, sent.start, comma.i)
        if relation is not None:
            relations.append(relation)
    return relations


def _finding(
    doc: Doc, text: str, cue: Token, source: Span, start: int, end: int
) -> Relation | None:
    """The finding of the document ``source`` with the content ``doc[start:end]``, kept within
    the cue's paragraph; None when that leaves too little to show."""
    piece = content_span(doc, start, end)
    if piece is None:
        return None
    s, e = clip_to_paragraph(text, cue.idx, piece)
    if e - s < 8:
        return None
    cue_span = (cue.idx, cue.idx + len(cue.text))
    return Relation("indirect", cue_span, SPEECH, source, [(s, e)], cue.i)


def _is_document_source(source: Span) -> bool:
    """A short phrase naming a document, poll or study, with no verb of its own: "a new poll",
    not "the poll that ran"."""
    return (
        0 < len(source) <= MAX_SOURCE_TOKENS
        and any(t.lemma_.lower() in lexicon.FINDING_SOURCES for t in source)
        and not any(t.tag_ in grammar.FINITE_VERB_TAGS for t in source)
    )


# What may open a finding's clause after its misread verb: "that", or a subject's first word.
_CLAUSE_START_POS = frozenset({"PRON", "PROPN", "DET", "NOUN", "NUM", "ADJ"})


# The findings verbs' forms, longest first, for the scan before walking tokens.
_FORMS = tuple(sorted(lexicon.TRAILING_FINDING_FORMS, key=len, reverse=True))
_FINDING_FORM = re.compile(r"\b(?:" + "|".join(_FORMS) + r")\b", re.IGNORECASE)


def _form_spans(text: str) -> list[tuple[int, int]]:
    """Where a findings verb's form stands as a word, in text order. ``str.find`` per form on
    the lower-cased text is several times faster than one case-blind alternation; a text whose
    lower case changes its length (a few Unicode letters) takes the regular expression."""
    low = text.lower()
    if len(low) != len(text):
        return [m.span() for m in _FINDING_FORM.finditer(text)]
    spans = []
    for form in _FORMS:
        i = low.find(form)
        while i != -1:
            j = i + len(form)
            if (i == 0 or not _is_word_char(low[i - 1])) and (
                j == len(low) or not _is_word_char(low[j])
            ):
                spans.append((i, j))
            i = low.find(form, j)
    spans.sort()
    return spans


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def find_leading_findings(doc: Doc, taken: set[int]) -> list[Relation]:
    """`County records from the 2008 cycle show he backed both candidates.`: the mirror of the
    trailing shape, a document opening the sentence whose findings verb the parser read as a
    noun (the object of the document's "from" phrase). The words before the verb hold a
    document and no finite verb; the clause after it, with a finite verb, is the finding."""
    text = text_of(doc)
    relations: list[Relation] = []
    done: set[int] = set()  # sentences (by first token) that have their finding
    # Only the tokens the findings verbs' forms sit on, in text order: walking every token of
    # every sentence cost as much as the finder's own work.
    for start_char, end_char in _form_spans(text):
        span = doc.char_span(start_char, end_char)
        if span is None or len(span) != 1:
            continue
        cue = span[0]
        sent = cue.sent
        if sent.start in done:
            continue
        if cue.i in taken or cue.lower_ not in lexicon.TRAILING_FINDING_FORMS:
            continue
        if cue.pos_ in grammar.VERB_POS or cue.i + 1 >= sent.end:
            continue  # a verb the finders read already
        start = sent.start
        commas = [t for t in doc[start : cue.i] if t.text == ","]
        if commas:
            start = commas[-1].i + 1
        source = doc[start : cue.i]
        if not _is_document_source(source):
            continue
        first = doc[cue.i + 1]
        if first.lower_ == "that":
            first = doc[cue.i + 2] if cue.i + 2 < sent.end else first
        if first.pos_ not in _CLAUSE_START_POS:
            continue
        clause = doc[first.i : sent.end]
        if not any(t.tag_ in grammar.FINITE_VERB_TAGS for t in clause):
            continue
        if len(clause) < MIN_CONTENT_TOKENS:
            continue
        relation = _finding(doc, text, cue, source, first.i, sent.end)
        if relation is None:
            continue
        relations.append(relation)
        done.add(sent.start)
    return relations
