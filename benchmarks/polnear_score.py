"""Scoring attributions against PolNeAR's brat annotations, in PolNeAR's conventions.

A relation is its content (a set of character offsets, possibly several pieces), its source span
(or none) and its cue. A predicted relation matches a gold one, one-to-one, greedily by best
overlap, when

- ``jaccard``: their contents overlap at character Jaccard >= 0.5 (the PARC literature's
  measure), or
- ``exact``: their contents are the same characters.

Before comparing, both contents lose the characters of their own cue and source (PolNeAR often
marks ``“A,” he said. “B.”`` as one span over its cue; PARC's content excludes cue and source)
and each piece is trimmed at its edges of white space, quotation marks and the punctuation that
PolNeAR includes and sourcemark leaves out (or the reverse): ``“Yes.”`` and ``Yes`` are the same
content.

The source is right when the predicted speaker span overlaps the gold source span, or when both
are absent (PolNeAR's ``Attribution-no-source``). "Speaker accuracy" is the share of matches with
a gold source whose predicted speaker overlaps it.

A gold relation is a *direct quote* when (nearly) every letter of its content lies inside
quotation marks; a predicted one when the system says so (sourcemark's ``direct_quote`` type;
everything textacy finds). The direct-quote score restricts both sides to direct quotes before
matching. A gold relation is a *statement* when its cue is one of speech, writing, reporting, a
document or a finding (``benchmarks.statement_cues``); statement recall is read off the
all-relations matching.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.brat import Attribution
from benchmarks.statement_cues import cue_class
from worker.pipeline.model import Finding

JACCARD_MIN = 0.5
# Share of a content's letters and digits that must be quoted for it to count as a direct quote:
# a stray unquoted word at the edge ("“…” he said, pausing") still leaves a direct quote.
DIRECT_MIN = 0.95
TRIM = set(" \t\n\r\"'`.,;:!?-\u2013\u2014\u201c\u201d\u2018\u2019\u00ab\u00bb()[]…")
OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb"}
CLOSERS = {"\u201d", "\u00bb"}

Span = tuple[int, int]


@dataclass(frozen=True)
class Relation:
    """One attribution, gold or predicted; ``content`` is already trimmed."""

    content: frozenset[int]
    source: Span | None = None
    cue: Span | None = None
    direct: bool = False
    statement: bool = True


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_source: int = 0  # matches whose source is right too
    speaker_right: int = 0  # matches with a gold source, whose predicted speaker overlaps it
    speaker_total: int = 0
    statements: int = 0  # gold statement relations
    statements_found: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def prf(self, *, with_source: bool = False) -> tuple[float, float, float]:
        tp = self.tp_source if with_source else self.tp
        return self._prf(tp, self.tp + self.fp, self.tp + self.fn)

    @property
    def statement_recall(self) -> float:
        return self.statements_found / self.statements if self.statements else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 0.0


def trim(text: str, chars: Iterable[int]) -> frozenset[int]:
    """``chars`` piece by piece (runs of consecutive offsets) without the white space, quotation
    marks and punctuation at either edge of each piece; pieces without a letter or digit go."""
    ordered = sorted(set(chars))
    runs: list[list[int]] = []
    for i in ordered:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: set[int] = set()
    for run in runs:
        lo, hi = 0, len(run)
        while lo < hi and text[run[lo]] in TRIM:
            lo += 1
        while hi > lo and text[run[hi - 1]] in TRIM:
            hi -= 1
        if any(text[i].isalnum() for i in run[lo:hi]):
            out.update(run[lo:hi])
    return frozenset(out)


def quoted_chars(text: str) -> frozenset[int]:
    """Offsets inside quotation marks, paragraph by paragraph (a quotation running on into the
    next paragraph opens it again, by newspaper convention, so an unclosed one ends with its
    paragraph). Curly marks pair by direction, straight ones alternate, and so do the two
    apostrophes that plain-text archives type for a double mark (''A,'' he said)."""
    inside: set[int] = set()
    offset = 0
    # Plain-text archives (PolNeAR's NYT articles) type double marks as two apostrophes.
    typewriter = "''" in text and not any(ch in OPENERS or ch == '"' for ch in text)
    for paragraph in text.split("\n"):
        start = None
        closer = None
        if typewriter:
            paragraph = paragraph.replace("''", '"\x00')
        for i, ch in enumerate(paragraph):
            if start is None:
                if ch in OPENERS or ch == '"':
                    start, closer = i, OPENERS.get(ch, '"')
            elif ch == closer or (closer != '"' and ch in CLOSERS):
                inside.update(range(offset + start + 1, offset + i))
                start = None
        if start is not None:
            inside.update(range(offset + start + 1, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return frozenset(inside)


def is_direct(text: str, content: frozenset[int], quoted: frozenset[int]) -> bool:
    letters = [i for i in content if text[i].isalnum()]
    if not letters:
        return False
    return sum(i in quoted for i in letters) >= DIRECT_MIN * len(letters)


def _hull(spans: Iterable[Span]) -> Span | None:
    spans = list(spans)
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def gold_relations(text: str, attributions: Iterable[Attribution]) -> list[Relation]:
    quoted = quoted_chars(text)
    out = []
    for a in attributions:
        # PolNeAR often marks '“A,” he said. “B.”' as one span running over its own cue and
        # source; PARC's content excludes both, and so does every extractor's.
        own = {i for s, e in a.cue + a.source for i in range(s, e)}
        content = trim(text, a.content_chars - own)
        if not content:
            continue
        cue_text = " ".join(text[s:e] for s, e in a.cue)
        source_text = " ".join(text[s:e] for s, e in a.source) if a.source else None
        out.append(
            Relation(
                content,
                a.source_span,
                _hull(a.cue),
                is_direct(text, content, quoted),
                cue_class(cue_text, source_text) == "statement",
            )
        )
    return out


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def match(
    gold: list[Relation], predicted: list[Relation], *, exact: bool = False
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if exact:
                if g.content == p.content:
                    pairs.append((1.0, gi, pi))
            elif g.content & p.content:
                j = jaccard(g.content, p.content)
                if j >= JACCARD_MIN:
                    pairs.append((j, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def source_right(g: Relation, p: Relation) -> bool:
    if g.source is None or p.source is None:
        return g.source is None and p.source is None
    return g.source[0] < p.source[1] and p.source[0] < g.source[1]


def score(
    gold: list[Relation],
    predicted: list[Relation],
    *,
    direct_only: bool = False,
    exact: bool = False,
) -> Score:
    if direct_only:
        gold = [g for g in gold if g.direct]
        predicted = [p for p in predicted if p.direct]
    pairs = match(gold, predicted, exact=exact)
    result = Score(
        tp=len(pairs),
        fp=len(predicted) - len(pairs),
        fn=len(gold) - len(pairs),
        statements=sum(g.statement for g in gold),
    )
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        result.tp_source += source_right(g, p)
        result.statements_found += g.statement
        if g.source is not None:
            result.speaker_total += 1
            result.speaker_right += source_right(g, p)
    return result


@dataclass
class ArticleScores:
    """The scores a benchmark row adds up, for one article and one system."""

    all: Score
    exact: Score
    direct: Score


def score_article(gold: list[Relation], predicted: list[Relation]) -> ArticleScores:
    return ArticleScores(
        score(gold, predicted),
        score(gold, predicted, exact=True),
        score(gold, predicted, direct_only=True),
    )


def from_findings(text: str, findings: Iterable[Finding]) -> list[Relation]:
    """sourcemark's attribution findings as relations over the same text."""
    out = []
    for f in findings:
        if f.kind != "attribution":
            continue
        content = trim(text, (i for c in f.content for i in range(c.start, c.end)))
        if not content:
            continue
        speaker = (f.speaker.start, f.speaker.end) if f.speaker else None
        cue = (f.cue.start, f.cue.end) if f.cue else None
        out.append(Relation(content, speaker, cue, f.type == "direct_quote"))
    return out
