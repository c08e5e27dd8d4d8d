"""What a poll's respondents "said" inside the poll's finding is the poll's answer, not a report
of their own; a named person inside the finding, or another poll, stays a finding."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions


@pytest.mark.parametrize(
    "text",
    [
        "According to a new survey by the university, 51 percent of respondents said they "
        "would vote for the mayor.",
        "In a poll released Sunday, most Democrats said they were satisfied with the governor.",
        "Nearly three in four say they would buy local produce if it were cheaper, according to "
        "the survey.",
    ],
)
def test_respondents_inside_a_polls_finding_are_no_finding_of_their_own(text: str) -> None:
    assert [cue for _, cue, _ in attributions(text)] in (["According to"], ["In"], ["according to"])


@pytest.mark.parametrize(
    ("text", "nested"),
    [
        ("According to the poll, Mayor Jane Smith said the bridge was safe.", "said"),
        ("According to the report, the city engineer said the bridge was safe.", "said"),
    ],
)
def test_a_named_speaker_or_a_report_that_is_no_poll_stays_a_finding(
    text: str, nested: str
) -> None:
    assert nested in [cue for _, cue, _ in attributions(text)]
