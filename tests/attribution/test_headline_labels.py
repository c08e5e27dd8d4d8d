"""Headline labels the parse hides (issue 13): a one-word name the parser tags as a noun or an
adjective (`Sanders: …`, `Issa: …`) is a speaker when the article names that word a person, and
`Clinton to Planned Parenthood: …` gives the words to the name before "to"."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def labelled(text: str) -> list[tuple[str, str]]:
    """(speaker, content) of each finding whose cue is a colon."""
    return [
        (f.speaker.text, text[f.content[0].start : f.content[-1].end])
        for f in find_attributions(parse(text))
        if f.cue.text == ":"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Issa: Hillary Clinton’s ‘Honesty Is In Question.’\n\n"
            "Sunday on Fox News, Rep. Darrell Issa spoke about the emails.",
            ("Issa", "Hillary Clinton’s ‘Honesty Is In Question"),
        ),
        (
            "Sanders: Brexit’s message could draw Trump support in US.\n\n"
            "The same fervor was seen in the primaries, Senator Bernie Sanders said on Sunday.",
            ("Sanders", "Brexit’s message could draw Trump support in US"),
        ),
        (
            "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\n"
            "WASHINGTON, June 10 (UPI) — Presumptive nominee Hillary Clinton spoke on Friday.",
            ("Clinton", "Trump will reverse Roe v. Wade"),
        ),
    ],
)
def test_headline_label(text: str, expected: tuple[str, str]) -> None:
    speaker, content = expected
    assert any(s == speaker and c.startswith(content) for s, c in labelled(text)), labelled(text)


def test_a_word_never_named_is_no_label() -> None:
    # "Breaking" names no one in the article: a section word, not a speaker.
    text = "Breaking: The council voted to close the library.\n\nThe vote was 5 to 2 on Monday."
    assert labelled(text) == []
