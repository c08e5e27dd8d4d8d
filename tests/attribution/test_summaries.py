"""Statements summed up by their object (``summaries``): "Bush attacked Trump", "called for a
ban", "talked about immigration" are attributions of type ``summary`` whose content is the object;
plans, relative clauses, negations and circumstances ("spoke on Monday") are not."""

from __future__ import annotations

import pytest

from tests.attribution.found import summaries
from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The former governor attacked the mayor's housing plan on Saturday.",
            ("The former governor", "attacked", "the mayor's housing plan"),
        ),
        (
            "The senator called for a ban on assault weapons.",
            ("The senator", "called for", "a ban on assault weapons"),
        ),
        (
            "Ms. Alvarez talked about the water crisis in Flint.",
            ("Ms. Alvarez", "talked about", "the water crisis in Flint"),
        ),
        (
            "The union has endorsed Maria Lopez for governor.",
            ("The union", "endorsed", "Maria Lopez for governor"),
        ),
        (
            "The council rejected the developer's proposal.",
            ("The council", "rejected", "the developer's proposal"),
        ),
    ],
)
def test_a_statement_summed_up_by_its_object(text: str, expected: tuple[str, str, str]) -> None:
    assert summaries(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a plan, not a statement
        "The campaign plans to attack the mayor's record next week.",
        # a relative clause describing its noun
        "The plan was backed by the union, which endorsed the mayor last year.",
        # negated
        "The governor did not criticize the mayor's budget.",
        # a circumstance, not a topic
        "The official spoke on the condition of anonymity.",
        "The candidate spoke on Monday in Des Moines.",
        # an empty object says nothing of what was said
        "The company announced it.",
    ],
)
def test_no_summary(text: str) -> None:
    assert summaries(text) == []


def test_summary_inside_reported_content_is_not_its_own_finding() -> None:
    text = "Mr. Cruz said Mr. Trump attacked him because the polls had tightened."
    findings = find_attributions(parse(text))
    assert [f.type for f in findings] == ["indirect"]
    assert findings[0].speaker.text == "Mr. Cruz"


def test_a_summary_is_the_least_sure_kind_of_statement() -> None:
    said, summed = find_attributions(
        parse("The mayor said taxes would rise. The mayor criticized the council's budget.")
    )
    assert summed.type == "summary" and said.type == "indirect"
    assert summed.confidence < said.confidence


def test_a_call_for_and_a_call_on() -> None:
    text = "The mayor called for the state to fund the repairs."
    assert summaries(text) == [("The mayor", "called", "the state to fund the repairs")]
    text = "The mayor called on the governor to fund the repairs."
    (f,) = find_attributions(parse(text))
    assert [text[c.start : c.end] for c in f.content] == ["the governor to fund the repairs"]


def test_a_quote_is_not_attributed_to_a_cue_after_but() -> None:
    # `are "right to be angry," but also hungry for what she calls…`: the quote is the mayor's
    # words inside his reported sentence, not something "she calls".
    text = (
        "The mayor says residents are “right to be angry,” but also hungry for what he calls "
        "“real change.”"
    )
    findings = find_attributions(parse(text))
    (said,) = [f for f in findings if f.cue.text == "says"]
    assert said.speaker.text == "The mayor"
    assert "but also hungry" in text[said.content[0].start : said.content[-1].end]


def test_a_headline_label_needs_no_finite_verb() -> None:
    # A text's short first line is its headline: a name and a colon attribute there even when
    # the headline-case words parse without a finite verb.
    text = (
        "Graham: Trump’s ‘Hateful Rhetoric’ Destroying Party’s Chance to Win.\n\n"
        "Senator Lindsey Graham spoke to donors on Thursday."
    )
    (f,) = [f for f in find_attributions(parse(text)) if f.cue.text == ":"]
    assert f.speaker.text == "Graham"
    assert text[f.content[0].start : f.content[-1].end].startswith("Trump’s ‘Hateful Rhetoric")


def test_a_later_label_without_a_verb_says_nothing() -> None:
    text = "The candidates answered on Friday.\n\nJeb Bush: Student loans and tuition costs."
    assert [f for f in find_attributions(parse(text)) if f.cue.text == ":"] == []


def test_reported_speech_in_a_relative_clause() -> None:
    # "which he said …": the parser puts the relative pronoun inside the reported clause; the
    # content is what follows the cue, and the speaker is "he", not dropped with the pronoun.
    text = "The mayor wants a new bridge, which he said the state should pay for."
    (f,) = find_attributions(parse(text))
    assert f.type == "indirect" and f.speaker.text == "he"
    assert [text[c.start : c.end] for c in f.content] == ["the state should pay for"]


def test_thats_according_to_points_back() -> None:
    text = (
        "The campaign raised $95 million last year.\n\n"
        "That’s according to fundraising reports that the campaign filed on Saturday."
    )
    (f,) = find_attributions(parse(text))
    assert f.type == "according_to" and f.speaker.text.startswith("fundraising reports")
    assert [text[c.start : c.end] for c in f.content] == [
        "The campaign raised $95 million last year"
    ]


def test_talking_about_a_topic_in_any_form() -> None:
    text = "The governor will come on the program to talk about the border."
    assert summaries(text) == [("The governor", "talk about", "the border")]
