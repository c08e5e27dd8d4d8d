"""Linking quotations to their attribution in the layouts PolNeAR's development part showed we
missed: plain-text double marks ('' for both), a split quote going on with "and", and a
quotation that opens in the middle of the writer's sentence (real parse, real pipeline)."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def run(text: str):
    findings = find_attributions(parse(text))
    for f in findings:
        assert text[f.start : f.end] == f.text
        for c in f.content:
            assert text[c.start : c.end]
    return findings


def contents(text: str, finding) -> list[str]:
    return [text[c.start : c.end] for c in finding.content]


def test_colon_before_a_plain_text_quote_links_it():
    text = "Mitt Romney tweeted in response: ''Important distinction: thug Putin kills critics.''"
    (f,) = run(text)
    assert f.type == "direct_quote"
    assert f.speaker.text == "Mitt Romney" and f.cue.text == "tweeted"
    assert contents(text, f) == ["Important distinction: thug Putin kills critics."]


def test_comma_before_a_plain_text_quote_links_it():
    text = "Asked about the storm, the mayor said, ''We were ready.''"
    (f,) = run(text)
    assert f.type == "direct_quote" and f.speaker.text == "the mayor"


def test_split_plain_text_quote_going_on_with_and_is_one_finding():
    text = (
        "''The problems started when the bank lent for deficits,'' Ms. Acosta said, ''and "
        "when it lent to entities that had no source of repayment.''"
    )
    (f,) = run(text)
    assert f.type == "direct_quote" and f.speaker.text == "Ms. Acosta"
    assert len(f.content) == 2
    assert contents(text, f)[1].startswith("and when it lent")


def test_split_curly_quote_going_on_with_and_is_one_finding():
    text = (
        "\u201cWe hold him in the highest esteem,\u201d Trump said, \u201cand I fully support "
        "his re-election.\u201d"
    )
    (f,) = run(text)
    assert f.type == "direct_quote" and len(f.content) == 2


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "America needs leaders \u201cwho understand that bombastic comments cause "
            "turbulence,\u201d Clinton said.",
            "America needs leaders",
        ),
        (
            "Emerging from the meeting, the prime minister ''looked ashen,'' Mr. Arad said.",
            "Emerging from the meeting, the prime minister",
        ),
        (
            'The program "is gaining considerable traction," the official said. It began in May.',
            "The program",
        ),
    ],
)
def test_quote_opening_mid_sentence_is_mixed_with_the_writers_words(text, lead):
    f = next(f for f in run(text) if f.cue.text == "said")
    assert f.type == "mixed"
    assert contents(text, f)[0].startswith(lead)


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe are full,\u201d she said.",
        "In her words, \u201cit will fail,\u201d she said.",
        'The vote was close. "We won," he said.',
        '"We lost." "We will be back," he said.',
    ],
)
def test_quote_opening_its_sentence_or_after_a_comma_stays_direct(text):
    f = next(f for f in run(text) if f.cue.text == "said")
    assert f.type == "direct_quote"
    assert contents(text, f)[0][0] not in "AT"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'She then addressed the protesters again: "Here is what I regret."',
            "She",
        ),
        ('Hoff\'s letter makes a libertarian-style case: "We must stand together."', "letter"),
        ('They differ on it.\n\nClinton: "Our goal is to win." Bush: "We will win."', "Clinton"),
        ("And Mr. Christie gloated: ''I told you he wouldn't be ready.''", "Mr. Christie"),
    ],
)
def test_colon_after_a_clause_without_a_verb_of_speech_is_the_cue(text, speaker):
    f = run(text)[0]
    assert f.type == "direct_quote" and f.cue.text == ":"
    assert speaker in f.speaker.text


@pytest.mark.parametrize(
    "text",
    [
        'There is one rule here: "Never quit."',
        'It is simple: "Vote."',
        'Why not just say: "They will go home"?',
    ],
)
def test_colon_after_there_it_or_no_subject_names_no_speaker(text):
    assert run(text) == []


def _parsed(words, spaces, heads, deps, pos):
    """A Doc with the parse given (the misparse under test), the article's own text."""
    from spacy.tokens import Doc

    from worker.pipeline.nlp import get_nlp

    lemmas = ["say" if w == "said" else w.lower() for w in words]
    return Doc(
        get_nlp().vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
    )


def test_a_misparsed_second_complement_does_not_unlink_the_quote_the_cue_governs():
    # `"We won," Smith said of Acme, whose parent moved jobs.`: the parser hangs both the quote
    # and the relative clause on "said" as complements; the quote is still Smith's.
    words = ["\u201c", "We", "won", ",", "\u201d", "Smith", "said", "of", "Acme", ","]
    words += ["whose", "parent", "moved", "jobs", "."]
    spaces = [False, True, False, False, True, True, True, True, False, True]
    spaces += [True, True, True, False, False]
    heads = [6, 2, 6, 6, 6, 6, 6, 6, 7, 8, 11, 12, 6, 12, 6]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "prep", "pobj"]
    deps += ["punct", "poss", "nsubj", "ccomp", "dobj", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"]
    pos += ["DET", "NOUN", "VERB", "NOUN", "PUNCT"]
    doc = _parsed(words, spaces, heads, deps, pos)
    findings = find_attributions(doc)
    (f,) = [f for f in findings if f.type == "direct_quote"]
    assert f.speaker.text == "Smith" and contents(doc.text, f) == ["We won,"]


def test_a_complement_of_its_own_after_the_quote_still_unlinks_it():
    # `"Yes," he said the plan works.`-like parses: the cue's only complement is after the quote.
    words = ["\u201c", "Yes", ",", "\u201d", "he", "said", "the", "plan", "works", "."]
    spaces = [False, False, False, True, True, True, True, True, False, False]
    heads = [5, 5, 5, 5, 5, 5, 7, 8, 5, 5]
    deps = ["punct", "intj", "punct", "punct", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "PRON", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    doc = _parsed(words, spaces, heads, deps, pos)
    assert not [f for f in find_attributions(doc) if f.type == "direct_quote"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("\u201cAmerica is great!\u201d read one banner.", "one banner"),
        ("\u201cPeople are afraid of wasting their votes,\u201d he surmised.", "he"),
        ("\u201cLet me talk,\u201d Trump shot back.", "Trump"),
        ("\u201cPlease do not touch the protester,\u201d begins a scripted message.", "message"),
    ],
)
def test_verbs_that_attribute_only_beside_a_quotation(text, speaker):
    (f,) = run(text)
    assert f.type == "direct_quote" and speaker in f.speaker.text


def test_verbs_beside_a_quotation_only_are_no_cue_without_one():
    assert run("He read the report and shot back at critics on Monday.") == []


def test_speaker_named_after_the_quote_with_a_long_description_before_the_cue():
    text = (
        "\u201cVery good reporter, very good reporter this guy,\u201d Smith, the party\u2019s "
        "presidential frontrunner nationally and current polling leader in Ohio, said."
    )
    (f,) = run(text)
    assert f.type == "direct_quote" and f.speaker.text == "Smith"


def test_a_paragraph_that_is_only_a_quotation_continues_the_direct_quote_before():
    text = (
        "\u201cWe are full,\u201d said Maria Lopez, who runs the shelter.\n\n"
        "\u201cWe turn people away every night.\u201d\n\n"
        "\u201cAnd the winter has not even started.\u201d\n\n"
        "The city council meets on Monday."
    )
    (f,) = run(text)
    assert f.type == "direct_quote" and f.speaker.text == "Maria Lopez"
    assert contents(text, f) == [
        "We are full,",
        "We turn people away every night.",
        "And the winter has not even started.",
    ]


@pytest.mark.parametrize(
    "between",
    [
        # the paragraph before ends in the writer's words, not in the quote
        "\u201cWe are full,\u201d said Maria Lopez. The shelter opened in May.\n\n",
        # the quotation paragraph has words of the writer's too
        "\u201cWe are full,\u201d said Maria Lopez.\n\nThe sign reads ",
    ],
)
def test_a_quotation_paragraph_after_other_words_continues_nothing(between):
    text = between + "\u201cClosed for the night.\u201d"
    findings = run(text)
    assert all("Closed for the night." not in contents(text, f) for f in findings)


def test_a_quotation_signed_by_a_dash_and_a_name_on_the_next_line():
    text = (
        "She spoke next.\n\n\u201cBig firms pay no taxes at all.\u201d\n\n- Sanders.\n\n"
        "This is a complex issue."
    )
    (f,) = run(text)
    assert f.type == "direct_quote" and f.cue.text == "-" and f.speaker.text == "Sanders"
    assert contents(text, f) == ["Big firms pay no taxes at all."]


@pytest.mark.parametrize(
    "after",
    [
        "\n\n- 2016 was a good year.",
        "\n\n- and then the vote came.",
        " The rest followed.\n\n- Sanders.",
    ],
)
def test_a_dash_line_without_a_name_or_after_more_words_signs_nothing(after):
    assert run("\u201cWe won.\u201d" + after) == []
