"""Figures of the third recall pass (issue 14), on sentences written for the test: a sum that
measures a comparative, and a count of people after a preposition's gerund, with the guards
that keep forecasts and wishes unflagged. Run as the product runs them (``find_claims``)."""

from __future__ import annotations

import pytest

from worker.pipeline import find_claims

# (sentence, type or "none", the reason code that must explain it)
CASES = [
    # money: the sum measures the comparative the spending verb takes
    (
        "The union spent roughly $3 million more than the chamber on radio ads.",
        "unsourced_figure",
        "money",
    ),
    ("The new stadium will cost $3 million more than the old one.", "none", None),
    # population: a gerund after a preposition tells a fact
    (
        "The mayor won praise for taking in about 20,000 refugees last winter.",
        "unsourced_figure",
        "population",
    ),
    # ... a participle of wish or plan is no count
    ("He keeps vowing to bring back millions of jobs.", "none", None),
    ("Hoping to register 50,000 voters, the group opened ten offices.", "none", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=[c[0][:48] for c in CASES])
def test_rule(sentence: str, expected: str, code: str | None) -> None:
    found = [f for f in find_claims(sentence) if f.kind == "unverified"]
    assert [f.type for f in found] == ([] if expected == "none" else [expected]), [
        f.to_dict() for f in found
    ]
    if code is not None:
        assert code in {r.code for r in found[0].reasons}
        (reason,) = [r for r in found[0].reasons if r.code == code]
        assert reason.cue.text in reason.explanation and "no source" in reason.explanation
