"""An opening phrase holding a quoted title (`On NBC's "Meet the Press," the governor
questioned…`) sets the scene of the speech act; the quotation finder must not give it to the
cue as what was said. Whole quotations that open with a preposition stay speech."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def _contents(text: str) -> list[tuple[str, list[str]]]:
    found = [f for f in find_attributions(parse(text)) if f.kind == "attribution"]
    return [(f.type, [text[c.start : c.end] for c in f.content]) for f in found]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            'Later on "Meet the Press," Governor Alma Ruiz questioned the council\'s figures.',
            "Meet the Press",
        ),
        ('On NBC\'s "Meet the Press," Governor Alma Ruiz questioned the budget.', "NBC"),
        ('With the help of "Fix the Street," the comedian asked drivers to slow down.', "help"),
        ('As for the mayor\'s handling of "Route 9," the audit found serious delays.', "Route 9"),
    ],
)
def test_opening_phrase_is_no_content(text: str, phrase: str) -> None:
    assert not any(phrase in piece for _, pieces in _contents(text) for piece in pieces)


def test_quoted_words_inside_the_phrase_keep_their_own_cue() -> None:
    text = 'In what she called a "reckless gamble," Mayor Dana Holt criticized the plan.'
    contents = _contents(text)
    assert not any("In what" in piece for _, pieces in contents for piece in pieces)
    assert any(pieces == ['a "reckless gamble,'] for _, pieces in contents)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('"With the budget, no," the treasurer said.', "With the budget, no,"),
        ('"In March, maybe," Dana Holt said.', "In March, maybe,"),
    ],
)
def test_whole_quotation_opening_with_a_preposition_stays(text: str, quote: str) -> None:
    assert ("direct_quote", [quote]) in _contents(text)


def test_reported_clause_after_the_phrase_stays() -> None:
    text = 'On NBC\'s "Meet the Press," Governor Alma Ruiz said the budget would balance by June.'
    assert ("indirect", ["the budget would balance by June"]) in _contents(text)
