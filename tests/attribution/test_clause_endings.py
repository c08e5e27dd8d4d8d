"""Where a reported clause ends: before a comma-set participle clause closing it
(``trailing_asides``), and before a second clause hung on it that is another source's statement
(``reported_speech``)."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The senator says she will release her tax returns on Friday, adding that the "
            "papers are the dullest in Washington.",
            ("The senator", "says", "she will release her tax returns on Friday"),
        ),
        (
            "The treasurer said the council was not breaking its own rules, noting that most "
            "of the money would go to the schools.",
            ("The treasurer", "said", "the council was not breaking its own rules"),
        ),
    ],
)
def test_a_closing_participle_of_speech_is_left_out(text: str, expected: tuple) -> None:
    assert expected in attributions(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The campaign says it raised more than $2 million in March, bringing its total "
            "to almost $9 million.",
            "it raised more than $2 million in March, bringing its total to almost $9 million",
        ),
        (
            "The lawyer said the company was losing money, the board having ignored every warning.",
            "the company was losing money, the board having ignored every warning",
        ),
        (
            "The mayor said the bridge would open in May, highlighting the delays.",
            "the bridge would open in May, highlighting the delays",
        ),
        (
            "The coach said the team, playing without its captain, would still reach the final.",
            "the team, playing without its captain, would still reach the final",
        ),
    ],
)
def test_other_participles_stay(text: str, expected: str) -> None:
    """Not of speech, with a subject of its own, inside the clause, or with no clause to report."""
    assert [a[2] for a in attributions(text) if a[1] in ("said", "says")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Most voters said they were worried about the economy, and more than four in ten "
            "said the senator would handle it better.",
            [
                ("Most voters", "said", "they were worried about the economy"),
                ("more than four in ten", "said", "the senator would handle it better"),
            ],
        ),
    ],
)
def test_a_second_attribution_hung_on_the_content_ends_it(text: str, expected: list) -> None:
    assert [a for a in attributions(text) if a[1] in ("said", "says")] == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor says the officer will not be charged after prosecutors determined there "
            "was not enough evidence.",
            "the officer will not be charged after prosecutors determined there was not enough "
            "evidence",
        ),
        (
            "The mayor reported at least 5,000 people entered the capitol through public doors, "
            "but the agency didn't estimate how many were on the grounds.",
            "at least 5,000 people entered the capitol through public doors, but the agency "
            "didn't estimate how many were on the grounds",
        ),
        (
            "The mayor says the budget is balanced and that the auditors said so in March.",
            "the budget is balanced and that the auditors said so in March",
        ),
    ],
)
def test_an_adverbial_that_or_negated_clause_stays(text: str, content: str) -> None:
    assert content in [a[2] for a in attributions(text) if a[0] == "The mayor"]


def test_a_belief_hung_on_the_content_stays() -> None:
    text = "The governor said the caucus was complex and he feels he can win the primary."
    said = [a for a in attributions(text) if a[1] == "said"]
    assert said == [
        ("The governor", "said", "the caucus was complex and he feels he can win the primary")
    ]


def test_a_reported_clause_inside_the_content_stays() -> None:
    text = "The mayor said the report shows that the chief said nothing about the fire."
    said = [a for a in attributions(text) if a[1] == "said" and a[0] == "The mayor"]
    content = "the report shows that the chief said nothing about the fire"
    assert said == [("The mayor", "said", content)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The governor says he spoke to the senator and asked him to condemn the attack.",
            "he spoke to the senator and asked him to condemn the attack",
        ),
        (
            "The governor says he would sit the minister down and tell him to stop.",
            "he would sit the minister down and tell him to stop",
        ),
    ],
)
def test_a_coordinated_cue_in_another_form_than_the_cue_is_content(text: str, content: str) -> None:
    assert ("The governor", "says", content) in attributions(text)


def test_a_coordinated_cue_in_the_cues_form_is_the_sources_next_statement() -> None:
    text = "The governor said he never used the term and added that the report was wrong."
    assert ("The governor", "said", "he never used the term") in attributions(text)


def test_a_cue_coordinated_in_a_relative_clause_speaks_for_its_noun() -> None:
    text = (
        "The senator, who endorsed the mayor in May and said he would campaign with him, "
        "did not attend the rally."
    )
    assert ("The senator", "said", "he would campaign with him") in attributions(text)


def test_the_writer_stating_in_the_first_person_is_a_source() -> None:
    text = "I told the committee that the budget was balanced."
    assert attributions(text) == [("I", "told", "the budget was balanced")]


@pytest.mark.parametrize(
    "text",
    [
        '"I told him that the plan would fail," the mayor said.',
        "I think the budget is balanced.",
    ],
)
def test_first_person_inside_a_quotation_or_believing_is_no_source(text: str) -> None:
    assert not [a for a in attributions(text) if a[0] == "I"]
