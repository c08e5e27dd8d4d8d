"""Scoring attribution output against hand annotations, the way the attribution literature does
(PARC-style relations): a predicted relation matches a gold one when their content overlaps at
character Jaccard >= 0.5; the speaker is right when its span overlaps the gold source span.

Gold relations are stored as text, not offsets (``tests/data/attribution/annotated.json``): each
content piece is either the exact text or ``"first words ... last words"``; ``locate_gold`` turns
them into spans of the article body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from worker.pipeline.model import Finding

JACCARD_MIN = 0.5
ELLIPSIS = " ... "


class AnnotationError(ValueError):
    """A gold annotation whose text cannot be found in its article."""


@dataclass(frozen=True)
class Relation:
    """One attribution, gold or predicted, as character sets and spans."""

    type: str
    content: frozenset[int]
    source: tuple[int, int] | None
    name: str | None = None
    anonymous: bool = False
    cue: int | None = None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_speaker: int = 0
    name_right: int = 0
    name_total: int = 0
    type_right: int = 0
    anonymous_right: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def speaker_prf(self) -> tuple[float, float, float]:
        """Precision/recall/F1 counting a match only when the speaker is right too."""
        predicted, gold = self.tp + self.fp, self.tp + self.fn
        p = self.tp_speaker / predicted if predicted else 0.0
        r = self.tp_speaker / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def add(self, other: Score) -> None:
        for name in (
            "tp",
            "fp",
            "fn",
            "tp_speaker",
            "name_right",
            "name_total",
            "type_right",
            "anonymous_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ArticleGold:
    key: str
    text: str
    relations: list[Relation] = field(default_factory=list)


def _find_piece(text: str, piece: str, hint: int) -> tuple[int, int]:
    parts = piece.split(ELLIPSIS)
    start = text.find(parts[0], hint)
    if start < 0:
        start = text.find(parts[0])
    if start < 0:
        raise AnnotationError(f"content not in article: {parts[0]!r}")
    end = start + len(parts[0])
    if len(parts) > 1:
        last = text.find(parts[-1], end)
        if last < 0:
            raise AnnotationError(f"content end not in article: {parts[-1]!r}")
        end = last + len(parts[-1])
    return start, end


def _nearest(text: str, needle: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The whole-word occurrence of ``needle`` closest to the content, never inside it."""
    lo, hi = spans[0][0], spans[-1][1]
    hits = []
    for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text):
        s, e = m.start(), m.end()
        if any(s < pe and ps < e for ps, pe in spans):
            continue
        hits.append((max(0, lo - e, s - hi), s, e))
    if not hits:
        raise AnnotationError(f"source not in article: {needle!r}")
    _, s, e = min(hits)
    return s, e


def locate_gold(key: str, text: str, relations: Iterable[dict]) -> ArticleGold:
    gold = ArticleGold(key, text)
    hint = 0
    for rel in relations:
        spans = []
        piece_hint = hint
        for piece in rel["content"]:
            s, e = _find_piece(text, piece, piece_hint)
            spans.append((s, e))
            piece_hint = e
        hint = spans[0][0]
        chars = frozenset(i for s, e in spans for i in range(s, e))
        source = _nearest(text, rel["source"], spans) if rel.get("source") else None
        gold.relations.append(
            Relation(rel["type"], chars, source, rel.get("name"), bool(rel.get("anonymous")))
        )
    return gold


# The types the hand-annotated set's guidelines annotate (tests/data/attribution/README.md):
# "announced the exchange", a statement summed up by its object, is left out there by
# convention, so a ``summary`` finding is neither right nor wrong on that set (PolNeAR, which
# annotates them, scores them).
ANNOTATED_TYPES = frozenset({"direct_quote", "indirect", "according_to", "mixed"})


def from_findings(findings: Iterable[Finding]) -> list[Relation]:
    """The attribution findings of the types the hand-annotated set annotates, as relations."""
    out = []
    for f in findings:
        if f.kind != "attribution" or f.type not in ANNOTATED_TYPES:
            continue
        chars = frozenset(i for c in f.content for i in range(c.start, c.end))
        spk = f.speaker
        out.append(
            Relation(
                f.type,
                chars,
                (spk.start, spk.end) if spk else None,
                spk.name if spk else None,
                bool(spk and spk.anonymous),
                f.cue.start if f.cue else None,
            )
        )
    return out


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def match(gold: list[Relation], predicted: list[Relation]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by best Jaccard: (gold index, predicted index) pairs."""
    pairs = sorted(
        (
            (jaccard(g.content, p.content), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if g.content & p.content
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for j, gi, pi in pairs:
        if j < JACCARD_MIN or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def score(gold: list[Relation], predicted: list[Relation], only_type: str | None = None) -> Score:
    """Counts of a one-to-one matching; with ``only_type`` both sides are first restricted to
    relations of that type."""
    # The annotation leaves attributions nested inside a direct quotation unannotated (PARC
    # annotates them; the seed's expected.json lists them as optional): a prediction there that
    # matches nothing is neither right nor wrong.
    quoted = frozenset().union(*(g.content for g in gold if g.type == "direct_quote"))
    if only_type is not None:
        gold = [g for g in gold if g.type == only_type]
        predicted = [p for p in predicted if p.type == only_type]
    result = Score()
    pairs = match(gold, predicted)
    matched_p = {pi for _, pi in pairs}
    ignored = sum(
        1
        for pi, p in enumerate(predicted)
        if pi not in matched_p and p.cue is not None and p.cue in quoted
    )
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        result.tp += 1
        result.tp_speaker += _overlaps(g.source, p.source)
        result.type_right += g.type == p.type
        result.anonymous_right += g.anonymous == p.anonymous
        if g.name:
            result.name_total += 1
            result.name_right += p.name == g.name
    result.fp = len(predicted) - len(pairs) - ignored
    result.fn = len(gold) - len(pairs)
    return result
