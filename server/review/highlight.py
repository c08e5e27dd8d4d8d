"""Cutting an article's text into runs so findings can be highlighted without any raw HTML.

The template prints each run escaped, wrapped in a <mark> when findings cover it; overlapping
findings simply give a run several ids. No markup is ever built from strings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    key: str  # a finding id, or a role such as "cue" / "speaker"
    css: str = ""


@dataclass(frozen=True)
class Run:
    text: str
    keys: tuple[str, ...]
    css: tuple[str, ...]

    @property
    def first(self) -> str:
        return self.keys[0] if self.keys else ""


def runs(text: str, spans: list[Span]) -> list[Run]:
    """Consecutive pieces of ``text``, each with the spans that cover all of it."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[Run] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s.start <= a and b <= s.end]
        out.append(
            Run(
                text[a:b],
                tuple(s.key for s in covering),
                tuple(dict.fromkeys(s.css for s in covering if s.css)),
            )
        )
    return out


def window(text: str, start: int, end: int, margin: int = 400) -> tuple[int, int]:
    """A context window around [start, end), widened to whole words."""
    lo, hi = max(0, start - margin), min(len(text), end + margin)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi
