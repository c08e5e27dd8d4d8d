"""A request's content ends before the source's next act that the parser hangs on the
infinitive: in "urging voters to see the big picture and promising to manage the upheaval"
the request is "voters to see the big picture", and the promise is a statement of its own;
"urged them to read and to vote" keeps both infinitives. A predicate cue's coordinated gerund
that is a cue itself ("calling them rapists and vowing to …") is a statement of its own too."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str]]:
    """(cue, content) of each attribution finding."""
    return [
        (f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def test_a_coordinated_participle_is_a_statement_of_its_own() -> None:
    text = (
        "She spoke for an hour, urging voters to see the big picture and promising to manage "
        "the upheaval."
    )
    assert found(text) == [
        ("urging", "voters to see the big picture"),
        ("promising", "to manage the upheaval"),
    ]


def test_a_coordinated_tensed_verb_is_no_part_of_the_request() -> None:
    text = (
        "Two senators urged the rest of the party to coalesce around their campaigns and tried "
        "to make the case that the fight was still early."
    )
    assert found(text) == [("urged", "the rest of the party to coalesce around their campaigns")]


def test_coordinated_infinitives_stay_in_the_request() -> None:
    text = "The union urged its members to read the plan and to vote against it."
    assert found(text) == [("urged", "its members to read the plan and to vote against it")]


def test_a_coordinated_gerund_that_is_a_cue_is_attributed_on_its_own() -> None:
    text = "The tycoon drew fire for calling them rapists and vowing to make Mexico pay for a wall."
    assert found(text) == [
        ("calling", "them rapists"),
        ("vowing", "to make Mexico pay for a wall"),
    ]
