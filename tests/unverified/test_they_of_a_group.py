""" "They" that points back to the unnamed group of the sentence before keeps the view a weasel;
"they" after a named source, people telling their own state, or a view under a modal do not."""

from __future__ import annotations

from worker.pipeline import find_claims


def _types(text: str) -> list[tuple[str, str]]:
    return [(f.type, f.text) for f in find_claims(text) if f.kind == "unverified"]


def test_they_of_an_unnamed_group_is_a_weasel() -> None:
    found = _types("Critics argue the port is too small. They believe the city misled voters.")
    assert ("weasel", "They believe the city misled voters.") in found
    found = [
        f
        for f in find_claims("Many Republicans doubt the plan. They say it will raise prices.")
        if f.kind == "unverified" and f.text.startswith("They")
    ]
    assert [r.code for r in found[0].reasons] == ["they_of_a_group"]


def test_they_after_no_group_or_telling_their_own_state_is_not() -> None:
    assert _types("Mayor Ann Holt spoke on Monday. They say it will raise prices.") == []
    assert _types("Many voters were angry. They said they felt betrayed.") == []
    found = _types("Some economists expect a slowdown. They may argue that rates must fall.")
    assert all(not text.startswith("They") for _, text in found)
