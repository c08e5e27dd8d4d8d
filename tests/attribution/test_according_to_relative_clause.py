"""`according to X` closing a relative clause set off by commas vouches for that clause, not
for the sentence it hangs on: in "Weaver says the gap in delegates, which stood at 263 on
Tuesday, can close, according to the AP", the AP gives the 263, not Weaver's hope."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def according_to(text: str) -> list[tuple[str, str]]:
    """(speaker, content) of each ``according_to`` finding."""
    return [
        (f.speaker.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
        if f.type == "according_to"
    ]


def test_the_relative_clause_before_the_phrase_is_the_content() -> None:
    text = (
        "The mayor says his streak proves he can still close the gap in pledged delegates, "
        "which stood at 263 entering Tuesday's primary, according to the Associated Press."
    )
    assert according_to(text) == [
        ("the Associated Press", "which stood at 263 entering Tuesday's primary")
    ]


def test_a_clause_without_an_appendage_stays_whole() -> None:
    text = "The deal would cut the firm's tax rate to 17 percent, according to company leaders."
    assert according_to(text) == [
        ("company leaders", "The deal would cut the firm's tax rate to 17 percent")
    ]
