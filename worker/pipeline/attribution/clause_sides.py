"""Which of a cue's complement clauses are its content, when the parser hangs clauses on both
sides of it.

`More than six in 10 said they were not looking forward to it; 46 percent said they were
unenthusiastic`, `Moments earlier, in his remarks, Trump said he was suited for the job`: the
parser often makes the clause before the cue's subject (another statement, or the tail of a
quotation) a second complement of the cue. Taken together, the content runs over the source
and the relation is dropped; the reported clause is the one after the cue. The interrupted
sentence (`There is a risk, some Democrats said, that …`) is read before this
(``reported_speech._content_around``), so what reaches here is left clauses that are not content.

The reverse failure has the same cure: a cue set off by commas inside a sentence the parser
built round a noun (`The hashtag #ParisSearch, Mr. Abboud said, accompanied …`) still
interrupts its content (``misparsed_sentence``).
"""

from __future__ import annotations

from spacy.tokens import Token

from worker.pipeline.attribution.direct import nearest_subject


def clauses_after_subject(cue: Token, comps: list[Token]) -> list[Token]:
    """``comps`` without those ending before the cue's subject, when some clause follows the cue;
    otherwise ``comps`` unchanged (`"…," said Dujarric` keeps its content before the cue)."""
    if aside_subject(cue) is not None:
        return [c for c in comps if c.i > cue.i]  # the aside holding the speaker is no content
    subject = nearest_subject(cue)
    if subject is None or subject.i > cue.i or not any(c.left_edge.i > cue.i for c in comps):
        return comps
    lead = subject.left_edge.i
    return [c for c in comps if c.right_edge.i >= lead]


def aside_subject(cue: Token) -> Token | None:
    """ "Paul Stein, a Tampa, Fla., rabbi helping to organize the boycott, said he …", "One
    delegate, who spoke on condition of anonymity, said …": the parser reads the aside after the
    speaker as a clause of its own, with the speaker as its subject, and hangs it on the cue
    as a complement before it. With no subject of its own and a complement after it, the cue's
    speaker is that clause's subject when it opens the clause and a comma sets it off."""
    if nearest_subject(cue) is not None:
        return None
    doc = cue.doc
    before = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    if not before or not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    aside = before[0]
    subject = next((c for c in aside.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i != aside.left_edge.i:
        return None
    # The aside opens with a comma right after the speaker's name or noun.
    if subject.pos_ not in _NOUN_POS or doc[subject.i + 1].text != ",":
        return None
    return subject


def misparsed_sentence(cue: Token) -> bool:
    """`The hashtag #ParisSearch, Mr. Abboud said, accompanied descriptions of …`, `In both
    cases, Eric Trump said, those donations paid for …`: a cue set off by commas inside a
    sentence the parser could not build round a verb hangs on a noun root; the sentence it
    interrupts is still its content when a verb follows the cue clause."""
    head = cue.head
    if cue.dep_ != "parataxis" or head.dep_ != "ROOT" or head.pos_ not in _NOUN_POS:
        return False
    return any(t.pos_ in _VERB_POS or t.tag_ == "VBD" for t in cue.doc[cue.i + 1 : cue.sent.end])


_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VERB_POS = frozenset({"VERB", "AUX"})
