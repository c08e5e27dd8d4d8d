"""What "say" takes as an object when it is a statement: a clause the parser read as the
object or as a gerund of the cue's (`said legalizing it could put thousands to work`, `said
families of people killed by police file lawsuits`) and poll respondents who "said the same of"
someone. An object that names no statement (`said different things`) stays out."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str]]:
    """(cue, content) of each attribution finding."""
    return [
        (f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def test_a_clause_with_a_gerund_subject_is_the_content() -> None:
    text = (
        "He said legalizing it could put thousands of people to work in upstate New York where "
        "there are large shale reserves."
    )
    assert found(text) == [
        (
            "said",
            "legalizing it could put thousands of people to work in upstate New York where there "
            "are large shale reserves",
        )
    ]


def test_the_same_of_someone_is_what_respondents_said() -> None:
    text = (
        "Sixty percent of voters had a favorable view of Clinton, and 43 percent said the same "
        "of Sanders."
    )
    assert ("said", "the same of Sanders") in found(text)


def test_an_object_naming_no_statement_stays_out() -> None:
    text = "The two candidates said different things on the campaign trail."
    assert found(text) == []


def test_a_one_word_answer_is_what_was_said() -> None:
    text = (
        "Asked whether the plan was legal, 46 percent of voters said yes.\n\n"
        "Asked if he would run again, the mayor said no.\n\n"
        "Sanders voted against the bailout. He said no to the Iraq war."
    )
    got = found(text)
    assert ("said", "yes") in got
    assert ("said", "no") in got
    assert ("said", "no to the Iraq war") in got


def test_the_same_thing_is_what_was_said() -> None:
    text = "He and his lawyer had basically said the same thing."
    assert ("said", "the same thing") in found(text)
