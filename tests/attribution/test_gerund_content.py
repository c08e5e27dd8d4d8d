"""What a verb of reporting, admitting or remembering takes as a gerund is what was said: "the
PAC reported spending $6 million", "he denied taking the money", "she recalled meeting him".
"The treasurer began taking money" (no such verb) is not read so."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Conservative outside groups reported spending $6 million on ads attacking the mayor.",
            (
                "Conservative outside groups",
                "reported",
                "spending $6 million on ads attacking the mayor",
            ),
        ),
        (
            "The treasurer denied taking money from the fund.",
            ("The treasurer", "denied", "taking money from the fund"),
        ),
    ],
)
def test_a_gerund_is_the_content(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_no_cue_no_gerund_content() -> None:
    assert found("The treasurer began taking money from the fund.") == []
