"""Declining to speak: `the spokesman declined to comment`, `Cook declined to say whether it
broke the rules`, `Gore declined an interview request`.

PARC 3.0 and PolNeAR annotate these as attributions: the source is the one who declined, the
cue the verb, the content what was declined ("to comment", "to say whether …"). The reported
speech finder skips "say" under "declined" (nothing was said); this finder gives the refusal
itself, typed ``summary`` as the words are the writer's. A verb from ``lexicon.REFUSAL_VERBS``
needs a to-infinitive or a nominal object and a source that can speak ("sales declined 5
percent" has neither).

A negated answer or mention is kin to a refusal (``find_negated_responses``): `the campaign did
not respond to requests for comment`, `Cruz would not comment on the order`, `Clinton did not
mention Trump by name`. The source is the verb's subject, the content what went unanswered or
unmentioned (``lexicon.NEGATED_SPEECH_VERBS``); the verb must be negated, since the affirmative
is reported speech or a summary found by other steps.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.cues import SPEECH
from worker.pipeline.attribution.object_tails import with_object_tail
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.reported_speech import (
    _NO_SOURCE_PRONOUNS,
    before_occasion,
    can_speak,
    is_blocked,
    source_of,
    weak_subject,
)
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.attribution.subjects import untagged_subject
from worker.pipeline.attribution.summaries import SUMMARY
from worker.pipeline.text import paragraph_bounds, text_of, trim_span


def _declined(cue: Token) -> Token | None:
    """What was declined: the to-infinitive ("to comment") or a nominal object ("an interview
    request")."""
    for c in cue.children:
        if c.i < cue.i:
            continue
        if c.dep_ == "xcomp" and any(g.tag_ == "TO" or g.lower_ == "to" for g in c.children):
            return c
        if c.dep_ == "dobj" and c.pos_ in grammar.NOMINAL_POS:
            return c
    return None


def find_refusals(doc: Doc, used_cues: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    text = text_of(doc)
    for tok in doc:
        if tok.i in used_cues or tok.pos_ not in grammar.VERB_POS:
            continue
        if tok.lemma_.lower() not in lexicon.REFUSAL_VERBS:
            continue
        declined = _declined(tok)
        if declined is None or is_blocked(tok):
            continue
        source = source_of(tok) or untagged_subject(tok)
        if source is None or (source.pos_ == "PRON" and source.lower_ in _NO_SOURCE_PRONOUNS):
            continue
        if source.lower_ in lexicon.WH_PRONOUNS or weak_subject(tok, source):
            continue
        first = doc[declined.left_edge.i]
        # "declined to follow suit on the debate stage": where, not what, was declined.
        last = doc[before_occasion(doc, first.i, declined.right_edge.i)]
        relation = _summary(text, tok, source, first, last)
        if relation is not None:
            relations.append(relation)
    return relations


def _summary(text: str, cue: Token, source: Token, first: Token, last: Token) -> Relation | None:
    """The summary relation of ``cue`` whose content runs from ``first`` to ``last``, kept to
    the cue's paragraph; None when the source lies outside it or the content is empty or
    overlaps the source."""
    mention = mention_tokens(source)
    p_start, p_end = paragraph_bounds(text, cue.idx)
    if not (p_start <= mention.start_char and mention.end_char <= p_end):
        return None
    s, e = trim_span(text, max(first.idx, p_start), min(last.idx + len(last.text), p_end))
    if e - s < 2 or (mention.start_char < e and s < mention.end_char):
        return None
    return Relation(SUMMARY, (cue.idx, cue.idx + len(cue.text)), SPEECH, mention, [(s, e)], cue.i)


def _unanswered(cue: Token) -> Token | None:
    """What a negated answer or mention leaves out: the object of its preposition ("respond to
    requests") or its direct object ("mention Trump")."""
    preps = lexicon.NEGATED_SPEECH_VERBS[cue.lemma_.lower()]
    for c in cue.children:
        if c.i < cue.i:
            continue
        if preps is None and c.dep_ == "dobj" and c.pos_ in grammar.NOMINAL_POS:
            return c
        if preps is not None and c.dep_ == "prep" and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def find_negated_responses(doc: Doc, used_cues: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    text = text_of(doc)
    for tok in doc:
        if tok.i in used_cues or tok.pos_ not in grammar.VERB_POS:
            continue
        if tok.lemma_.lower() not in lexicon.NEGATED_SPEECH_VERBS:
            continue
        if not any(c.dep_ == "neg" for c in tok.children):
            continue
        # The other blocks still hold: "if he does not respond to …" reports nothing, and a
        # passive ("was never mentioned") has what went unmentioned as its subject.
        if any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITION_MARKS for c in tok.children):
            continue
        if any(c.dep_ == "auxpass" for c in tok.children):
            continue
        obj = _unanswered(tok)
        if obj is None:
            continue
        source = source_of(tok) or untagged_subject(tok)
        if source is None or (source.pos_ == "PRON" and source.lower_ in _NO_SOURCE_PRONOUNS):
            continue
        # "Sales did not respond to the price cut": only a speaker leaves a question unanswered.
        if source.lower_ in lexicon.WH_PRONOUNS or not can_speak(source):
            continue
        last = with_object_tail(tok, obj.right_edge.i)
        relation = _summary(text, tok, source, doc[obj.left_edge.i], doc[last])
        if relation is not None:
            relations.append(relation)
    return relations
