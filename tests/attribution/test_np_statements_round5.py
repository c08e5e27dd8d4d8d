"""Statements with a noun-phrase content, fifth round (branch att-np5): a charge made with a
bare object ("accused X of Y" parsed with "of" on the object, "the lawsuit alleges fraud"), a
statement made in a gerund after "after"/"before"/"since"/"in" ("after announcing his run,
the senator …"), and a passive with its speaker in a "by" phrase ("the plan was criticized by
the union"). Negatives: a gerund after "without" or "instead of" (not said), a passive with
nobody named, a gerund with a subject of its own."""

from __future__ import annotations

import pytest

from tests.attribution.found import summaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The lawsuit alleges negligence by the county over the flooded basement.",
            ("The lawsuit", "alleges", "negligence by the county over the flooded basement"),
        ),
        (
            "In the email, Ortega accused Miller and his allies of trying to block the vote.",
            ("Ortega", "accused", "Miller and his allies of trying to block the vote"),
        ),
    ],
)
def test_a_charge_made_with_a_bare_object(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in summaries(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two weeks after announcing her candidacy for governor, Ms. Ortega hired a manager.",
            ("Ms. Ortega", "announcing", "her candidacy for governor"),
        ),
        (
            "The senator quit her paid speeches before announcing her run for president.",
            ("The senator", "announcing", "her run for president"),
        ),
        (
            "The councilwoman lagged behind her colleagues in calling for an audit of the fund.",
            ("The councilwoman", "calling for", "an audit of the fund"),
        ),
    ],
)
def test_a_statement_in_a_gerund_after_a_preposition_of_time(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summaries(text)


@pytest.mark.parametrize(
    "text",
    [
        "The coach retired without announcing his plans.",
        "The governor signed the bill instead of criticizing it in public.",
        "After the mayor announcing the closure, the council met.",
    ],
)
def test_a_gerund_not_said_is_no_summary(text: str) -> None:
    assert summaries(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The zoning plan was sharply criticized by the tenants' union.",
            ("the tenants' union", "criticized", "The zoning plan"),
        ),
        (
            "The principal has been criticized by parents for cancelling the spring trip.",
            ("parents", "criticized", "The principal for cancelling the spring trip"),
        ),
    ],
)
def test_a_passive_with_its_speaker_in_a_by_phrase(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summaries(text)


def test_a_passive_with_nobody_named_is_no_summary() -> None:
    assert summaries("The zoning plan was sharply criticized last week.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor mentioned the stadium deal three times in her speech.",
            ("The mayor", "mentioned", "the stadium deal three times"),
        ),
        (
            "The governor never mentioned his challenger by name.",
            ("The governor", "mentioned", "his challenger by name"),
        ),
        (
            "Church leaders decried a wave of hateful slogans spreading across the region.",
            ("Church leaders", "decried", "a wave of hateful slogans spreading across the region"),
        ),
    ],
)
def test_by_name_a_count_and_a_participle_belong_to_the_object(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summaries(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The farmer had nothing bad to say about the new mayor.",
            ("The farmer", "say about", "the new mayor"),
        ),
        (
            "Several speakers have had kind words to say about her campaign.",
            ("Several speakers", "say about", "her campaign"),
        ),
    ],
)
def test_words_to_say_about_a_topic(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in summaries(text)


def test_more_to_say_about_it_names_no_topic() -> None:
    assert summaries("The mayor will have more to say about it next week.") == []
