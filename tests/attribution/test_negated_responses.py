"""A negated answer or mention (``negated_responses``): "did not respond to requests for comment"
is attributed like "declined to comment"; the affirmative, a condition or a passive is not one."""

from __future__ import annotations

import pytest

from tests.attribution.found import summaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A spokeswoman for the utility did not respond to several emails.",
            [("A spokeswoman for the utility", "respond", "several emails")],
        ),
        (
            "The agency has not commented on the audit.",
            [("The agency", "commented", "the audit")],
        ),
        (
            "Delgado never mentioned the pipeline in his speech.",
            [("Delgado", "mentioned", "the pipeline")],
        ),
    ],
)
def test_a_negated_answer_is_attributed(text: str, expected: list) -> None:
    assert summaries(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "If the council does not respond to the letter, the suit goes ahead.",
        "The pipeline was never mentioned by the speakers.",
        "Sales did not respond to the price cut.",
    ],
)
def test_no_attribution_without_a_negated_speaker(text: str) -> None:
    assert summaries(text) == []
