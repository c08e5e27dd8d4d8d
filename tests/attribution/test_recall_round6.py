"""Issue 13, branch attr-recall: a quotation sentence going on with the reported speech before
it, a subject set off before a parenthetical cue, a set-off cue parsed as the root, a poll
share's content ending before another share, a bare "said the same", a summary's "in support
of" side, and a document opening the sentence whose "show" the parser read as a noun.
Sentences of our own."""

from __future__ import annotations

from tests.attribution.found import attributions, summaries


def test_a_quotation_sentence_goes_on_with_the_reported_speech_before_it() -> None:
    text = (
        "She says people should be able to choose the school they prefer. "
        '"It is their life; they are not hurting anyone."'
    )
    assert attributions(text) == [
        (
            "She",
            "says",
            "people should be able to choose the school they prefer "
            "It is their life; they are not hurting anyone.",
        )
    ]


def test_a_quotation_after_a_question_is_not_the_askers() -> None:
    text = (
        'The reporter asked how much money he was getting from the campaign. "I make my own money."'
    )
    found = attributions(text)
    assert all("I make my own money" not in content for _, _, content in found)


def test_a_quotation_in_the_next_paragraph_does_not_go_on() -> None:
    text = (
        "She says people should be able to choose the school they prefer.\n\n"
        '"It is their life; they are not hurting anyone."'
    )
    assert attributions(text) == [
        ("She", "says", "people should be able to choose the school they prefer")
    ]


def test_a_quotation_the_writer_goes_on_after_is_no_sequel() -> None:
    text = 'She said the plan was sound. "Fair play" is what the voters want.'
    assert attributions(text) == [("She", "said", "the plan was sound")]


def test_a_subject_set_off_before_a_parenthetical_cue_is_the_clauses() -> None:
    text = "Parents, Warren suggested, don’t have to worry that the schools will close."
    assert attributions(text) == [
        ("Warren", "suggested", "don’t have to worry that the schools will close")
    ]


def test_a_set_off_cue_parsed_as_the_root_reports_both_sides() -> None:
    text = (
        "This sort of opining, CNN claimed, violates its code of practice, "
        "and so the host was suspended."
    )
    assert attributions(text) == [
        (
            "CNN",
            "claimed",
            "This sort of opining violates its code of practice",
        )
    ]


def test_a_poll_shares_answer_ends_before_another_share() -> None:
    text = "About half of voters say they prefer an outsider, while about 4 in 10 want experience."
    assert attributions(text) == [("half of voters", "say", "they prefer an outsider")]


def test_a_named_speakers_contrast_stays_in_the_content() -> None:
    text = "The mayor said the plan would cut costs, while 40 percent of it would go to roads."
    assert attributions(text) == [
        ("The mayor", "said", "the plan would cut costs, while 40 percent of it would go to roads")
    ]


def test_a_bare_said_the_same_stands_for_a_statement() -> None:
    assert attributions("Last month, 26 percent said the same.") == [
        ("26 percent", "said", "the same")
    ]


def test_a_summary_keeps_its_side_in_support_of() -> None:
    text = "She expressed her stance in support of the workers who have moved to the city."
    assert summaries(text) == [
        ("She", "expressed", "her stance in support of the workers who have moved to the city")
    ]


def test_a_summary_leaves_a_time_in_phrase_out() -> None:
    assert summaries("The mayor announced the plan in March.") == [
        ("The mayor", "announced", "the plan")
    ]


def test_a_document_opening_the_sentence_with_show_misread_as_a_noun() -> None:
    text = (
        "State records from the 2010 election cycle show he backed both Sen. Jane Dole and "
        "Mayor Tom Smith."
    )
    assert attributions(text) == [
        (
            "State records from the 2010 election cycle",
            "show",
            "he backed both Sen. Jane Dole and Mayor Tom Smith",
        )
    ]


def test_shows_as_a_plain_noun_reports_nothing() -> None:
    assert attributions("Her television shows earned millions last year.") == []
