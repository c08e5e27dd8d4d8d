"""Documents that report as subjects of finding verbs (``lexicon.FINDING_SOURCES``, att-rec
block): an inquiry, an ad, a missive, a disclosure. A person who "found" something is no
finding."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The inquiry found that the clerk's office rarely searched its own email.",
            [("The inquiry", "found", "the clerk's office rarely searched its own email")],
        ),
        (
            "Her financial disclosure suggests she gave the fees to charity.",
            [("Her financial disclosure", "suggests", "she gave the fees to charity")],
        ),
        (
            "The ad concludes that the senator is too reckless to lead.",
            [("The ad", "concludes", "the senator is too reckless to lead")],
        ),
    ],
)
def test_a_document_reports_a_finding(text: str, expected: list) -> None:
    assert found(text) == expected


def test_a_person_finding_something_is_no_finding() -> None:
    assert found("Soon the family found the town welcoming.") == []
