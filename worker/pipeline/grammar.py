"""The parser's labels the rules test, each set named once: dependency relations, coarse parts of
speech, fine-grained tags and entity types, as spaCy's English pipelines spell them (ClearNLP
dependencies, Universal POS, Penn Treebank tags, OntoNotes entity types).

Word lists live in ``lexicon``; these are the grammar's own closed sets. A set used by one rule
only may stay a named constant in that rule's module.
"""

from __future__ import annotations

from spacy.tokens import Token

# --- dependency relations -------------------------------------------------------------------

# A clause's subject, active or passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# The parts of a multi-word name ("Jane Roe", "White House").
NAME_DEPS = frozenset({"compound", "flat"})
# Determiners and possessives before a noun ("the", "his", "Trump's").
DETERMINER_DEPS = frozenset({"det", "poss"})
# Clausal complements of a verb ("said that …", "wants to …").
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
# Auxiliaries, active or passive ("has been said").
AUX_DEPS = frozenset({"aux", "auxpass"})
# A clause hung on a noun or verb: participial, complement or relative ("reports that …").
NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
# A participle or adverbial clause ("those surveyed", "while saying").
PARTICIPLE_DEPS = frozenset({"acl", "advcl"})
# Modifiers that belong to a noun phrase's own description ("the many critics", "US officials").
NOUN_MODIFIER_DEPS = frozenset({"det", "poss", "amod", "nummod"})
DESCRIPTION_DEPS = frozenset({"det", "amod", "compound", "nummod"})
# A noun phrase's dependents up to a relative or appositive ("officials, who…"): where a
# mention's own words end.
MENTION_END_DEPS = frozenset({"appos", "relcl", "acl", "cc", "conj"})
# Expletive or passive subjects of "it is said that …".
IT_SUBJECT_DEPS = frozenset({"expl", "nsubjpass"})
# Predicates after "be" ("is unclear", "was a shock").
PREDICATE_DEPS = frozenset({"acomp", "attr"})

# --- parts of speech and tags ---------------------------------------------------------------

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
NOMINAL_POS = NOUN_POS | {"PRON"}
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
VERB_TAGS = FINITE_VERB_TAGS | {"VBG", "VBN"}
PAST_TAGS = frozenset({"VBD", "VBN"})

# --- entity types ---------------------------------------------------------------------------

PERSON_OR_ORG = frozenset({"PERSON", "ORG"})


_RELATIVE_SUBJECTS = frozenset({"who", "that", "which"})


def in_restrictive_relative(verb: Token) -> bool:
    """ "staff members who may have been involved": ``verb`` heads a restrictive relative clause,
    which picks out whom the sentence is about and claims nothing about anyone in particular. Set
    off by a comma ("The film, which may have been his best, flopped") it is a claim."""
    if verb.dep_ != "relcl":
        return False
    doc = verb.doc
    return any(
        c.dep_ in SUBJECT_DEPS
        and c.lower_ in _RELATIVE_SUBJECTS
        and not (c.i > 0 and doc[c.i - 1].text == ",")
        for c in verb.children
    )
