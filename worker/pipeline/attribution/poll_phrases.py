"""A poll's or a study's finding given by a phrase that opens the sentence: `In a Marist poll
released Sunday, 40 percent of voters backed the mayor`, `In the new survey, the senator leads by
six points` (PARC 3.0 annotates such a phrase as the cue, the poll as the source and the clause
after it as the content, as it does `according to a poll`).

Only a phrase that opens its sentence and ends at a comma counts, and only with one poll named
by a determiner or a possessive ("a", "the", "May's"): there it can only be where the finding
comes from. Inside the clause ("leads in the polls", "came second in Iowa") the phrase is as often
a place or a race as a source, so it is left out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.pipeline import grammar
from worker.pipeline.attribution.cues import SPEECH, cue_kind
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.reported_speech import content_span
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.lexicon import (
    CAUSE_MARKS,
    FINDING_VERBS,
    POLL_PHRASE_NOUNS,
    POLL_PHRASE_PREPOSITIONS,
    WRITER_CLAUSE_MARKS,
)
from worker.pipeline.text import clip_to_paragraph, text_of

# What makes the poll one given poll: "a/the poll", "May's poll", "this survey".
_GIVEN_DEPS = frozenset({"det", "poss"})
# Marks of a clause the writer adds to the finding: an explanation ("…, largely because …") or
# a contrast ("…, while …"); the poll reports neither.
_WRITER_MARKS = CAUSE_MARKS | WRITER_CLAUSE_MARKS
# A finding is a clause: a few words at least ("In the poll, he leads" is five).
MIN_CONTENT_CHARS = 8


def _opening_phrase(sent_start: Token) -> Token | None:
    """The preposition opening the sentence when it heads a phrase on one given poll."""
    doc = sent_start.doc
    tok = sent_start
    while tok.i < len(doc) - 1 and (tok.is_space or tok.is_punct):
        tok = doc[tok.i + 1]
    if tok.lower_ not in POLL_PHRASE_PREPOSITIONS or tok.dep_ != "prep":
        return None
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if not objs or objs[0].lemma_.lower() not in POLL_PHRASE_NOUNS:
        return None
    if not any(c.dep_ in _GIVEN_DEPS for c in objs[0].children):
        return None
    return tok


def _before_writer_clause(head: Token, start: int, end: int) -> int:
    """End the finding before a trailing ", largely because …" or ", while …" of the writer's."""
    doc = head.doc
    for child in head.children:
        if child.dep_ != "advcl" or not start < child.left_edge.i < end:
            continue
        marks = [c for c in child.children if c.dep_ == "mark"]
        comma = doc[child.left_edge.i - 1]
        if marks and marks[0].lower_ in _WRITER_MARKS and comma.text == ",":
            end = min(end, comma.i)
    return end


def find_poll_phrases(doc: Doc) -> list[Relation]:
    """One ``according_to`` relation per sentence opening with "In a/the … poll,": the clause
    after the comma is the poll's finding."""
    text = text_of(doc)
    relations: list[Relation] = []
    for sent in doc.sents:
        prep = _opening_phrase(sent[0])
        if prep is None:
            continue
        comma = prep.right_edge.i + 1
        if comma >= sent.end or doc[comma].text != ",":
            continue
        head = prep.head
        # The phrase must open the clause it reports: it hangs on that clause's verb.
        if head.pos_ not in grammar.VERB_POS or head.i <= comma:
            continue
        # "In a 2015 study, researchers found that …": the clause has a finder of its own, and
        # the phrase is where it was found, not who reports it.
        if head.lemma_.lower() in FINDING_VERBS and cue_kind(head) is not None:
            continue
        end = sent.end if head.dep_ == "ROOT" else min(sent.end, head.right_edge.i + 1)
        end = _before_writer_clause(head, comma, end)
        piece = content_span(doc, comma + 1, end)
        if piece is None:
            continue
        s, e = clip_to_paragraph(text, prep.idx, piece)
        if e - s < MIN_CONTENT_CHARS:
            continue
        poll = next(c for c in prep.children if c.dep_ == "pobj")
        cue = (prep.idx, prep.idx + len(prep.text))
        relations.append(
            Relation("according_to", cue, SPEECH, mention_tokens(poll), [(s, e)], prep.i)
        )
    return relations
