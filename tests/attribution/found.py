"""What the attribution tests read off ``find_attributions``: one shape for every test file."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def summaries(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of each ``summary`` finding of ``text``."""
    return [
        (f.speaker.text, f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
        if f.type == "summary"
    ]


def attributions(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of each attribution finding of ``text``."""
    return [
        (f.speaker.text, f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def cue_contents(text: str) -> list[tuple[str, str]]:
    """(cue, content) of each attribution finding of ``text``."""
    return [
        (f.cue.text, " ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]
