"""Reported content that goes on past the cue: a second "that" clause the parser hangs on the cue
(`said X, but that Y`), and the rest of a sentence the cue clause interrupts (`A, Devine said, by
B.`). PARC's (and PolNeAR's) content runs over both; ours used to stop at the first clause."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str]]:
    """(cue, content) of each attribution finding, content pieces joined by " | "."""
    return [
        (f.cue.text, " | ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def test_a_second_that_clause_hung_on_the_cue_is_more_content() -> None:
    text = (
        "The Ohio governor said the state needs to secure its border and create a guest-worker "
        "program, but that he would not support mass deportation."
    )
    assert found(text) == [
        (
            "said",
            "the state needs to secure its border and create a guest-worker program, but that "
            "he would not support mass deportation",
        )
    ]


def test_the_sentence_goes_on_after_a_cue_clause_set_off_by_commas() -> None:
    text = "The argument would be aided, Devine said, by the upcoming primary calendar."
    assert found(text) == [
        ("said", "The argument would be aided | by the upcoming primary calendar")
    ]


def test_a_reason_after_the_cue_clause_is_the_speakers() -> None:
    text = (
        "He is leaning toward Kasich, he said, because he prizes electability and reclaiming "
        "the White House in November."
    )
    assert found(text) == [
        (
            "said",
            "He is leaning toward Kasich | because he prizes electability and reclaiming the "
            "White House in November",
        )
    ]


def test_a_participle_after_the_cue_clause_stays_out() -> None:
    # ", adding that …", ", citing …": the cue's own clause, or another attribution.
    text = "The plan will fail, the senator said, citing the cost of the new bridge."
    contents = [content for cue, content in found(text) if cue == "said"]
    assert contents == ["The plan will fail"]


def test_another_cue_with_its_subject_after_the_cue_clause_stays_out() -> None:
    text = (
        "Outright victory is vital, he said after meeting with the aides, because he said party "
        "leaders appear determined to block his path."
    )
    contents = [content for cue, content in found(text) if cue == "said"]
    assert "Outright victory is vital" in contents
    assert not any("because" in c for c in contents)


def test_words_after_an_inverted_speaker_stay_out() -> None:
    # "said Ms. Gil, with games …" goes on about the program, not with the content.
    text = (
        "The program is hardly formal, said Ms. Gil, with games of capture the flag and hikes "
        "through the park."
    )
    contents = [content for cue, content in found(text) if cue == "said"]
    assert contents == ["The program is hardly formal"]


def test_a_fronted_phrase_the_parser_gave_the_cue_is_content() -> None:
    text = (
        "After the court approved the state's voter law six years ago, Hebert said, most state "
        "laws requiring a photo ID were thought to be safe from challenge."
    )
    assert found(text) == [
        (
            "said",
            "After the court approved the state's voter law six years ago | most state laws "
            "requiring a photo ID were thought to be safe from challenge",
        )
    ]


def test_both_halves_of_a_sentence_the_cue_interrupts_are_content() -> None:
    text = (
        "There is a risk, some Democrats said, that the senator would push the party to embrace "
        "positions that could later hurt its candidates."
    )
    assert found(text) == [
        (
            "said",
            "There is a risk | the senator would push the party to embrace positions that could "
            "later hurt its candidates",
        )
    ]
