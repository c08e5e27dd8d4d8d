"""Statement cues added after measuring their new findings on the PolNeAR development part
(``lexicon``'s att-cues block): verbs of speech that take a clause ("floated the idea that",
"swore that", "outlined how") and statement nouns with a named speaker ("her criticism that").
Verbs and nouns whose bare object sums up what was said ("congratulated the winner", "opened up
about", "his reference to") are summaries. The same words in their other senses ("floated its
shares", "the store opened about an hour late") stay no attribution."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, str, str]]:
    """(type, speaker, cue, content) of each attribution finding."""
    return [
        (f.type, f.speaker.text, f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "The senator floated the idea that the tax could be cut next year.",
            "The senator",
            "floated",
            "the tax could be cut next year",
        ),
        (
            "The governor outlined how the state would pay for the new bridge.",
            "The governor",
            "outlined",
            "how the state would pay for the new bridge",
        ),
        (
            "Ms. Lopez alluded to the fact that the budget was already short.",
            "Ms. Lopez",
            "alluded",
            "the budget was already short",
        ),
        (
            "The witness swore that he had never met the defendant.",
            "The witness",
            "swore",
            "he had never met the defendant",
        ),
        (
            "The spokesman corrected reporters that the meeting had been moved to Friday.",
            "The spokesman",
            "corrected",
            "the meeting had been moved to Friday",
        ),
        (
            "The coach articulated why the team needed a new stadium.",
            "The coach",
            "articulated",
            "why the team needed a new stadium",
        ),
        (
            "The mayor dismissed claims that the water was unsafe.",
            "The mayor",
            "dismissed",
            "the water was unsafe",
        ),
        (
            "The candidate rejected the notion that his campaign was in trouble.",
            "The candidate",
            "rejected",
            "his campaign was in trouble",
        ),
        (
            "Her criticism that the plan was rushed drew a sharp reply.",
            "Her",
            "criticism",
            "the plan was rushed",
        ),
        (
            "The doctor's advice that patients stay home went unheeded.",
            "The doctor's",
            "advice",
            "patients stay home",
        ),
    ],
)
def test_a_measured_cue_attributes_its_clause(
    text: str, speaker: str, cue: str, content: str
) -> None:
    assert found(text) == [("indirect", speaker, cue, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "The governor congratulated the new mayor on her victory.",
            "The governor",
            "congratulated",
            "the new mayor",
        ),
        (
            "The actress opened up about her struggles with anxiety.",
            "The actress",
            "opened",
            "her struggles with anxiety",
        ),
        (
            "The campaign rebutted the charges in a long memo.",
            "The campaign",
            "rebutted",
            "the charges",
        ),
        (
            "The senator's reference to the budget report drew laughs.",
            "The senator's",
            "reference to",
            "the budget report",
        ),
    ],
)
def test_a_measured_cue_sums_up_its_object(text: str, speaker: str, cue: str, content: str) -> None:
    assert found(text) == [("summary", speaker, cue, content)]


@pytest.mark.parametrize(
    "text",
    [
        "The store opened about an hour late.",
        "The company floated its shares on the exchange in May.",
        "The boat floated down the river after the storm.",
        "The engineers corrected the error before the launch.",
    ],
)
def test_the_same_words_in_other_senses_attribute_nothing(text: str) -> None:
    assert found(text) == []
