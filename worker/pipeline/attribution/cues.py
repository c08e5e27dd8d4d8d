"""The reporting-verb lexicon: which verbs can introduce an attribution, and how strongly.

Grounded in the reporting-verb literature rather than a handful of verbs:

- Krestel, Bergler & Witte (2008), "Minding the Source: Automatic Tagging of Reported Speech in
  Newspaper Articles" (LREC), whose reporting-verb list groups verbs of saying, of stance and of
  belief;
- Pareti (2016), "PARC 3.0: A Corpus of Attribution Relations" (LREC), whose cue inventory adds
  verbs of writing/publishing and of attitude ("hope", "fear");
- Bergler (1992), "Evidential Analysis of Reported Speech", for the split between speech verbs
  (the source committed to words) and belief/attitude verbs (a weaker, inferred attribution).

The split matters for confidence: "said" with a named speaker is near-certain, "believes" or
"hopes" attributes an attitude, and quote-tail verbs of manner ("laughed") only count next to a
quotation.
"""

from __future__ import annotations

from spacy.tokens import Token

from worker.pipeline import grammar
from worker.pipeline.lexicon import (
    BELIEF_VERBS,
    JUDGEMENT_CUES,
    PARTICLE_CUES,
    PREDICATE_CUES,
    PROPOSAL_CUES,
    QUOTE_TAIL_VERBS,
    REQUEST_CUES,
    STATEMENT_VERBS,
    TAIL_ONLY_VERBS,
)

# Every verb whose content may be an object with a predicate ("urged X to", "praised X for").
PREDICATE_VERBS = PREDICATE_CUES | JUDGEMENT_CUES | REQUEST_CUES | PROPOSAL_CUES

# The kinds of cue: a statement, a belief or attitude, a verb of manner beside a quotation
# ("she laughed"), a predicate cue ("accused China of…"). Internal: a finding does not carry its
# cue's kind, which only sets its confidence (``build.CUE_KIND_PENALTY``).
SPEECH = "speech"
BELIEF = "belief"
TAIL = "tail"
PREDICATE = "predicate"
CUE_KINDS = (SPEECH, BELIEF, TAIL, PREDICATE)


def cue_kind(token: Token, *, beside_quote: bool = False) -> str | None:
    """``"speech"``, ``"belief"``, ``"tail"`` or None for a token that could be a cue."""
    if token.pos_ not in grammar.VERB_POS and token.tag_ not in grammar.VERB_TAGS:
        return None
    lemma = token.lemma_.lower()
    if lemma == "point" and not _has_particle(token, "out"):
        return None
    if lemma == "go" and not (beside_quote and _has_particle(token, "on")):
        return None
    if lemma == "put":
        # "As the mayor put it, the city cannot wait": only in this frame, before the clause it
        # vouches for, is "put" a cue ("…, as Clinton put it in her memoir" closing a sentence
        # of reported speech repeats an attribution the clause before already has).
        return SPEECH if _as_put_it(token) else None
    if lemma in STATEMENT_VERBS or lemma in PREDICATE_VERBS:
        return SPEECH
    if lemma in BELIEF_VERBS:
        return BELIEF
    if beside_quote and (lemma in TAIL_ONLY_VERBS or lemma in QUOTE_TAIL_VERBS):
        return TAIL
    if beside_quote and lemma == "shoot" and _next_word_is(token, "back"):
        return TAIL  # "shot back": the parser reads "back" as a particle or an adverb
    return None


def _as_put_it(token: Token) -> bool:
    children = [(c.dep_, c.lower_) for c in token.children]
    return token.i < token.head.i and ("dobj", "it") in children and ("mark", "as") in children


def _next_word_is(token: Token, word: str) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word


def _has_particle(token: Token, particle: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


def cue_bounds(token: Token) -> tuple[int, int]:
    """Character bounds of the cue: the verb plus its particle ("pointed out")."""
    start, end = token.idx, token.idx + len(token.text)
    particles = PARTICLE_CUES.get(token.lemma_.lower(), set())
    for child in token.children:
        if child.dep_ == "prt" and child.lower_ in particles and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return start, end
