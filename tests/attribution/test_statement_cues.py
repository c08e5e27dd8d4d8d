"""Statement cues beyond plain saying (issue 13): findings of polls and documents, judgements
with a predicate, requests and speech acts. Sentences written for these tests."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(cue, content, speaker mention) of each attribution in ``text``."""
    return [
        (
            f.cue.text if f.cue else "",
            " / ".join(text[c.start : c.end] for c in f.content),
            f.speaker.text if f.speaker else None,
        )
        for f in find_attributions(parse(text))
    ]


def test_a_poll_shows_a_finding():
    text = "A new survey of county voters shows that the tax measure has lost support since June."
    assert ("shows", "the tax measure has lost support since June") in [
        (c, content) for c, content, _ in found(text)
    ]


def test_records_found_a_finding():
    text = "The audit found that the district had overpaid its contractors for three years."
    assert any(
        c == "found" and content == "the district had overpaid its contractors for three years"
        for c, content, _ in found(text)
    )


def test_a_thing_that_shows_is_still_no_source():
    # "The bridge shows that…": a bridge is no document, so no attribution.
    assert found("The cracked bridge shows that the repairs came too late.") == []


def test_praise_with_a_reason_is_a_judgement():
    text = "The mayor praised the firefighters for reaching the flooded school within minutes."
    assert any(
        c == "praised" and "reaching the flooded school" in content for c, content, _ in found(text)
    )


def test_a_request_with_the_one_asked():
    text = "The governor ordered the agency to reopen the two shelters by Friday."
    assert any(
        c == "ordered" and "reopen the two shelters" in content for c, content, _ in found(text)
    )


def test_a_request_without_the_one_asked_is_none():
    # "invited to speak": no one is asked, so no request is attributed.
    assert found("The author was invited to speak at the library.") == []


def test_reminded_that():
    text = "The coach reminded parents that the field closes at dusk."
    assert any(
        c == "reminded" and content == "the field closes at dusk" for c, content, _ in found(text)
    )


def test_quote_inside_a_longer_clause_is_mixed():
    text = "The senator says “the tide has turned” despite the loss in the county vote."
    assert [(c, content) for c, content, _ in found(text)] == [
        ("says", "the tide has turned” despite the loss in the county vote")
    ]


def test_that_clause_hung_on_in_a_statement():
    text = "Maria Lopez, who runs the food bank, said in a statement that the shelves were empty."
    assert ("said", "the shelves were empty") in [(c, content) for c, content, _ in found(text)]


def test_coordinated_speech_verb_with_its_own_subject_stays_content():
    text = (
        "The director said the hall had been booked months ago but that she was told "
        "not to discuss the event."
    )
    assert any(
        c == "said" and content.endswith("not to discuss the event")
        for c, content, _ in found(text)
    )


def test_plain_text_quote_split_around_its_cue_is_one_direct_quote():
    text = "''The river rose fast,'' said Ana Ruiz, a farmer. ''We lost the barn.''"
    assert [(c, content, s) for c, content, s in found(text)] == [
        ("said", "The river rose fast, / We lost the barn.", "Ana Ruiz")
    ]


def test_a_person_by_trade_can_note_things():
    text = "A local historian noted that the mill had closed twice before."
    assert ("noted", "the mill had closed twice before") in [
        (c, content) for c, content, _ in found(text)
    ]


def test_a_gerund_after_by_takes_the_subject_of_its_verb():
    text = "The coach calmed the crowd by telling them the match would resume at noon."
    assert any(
        c == "telling" and content == "the match would resume at noon" and s == "The coach"
        for c, content, s in found(text)
    )


def test_a_colon_paragraph_introduces_the_quote_below_it():
    text = (
        "The storm hit at dawn.\n\nReporter Ann Lee says:\n\n"
        '"Well, the water is still rising. Roads were blocked off by trucks."\n\n'
        "Later the rain stopped."
    )
    assert found(text) == [
        (
            "says",
            "Well, the water is still rising. Roads were blocked off by trucks.",
            "Reporter Ann Lee",
        )
    ]


def test_a_proposal_with_an_infinitive():
    text = "The council proposed to scale back the parking fee next spring."
    assert any(
        c == "proposed" and "scale back the parking fee" in content for c, content, _ in found(text)
    )


def test_a_name_and_a_colon_heading_a_line_attribute_it():
    text = "Mayor Ortiz: The library will stay open all summer.\n\nThe council meets on Monday."
    assert found(text) == [(":", "The library will stay open all summer", "Mayor Ortiz")]


def test_a_transcript_speaker_label_attributes_the_next_words():
    text = (
        "Mayor Ana Ortiz spoke to the radio host Tom Berg on Monday.\n\n"
        "ORTIZ: We will keep the library open all summer, and longer if we can."
    )
    assert (":", "We will keep the library open all summer, and longer if we can", "ORTIZ") in (
        found(text)
    )


def test_section_labels_and_places_are_no_speakers():
    text = (
        "UPDATE: The library will stay open all summer.\n\n"
        "Ohio: Anna Berg, Carl Diaz, Eva Fox.\n\n"
        "EXCLUSIVE: The council meets on Monday.\n\n"
        "Spain (Group B): Fifth appearance.\n\n"
        "Anna Berg: Theft of a bicycle, held on $500 bond."
    )
    assert found(text) == []


def test_a_title_quoted_in_the_attribution_does_not_end_the_quote():
    text = (
        "\u201cWe will build the school,\u201d the mayor said on \u201cCity Talk\u201d on Sunday. "
        "\u201cThe money is already there.\u201d"
    )
    assert found(text) == [
        ("said", "We will build the school, / The money is already there.", "the mayor")
    ]


def test_a_speaker_the_parser_misreads_before_the_cue_is_still_the_source():
    # spaCy reads the surname "Jolly" as an adverb; the cue keeps its speaker.
    text = "Jolly said he would be cautious in restructuring the county budget."
    assert any(
        c == "said" and s == "Jolly" and content.startswith("he would be cautious")
        for c, content, s in found(text)
    )


def test_a_question_asked_is_its_content():
    text = "Then the coach asked the players if they were ready for the final."
    assert any(
        c == "asked" and content == "if they were ready for the final" and s == "the coach"
        for c, content, s in found(text)
    )


def test_a_request_names_the_one_asked_and_what_to_do():
    text = "The union asked the city to reopen the two pools before July."
    assert any(
        c == "asked" and content == "the city to reopen the two pools before July"
        for c, content, _ in found(text)
    )


def test_a_passive_question_has_no_asker_and_no_finding():
    assert found("The mayor was asked whether the pools would reopen.") == []


def test_a_poll_shows_a_finding_stated_as_an_object():
    text = "A new county poll shows the mayor leading her rival by six points."
    assert any(
        c == "shows" and content == "the mayor leading her rival by six points"
        for c, content, _ in found(text)
    )


def test_a_thing_showing_an_object_is_no_finding():
    assert found("The old bridge shows deep cracks along its eastern side.") == []
