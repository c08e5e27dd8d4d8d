""" "As X put it, …" is a cue before the clause it vouches for (``cues.cue_kind``); "put" is none
elsewhere, nor closing a sentence that already has its attribution."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions as found


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
