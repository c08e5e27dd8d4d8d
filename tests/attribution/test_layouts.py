"""The attribution layouts of the issue, one small text each (real parse, real pipeline)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def run(text: str):
    findings = find_attributions(parse(text))
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert text[f.cue.start : f.cue.end] == f.cue.text
        assert text[f.speaker.start : f.speaker.end] == f.speaker.text
        for c in f.content:
            assert f.start <= c.start < c.end <= f.end
    return findings


def contents(text: str, finding) -> list[str]:
    return [text[c.start : c.end] for c in finding.content]


def test_split_quote_is_one_finding_with_two_pieces():
    text = 'Maria Lopez runs the shelter. "We are full," she said. "We turn people away."'
    (f,) = run(text)
    assert f.type == "direct_quote"
    assert contents(text, f) == ["We are full,", "We turn people away."]
    assert f.speaker.text == "she" and f.speaker.name == "Maria Lopez"
    assert f.text == '"We are full," she said. "We turn people away."'


def test_inverted_cue_with_role_resolves_by_apposition():
    text = (
        "The plan was approved, said Jane Roe, the mayor.\n\n"
        "Costs will fall next year, the mayor said."
    )
    first, second = run(text)
    assert first.speaker.name == "Jane Roe" and first.speaker.role == "mayor"
    assert second.speaker.text == "the mayor" and second.speaker.name == "Jane Roe"
    assert contents(text, second) == ["Costs will fall next year"]


def test_cataphoric_role_resolves_to_later_name():
    text = (
        "The talks will resume on Monday, said his spokesman.\n\n"
        "Nothing is settled yet, said Tom Hale, the spokesman."
    )
    first, _ = run(text)
    assert first.speaker.text == "his spokesman" and first.speaker.name == "Tom Hale"


def test_according_to_anonymous_source():
    text = "The convoy left at dawn, according to a senior official."
    (f,) = run(text)
    assert f.type == "according_to" and f.cue.text == "according to"
    assert f.speaker.anonymous and f.speaker.name is None
    assert contents(text, f) == ["The convoy left at dawn"]


def test_officials_said_is_anonymous_and_named_source_is_not():
    text = "Officials said the road was closed. Mayor Ann Bell said it would reopen."
    first, second = run(text)
    assert first.speaker.anonymous
    assert not second.speaker.anonymous and second.speaker.name == "Ann Bell"
    assert second.confidence > first.confidence


def test_organisation_speaker_resolves_to_its_name():
    text = (
        "Russia's Foreign Ministry criticised the move on Monday. "
        "The ministry said the sanctions were illegal."
    )
    # The first sentence is a statement summed up ("criticised the move"), the second the one
    # whose source must resolve to the ministry named before.
    summed, f = run(text)
    assert summed.type == "summary" and summed.speaker.name == "Foreign Ministry"
    assert f.speaker.text == "The ministry" and f.speaker.name == "Foreign Ministry"
    assert not f.speaker.anonymous


def test_a_bodys_spokesman_is_named_a_person_familiar_is_anonymous():
    # One reading of anonymity (worker.pipeline.sources): "the Kremlin's spokesman" is an
    # office the reader can identify, as find_claims has always reported it.
    first, second = run(
        "The Kremlin's spokesman told reporters that no decision had been taken. "
        "A person familiar with the matter said the deal could collapse."
    )
    assert not first.speaker.anonymous and first.speaker.name is None
    assert second.speaker.text == "A person familiar with the matter"
    assert second.speaker.anonymous


def test_title_before_name_is_the_role_and_surname_resolves():
    first, second = run(
        "Kremlin spokesman Dmitry Peskov said the talks would continue. "
        "Peskov added that Moscow was ready."
    )
    assert first.speaker.name == second.speaker.name == "Dmitry Peskov"
    assert first.speaker.role == second.speaker.role == "Kremlin spokesman"
    assert second.cue.text == "added"


def test_mixed_quote_inside_reported_speech():
    text = 'The senator said the bill would "change everything" for farmers.'
    (f,) = run(text)
    assert f.type == "mixed"
    assert contents(text, f) == ['the bill would "change everything" for farmers']


def test_passive_with_agent():
    text = "It was announced by the ministry that the border would reopen."
    (f,) = run(text)
    assert f.cue.text == "announced" and f.speaker.text == "the ministry"
    assert contents(text, f) == ["the border would reopen"]


def test_colon_layout_and_dash_layout():
    # A colon ending the clause before a quote is its cue (PARC's convention; issue 13).
    text = 'The coach was blunt: "We lost."\n\n"Hope is not a strategy." \u2014 Rick Page'
    findings = run(text)
    assert [f.cue.text for f in findings] == [":", "\u2014"]
    colon, dash = findings
    assert colon.speaker.text == "The coach" and contents(text, colon) == ["We lost."]
    assert dash.speaker.text == "Rick Page" and contents(text, dash) == ["Hope is not a strategy."]


def test_from_layout():
    text = 'From the White House: "We welcome the decision."'
    (f,) = run(text)
    assert f.cue.text == "From" and f.speaker.text == "the White House"


def test_from_layout_with_the_quote_in_the_next_paragraph():
    text = 'The ministry replied within hours.\n\nFrom the ministry:\n\n"We reject the report."'
    (f,) = run(text)
    assert f.cue.text == "From" and f.speaker.text == "the ministry"
    assert contents(text, f) == ["We reject the report."]


def test_nested_attribution_inside_a_quote_is_a_separate_finding():
    text = (
        "Press secretary Jo Lane spoke after the hearing. "
        '"Ambassador Kurt Volker confirmed under oath that there was no deal," she said.'
    )
    nested, outer = run(text)
    assert outer.speaker.name == "Jo Lane" and outer.cue.text == "said"
    assert nested.speaker.name == "Kurt Volker" and nested.cue.text == "confirmed"
    assert nested.type == "indirect" and contents(text, nested) == ["there was no deal"]
    assert nested.confidence < outer.confidence


def test_reporting_verb_inside_a_quote_is_part_of_the_quote():
    text = '"I think we will win," said Coach Dan Ortiz.'
    (f,) = run(text)
    assert f.cue.text == "said" and f.speaker.name == "Dan Ortiz"


def test_negated_and_declined_cues_are_not_attributions():
    assert run("He did not say whether the plant would close.") == []
    # Nothing was said: the refusal is the attribution (a summary on "declined"), never a
    # statement on "say".
    (refusal,) = run("She declined to say when the deal would be signed.")
    assert (refusal.type, refusal.cue.text) == ("summary", "declined")


def test_a_string_instead_of_a_doc_is_a_type_error():
    with pytest.raises(TypeError, match="spaCy Doc"):
        find_attributions("He said so.")


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"""',
        "\u201c\u201c\u201c a \u201d\u201d b \u2019\u2019 said",
        '"Unclosed, he said.\n\n"Another," she said.',
        "said said said",
        "according to",
        "\n\n\n",
    ],
)
def test_broken_input_never_raises(text):
    run(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "\u201c",
                "\u201d",
                "he said",
                "said Ann Lee",
                ",",
                ".",
                "\n\n",
                "the plan",
                "according to officials",
                "will fail",
                "She told reporters that",
            ]
        ),
        max_size=25,
    )
)
def test_fragments_in_any_order_keep_offsets_exact(parts):
    run(" ".join(parts))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "An official who spoke on condition of anonymity said the talks had failed.",
            "An official",
        ),
        ("The staff member who reported the call said he was scared.", "The staff member"),
        ("Officials that attended the meeting said it went well.", "Officials"),
    ],
)
def test_a_relative_clause_is_no_part_of_the_speaker(text, speaker):
    (f,) = run(text)
    assert f.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The minister was quoted as saying that the border would stay closed.",
            "The minister",
            "the border would stay closed",
        ),
        ("Smith was quoted by Reuters as saying the deal was dead.", "Smith", "the deal was dead"),
    ],
)
def test_quoted_as_saying_names_the_person_quoted_not_the_outlet(text, speaker, content):
    (f,) = run(text)
    assert (f.type, f.speaker.text, contents(text, f)) == ("indirect", speaker, [content])
