"""One reading of a parsed article, built once and handed to every detector.

``read(doc)`` gives the text, its paragraphs (``text.paragraph_ranges``: one definition), its
sentences cut at paragraph breaks, the quotations (``quotes.find_quotes``: the one
pairing of quotation marks) and the sources each sentence cites with their kind
(``sources``: the one reader of "who is the source", anonymity included).
``with_attributions`` adds what the attribution detector found (statement ranges and resolved
speakers), so the unverified-claims detector reads the same speakers and names.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from worker.pipeline.model import ATTRIBUTION, Finding
from worker.pipeline.quotes import Quote, find_quotes
from worker.pipeline.sources import (
    ANONYMOUS,
    ORGANISATION,
    Source,
    sentence_sources,
    source_kind,
)
from worker.pipeline.text import paragraph_ranges, text_of


class QuoteMap:
    """Character ranges inside quotation marks, for "is this cue quoted?", from the one quote
    pairing (curly, straight and mismatched marks, British style, quotes running on into the
    next paragraph)."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        pieces = sorted((p for q in quotes for p in q.pieces), key=lambda p: p.open)
        for piece in pieces:
            self.starts.append(piece.open)
            self.ends.append(piece.close if piece.close is not None else piece.end)

    def inside(self, char: int) -> bool:
        k = bisect_right(self.starts, char) - 1
        return k >= 0 and self.starts[k] < char < self.ends[k]


@dataclass(frozen=True)
class AttributedSpan:
    """What the attribution detector found: a statement range and its speaker as resolved."""

    start: int
    end: int
    anonymous: bool
    speaker_start: int
    speaker_end: int
    speaker_text: str
    speaker_name: str | None = None
    cue_start: int = -1
    speaker_role: str | None = None


@dataclass(frozen=True)
class Reading:
    """Everything the detectors share about one article.

    ``sentences`` are the parser's sentences cut at paragraph breaks, ``paragraph_of[i]`` the
    index in ``paragraphs`` of sentence ``i``, ``sources[i]`` the sources sentence ``i`` cites
    and ``attributions[i]`` the attribution findings overlapping it (statement or speaker),
    empty until ``with_attributions``."""

    doc: Doc
    text: str
    paragraphs: list[tuple[int, int]]
    sentences: list[Span]
    paragraph_of: list[int]
    quotes: list[Quote]
    quoted: QuoteMap
    sources: list[list[Source]]
    attributions: list[list[AttributedSpan]] = field(default_factory=list)

    def sentence_at(self, char: int) -> int | None:
        """Index of the sentence holding character ``char``, or None between sentences."""
        k = bisect_right(self._starts, char) - 1
        if 0 <= k < len(self.sentences) and char < self.sentences[k].end_char:
            return k
        return None

    @property
    def _starts(self) -> list[int]:
        starts = self.doc.user_data.get(_STARTS_KEY)
        if starts is None or len(starts) != len(self.sentences):
            starts = [s.start_char for s in self.sentences]
            self.doc.user_data[_STARTS_KEY] = starts
        return starts

    def speaker_kind(self, mention: Span) -> str | None:
        """The source kind of a speaker mention: the sentence's own reading of it when the
        sentence cites it, else the same reader run on the mention's head."""
        k = self.sentence_at(mention.start_char)
        if k is None:
            return source_kind(mention.root, mention.root.sent)
        root = mention.root
        for src in self.sources[k]:
            if src.head.i == root.i:
                return src.kind
        return source_kind(root, self.sentences[k])


_STARTS_KEY = "sourcemark.reading.sentence_starts"


def read(doc: Doc) -> Reading:
    """The reading of a parsed article: paragraphs, sentences, quotations and sources."""
    text = text_of(doc)
    paragraphs = paragraph_ranges(text) or [(0, len(text))]
    sentences, paragraph_of = _sentences(doc, paragraphs)
    quotes = find_quotes(text)
    sources = _sources(sentences, paragraph_of)
    return Reading(
        doc=doc,
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        paragraph_of=paragraph_of,
        quotes=quotes,
        quoted=QuoteMap(quotes),
        sources=sources,
        attributions=[[] for _ in sentences],
    )


def with_attributions(reading: Reading, findings: list[Finding]) -> Reading:
    """The reading with the attribution detector's findings: each sentence's overlapping
    attributions, and each source the detector resolved given its name and role."""
    spans = [_attributed(f) for f in findings if f.kind == ATTRIBUTION and f.speaker is not None]
    by_sentence = _attributions_by_sentence(reading.sentences, spans)
    sources = [
        [_resolved(src, atts) for src in srcs]
        for srcs, atts in zip(reading.sources, by_sentence, strict=True)
    ]
    return replace(reading, attributions=by_sentence, sources=sources)


def _attributed(f: Finding) -> AttributedSpan:
    speaker = f.speaker
    assert speaker is not None
    return AttributedSpan(
        start=f.start,
        end=f.end,
        anonymous=bool(speaker.anonymous),
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        speaker_text=speaker.text,
        speaker_name=speaker.name,
        cue_start=f.cue.start if f.cue else -1,
        speaker_role=speaker.role,
    )


def _resolved(src: Source, attributed: list[AttributedSpan]) -> Source:
    head = src.head.idx
    for a in attributed:
        if a.speaker_start <= head < a.speaker_end and (a.speaker_name or a.speaker_role):
            return replace(src, name=a.speaker_name, role=a.speaker_role)
    return src


def _sentences(doc: Doc, paragraphs: list[tuple[int, int]]) -> tuple[list[Span], list[int]]:
    starts = [p[0] for p in paragraphs]
    sentences: list[Span] = []
    paragraph_of: list[int] = []
    for sent in doc.sents:
        # A sentence that spaCy runs across a paragraph break is cut at the break, so a
        # finding never straddles two paragraphs.
        piece_start = sent.start
        piece_par = -1
        for tok in sent:
            if tok.is_space:
                continue
            par = bisect_right(starts, tok.idx) - 1
            if piece_par == -1:
                piece_par, piece_start = par, tok.i
            elif par != piece_par:
                _add(sentences, paragraph_of, doc[piece_start : tok.i], piece_par)
                piece_par, piece_start = par, tok.i
        if piece_par != -1:
            _add(sentences, paragraph_of, doc[piece_start : sent.end], piece_par)
    return sentences, paragraph_of


def _add(sentences: list[Span], paragraph_of: list[int], span: Span, par: int) -> None:
    start, end = span.start, span.end
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    if end > start:
        sentences.append(span.doc[start:end])
        paragraph_of.append(max(0, par))


def _sources(sentences: list[Span], paragraph_of: list[int]) -> list[list[Source]]:
    """Each sentence's sources. "The Santa Fe Animal Shelter announced ... Officials said":
    bare "officials" after a named body spoke in the same paragraph are that body's officials,
    not anonymous ones."""
    out: list[list[Source]] = []
    body_spoke: set[int] = set()  # paragraphs where a named body has spoken
    for sent, par in zip(sentences, paragraph_of, strict=True):
        found = sentence_sources(sent)
        speaks = _a_named_body_speaks(found)
        if par in body_spoke:
            found = [replace(s, kind=ORGANISATION) if _bare_officials(s) else s for s in found]
        if speaks:
            body_spoke.add(par)
        out.append(found)
    return out


def _a_named_body_speaks(sources: list[Source]) -> bool:
    return any(
        s.named
        and (s.head.ent_type_ == "ORG" or s.head.pos_ == "PROPN")
        and s.head.ent_type_ != "PERSON"
        for s in sources
    )


def _bare_officials(s: Source) -> bool:
    return (
        s.kind == ANONYMOUS
        and s.head.lemma_.lower() == "official"
        and all(c.dep_ == "det" and c.lower_ == "the" for c in s.head.children)
    )


def _attributions_by_sentence(
    sentences: list[Span], attributed: list[AttributedSpan]
) -> list[list[AttributedSpan]]:
    """Each sentence's overlapping attributions (statement or speaker), found by bisection so a
    long article costs O(n log n), not sentences x attributions."""
    starts = [s.start_char for s in sentences]
    out: list[list[AttributedSpan]] = [[] for _ in sentences]
    for a in attributed:
        k = max(0, bisect_right(starts, a.start) - 1)
        while k < len(sentences) and sentences[k].start_char < a.end:
            if a.start < sentences[k].end_char:
                out[k].append(a)
            k += 1
        k = bisect_right(starts, a.speaker_start) - 1
        if 0 <= k < len(sentences) and a not in out[k]:
            out[k].append(a)
    return out
