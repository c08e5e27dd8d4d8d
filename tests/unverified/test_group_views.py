"""The third recall pass (issue 14): views given to an unnamed group without a verb of theirs
the source reader takes, each rule on sentences written for the test, with the guards that
keep named holders, documents and moods unflagged. Run as the product runs them
(``find_claims``: the attribution detector's speakers included)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from tests.unverified.rule_cases import case_ids, flagged
from worker.pipeline import find_claims
from worker.pipeline.nlp import get_nlp
from worker.pipeline.unverified.groups import _pronoun_before_verb_read_as_noun

# (sentence, type or "none", the reason code that must explain it, or None for any)
CASES = [
    # vague_source: "according to" a group of people is a view given to the group
    ("The tax cut mostly helped the rich, according to many economists.", "weasel", "vague_source"),
    (
        "The bridge was badly designed, according to several local engineers.",
        "weasel",
        "vague_source",
    ),
    # ... not a document, an estimate or a named body's people
    ("About 40 homes were flooded, according to one estimate.", "reported", "unnamed_report"),
    ("Prices will rise, according to analysts at Morgan Stanley.", "none", None),
    ("Rents will rise, according to a letter the city's landlords sent on Friday.", "none", None),
    # group_view: the group behind a relative pronoun ("which many voters believe ...")
    (
        "The mayor defended the levy, which union leaders believe drove families away.",
        "weasel",
        "group_view",
    ),
    ("The mayor met residents who believe the levy drove families away.", "none", None),
    ("Some fear is healthy before an exam.", "none", None),
    # stirred_group: the sentence hands an unnamed group a view
    (
        "The delays have led some economists to suspect that the mine will never open.",
        "weasel",
        "stirred_group",
    ),
    (
        "The silence left many to wonder whether the coach would return.",
        "weasel",
        "stirred_group",
    ),
    ("The data led Dr. Okafor to suspect a faulty sensor.", "none", None),
    ("The storm caused many to cancel their trips.", "none", None),
    ("A second delay could lead some investors to doubt the project.", "none", None),
    # group_concern: a fear or doubt given to an unnamed group, or to no one
    (
        "There are growing doubts among analysts that the subsidy will last.",
        "weasel",
        None,
    ),
    (
        "The ruling sparked fears among experts that the schools would close.",
        "weasel",
        "group_concern",
    ),
    (
        "Suspicions linger that the fire was set to collect the insurance.",
        "weasel",
        "group_concern",
    ),
    # ... not a mood with no claim in it, nor a named holder's fear
    ("The budget reflects anxiety among donors about the coming election.", "none", None),
    ("The governor's fears that the dam would fail proved unfounded.", "none", None),
    # ... nor advice to a group, nor the writer's "all considered"
    ("People should think about that when they oppose every new security measure.", "none", None),
    ("All considered, the new bridge is a disaster for the town.", "none", None),
    ("Critics say the new bridge is a disaster for the town.", "weasel", "vague_source"),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_rule(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)


def test_explanations_name_the_cue_and_the_missing_holder() -> None:
    (finding,) = [
        f
        for f in find_claims("The delays have led some economists to suspect that the mine failed.")
        if f.kind == "unverified"
    ]
    (reason,) = [r for r in finding.reasons if r.code == "stirred_group"]
    assert reason.cue.text in reason.explanation
    assert "unnamed group" in reason.explanation


def _parsed(words: list[str], tags: list[str], deps: list[str], heads: list[int]) -> Doc:
    """A parse as the tagger gives it in running text (it depends on the sentences around)."""
    pos = {"JJ": "ADJ", "NN": "NOUN", "NNP": "PROPN", "MD": "AUX", "VB": "VERB", ".": "PUNCT"}
    return Doc(
        get_nlp().vocab,
        words=words,
        tags=tags,
        pos=[pos[t] for t in tags],
        deps=deps,
        heads=heads,
    )


def test_a_view_verb_read_as_a_noun_after_a_bare_quantifier_is_the_group_s_view() -> None:
    # "Many fear Moscow will gain": the parser's "fear" is a noun heading the sentence
    doc = _parsed(
        ["Many", "fear", "Moscow", "will", "gain", "."],
        ["JJ", "NN", "NNP", "MD", "VB", "."],
        ["amod", "ROOT", "nsubj", "aux", "ccomp", "punct"],
        [1, 1, 4, 4, 1, 1],
    )
    found = _pronoun_before_verb_read_as_noun(doc[1])
    assert found is not None and found.i == 0
    # "Some fear is healthy": a noun with no clause or object of its own
    doc = _parsed(
        ["Some", "fear", "is", "healthy", "."],
        ["JJ", "NN", "VB", "JJ", "."],
        ["amod", "nsubj", "ROOT", "acomp", "punct"],
        [1, 2, 2, 2, 2],
    )
    assert _pronoun_before_verb_read_as_noun(doc[1]) is None
