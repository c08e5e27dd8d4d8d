"""Statements named by a noun and summed up by their topic: `his attacks on Clinton`, `her
criticism of the vote`, `Trump launched an attack on Obama`, `she made a call for unity`, `he
raised questions about the deal`.

PARC 3.0 and PolNeAR annotate the topic as the content, as for the verbs `summaries` reads
("attacked Clinton", "called for unity"); the noun is no verb, so neither that finder nor
``noun_cues`` (which reads a noun's "that" clause) sees them. Typed ``summary``: the words are
the writer's.

Precision comes from the speaker: a possessive or "by"/"from" someone on the noun, or the
subject of a verb that makes the statement ("launched", "made", "raised"), a subject that can
speak. "made no mention of", a negated or conditional verb, and a noun with no speaker are left.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.cues import SPEECH
from worker.pipeline.attribution.direct import nearest_subject
from worker.pipeline.attribution.noun_cues import _can_speak, _noun_speaker, _pieces
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.reported_speech import _antecedent, content_span, is_blocked
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.attribution.summaries import SUMMARY

# Determiners that deny the statement: "made no mention of", "not a word about".
_DENYING = frozenset({"no"})
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Nouns that also name a blow, not words: "the attack on a nightclub by a gunman". Their speaker
# must be a possessive or the subject that "launched" them.
_ALSO_DEEDS = frozenset({"attack"})
# What else on the noun carries its topic on: "criticism of the vote in favor of the law", "calls
# for Silicon Valley to roll back the encryption".
_TOPIC_GOES_ON = frozenset({"prep", "acl", "xcomp", "advcl"})


def _speaks(subject: Token) -> bool:
    """A subject that can make a statement: a name, a third-person pronoun, an organisation or
    a person by role or trade ("the senator", "critics"); not "the bloodshed"."""
    if not _can_speak(subject):
        return False
    if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in _SPEAKER_ENTS:
        return True
    lemma = subject.lemma_.lower()
    speakers = (
        lexicon.FUNCTION_NOUN_FORMS
        | lexicon.ROLE_WORDS
        | lexicon.ORG_HEADS
        | lexicon.SPEAKING_GROUPS
        | lexicon.PERSON_NOUNS
    )
    if subject.lower_ in speakers or lemma in speakers:
        return True
    return len(lemma) > 4 and lemma.endswith(lexicon.PERSON_SUFFIXES)


def _maker(noun: Token) -> Token | None:
    """The subject of "launched an attack", "made a call", when it can speak."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lexicon.STATEMENT_MAKING_VERBS:
        return None
    if is_blocked(verb):
        return None
    subject = nearest_subject(verb)
    if subject is None or subject.dep_ == "nsubjpass":
        return None
    subject = _antecedent(subject)
    return subject if _speaks(subject) else None


def find_noun_topics(doc: Doc) -> list[Relation]:
    """`his attacks on X`, `launched an attack on X`: a statement noun, its speaker and the
    topic its preposition opens."""
    relations: list[Relation] = []
    for tok in doc:
        if tok.pos_ not in grammar.NOUN_POS:
            continue
        preps = lexicon.TOPIC_STATEMENT_NOUNS.get(tok.lemma_.lower())
        if not preps or any(c.dep_ == "det" and c.lower_ in _DENYING for c in tok.children):
            continue
        prep = next(
            (c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i),
            None,
        )
        if prep is None or not any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
            continue
        source = _noun_speaker(tok)
        if source is None or (source.dep_ == "poss" and source.pos_ == "PRON"):
            # "his attacks on X" names its speaker only through a pronoun: on PolNeAR such
            # findings were right half the time; "he launched attacks on X" keeps its subject.
            source = _maker(tok)
        if source is None or (tok.lemma_.lower() in _ALSO_DEEDS and source.dep_ == "pobj"):
            continue
        first, last = prep.i + 1, prep.right_edge.i
        for c in tok.children:
            if c.i > last and c.dep_ in _TOPIC_GOES_ON and c.lower_ not in ("by", "from"):
                last = c.right_edge.i
        piece = content_span(doc, first, last + 1)
        if piece is None and first == last and doc[first].pos_ in grammar.NOMINAL_POS:
            piece = (doc[first].idx, doc[first].idx + len(doc[first].text))  # "attacks on Obama"
        if piece is None:
            continue
        pieces = _pieces(doc, tok, source, [piece])
        if pieces:
            cue = (tok.idx, prep.idx + len(prep.text))
            relations.append(Relation(SUMMARY, cue, SPEECH, mention_tokens(source), pieces, tok.i))
    return relations
