"""How much one attribution holds: a nested attribution that repeats its outer one ("a survey
showed that 60 percent of parents said X") is one finding, the survey's; a nested statement with
content of its own and "X said Y, according to Z" stay two; a poll's finding runs over all the
objects of its verb."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str]]:
    """(cue, content) of each attribution finding."""
    return [
        (f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def test_a_nested_statement_repeating_most_of_its_outer_content_is_one_finding() -> None:
    text = (
        "A county survey released Tuesday showed that 60 percent of parents said the school "
        "buses were often late."
    )
    assert found(text) == [
        ("showed", "60 percent of parents said the school buses were often late")
    ]


def test_a_nested_statement_with_content_of_its_own_stays() -> None:
    text = (
        "The treasurer said on Monday that the levy would pass easily this year and that the "
        "mayor told her the budget was balanced."
    )
    cues = [cue for cue, _ in found(text)]
    assert cues == ["said", "told"]


def test_according_to_keeps_the_statement_it_reports() -> None:
    text = "The mayor said the shelter would get more money, according to the budget office."
    assert [cue for cue, _ in found(text)] == ["said", "according to"]


def test_a_poll_finding_runs_over_all_the_verbs_objects() -> None:
    text = (
        "A state poll last week showed the mayor leading the challenger comfortably, 52 percent "
        "to 31 percent, among likely voters."
    )
    assert found(text) == [
        (
            "showed",
            "the mayor leading the challenger comfortably, 52 percent to 31 percent, among "
            "likely voters",
        )
    ]
