"""A contrast the source draws (", while …") stays in the reported content; one that reports
another source (", while the treasurer said …") is the writer's and is left out."""

from __future__ import annotations

from tests.attribution.found import cue_contents


def test_the_sources_own_contrast_stays_in_the_content() -> None:
    text = (
        "The analyst said Spain is expecting 3 percent growth, while the region will likely "
        "see 1 percent growth."
    )
    content = (
        "Spain is expecting 3 percent growth, while the region will likely see 1 percent growth"
    )
    assert cue_contents(text) == [("said", content)]


def test_a_contrast_reporting_another_source_is_left_out() -> None:
    text = "The mayor said the budget was balanced, while the treasurer said it was not."
    assert cue_contents(text) == [("said", "the budget was balanced"), ("said", "it was not")]
