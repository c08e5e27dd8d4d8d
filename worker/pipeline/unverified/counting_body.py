"""A figure a named body keeps or puts out: "the CDC is monitoring 265 people", "the ministry
counted 40 dead", "police released the identities of the two people killed". By issue 14's
labelling rules a named, checkable body that itself counts or announces the figure sources it,
with no verb of saying. Not the body's own counted act ("police arrested six", "the campaign
spent $2 million": labelled unsourced on the corpus's dev part), nor a country ("the US has
recorded 467,000 cases") or a person."""

from __future__ import annotations

from spacy.tokens import Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.sources import ORGANISATION, source_kind
from worker.pipeline.unverified.rule import Candidate, Sentence

# How far up from the figure to look for the verb of the act that yields it.
_MAX_STEPS = 6
# A country or city that "recorded 157,000 cases" is no checkable body.
_PLACE_ENTS = frozenset({"GPE", "LOC"})


def _doer(verb: Token) -> Token | None:
    """Who does ``verb``: its subject, or the agent of a passive ("counted by the ministry")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def counted_by_named_body(s: Sentence, c: Candidate) -> bool:
    """Is the figure at ``c`` in what a named organisation counts, tracks or releases?"""
    figure = s.doc.char_span(c.start, c.end, alignment_mode="expand")
    if figure is None:
        return False
    tok = figure.root
    for _ in range(_MAX_STEPS):
        if tok.pos_ in grammar.VERB_POS:
            doer = _doer(tok)
            if doer is not None:
                if doer.i >= figure.start and doer.i < figure.end:
                    return False  # "40 people died": the count is the doer
                return (
                    tok.lemma_.lower() in lexicon.COUNT_KEEPING_VERBS
                    and doer.ent_type_ not in _PLACE_ENTS
                    and source_kind(doer, s.span) == ORGANISATION
                )
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False
