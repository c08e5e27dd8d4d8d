""" "It said …": "it" as the subject of a verb of saying stands for a company, an agency or a
document, and is the source (PolNeAR marks it so); "it is safe to say" and "it showed" are not."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, str]]:
    """(speaker text, cue, content) of each attribution finding."""
    return [
        (f.speaker.text, f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def test_it_said_is_the_company_speaking() -> None:
    text = (
        "Twitter suspended 125,000 accounts last year. It also said it had expanded the teams "
        "that review reports of accounts connected to extremism."
    )
    assert (
        "It",
        "said",
        "it had expanded the teams that review reports of accounts connected to extremism",
    ) in found(text)


def test_it_is_safe_to_say_is_nobodys_statement() -> None:
    text = "It is safe to say the mayor is referring to the closing of the border."
    assert [f for f in found(text) if f[1] == "say"] == []
