"""Bad or odd input: typed errors, no crash, offsets always exact."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worker.pipeline import find_claims
from worker.pipeline.model import Cue, Finding, Speaker
from worker.pipeline.nlp import parse
from worker.pipeline.unverified import find_unverified


def test_rejects_what_is_not_a_doc() -> None:
    with pytest.raises(TypeError):
        find_unverified("Sources said the deal was close.", [])  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "...", "“", '"unclosed quote and more'])
def test_empty_and_degenerate_texts(text: str) -> None:
    assert isinstance(find_unverified(parse(text), []), list)


def test_other_languages_are_left_alone() -> None:
    german = (
        "Die Polizei hat nach Angaben von Augenzeugen mindestens 20 Menschen festgenommen. "
        "Es ist unklar, ob weitere Festnahmen folgen werden. Nach Berichten sollen 300 Menschen "
        "demonstriert haben."
    )
    assert find_unverified(parse(german), []) == []


def test_attributions_of_another_text_are_harmless() -> None:
    """Attribution findings whose offsets fall outside this text are ignored, not a crash."""
    doc = parse("Sources said the deal was close.")
    stray = Finding(
        kind="attribution",
        type="indirect",
        start=500,
        end=600,
        text="x",
        cue=Cue("said", 520, 524),
        speaker=Speaker("officials", 505, 514, anonymous=True),
    )
    found = find_unverified(doc, [stray])
    assert [f.type for f in found] == ["anonymous_source"]


def test_one_anonymous_finding_when_attribution_also_flags_it() -> None:
    text = "The talks collapsed, a person familiar with the matter said."
    doc = parse(text)
    start = text.index("a person")
    attribution = Finding(
        kind="attribution",
        type="indirect",
        start=0,
        end=len(text),
        text=text,
        cue=Cue("said", text.index("said"), text.index("said") + 4),
        speaker=Speaker("a person familiar with the matter", start, start + 33, anonymous=True),
    )
    found = find_unverified(doc, [attribution])
    assert [f.type for f in found] == ["anonymous_source"]
    assert len(found[0].reasons) == 1


def test_paragraph_attribution_covers_its_figures() -> None:
    text = (
        "At least 22 police were killed in the clashes. The interior ministry said the figure "
        "could rise.\n\nMore than 300 people were arrested on Sunday."
    )
    found = find_unverified(parse(text), [])
    assert [(f.type, f.text) for f in found] == [
        ("unsourced_figure", "More than 300 people were arrested on Sunday.")
    ]


def test_confidence_is_a_probability_and_more_reasons_raise_it() -> None:
    # The same claim with a second reason: "unconfirmed" on top of "reports of". Findings of
    # different cues are not compared: the learned scorer gives each cue its own base rate.
    one = find_unverified(parse("There were reports of gunfire near the palace."), [])[0]
    two = find_unverified(parse("There were unconfirmed reports of gunfire near the palace."), [])[
        0
    ]
    other = find_unverified(parse("The rebels reportedly seized the airport."), [])[0]
    for finding in (one, two, other):
        assert 0.0 < finding.confidence < 1.0
    assert len(two.reasons) > len(one.reasons) and two.confidence > one.confidence


_words = st.sampled_from(
    [
        "said",
        "sources",
        "officials",
        "reportedly",
        "allegedly",
        "may",
        "have",
        "been",
        "killed",
        "22",
        "at",
        "least",
        "people",
        "critics",
        "argue",
        "it",
        "is",
        "unclear",
        "whether",
        "according",
        "to",
        "“",
        "”",
        '"',
        ",",
        ".",
        "\n\n",
        "police",
        "arrested",
        "300",
        "the",
        "a",
        "could",
        "not",
        "confirm",
        "some",
        "say",
        "believed",
        "to",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_words, min_size=1, max_size=60).map(" ".join))
def test_random_cue_soup_never_crashes_and_offsets_hold(text: str) -> None:
    for f in find_claims(text):
        assert text[f.start : f.end] == f.text
        for r in f.reasons:
            assert text[r.cue.start : r.cue.end] == r.cue.text


def test_an_unclosed_quote_stops_at_its_paragraph() -> None:
    """News convention: a quote running into the next paragraph reopens there. A stray mark
    must not make the rest of the article "quoted" and hide its claims."""
    text = (
        '"We see these developments as hopeful, he said.\n\n'
        '"The talks will go on," he added. Sources said 30 people were killed.'
    )
    found = find_unverified(parse(text), [])
    assert [f.type for f in found] == ["anonymous_source"]
    assert found[0].text == "Sources said 30 people were killed."
