"""A line break ends a speaker's mention (``speakers.mention_tokens``): pasted text whose lines are
single-newline paragraphs runs a headline into the name below it in the parse, and the
attribution used to be lost for a source reaching over its cue's paragraph."""

from __future__ import annotations

from tests.attribution.found import attributions as found


def test_a_name_under_a_headline_line_is_the_source() -> None:
    text = (
        "The debate kicked off at 9 p.m.\n"
        "Live Updates From The Debate\n"
        "Mayor Says She Would Close The Port Over Flu Fears\n"
        "Maria Lopez said she would close the port over fears of the flu.\n"
        "She also said the budget was sound."
    )
    assert ("Maria Lopez", "said", "she would close the port over fears of the flu") in found(text)
