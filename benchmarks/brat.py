"""Reading brat standoff attribution files (``.ann``) into plain relations.

PolNeAR (and PARC-style corpora exported from brat) annotate one attribution as an ``E`` event
tying an ``Attribution`` (or ``Attribution-no-source``) trigger to ``Source``, ``Cue`` and
``Content`` (``Content2``, ``Content3``... for further pieces) text-bound ``T`` spans. A span may
be discontinuous (``start end;start end``). Offsets count characters of the article text.

Only the parsing lives here; nothing reads files except ``read_ann``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Spans = tuple[tuple[int, int], ...]


class BratError(ValueError):
    """A line of a ``.ann`` file that does not follow the standoff format."""


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution relation; ``source`` is empty when none is annotated."""

    id: str
    cue: Spans
    content: Spans
    source: Spans = ()

    @property
    def content_chars(self) -> frozenset[int]:
        return frozenset(i for s, e in self.content for i in range(s, e))

    @property
    def source_span(self) -> tuple[int, int] | None:
        if not self.source:
            return None
        return self.source[0][0], self.source[-1][1]


def _spans(field: str) -> Spans:
    out = []
    for piece in field.split(";"):
        start, end = piece.split()
        out.append((int(start), int(end)))
    return tuple(sorted(out))


def parse_ann(text: str) -> list[Attribution]:
    """Relations of one ``.ann`` file's text.

    Events missing a cue or a content are dropped (an attribution needs both to be scored);
    lines that are neither ``T`` nor ``E`` (notes, ``#``; continuation lines of a span whose
    text ran over a newline) are skipped.
    """
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        parts = line.split("\t")
        if len(parts) < 2 or parts[0][:1] not in ("T", "E") or not parts[0][1:].isdigit():
            continue
        try:
            if parts[0][0] == "T":
                label, _, offsets = parts[1].partition(" ")
                spans[parts[0]] = (label, _spans(offsets))
            else:
                args = [tuple(a.split(":", 1)) for a in parts[1].split()]
                events.append((parts[0], [(role, ref) for role, ref in args]))
        except ValueError as err:
            raise BratError(f"line {number}: {line[:80]!r}: {err}") from None
    relations = []
    for event_id, args in events:
        cue: Spans = ()
        source: Spans = ()
        content: list[tuple[int, int]] = []
        for role, ref in args[1:]:
            if ref not in spans:
                raise BratError(f"{event_id}: unknown span {ref}")
            if role == "Cue":
                cue = spans[ref][1]
            elif role == "Source":
                source = spans[ref][1]
            elif role.startswith("Content"):
                content.extend(spans[ref][1])
        if cue and content:
            relations.append(Attribution(event_id, cue, tuple(sorted(content)), source))
    return relations


def read_ann(path: Path) -> list[Attribution]:
    return parse_ann(path.read_text("utf-8"))
