"""Belief cues whose content is no claim a reader can check against a source.

A verb of belief ("thinks", "feels", "believes") attributes a state of mind, not words (Bergler
1992), so it is a weaker cue than a verb of speech; two shapes of it attribute nothing a reader
could check:

- a feeling: `he feels confident that Cruz will win`, `voters feel so beleaguered that they …`:
  the verb takes an adjective (``acomp``), and what follows says how the source feels, or what
  comes of it, not what they hold true;
- a belief cue reported inside another source's words: `Simmons said his family, most of whom
  thought Obama had no shot, …`, `she said he hoped with his "whole heart" that …`: the outer
  source vouches for it, and the reader already has that source to check. A statement cue in
  the same place (`he said Clinton told him …`) is kept: the reader needs each source who spoke.

Both were measured on the PolNeAR development part (``benchmarks.polnear_fp --diff``); see
``docs/measured/attribution.md``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.attribution.cues import BELIEF
from worker.pipeline.attribution.relation import Relation

# How a verb of feeling takes the adjective that says what is felt.
_FEELING_DEPS = frozenset({"acomp"})


def _a_feeling(doc: Doc, rel: Relation) -> bool:
    if rel.cue_token is None:
        return False
    return any(c.dep_ in _FEELING_DEPS for c in doc[rel.cue_token].children)


def _an_intention(doc: Doc, rel: Relation) -> bool:
    """ "had hoped to republish his book", "are hoping to infuse the paper with …": a belief verb
    with an infinitive states what the source means to do; any clause the parser also hangs on
    it lies elsewhere in the sentence."""
    if rel.cue_token is None:
        return False
    return any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in doc[rel.cue_token].children
    )


def _nested(rel: Relation, others: list[Relation]) -> bool:
    """The cue inside another relation's content (not the same cue), its source a pronoun:
    only the outer source's words say who it is. A named believer (`he said Giuliani still
    believed Ukraine needed to …`) is someone a reader can look up, and stays."""
    if rel.source is None or rel.source.root.pos_ != "PRON":
        return False
    at = rel.cue[0]
    return any(
        o is not rel and o.cue != rel.cue and any(s <= at < e for s, e in o.content) for o in others
    )


def drop_unclaimed_beliefs(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """The relations without belief cues that state a feeling or sit in another's content."""
    return [
        rel
        for rel in relations
        if rel.cue_kind != BELIEF
        or not (_a_feeling(doc, rel) or _an_intention(doc, rel) or _nested(rel, relations))
    ]
