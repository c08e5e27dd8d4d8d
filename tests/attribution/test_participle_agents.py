"""A bare participle of speech names its source in its "by" phrase: in "As reported by the
Courier, inspectors found …" the Courier reports what the inspectors found; the subject of the
clause the participle hangs on is no source of it."""

from __future__ import annotations

from tests.attribution.found import attributions as found


def test_as_reported_by_names_the_source() -> None:
    text = "As reported by the Courier, inspectors found over 2,200 faults in the bridge."
    assert found(text) == [
        ("the Courier", "reported", "inspectors found over 2,200 faults in the bridge")
    ]


def test_a_tensed_passive_keeps_its_agent() -> None:
    text = "It was reported by the Courier that inspectors found faults in the bridge."
    assert [(s, c) for s, c, _ in found(text)] == [("the Courier", "reported")]
