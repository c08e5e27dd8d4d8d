"""Known cues whose clause the finders missed (issue 13, fifth recall round): a comma-set
participle that makes a request (`…, asking Trump to share his views`), recordings and stories
as sources of what they show or note, allies and stars as speakers, a verb the parser read as a
participle on its subject (`A Quinnipiac poll found that …`), and a that-clause the parser hung on
a noun (`CBS reported that the decision … was made because …`)."""

from __future__ import annotations

from tests.attribution.found import attributions


def test_a_comma_set_participle_asks_for_the_main_subject() -> None:
    text = "The moderator turned to the senator again, asking him to explain his budget vote."
    assert attributions(text) == [("The moderator", "asking", "him to explain his budget vote")]


def test_a_participle_without_a_comma_makes_no_request() -> None:
    text = "The mayor kept asking questions about the budget."
    assert attributions(text) == []


def test_a_recording_shows_what_it_records() -> None:
    text = "Footage from the rally showed the stage covered with broken glass."
    assert attributions(text) == [
        ("Footage from the rally", "showed", "the stage covered with broken glass")
    ]


def test_a_story_notes_a_clause() -> None:
    text = "The story also noted that only two members of the board supported the plan."
    assert attributions(text) == [
        ("The story", "noted", "only two members of the board supported the plan")
    ]


def test_allies_suggest_like_aides() -> None:
    text = "Some of the governor's allies suggested that the auditors were biased."
    found = attributions(text)
    assert [(cue, content) for _, cue, content in found] == [
        ("suggested", "the auditors were biased")
    ]


def test_a_verb_read_as_a_participle_on_its_subject_still_reports() -> None:
    text = "A Quinnipiac University poll found that Clinton would beat Trump by six points."
    found = attributions(text)
    assert [(cue, content) for _, cue, content in found] == [
        ("found", "Clinton would beat Trump by six points")
    ]


def test_a_participle_on_a_noun_stays_blocked() -> None:
    text = "The figure reported by the agency was far higher than the one announced in May."
    assert attributions(text) == []


def test_a_that_clause_hung_on_a_noun_is_still_the_content() -> None:
    text = (
        "The network reported that the decision to pick the chancellor was made because she "
        "had led her country through three crises."
    )
    assert attributions(text) == [
        (
            "The network",
            "reported",
            "the decision to pick the chancellor was made because she had led her country "
            "through three crises",
        )
    ]


def test_that_as_a_demonstrative_opens_no_clause() -> None:
    text = "The mayor stated that view again when the council met."
    assert attributions(text) == []


def test_a_name_described_by_coordinated_titles_speaks() -> None:
    text = (
        "At Pine Ridge, where it costs new members $50,000 to join, Alan Brewer, the club's "
        "president and general manager, suggested that the losses of some rivals came from poor "
        "management."
    )
    assert attributions(text) == [
        ("Alan Brewer", "suggested", "the losses of some rivals came from poor management")
    ]


def test_a_predicate_cue_set_off_inside_its_clause_vouches_for_it() -> None:
    text = "Cutting the fees, she promised, was the first thing she would do."
    assert attributions(text) == [
        ("she", "promised", "Cutting the fees was the first thing she would do")
    ]


def test_a_request_cue_set_off_inside_its_clause_vouches_for_it() -> None:
    text = "The answer, the mayor told them, was a new bridge."
    found = attributions(text)
    assert [(cue, content) for _, cue, content in found] == [
        ("told", "The answer was a new bridge")
    ]


def test_a_closing_cue_parsed_as_a_coordinate_reports_the_clause_before() -> None:
    text = "The plan includes a new bridge over the river, the city's engineer told a panel Monday."
    found = attributions(text)
    assert [(cue, content) for _, cue, content in found] == [
        ("told", "The plan includes a new bridge over the river")
    ]


def test_a_coordinated_act_with_a_conjunction_is_no_closing_cue() -> None:
    text = "The mayor opened the bridge, and the engineer told reporters about the delays."
    assert attributions(text) == []


def test_a_speaker_whose_aside_the_parser_read_as_a_clause_still_speaks() -> None:
    text = (
        "Mark Dalton, a Tulsa, Okla., pastor helping to plan the march, said he and other "
        "pastors were worried about the tone of the campaign."
    )
    assert attributions(text) == [
        (
            "Mark Dalton",
            "said",
            "he and other pastors were worried about the tone of the campaign",
        )
    ]
