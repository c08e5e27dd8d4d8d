"""The Reading: one definition of a paragraph, and the kind of every source on real sentences
(from tests/data/unverified/sentences.jsonl and the seed article)."""

from __future__ import annotations

import pytest

from worker.pipeline.nlp import parse
from worker.pipeline.reading import read
from worker.pipeline.text import paragraph_bounds, paragraph_ranges

KINDS = [
    (
        "But it may morph into something bigger if US President Donald Trump agrees to Beijing's "
        "demands to roll back existing tariffs on Chinese goods, people familiar with the talks "
        "say.",
        "people familiar with the talks",
        "anonymous",
    ),
    (
        "While air quality in Delhi has improved somewhat in recent days, analysts say it's "
        "because of shifts in the weather — not policy.",
        "analysts",
        "vague",
    ),
    (
        "China's commerce ministry said this month that removing tariffs imposed during the "
        "trade war is an important condition to any deal.",
        "China's commerce ministry",
        "organisation",
    ),
    (
        "The study found the spacecraft mass could be reduced by a third by removing the crew "
        "quarters with a similar reduction in consumables, equivalent to several tons of saved "
        "mass.",
        "The study",
        "poll_or_study",
    ),
    (
        "The report says the Minneapolis ad agency Broadhead Co. came up with the campaign, and "
        "the state has paid the agency nearly $449,000 so far this year.",
        "The report",
        "document",
    ),
    (
        "On the arrival of troops from the Collective Security Treaty Organization (CSTO) in "
        "Kazakhstan, Dujarric said the United Nations was informed on Thursday morning by the "
        "CSTO of the troop deployment.",
        "Dujarric",
        "person",
    ),
]


@pytest.mark.parametrize(("sentence", "source", "kind"), KINDS)
def test_source_kinds_on_real_sentences(sentence: str, source: str, kind: str) -> None:
    reading = read(parse(sentence))
    found = [(s.text, s.kind) for sources in reading.sources for s in sources]
    assert (source, kind) in found, found


def test_officials_after_a_named_body_speak_for_it() -> None:
    text = (
        "The Santa Fe Animal Shelter announced on Friday that the cat had been found. Officials "
        "said a scan of the cat's microchip revealed that it had traveled from Oregon."
    )
    reading = read(parse(text))
    kinds = [(s.text, s.kind) for sources in reading.sources for s in sources]
    assert ("Officials", "organisation") in kinds, kinds


def test_attributions_give_sources_their_resolved_name() -> None:
    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.reading import with_attributions

    text = (
        "Stephane Dujarric, the spokesman for the Secretary-General, spoke to reporters. "
        "He said the United Nations was informed on Thursday."
    )
    reading = read(parse(text))
    reading = with_attributions(reading, find_attributions(reading))
    he = next(s for sources in reading.sources for s in sources if s.text == "He")
    assert (he.kind, he.name) == ("person", "Stephane Dujarric")


def test_a_paragraph_is_a_line() -> None:
    blank = "First paragraph.\n\nSecond one.\n\n\nThird."
    assert [blank[s:e] for s, e in paragraph_ranges(blank)] == [
        "First paragraph.",
        "Second one.",
        "Third.",
    ]
    pasted = "Pasted by hand.\nA second line.\n"
    assert [pasted[s:e] for s, e in paragraph_ranges(pasted)] == [
        "Pasted by hand.",
        "A second line.",
    ]
    assert paragraph_bounds(blank, blank.index("Second")) == (18, 29)


def test_sentences_never_straddle_a_paragraph_and_quotes_close_at_its_end() -> None:
    # spaCy runs "Headline without a stop" into the next paragraph; the Reading cuts it there,
    # and the quotation left open ends with its paragraph.
    text = 'Headline without a stop\n\n"An open quote runs on\n\nThe next paragraph said so.'
    reading = read(parse(text))
    for sent, par in zip(reading.sentences, reading.paragraph_of, strict=True):
        start, end = reading.paragraphs[par]
        assert start <= sent.start_char and sent.end_char <= end
    assert [text[q.start : q.end] for q in reading.quotes] == ["An open quote runs on"]
