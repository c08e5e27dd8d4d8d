"""Words one cue introduces and another cue claims too. A quotation read as one across another
cue (`"A," she said. He added: "B."`): the later piece is the later cue's content only, not also
the first cue's (two highlights over B, and B is not what "said" introduced). Two cues taking
the same words, neither inside the other's: the words are the first cue's."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.attribution.own_cues import drop_second_claims
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.nlp import parse


def _found(text: str) -> list[tuple[str, list[str]]]:
    return [
        (f.cue.text, [text[c.start : c.end] for c in f.content])
        for f in find_attributions(parse(text))
    ]


@pytest.mark.parametrize(
    ("text", "first", "later_cue", "later"),
    [
        (
            '"It was never about the money," Hale said on Tuesday. He added: "The town '
            'deserves better than this."',
            "It was never about the money,",
            "added",
            "The town deserves better than this.",
        ),
        (
            "''I hope so,'' Mrs. Ortiz said. Then she added warily: ''There is always "
            "something that can come at you.''",
            "I hope so,",
            "added",
            "There is always something that can come at you.",
        ),
        (
            "\u201cThe budget is balanced,\u201d the mayor said, adding: \u201cWe cut nothing "
            "that matters to families.\u201d",
            "The budget is balanced,",
            "adding",
            "We cut nothing that matters to families.",
        ),
    ],
)
def test_a_piece_another_cue_introduces_is_that_cues_alone(
    text: str, first: str, later_cue: str, later: str
) -> None:
    found = dict(_found(text))
    assert found["said"] == [first]
    assert found[later_cue] == [later]


def test_a_quote_resuming_without_a_cue_of_its_own_stays_whole() -> None:
    text = (
        "\u201cWe will win this state,\u201d the senator said. \u201cNobody should doubt it.\u201d"
    )
    [(cue, content)] = _found(text)
    assert cue == "said"
    assert content == ["We will win this state,", "Nobody should doubt it."]


def _rel(kind: str, cue: tuple[int, int], content: list[tuple[int, int]]) -> Relation:
    return Relation(kind, cue, "speech", None, content)


def test_the_same_words_under_a_second_cue_are_the_first_cues() -> None:
    # `"Quiet," he demanded, as Ross continued to interject.`: both cues take "Quiet".
    first = _rel("direct_quote", (9, 17), [(1, 6)])
    second = _rel("direct_quote", (29, 38), [(1, 6)])
    assert drop_second_claims([second, first]) == [first]


def test_according_to_and_nested_attributions_keep_their_own_findings() -> None:
    said = _rel("indirect", (40, 44), [(0, 38)])
    according = _rel("according_to", (46, 58), [(0, 38)])
    assert drop_second_claims([said, according]) == [said, according]
    # "The mayor said the engineer told her the bridge was safe": "told" lies in said's words.
    outer = _rel("indirect", (10, 14), [(15, 60)])
    inner = _rel("indirect", (29, 33), [(15, 60)])
    assert drop_second_claims([outer, inner]) == [outer, inner]
