"""A count a named body keeps or puts out (issue 14, precision): "the CDC is monitoring 265
people", "the ministry counted 40 dead". By the labelling rules a named, checkable body that
itself counts or announces the figure sources it, with no verb of saying; the body's own counted
act ("police arrested six"), a country, a person or no doer at all does not. Sentences written
for the test; run as the product runs them (``find_claims``)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids
from worker.pipeline import find_claims

# (text, whether an unsourced figure is flagged)
CASES = [
    # a named organisation counts, monitors, revises or releases the figure
    ("The CDC is monitoring 148 travellers infected with the virus in Florida.", False),
    ("The state health department is tracking 148 patients infected with the virus.", False),
    ("The health ministry counted 40 dead after the storm hit the coast.", False),
    ("The police released the identities of the two people killed in the crash.", False),
    ("The national disaster agency raised the death toll from the floods to 312.", False),
    # the body's own act is the count: still unsourced
    ("Police arrested nine people on Monday during a raid on a warehouse.", True),
    ("The super PAC has spent over $3 million on radio ads in the state.", True),
    # a country that records a count is no checkable body
    ("Brazil has recorded 212,000 cases and about 9,400 deaths.", True),
    # the count has no doer, or the doer is a person or the counted people themselves
    ("At least 40 people were killed in the blast on Tuesday.", True),
    ("Farook killed 14 people at a holiday party in the city.", True),
    ("More than 200 protesters gathered outside the embassy on Sunday.", True),
]


@pytest.mark.parametrize(("text", "flagged"), CASES, ids=case_ids(CASES))
def test_counting_body(text: str, flagged: bool) -> None:
    found = [f for f in find_claims(text) if f.kind == "unverified"]
    figures = [f for f in found if f.type == "unsourced_figure"]
    assert bool(figures) == flagged, [f.to_dict() for f in found]
