"""The quotation two claims share, with unbalanced quotation marks."""

from __future__ import annotations

from worker.pipeline import match_claims
from worker.pipeline.claim_match.quotes import segments, shared_quote


def test_the_same_quotation_framed_differently_is_shared():
    a = "“He is becoming ISIS’s best recruiter,” she said."
    b = '"He is becoming ISIS\'s best recruiter," Clinton said of Trump.'
    shared = shared_quote(segments(a), segments(b))
    assert shared is not None and shared.overlap == 1.0
    assert a[shared.a.start : shared.a.end].startswith("He is becoming")


def test_a_longer_quotation_holds_the_shorter_one():
    a = (
        '"If she gets to pick her judges, nothing you can do," Trump said: '
        '"Though the Second Amendment people, maybe there is, I don\'t know."'
    )
    b = "“Although the Second Amendment people, maybe there is, I don’t know.”"
    assert shared_quote(segments(a), segments(b)) is not None


def test_apostrophes_are_not_quotation_marks():
    assert segments("It's what they don't want, and they won't say it.") == []


def test_different_quotations_are_not_shared():
    a = '"We will build the wall and it will be beautiful," he said.'
    b = '"We have to get the job done today," Trump said.'
    assert shared_quote(segments(a), segments(b)) is None


def test_the_framing_around_balanced_marks_is_not_a_quotation():
    a = '"I can\'t really find a candidate that I like," he said in a follow-up phone interview.'
    b = "\"I've had two grants, but I'm still hung up,\" she said in a follow-up phone interview."
    assert [a[s.start : s.end] for s in segments(a)] == [
        "I can't really find a candidate that I like,"
    ]
    assert shared_quote(segments(a), segments(b)) is None


def test_a_plural_possessive_is_not_a_quotation_mark():
    a = "“This campaign is revolutionizing politics,” Jeff Weaver, Sanders’ campaign manager, said."
    assert [a[s.start : s.end] for s in segments(a)] == [
        "This campaign is revolutionizing politics,"
    ]


def test_a_quoted_title_is_a_name_not_a_shared_utterance():
    # two claims about one book share its title in quotation marks, not a quotation
    m = match_claims(
        "The senator's memoir, “A Life in the Arena: Lessons From Forty Years,” sold 80,000 "
        "copies in its first month.",
        "Reviewers panned the senator's memoir, “A Life in the Arena: Lessons From Forty "
        "Years,” as self-serving.",
    )
    assert not m.same, m


def test_a_quoted_sentence_is_still_an_utterance():
    m = match_claims(
        "“We will not raise taxes on working families,” the governor said.",
        "The governor said: “We will not raise taxes on working families.”",
    )
    assert m.same and m.reasons == [], m
