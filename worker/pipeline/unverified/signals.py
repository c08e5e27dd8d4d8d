"""One signal: a cue in a sentence that makes its statement unverifiable, before assembly."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

# Which type a statement gets when several signals fire on it: the most specific statement
# about the claim's standing wins ("reports of casualties ... hard to confirm" is unconfirmed).
TYPE_PRIORITY = (
    "unconfirmed",
    "anonymous_source",
    "reported",
    "hedged",
    "weasel",
    "unsourced_figure",
)


@dataclass(frozen=True)
class Signal:
    """``type`` is the finding type it argues for; ``code`` names the rule (for explanations
    and calibration); ``start``/``end`` are character offsets of the cue in ``doc.text``."""

    type: str
    code: str
    start: int
    end: int


def signal_for_tokens(type_: str, code: str, first: Token, last: Token) -> Signal:
    """A signal whose cue runs from ``first`` to ``last`` inclusive."""
    if last.i < first.i:
        first, last = last, first
    return Signal(type_, code, first.idx, last.idx + len(last.text))
