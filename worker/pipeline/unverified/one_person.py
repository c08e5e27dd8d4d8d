"""One unnamed person the source reader takes for a name: "said one party activist", "a
longtime GOP data expert said", "a veteran Senate staffer told reporters". A party, a body's
initials or a title word in the phrase makes the reader call the source named, but no person is
named: issue 14 labels one unnamed person as the source ``anonymous_source``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from worker.pipeline import grammar, lexicon
from worker.pipeline.sources import Source
from worker.pipeline.unverified.rule import Candidate, Rule, Sentence, Signal, cue
from worker.pipeline.unverified.secondhand import _ONE_PERSON_HEADS

# Entities of a body, which makes the speaker its voice ("a Pentagon official", "a Carrier
# executive"); a party does not ("a longtime GOP data expert", "one party activist").
_BODY_ENTS = frozenset({"ORG", "FAC"})
_PARTY_WORDS = frozenset({"gop", "republican", "democratic", "democrat"})
# Modifiers that say what kind of insider speaks: "one *party* activist", "a *longtime* expert"
# (a bare "an officer said" is mostly a witness at the scene, not a source of the claim).
_KIND_DEPS = frozenset({"amod", "compound"})
_COUNT_DEPS = frozenset({"det", "nummod"})


def _one_person_read_as_named(m: Source) -> bool:
    """``m`` is "a/an/one/another <words> <role noun>" telling something, with no person's name
    in the phrase but a party's, no name in apposition."""
    head = m.head
    if not m.named or head.tag_ != "NN" or m.cue.pos_ not in grammar.VERB_POS:
        return False
    lemma = head.lemma_.lower()
    if lemma not in _ONE_PERSON_HEADS or lemma in lexicon.COLLECTIVE_HEADS:
        return False  # "a majority of voters say": a share of a poll, not one person
    if not any(c.dep_ in _KIND_DEPS for c in head.children):
        return False
    if m.cue.lemma_.lower() not in lexicon.SAY_VERBS_OF_ONE:
        return False
    if not any(
        c.dep_ in _COUNT_DEPS and c.lower_ in lexicon.ONE_PERSON_DETERMINERS for c in head.children
    ):
        return False
    if any(c.dep_ == "appos" for c in head.children):
        return False  # "an aide, Jane Doe,": named after all
    phrase = head.doc[m.first.i : m.last.i + 1]
    return not any(
        t.pos_ == "PROPN"
        and (
            t.ent_type_ == "PERSON" or (t.ent_type_ in _BODY_ENTS and t.lower_ not in _PARTY_WORDS)
        )
        for t in phrase
    )


def _one_unnamed_speaker(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    if any(f.type == "anonymous_source" for f in found):
        return
    for m in s.sources:
        if s.quoted(m.head.idx) or not _one_person_read_as_named(m):
            continue
        yield cue(m.first, m.last)
        return


ONE_PERSON_RULES = (
    Rule(
        "one_unnamed_speaker",
        "anonymous_source",
        'The source, "{cue}", is one person the article does not name, so readers cannot judge'
        " or check it.",
        _one_unnamed_speaker,
    ),
)
