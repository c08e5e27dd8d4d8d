"""A relative clause describing its noun through "as" is the source's characterisation: in "the
server, which he described as an open orchid", he said the server was like an open orchid; the
content is the relative pronoun and the "as" phrase, around the source and the cue."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, list[str]]]:
    """(speaker, cue, content pieces) of each attribution finding."""
    return [
        (f.speaker.text, f.cue.text, [text[c.start : c.end] for c in f.content])
        for f in find_attributions(parse(text))
    ]


def test_which_he_described_as() -> None:
    text = "The mayor is headed to Boston, which he describes as his second home."
    assert found(text) == [("he", "describes", ["which", "as his second home"])]


def test_whom_she_described_as() -> None:
    text = "The governor met the treasurer, whom she described as volatile and secretive."
    assert found(text) == [("she", "described", ["whom", "as volatile and secretive"])]
