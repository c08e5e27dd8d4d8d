"""WordNet's word classes: one thing under two words, or two kinds of one thing (branch
match-para)."""

from __future__ import annotations

import pytest

from worker.pipeline import match_claims
from worker.pipeline.claim_match import wordnet


def codes(a: str, b: str) -> set[str]:
    return {r.code for r in match_claims(a, b).reasons}


def test_one_thing_under_two_words():
    assert wordnet.akin("plane", "aircraft")  # a plane is an aircraft
    assert wordnet.akin("shut", "close")
    assert wordnet.akin("vow", "promise")
    assert not wordnet.akin("bread", "milk")
    assert not wordnet.akin("plane", "qwzxv")  # a word the table lacks is no evidence


def test_two_kinds_of_one_thing_are_nouns_under_one_class():
    assert wordnet.kinds_of_one_thing("bread", "milk")
    assert wordnet.kinds_of_one_thing("coffee", "tea")
    assert not wordnet.kinds_of_one_thing("plane", "aircraft")  # akin, not two kinds
    assert not wordnet.kinds_of_one_thing("report", "post")  # verbs' kinds are not compared


def test_the_broader_word_for_the_subject_is_the_same_claim():
    m = match_claims(
        "The plane landed safely after a bird strike, the airline said.",
        "After a bird strike the aircraft landed safely, the airline said.",
    )
    assert m.same, m


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The price of rice has doubled since June, the trade ministry said.",
            "The price of wheat has doubled since June, the trade ministry said.",
        ),
        (
            "Exports of coffee fell by a third last year, the central bank said.",
            "Exports of tea fell by a third last year, the central bank said.",
        ),
    ],
)
def test_another_kind_of_the_same_thing_is_another_claim(a, b):
    m = match_claims(a, b)
    assert "kind_substituted" in codes(a, b) and not m.same, m
