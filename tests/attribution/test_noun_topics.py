"""Statements named by a noun and summed up by their topic (``noun_topics``): "his attacks on
X", "launched an attack on X", "raised questions about X"; a noun with no speaker, a denied
statement or a physical attack is none."""

from __future__ import annotations

import pytest

from tests.attribution.found import summaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor launched a sharp attack against the governor on Friday.",
            ("The mayor", "attack against", "the governor"),
        ),
        (
            "The senator has raised questions about the company's tax returns.",
            ("The senator", "questions about", "the company's tax returns"),
        ),
        (
            "Voters cheered Ms. Alvarez's criticism of the new stadium deal.",
            ("Ms. Alvarez", "criticism of", "the new stadium deal"),
        ),
    ],
)
def test_noun_topic(text: str, expected: tuple[str, str, str]) -> None:
    (speaker, cue, content) = expected
    found = summaries(text)
    assert any(s.startswith(speaker) and c == cue and t == content for s, c, t in found), found


@pytest.mark.parametrize(
    "text",
    [
        # no speaker named
        "The criticism of the stadium deal grew louder on Monday.",
        # denied: nothing was said
        "The mayor made no mention of the stadium deal.",
        # a blow, not words
        "The attack on the nightclub by a gunman killed 49 people.",
        # a thing cannot speak
        "The shooting posed questions about how the city would respond.",
    ],
)
def test_no_noun_topic(text: str) -> None:
    assert summaries(text) == []
