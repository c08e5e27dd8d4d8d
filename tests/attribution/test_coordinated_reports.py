"""A reported content ends before a coordinated "and X said …" of another source's closing it;
"and that …" and a pledge ("and the delegates pledged to …") stay in it."""

from __future__ import annotations

import pytest

from tests.attribution.found import cue_contents


def test_a_second_report_coordinated_after_the_content_is_left_out() -> None:
    text = (
        "About 40 percent said the mayor is honest and trustworthy, and three-quarters said the "
        "same of the governor."
    )
    assert cue_contents(text) == [
        ("said", "the mayor is honest and trustworthy"),
        ("said", "the same of the governor"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor said he would present a plan to the council and that he thinks it would "
            "pass.",
            "he would present a plan to the council and that he thinks it would pass",
        ),
        (
            "The mayor said the council approved the plan, and the two delegates pledged to "
            "support it.",
            "the council approved the plan, and the two delegates pledged to support it",
        ),
    ],
)
def test_more_of_the_same_content_stays(text: str, content: str) -> None:
    assert content in [c for _, c in cue_contents(text)]
