""" "As X put it, …" is a cue before the clause it vouches for (``cues.cue_kind``); "put" is none
elsewhere, nor closing a sentence that already has its attribution."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of each attribution finding."""
    return [
        (f.speaker.text, f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As the mayor put it, the city cannot wait another year.",
            [("the mayor", "put", "the city cannot wait another year")],
        ),
        (
            'Or, as the senator puts it, "We are done waiting."',
            [("the senator", "puts", "We are done waiting.")],
        ),
        ("She put it on the table and left.", []),
    ],
)
def test_as_put_it(text: str, expected: list) -> None:
    assert found(text) == expected
