"""A nested attribution whose source nobody can be asked ("people who say …", "no resident would
ever say …", "those who thought …") is the outer speaker's figure of speech, not a finding of its
own; a nested attribution with a source a reader can check stays one."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def _cues(text: str) -> list[tuple[str, str]]:
    return [(f.cue.text, f.speaker.text) for f in find_attributions(parse(text))]


@pytest.mark.parametrize(
    "text",
    [
        '"I am tired of people who say they are moderates and then vote with the party every '
        'time," the senator said.',
        "The mayor said no resident would ever say the bridge was safe.",
        "The governor said those who thought the plant would close were wrong.",
    ],
)
def test_a_generic_source_inside_another_attribution_is_no_finding(text: str) -> None:
    [(cue, _speaker)] = _cues(text)
    assert cue == "said"


@pytest.mark.parametrize(
    ("text", "nested"),
    [
        ("The mayor said the city engineer told her the bridge was safe.", "told"),
        (
            '"Ambassador Kurt Volker confirmed under oath that there was no deal," she said.',
            "confirmed",
        ),
    ],
)
def test_a_checkable_source_inside_another_attribution_stays_a_finding(
    text: str, nested: str
) -> None:
    assert nested in {cue for cue, _ in _cues(text)}
