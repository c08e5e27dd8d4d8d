"""A cue clause after a quotation's full stop that opens the next quotation (`"A." He adds,
"B."`) is that quotation's cue, not the one before: PolNeAR's annotators (and any reader) give
"He adds" only B."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, str]]:
    """(type, cue, content) of each attribution finding."""
    return [
        (f.type, f.cue.text, " | ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def test_a_cue_after_a_full_stop_opens_the_next_quote_not_the_one_before() -> None:
    text = (
        "He says he respects Clinton and calls her “an extremely intelligent woman with a "
        "wonderful resume.” He adds, “In a campaign things get heated up.”"
    )
    adds = [f for f in found(text) if f[1] == "adds"]
    assert adds == [("direct_quote", "adds", "In a campaign things get heated up.")]


def test_a_cue_closing_a_quote_after_a_comma_still_takes_both_quotes() -> None:
    text = "“We will win this state,” the governor said, “and we will win it big.”"
    assert [(t, c) for t, c, _ in found(text)] == [("direct_quote", "said")]


def test_a_term_quoted_inside_a_clause_before_a_dash_is_nobodys_statement() -> None:
    text = (
        "Nearly 1,600 emails have now been upgraded to “confidential” — a lower level of "
        "classification. The hashtag #PorteOuverte - ''open door'' - became a vehicle for "
        "offering shelter."
    )
    assert found(text) == []


def test_a_quote_signed_by_a_name_after_a_dash_keeps_its_speaker() -> None:
    text = "“Never give up on your dreams.” — Hillary Clinton, in a speech on Monday."
    assert [(t, c) for t, c, _ in found(text)] == [("direct_quote", "—")]
