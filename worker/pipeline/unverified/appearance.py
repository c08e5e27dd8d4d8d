"""``hedged`` by "appear"/"seem": "Ben Carson appears to be slipping", "the donors appear to have
ties to", "it seems that support has grown", "there appears to be a consensus".

The labelling rules (``tests/data/unverified/README.md``) count "appear"/"seem" as a hedge when
the writer, in their own voice, puts a checkable present or past fact at a distance; in the
development part's news prose that is the present tense ("appears to") far more often than
the past. So the rule
reads the verb's complement, not a cue list: a to-infinitive, an "it seems (that)" clause or an
"it seems as though" one. What it leaves alone is decided by grammar first (a modal "would
appear", a question, a restrictive "who seems to", "what appeared to be", a first-person
sentence) and by the complement's head second: the writer's reading of what someone meant or
felt (``lexicon.APPEARANCE_READING_VERBS``) or an impression, judgement or readiness
("seemed nervous", "appears to be effective", "seems ready to":
``lexicon.APPEARANCE_IMPRESSION_ADJECTIVES``). "appears to have been" is ``appears_to_have``'s.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.unverified.negatives import named_cover, subject_person
from worker.pipeline.unverified.rule import Candidate, Rule, Sentence, Signal, cue

# "it seems as though", "as if"; not "it seems like", which in the labelled sets is mostly the
# writer's quip ("It seems like the rest of the campaigns are just as bad").
_AS_IF_MARKS = frozenset({"though", "if"})
# Subjects that make the sentence no claim about a particular fact: "what appeared to be a
# protracted fight" (the writer's label for an event), first and second person.
_NO_CLAIM_SUBJECTS = lexicon.FIRST_SECOND_SUBJECTS | {"what"}
# First-person words: "it seemed to work for me", "I'm finding a round seems to work best": the
# writer about their own experience, which the labels leave alone.
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our"})
_HABITUAL = frozenset({"always", "generally", "often", "sometimes", "typically", "usually"})
_THING_PRONOUNS = frozenset({"it", "that", "this", "everything", "something"})
_PREDICATE_DEPS = frozenset({"acomp", "oprd", "attr", "xcomp"})
# Only the present tense: "appears to be slipping", "the donors appear to have ties" hedge a
# state the reader could check now. The past "appeared to" is mostly the writer's reading of an
# event as it unfolded ("Trump appeared to break down walls", "she appeared to step on her own
# momentum"), which the labels leave alone: 16 hedged in 63 of the development part's past
# forms against 42 in 98 present ones.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# "the witness said the building appears to tilt" (the speaker's impression), "the fact that it
# seems to": the clause belongs to someone's statement or to a noun, not to the writer.
_EMBEDDED_DEPS = frozenset({"ccomp", "acl", "csubj", "pcomp"})
# A predicate adjective or noun on the verb itself, or a negation: a judgement ("it seems
# logical that", "seems very ill reward") or nothing asserted ("doesn't seem to care").
_JUDGEMENT_DEPS = frozenset({"acomp", "attr", "oprd", "dobj", "neg"})


def _appearance(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    verbs = s.having(lexicon.HEDGE_RAISING)
    if not verbs or _asks_or_first_person(s):
        return
    for tok in verbs:
        if tok.lemma_.lower() not in lexicon.HEDGE_RAISING or tok.pos_ not in grammar.VERB_POS:
            continue
        if s.quoted(tok.idx):
            continue
        hit = _hedged_complement(tok)
        if hit is None or named_cover(tok, s.sources, strict=True) is not None:
            continue
        yield hit


def _asks_or_first_person(s: Sentence) -> bool:
    """A question weighs a possibility; a first-person sentence is the writer's own story."""
    last = next((t for t in reversed(s.tokens) if not t.is_space), None)
    if last is not None and last.text == "?":
        return True
    return any(
        lower in _FIRST_PERSON and not s.quoted(tok.idx)
        for tok, lower in zip(s.tokens, s.lowers, strict=True)
    )


def _hedged_complement(verb: Token) -> Candidate | None:
    """The cue when ``verb`` ("appears", "seemed") puts a fact of the writer's at a distance."""
    if verb.tag_ not in _PRESENT_TAGS or verb.dep_ in _EMBEDDED_DEPS:
        return None
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids):
        return None  # "would appear to make it ideal", "may seem": hypothetical or generic
    if any(c.dep_ in _JUDGEMENT_DEPS for c in kids):
        return None  # "it seems logical that", "didn't appear to care": no fact is hedged
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in kids):
        return None  # "plots often seem to display clusters": a generic remark, not a fact
    if grammar.in_restrictive_relative(verb):
        return None  # "a card that appears to have been tampered with": whom it may concern
    if any(
        c.dep_ == "mark" and c.lower_ in lexicon.CONCESSIVE_MARKS and c.i == verb.left_edge.i
        for c in kids
    ):
        # "while at first it seems a little basic, ...": granted, not claimed (the mark opens
        # the clause; "much of that spending, though appears to be" is a discourse "though")
        return None
    if subject_person(verb) in _NO_CLAIM_SUBJECTS or _a_person(verb):
        return None
    infinitive = next(
        (c for c in kids if c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)),
        None,
    )
    if infinitive is not None:
        if _perfect(infinitive):
            return None  # "appears to have been": ``appears_to_have`` reads it
        if not _checkable(infinitive):
            return None
        if subject_person(verb) in _THING_PRONOUNS and not any(
            c.dep_ == "ccomp" for c in infinitive.children
        ):
            # "that seems to be the area where most can go wrong", "everything seems to be
            # working fine": the writer's gloss on what was just said; "it appears to be
            # confirmed that ..." (a clause follows) stays a hedge
            return None
        return cue(verb, infinitive)
    if subject_person(verb) != "it" and not any(
        c.dep_ == "expl" and c.lower_ == "it" for c in kids
    ):
        return None
    clause = next(
        (
            c
            for c in kids
            if (
                c.dep_ == "ccomp"
                and c.i > verb.i
                and not any(m.dep_ == "mark" and m.lower_ == "like" for m in c.children)
            )
            or (
                c.dep_ == "advcl"
                and c.i > verb.i
                and any(m.dep_ == "mark" and m.lower_ in _AS_IF_MARKS for m in c.children)
            )
        ),
        None,
    )
    if clause is None or _ahead(clause) or _judged_clause(clause):
        return None
    it = next(c for c in kids if c.lower_ == "it")
    return cue(it, verb)


def _judged_clause(clause: Token) -> bool:
    """The "it seems (that)" clause holds no checkable fact, by the tests the infinitive gets:
    a judgement ("it seems that establishing a definition is impossible", "it appears that the
    game wasn't boring": a copula with an adjective), a generic remark about an activity ("it
    seems being an independent single woman is a powerful aphrodisiac": a clausal subject), or
    what is to come when the modal is the clause's own head ("it appears that when the party
    gathers, there will no one represent...", which the parser hangs on "will")."""
    if clause.lower_ in lexicon.FUTURE_AUXILIARIES:
        return True
    kids = list(clause.children)
    if any(c.dep_ in _CLAUSAL_SUBJECT_DEPS for c in kids):
        return True
    return clause.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.pos_ == "ADJ" for c in kids
    )


_CLAUSAL_SUBJECT_DEPS = frozenset({"csubj", "csubjpass"})


def _a_person(verb: Token) -> bool:
    """ "Schiff seems to have no sense", "she appears to be in another spurt", "he seems to
    feel": said of one person, "appears to" is mostly the writer's impression of their manner,
    mood or stance, which the labels leave alone (a group, "voters appear to be moving behind
    him", or a thing keeps the hedge)."""
    subject = next((c for c in verb.children if c.dep_ in grammar.SUBJECT_DEPS), None)
    if subject is None:
        return False
    # a proper name the entity recogniser leaves untyped is most often a person's ("Schiff")
    return (
        subject.lower_ in _PERSON_PRONOUNS
        or subject.ent_type_ == "PERSON"
        or (subject.pos_ == "PROPN" and not subject.ent_type_)
    )


_PERSON_PRONOUNS = frozenset({"he", "she", "they"})


def _perfect(infinitive: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "have" for c in infinitive.children) and (
        infinitive.tag_ == "VBN"
    )


def _checkable(infinitive: Token) -> bool:
    """A fact someone could check, not a reading of intent or mood, a judgement or a forecast."""
    lemma = infinitive.lemma_.lower()
    if lemma in lexicon.APPEARANCE_READING_VERBS or _ahead(infinitive):
        return False
    if lemma != "be":
        return True
    predicate = next((c for c in infinitive.children if c.dep_ in _PREDICATE_DEPS), None)
    if predicate is None:
        return True  # "appears to be in another spurt", "seemed to be the case"
    if predicate.lemma_.lower() in lexicon.APPEARANCE_READING_VERBS:
        return False  # "appeared to be directed at Clinton"
    return not (
        predicate.pos_ == "ADJ"
        and (
            predicate.lemma_.lower() in lexicon.APPEARANCE_IMPRESSION_ADJECTIVES
            or predicate.lower_ in lexicon.APPEARANCE_IMPRESSION_ADJECTIVES
        )
    )


def _ahead(head: Token) -> bool:
    """ "it appears that he will run", "seems set to", "appears to be poised to": what is to
    come, not a hedged fact."""
    return any(
        (c.dep_ == "aux" and c.lower_ in lexicon.FUTURE_AUXILIARIES)
        or (c.dep_ in _PREDICATE_DEPS and c.lower_ in _READINESS)
        for c in head.children
    )


_READINESS = frozenset({"about", "bound", "likely", "poised", "ready", "set", "unlikely"})


APPEARANCE_RULES = (
    Rule(
        "appears_so",
        "hedged",
        '"{cue}": the article only says it appears so, without saying who found it so.',
        _appearance,
    ),
)
