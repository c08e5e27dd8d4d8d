"""Polarity: what does a claim deny? And do two claims use opposite words for the event?

A negation is kept with the word it negates: "could not confirm" and "was unable to confirm" both
negate "confirm"; "The ministry denied that the army used X" and "The army did not use X, the
ministry said" both negate "use". Two claims disagree in polarity when one negates a word the
other asserts; a "not" in a clause only one of them carries ("I don't know", added after a quote)
says nothing about the claim they share. Opposite words ("rose" / "fell", "imposed" / "lifted")
change a claim as much as a "not" does.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from worker.pipeline import grammar
from worker.pipeline.claim_match.similarity import canonical

_PREDICATE_DEPS = frozenset({"acomp", "attr", "xcomp"})
_DENIAL_POS = frozenset({"VERB", "ADJ"})
_CONTENT_DEPS = frozenset({"acl", "ccomp"})
_PARTICIPLE_TAGS = frozenset({"VBG", "VBN", "JJ"})

_NEGATORS = {"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor",
             "cannot", "without"}  # fmt: skip
# "no fewer than 40" bounds a figure; it does not negate the claim.
_NOT_AFTER_NO = {"fewer", "less", "more", "longer", "later", "sooner"}
_DENIAL_LEMMAS = {"deny", "refuse", "unable", "fail", "dismiss", "reject"}
# "rejected claims that X", "dismissed reports that X" deny X
# "without evidence", "without citing": a reporter's aside about sourcing.
_SOURCING_ASIDES = frozenset({"evidence", "citing", "providing", "offering"})
# Negators that negate the noun they modify ("no deal", "without consent").
_NOUN_NEGATORS = frozenset({"no", "without"})
# Denials that are the event itself when they have no complement ("the vote failed").
_EVENT_DENIALS = frozenset({"fail", "reject", "dismiss"})
_CLAIM_NOUNS = {"claim", "report", "allegation", "suggestion", "accusation", "charge"}
_HEDGES = {"allegedly", "reportedly", "purportedly", "may", "might", "possibly", "perhaps",
           "probably", "likely", "apparently", "suspected", "alleged", "reported", "unconfirmed",
           "could"}  # fmt: skip
_SPEECH_HEDGES = frozenset({"reported", "alleged"})
_OPPOSITES = [
    ("rise", "fall"), ("gain", "lose"), ("win", "lose"), ("lead", "trail"), ("agree", "reject"),
    ("accept", "reject"), ("impose", "lift"), ("confirm", "deny"), ("admit", "deny"),
    ("hire", "cut"), ("add", "cut"), ("raise", "cut"), ("raise", "lower"), ("higher", "lower"),
    ("highest", "lowest"), ("more", "less"), ("more", "fewer"), ("flee", "return"),
    ("approve", "reject"), ("support", "oppose"), ("for", "against"), ("open", "close"),
    ("kill", "wound"), ("kill", "rescue"), ("free", "kill"), ("missing", "rescue"),
    ("missing", "find"), ("guilty", "innocent"), ("convict", "acquit"), ("allow", "ban"),
    ("allow", "refuse"), ("constitutional", "unconstitutional"), ("legal", "illegal"),
    ("before", "after"), ("start", "end"), ("up", "down"),
]  # fmt: skip
_OPPOSITE_OF: dict[str, set[str]] = {}
for _x, _y in _OPPOSITES:
    _OPPOSITE_OF.setdefault(_x, set()).add(_y)
    _OPPOSITE_OF.setdefault(_y, set()).add(_x)


@dataclass(frozen=True)
class Polarity:
    negations: tuple[str, ...]  # the cue words, in order
    negated: frozenset[str]  # canonical lemmas of the words negated
    lemmas: frozenset[str]  # every canonical lemma of the sentence
    hedges: tuple[str, ...] = ()  # "allegedly", "may": the claim is not asserted as fact
    offsets: tuple[int, ...] = ()  # character offset of each negation cue

    def count_between(self, start: int, end: int) -> int:
        return sum(start <= o < end for o in self.offsets)


def _lemma(tok: Token) -> str:
    return canonical(tok.lemma_.lower())


def _target(tok: Token) -> Token:
    """The content word a negation bears on: through "be" to its complement."""
    if tok.lemma_ == "be":
        for child in tok.children:
            if child.dep_ in _PREDICATE_DEPS:
                return child
    return tok


def polarity(doc: Doc) -> Polarity:
    cues: list[str] = []
    offsets: list[int] = []
    negated: set[str] = set()
    for tok in doc:
        low = tok.lower_
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        if low in _NEGATORS or tok.dep_ == "neg":
            if low == "no" and nxt in _NOT_AFTER_NO:
                continue
            if low == "without" and nxt in _SOURCING_ASIDES:
                continue  # a reporter's aside about sourcing, not the claim's polarity
            cues.append(tok.text)
            offsets.append(tok.idx)
            if tok.dep_ == "det" or low in _NOUN_NEGATORS:
                negated.add(_lemma(_target(tok.head if low == "no" else tok)))
                if low == "no":
                    negated.add(_lemma(_target(tok.head.head)))
            else:
                negated.add(_lemma(_target(tok.head)))
                if tok.head.pos_ == "AUX":
                    negated.add(_lemma(_target(tok.head.head)))
        elif tok.lemma_.lower() in _DENIAL_LEMMAS and tok.pos_ in _DENIAL_POS:
            complements = [c for c in tok.children if c.dep_ in grammar.COMPLEMENT_DEPS]
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                if obj.lemma_.lower() in _CLAIM_NOUNS:
                    complements += [c for c in obj.children if c.dep_ in _CONTENT_DEPS]
            if tok.lemma_.lower() in _EVENT_DENIALS and not complements:
                continue  # "failed to act" negates; "the vote failed" is the event itself
            cues.append(tok.text)
            offsets.append(tok.idx)
            negated.add(_lemma(tok))
            negated.update(_lemma(_target(c)) for c in complements)
    # a participle or adjective also as written: "are missing" is lemmatised to "miss", and the
    # opposites table speaks of "missing" ("missing" / "rescued")
    lemmas = frozenset(_lemma(t) for t in doc if not t.is_punct) | {
        t.lower_ for t in doc if t.tag_ in _PARTICIPLE_TAGS
    }
    hedges = tuple(
        t.text
        for t in doc
        if t.lower_ in _HEDGES
        and not (t.text == "May" and t.tag_ != "MD")  # the month
        # "the agency reported": a source speaking, not "the reported attack"
        and not (t.lower_ in _SPEECH_HEDGES and any(c.dep_ == "nsubj" for c in t.children))
        and not (t.lower_ == "could" and t.i + 1 < len(doc) and doc[t.i + 1].dep_ == "neg")
    )
    return Polarity(tuple(cues), frozenset(negated), lemmas, hedges, tuple(offsets))


def polarity_conflicts(a: Polarity, b: Polarity) -> list[str]:
    """Words one claim negates and the other asserts. When both carry as many negations, a word
    negated on one side only is a difference of parse ("no material" / "did not email any
    material"), not of polarity."""
    found: set[str] = set()
    if len(a.negations) > len(b.negations):
        found |= {w for w in a.negated if w in b.lemmas and w not in b.negated}
    if len(b.negations) > len(a.negations):
        found |= {w for w in b.negated if w in a.lemmas and w not in a.negated}
    return sorted(found)


def opposite_words(a: Polarity, b: Polarity) -> list[tuple[str, str]]:
    """Pairs (word in a, word in b) of opposite meaning that the other side does not also use."""
    found = []
    for x in sorted(a.lemmas):
        for y in sorted(_OPPOSITE_OF.get(x, ())):
            if y in b.lemmas and y not in a.lemmas and x not in b.lemmas:
                found.append((x, y))
    return found


# branch match (issue 16): "Maybe the rules still apply" hedges like "perhaps"
_HEDGES = _HEDGES | {"maybe"}
