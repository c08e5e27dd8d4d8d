"""A view with no holder in a reduced passive the tagger reads as a past verb: "Long considered
one of the great slights, the band ...", "a host considered one of the most influential". With
no subject, "considered" is a participle, not a past act; ``agentless_passive`` reads only the
participle's own tag (VBN), so these reach no rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from worker.pipeline import lexicon
from worker.pipeline.unverified.rule import Candidate, Rule, Sentence, Signal, cue
from worker.pipeline.unverified.secondhand import _not_a_named_view

# Where a reduced passive hangs: on a noun ("a host considered") or on the clause ("Long
# considered one of ..., the band").
_REDUCED_DEPS = frozenset({"acl", "advcl"})
# What the view makes of its object: "considered *one of* the greats", "*a requirement*".
_VIEW_OBJECT_DEPS = frozenset({"oprd", "dobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})


def _reduced_view(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    if any(f.type == "weasel" for f in found):
        return
    for tok in s.having(lexicon.PASSIVE_CONSIDER_VERBS):
        if tok.lemma_.lower() not in lexicon.PASSIVE_CONSIDER_VERBS or tok.tag_ != "VBD":
            continue
        if tok.dep_ not in _REDUCED_DEPS or tok.lemma_.lower() == "deem":
            continue  # "deemed": an official ruling as often as a view
        kids = list(tok.children)
        if any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "agent" for c in kids):
            continue  # "voters considered him": a past act with its subject
        if not any(c.dep_ in _VIEW_OBJECT_DEPS and c.i > tok.i for c in kids):
            continue
        found_here = _not_a_named_view(s, cue(tok, tok))
        if found_here:
            yield found_here[0]
            return


REDUCED_VIEW_RULES = (
    Rule(
        "reduced_view",
        "weasel",
        '"{cue}": the article does not say who holds this view, so nobody stands behind it.',
        _reduced_view,
    ),
)
