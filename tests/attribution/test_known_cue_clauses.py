"""Known cues whose clause the finders missed (issue 13, fifth recall round): a comma-set
participle that makes a request (`…, asking him to explain his vote`), stories and cables as
sources of what they note, allies and stars as speakers, a verb the parser read as a
participle on its subject (`A Marist poll found that …`), and a that-clause the parser hung on
a noun (`NBC reported that the decision … was made because …`)."""

from __future__ import annotations

from spacy.tokens import Doc

from tests.attribution.found import attributions
from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def test_a_comma_set_participle_asks_for_the_main_subject() -> None:
    text = "The moderator turned to the senator again, asking him to explain his budget vote."
    assert attributions(text) == [("The moderator", "asking", "him to explain his budget vote")]


def test_a_participle_without_a_comma_makes_no_request() -> None:
    text = "The mayor kept asking questions about the budget."
    assert attributions(text) == []


def test_a_story_notes_a_clause() -> None:
    text = "The story also noted that only two members of the board supported the plan."
    assert attributions(text) == [
        ("The story", "noted", "only two members of the board supported the plan")
    ]


def test_an_ally_suggests_like_an_aide() -> None:
    text = "A Clinton ally suggested she would change her stance on the trade deal once in office."
    assert attributions(text) == [
        (
            "A Clinton ally",
            "suggested",
            "she would change her stance on the trade deal once in office",
        )
    ]


def test_a_verb_read_as_a_participle_on_its_subject_still_reports() -> None:
    text = "A Marist poll found last week that the senator would beat the governor by six points."
    found = attributions(text)
    assert [
        (cue, content.endswith("the senator would beat the governor by six points"))
        for _, cue, content in found
    ] == [("found", True)]


def test_a_participle_on_a_noun_stays_blocked() -> None:
    text = "The figure reported by the agency was far higher than the one announced in May."
    assert attributions(text) == []


def test_a_that_clause_hung_on_a_noun_is_still_the_content() -> None:
    text = (
        "NBC reported that the decision to tap Obama as the Person of the Year was made because "
        "Obama had led his country out of two crises during 2015."
    )
    assert attributions(text) == [
        (
            "NBC",
            "reported",
            "the decision to tap Obama as the Person of the Year was made because Obama had led "
            "his country out of two crises during 2015",
        )
    ]


def test_that_as_a_demonstrative_opens_no_clause() -> None:
    text = "The mayor stated that view again when the council met."
    assert attributions(text) == []


def test_a_name_described_by_coordinated_titles_speaks() -> None:
    text = (
        "In Sun Valley, where it costs new families $40,000 to join, Carl Rinaldi, the club's "
        "longtime owner and general manager, suggested that the problems of some of his "
        "neighbors could be attributed to bad luck."
    )
    assert attributions(text) == [
        (
            "Carl Rinaldi",
            "suggested",
            "the problems of some of his neighbors could be attributed to bad luck",
        )
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


def _cue_read_as_coordinate(text: str, cue: str, verb: str) -> Doc:
    """The parse of ``text`` as the parser sometimes gets it in a longer article: ``verb`` the
    root and the closing ``cue`` its coordinate (isolated sentences parse right)."""
    parsed = parse(text)
    c = next(t.i for t in parsed if t.text == cue)
    v = next(t.i for t in parsed if t.text == verb)
    heads = [t.head.i for t in parsed]
    deps = [t.dep_ for t in parsed]
    for t in parsed:
        if heads[t.i] == c and t.i < c and t.dep_ != "nsubj" and t.i != v:
            heads[t.i] = v
    heads[v], deps[v], heads[c], deps[c] = v, "ROOT", v, "conj"
    return Doc(
        parsed.vocab,
        words=[t.text for t in parsed],
        spaces=[bool(t.whitespace_) for t in parsed],
        heads=heads,
        deps=deps,
        pos=[t.pos_ for t in parsed],
        tags=[t.tag_ for t in parsed],
        lemmas=[t.lemma_ for t in parsed],
    )


def test_a_closing_cue_parsed_as_a_coordinate_reports_the_clause_before() -> None:
    text = "The plan includes a new bridge over the river, the city's engineer told a panel Monday."
    found = find_attributions(_cue_read_as_coordinate(text, "told", "includes"))
    assert [(f.cue.text, [text[c.start : c.end] for c in f.content]) for f in found] == [
        ("told", ["The plan includes a new bridge over the river"])
    ]


def test_a_coordinated_act_with_a_conjunction_is_no_closing_cue() -> None:
    text = "The mayor opened the bridge, and the engineer told reporters about the delays."
    assert attributions(text) == []


def test_a_speaker_whose_aside_the_parser_read_as_a_clause_still_speaks() -> None:
    text = (
        "Paul Stein, a Tampa, Fla., rabbi helping to organize the boycott, said he and other "
        "rabbis were alarmed about the rhetoric."
    )
    assert attributions(text) == [
        ("Paul Stein", "said", "he and other rabbis were alarmed about the rhetoric")
    ]


def test_a_speaker_whose_relative_clause_the_parser_misread_still_speaks() -> None:
    text = (
        "One delegate, who like others spoke on condition of anonymity to discuss the meeting, "
        "said the message was that the fight would continue."
    )
    assert attributions(text) == [
        ("One delegate", "said", "the message was that the fight would continue")
    ]


def test_an_opening_conjunction_belongs_to_the_interrupted_clause() -> None:
    text = (
        "But with each passing week, these donors acknowledge, it becomes harder to argue that "
        "the senator can win the general election."
    )
    assert attributions(text) == [
        (
            "these donors",
            "acknowledge",
            "But with each passing week it becomes harder to argue that the senator can win the "
            "general election",
        )
    ]
