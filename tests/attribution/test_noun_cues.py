"""Statements named by a noun and documents' participles (``noun_cues``): "the senator's claim
that …", "issued a statement saying …", "emails showing that …" are attributions; a noun with
no speaker, a picture that shows a scene and a relative clause are none."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, str, str]]:
    """(type, speaker, cue, content) of each attribution finding."""
    return [
        (f.type, f.speaker.text, f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor and the governor issued a statement saying the talks had failed.",
            [("indirect", "The mayor and the governor", "saying", "the talks had failed")],
        ),
        (
            "The union sent a letter urging members to vote against the contract.",
            [("indirect", "The union", "urging", "members to vote against the contract")],
        ),
        (
            "There were also emails showing that the agency knew about the leak.",
            [("indirect", "emails", "showing", "the agency knew about the leak")],
        ),
        (
            "The water board put out a statement warning that “nobody should drink from the tap.”",
            [
                (
                    "direct_quote",
                    "The water board",
                    "warning",
                    "nobody should drink from the tap.",
                )
            ],
        ),
    ],
)
def test_a_documents_participle_is_its_statement(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She repeated her warning that rents would rise.",
            [("indirect", "her", "warning", "rents would rise")],
        ),
        (
            "The dispute began with an assertion by the coach that the referee was biased.",
            [("indirect", "the coach", "assertion", "the referee was biased")],
        ),
        (
            "Voters shrugged at the treasurer's promise that taxes would not go up.",
            [("indirect", "the treasurer's", "promise", "taxes would not go up")],
        ),
        (
            "The mayor's answer was that the city cannot afford a new stadium.",
            [("indirect", "The mayor's", "answer", "the city cannot afford a new stadium")],
        ),
    ],
)
def test_a_statement_nouns_clause_is_attributed_to_its_speaker(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # No speaker named: whose claim it is the reader cannot tell.
        "The claim that the bridge was unsafe spread quickly online.",
        # A relative clause on the noun, not what was claimed.
        "Nobody heeded the warning that the agency had issued in June.",
        # A picture shows a scene; it states nothing.
        "Police released a video showing the rescue of the two hikers.",
        "A photo showing the flooded square went viral.",
        # A participle on a thing that is no document.
        "The bridge, showing signs of rust, was closed on Monday.",
    ],
)
def test_nouns_without_a_speaker_or_a_statement_are_no_attribution(text: str) -> None:
    assert found(text) == []
