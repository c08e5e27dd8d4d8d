"""A participle of speech riding on a tensed verb is a summed-up statement of that verb's
subject (``summaries._accompanying``): also when it follows "by" hung on the tensed verb, and
when it is coordinated with such a participle. A participle on a plan ("to defeat …") is not."""

from __future__ import annotations

import pytest

from tests.attribution.found import summaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The governor has moved to the left on energy issues, criticizing the new pipeline "
            "and calling for limits on drilling in the bay.",
            [
                ("The governor", "criticizing", "the new pipeline"),
                ("The governor", "calling for", "limits on drilling in the bay"),
            ],
        ),
        (
            "The senator kept a lid on her rival's appeal by touting her record on trade.",
            [("The senator", "touting", "her record on trade")],
        ),
    ],
)
def test_participles_riding_on_a_tensed_verb(text: str, expected: list) -> None:
    assert summaries(text) == expected


def test_a_participle_under_a_plan_is_no_statement() -> None:
    text = "The mayor hopes to win the vote by criticizing the new stadium."
    assert summaries(text) == []
