"""A cue's source when the parse gives it no subject.

The parser sometimes misreads the speaker right before a cue: "Jolly said he would…" tags
"Jolly" as an adverb, "Trump just saying…" hangs "Trump" elsewhere. A cue that heads its
sentence (or a clause of it) with content but no subject takes the word right before it, past
adverbs and auxiliaries ("also", "has", "would"), when that word is a noun or a name, or a
capitalised word opening the sentence; or a name the parse hung on an earlier noun as an
apposition, closed by a comma right before the cue.
"""

from __future__ import annotations

from spacy.tokens import Token

SKIPPED = frozenset({"ADV", "AUX", "PART"})
NOMINAL = frozenset({"PROPN", "NOUN"})
# Clause roles where a subject-less cue is a misparse rather than a participle or infinitive
# whose subject lies elsewhere.
HEAD_DEPS = frozenset({"ROOT", "ccomp", "conj", "parataxis"})


def untagged_subject(cue: Token) -> Token | None:
    """The noun or name right before ``cue`` that the parse failed to make its subject."""
    if cue.dep_ not in HEAD_DEPS or cue.tag_ in ("VBG", "VBN", "VB"):
        return None
    sent_start = cue.sent.start
    for k in range(cue.i - 1, sent_start - 1, -1):
        tok = cue.doc[k]
        if k == sent_start and tok.is_alpha and tok.text[:1].isupper() and tok.pos_ != "PRON":
            return tok if tok.pos_ not in ("DET", "ADP", "SCONJ", "CCONJ") else None
        if tok.pos_ in SKIPPED and tok.lower_ != "not":
            continue
        if tok.text == "," and k == cue.i - 1 and k > sent_start:
            # "In a statement to the Observer, her adviser, Jake Sullivan, said: …": the parse
            # hangs the name on the newspaper as an apposition; it closes right before the cue.
            name = _appositive_name(cue.doc[k - 1])
            return name if name.pos_ == "PROPN" and name.dep_ == "appos" else None
        if tok.pos_ in NOMINAL and tok.dep_ not in ("pobj", "dobj", "poss"):
            return tok
        return None
    return None


def _appositive_name(last: Token) -> Token:
    """The name a closing apposition describes: "At Boca West, Jay DiPietro, the club's
    president and general manager, suggested …" ends on "manager", a coordinate of "president",
    which describes the name "DiPietro" that the parse hung on "West"."""
    node = last
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head
    if node.dep_ == "appos" and node.pos_ != "PROPN" and node.head.pos_ == "PROPN":
        return node.head
    return node
