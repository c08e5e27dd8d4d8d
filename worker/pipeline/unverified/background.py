"""Figures of a past event the article tells in passing: "the psychiatrist who killed 13 people
at Fort Hood", "the assault that killed five officers", "after Farook killed 14 people". The
figure sits in a clause that describes who or what the sentence is about (a relative clause) or
when its act happened (a clause of time), so a source elsewhere in the paragraph, or the
sentence's own speaker, is telling something else: nobody in the article gives the toll.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.unverified import figures
from worker.pipeline.unverified.counting_body import counted_by_named_body
from worker.pipeline.unverified.negatives import is_embedded_post, is_sport
from worker.pipeline.unverified.rule import Candidate, Rule, Sentence, Signal

# Clauses that describe a thing or time in passing: "who killed 13", "where 20 were killed",
# "after ... killed 14". Not a clause a speaker's verb takes as what is said.
_PASSING_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_WHOLE_SENTENCE_CUES = frozenset({"according", "citing"})
_TIME_MARKS = frozenset({"after", "before", "when", "since"})
# Only a toll told in passing: a sum in a relative clause ("which spent $19 million") is as
# often the story's own reported figure as background.
_PASSING_KINDS = frozenset({"harm"})


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the token itself when it is one)."""
    cur = tok
    while cur.pos_ not in grammar.VERB_POS and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _in_passing(verb: Token) -> bool:
    """A relative clause ("who killed 13", "the 49 people killed") or a past clause of time
    ("after they killed 14 people") — not a speaker's content clause."""
    if verb.dep_ in _PASSING_CLAUSE_DEPS:
        return True
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children
    )


def _sourced_clause(verb: Token) -> bool:
    """ "where authorities reported at least 20 victims": the clause gives its own source."""
    return any(t.lemma_.lower() in lexicon.SOURCE_VERBS for t in verb.subtree)


def _harm_word(span: Span) -> Token:
    """The word of harm in the figure's cue ("killed", "deaths"), else the cue's root."""
    return next((t for t in span if figures._class_of(t) == "harm"), span.root)


def _counts_the_harmful(span: Span, harm: Token) -> bool:
    """ "two explosions that had injured Obama", "one of the victims": the number counts what
    did the harm, or one person, not the people harmed. An active verb of harm counts its
    object ("killed 13 people"), a passive one its subject ("20 pupils who were killed")."""
    if any(t.lower_ == "one" and t.like_num for t in span):
        return True
    if harm.pos_ not in grammar.VERB_POS or not any(c.dep_ == "nsubj" for c in harm.children):
        return False
    objects = [c for c in harm.children if c.dep_ == "dobj"]
    return not any(g.like_num for c in objects for g in c.subtree)


def _background_toll(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    if any(f.type == "unsourced_figure" for f in found):
        return  # the figure rules already found it
    sent = s.span
    if is_embedded_post(sent) or figures._confirmed(sent) or is_sport(sent, s.paragraph_text):
        return
    if any(m.cue.lower_ in _WHOLE_SENTENCE_CUES for m in s.sources):
        return  # "..., according to the hospital": the source covers the whole sentence
    for kind, candidate in s.once("raw_figures", lambda: figures._figures(sent, s.reading.quoted)):
        if kind not in _PASSING_KINDS:
            continue
        span = s.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is None:
            continue
        harm = _harm_word(span)
        verb = _clause_verb(harm)
        if counted_by_named_body(s, candidate):
            continue  # "police released the identities of the two people killed"
        if _in_passing(verb) and not _sourced_clause(verb) and not _counts_the_harmful(span, harm):
            yield candidate
            return


BACKGROUND_RULES = (
    Rule(
        "background_toll",
        "unsourced_figure",
        '"{cue}": a casualty figure told in passing, with no source for it anywhere in the'
        " article's sentence or paragraph.",
        _background_toll,
    ),
)
