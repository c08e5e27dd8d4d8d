"""Words after a summed-up statement's object that still belong to what was spoken of.

"Cruz mentioned CNN five times", "she never mentioned Sanders by name", "candidates referred to
ISIS 44 times", "decried a rash of speech bubbling to the surface": the parser hangs "by name",
"N times" and a participle on the verb, but they tell how the object was named or what it was,
and PolNeAR's summary contents take them in (development part: ours stopped at the object).
Other phrases on the verb ("in February", "through his lawyer") stay out: times and occasions
are the cue's, not the content's.
"""

from __future__ import annotations

from spacy.tokens import Token

# "by name": the one word a "by" phrase of manner takes here.
_MANNER_NOUNS = frozenset({"name"})
_COUNT_NOUNS = frozenset({"time"})


def _by_name(c: Token) -> bool:
    return (
        c.dep_ == "prep"
        and c.lower_ == "by"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _MANNER_NOUNS for g in c.children)
    )


def _times(c: Token) -> bool:
    return (
        c.dep_ == "npadvmod"
        and c.lemma_.lower() in _COUNT_NOUNS
        and any(g.dep_ == "nummod" for g in c.children)
    )


def _participle(c: Token) -> bool:
    """ "decried a rash of speech bubbling to the surface": a participle straight after the
    object, with no comma and no subject of its own, describes the object though the parser
    hangs it on the verb."""
    return (
        c.dep_ in ("advcl", "acl")
        and c.tag_ == "VBG"
        and c.left_edge.i == c.i
        and not any(g.dep_ in ("nsubj", "aux", "mark") for g in c.children)
    )


def with_object_tail(cue: Token, last: int) -> int:
    """Last token of the content with a "by name", "N times" or a bare participle that follows
    it straight on."""
    for c in sorted(cue.children, key=lambda t: t.i):
        if c.left_edge.i == last + 1 and (_by_name(c) or _times(c) or _participle(c)):
            last = c.right_edge.i
    return last
