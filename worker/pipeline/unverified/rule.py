"""What a rule is: a reason code, the finding type it argues for, its explanation and its test.

A rule's ``detect`` reads one sentence (a :class:`Sentence`: the sentence with everything the
article's ``Reading`` says around it) and yields :class:`Candidate` cues. The detector loops over
``rules.RULES``; a sentence with at least one decisive candidate becomes one finding whose
reasons are the candidates, each explained by its rule's template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

from worker.pipeline.reading import AttributedSpan, Reading
from worker.pipeline.sources import Source

# Which type a statement gets when several rules fire on it: the most specific statement about
# the claim's standing wins ("reports of casualties ... hard to confirm" is unconfirmed).
TYPE_PRIORITY = (
    "unconfirmed",
    "anonymous_source",
    "reported",
    "hedged",
    "weasel",
    "unsourced_figure",
)


@dataclass(frozen=True)
class Candidate:
    """A cue a rule found: character offsets into the article text, and the rule's ``features``
    (name -> value) for whatever scores candidates after the rules."""

    start: int
    end: int
    features: tuple[tuple[str, Any], ...] = ()


def cue(first: Token, last: Token) -> Candidate:
    """The candidate whose cue runs from ``first`` to ``last`` inclusive."""
    if last.i < first.i:
        first, last = last, first
    return Candidate(first.idx, last.idx + len(last.text))


@dataclass(frozen=True)
class Signal:
    """A candidate with its rule's type and code, as the detector assembles findings."""

    type: str
    code: str
    start: int
    end: int


@dataclass
class Sentence:
    """One sentence as the rules see it. ``paragraph_sourced``: a named or anonymous source
    tells something somewhere in its paragraph, ``sourced_elsewhere`` in a sentence of it other
    than this one; ``other_named_report``: another sentence of the paragraph cites a named
    report ("according to Reuters")."""

    span: Span
    index: int
    reading: Reading
    sources: list[Source]
    attributions: list[AttributedSpan]
    paragraph_sourced: bool
    other_named_report: bool
    cache: dict[str, Any] = field(default_factory=dict)
    # a source tells something in another sentence of the paragraph (not only in this one);
    # None: not known, read as ``paragraph_sourced``
    sourced_elsewhere: bool | None = None
    # a sentence of the paragraph other than this one has a source and tells a number: what
    # sources the figures around it; None: not known, read as ``sourced_elsewhere``
    figures_sourced_elsewhere: bool | None = None

    @property
    def doc(self) -> Doc:
        return self.span.doc

    def quoted(self, char: int) -> bool:
        """Is character ``char`` inside a quotation?"""
        return self.reading.quoted.inside(char)

    @cached_property
    def paragraph_text(self) -> str:
        start, end = self.reading.paragraphs[self.reading.paragraph_of[self.index]]
        return self.reading.text[start:end]

    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.span)

    @cached_property
    def lemmas(self) -> list[str]:
        """Each token's lower-case lemma, read once for every rule."""
        return [t.lemma_.lower() for t in self.tokens]

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lower-case form, read once for every rule."""
        return [t.lower_ for t in self.tokens]

    @cached_property
    def words(self) -> frozenset[str]:
        """Every lemma and form in the sentence."""
        return frozenset(self.lemmas).union(self.lowers)

    def having(self, words: frozenset[str] | set[str]) -> list[Token]:
        """The sentence's tokens whose lemma or form is one of ``words``, in order: most rules
        rule a sentence out with one set test instead of a walk over its tokens."""
        if self.words.isdisjoint(words):
            return []
        return [
            tok
            for tok, lemma, lower in zip(self.tokens, self.lemmas, self.lowers, strict=True)
            if lemma in words or lower in words
        ]

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` run once per sentence, shared by the rules of one family (the figures
        of a sentence are found once for the four figure rules)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


Detect = Callable[[Sentence, Sequence[Signal]], Iterable[Candidate]]


@dataclass(frozen=True)
class Rule:
    """One reason code. ``detect(sentence, found)`` yields its cues in the sentence (``found``:
    the signals of the rules before it, for a rule that defers to them). ``explanation`` is a
    template with ``{cue}``; ``credits_speaker`` adds who says so ("as Stephane Dujarric puts
    it"); a ``supporting`` rule never makes a finding alone."""

    code: str
    type: str
    explanation: str
    detect: Detect
    supporting: bool = False
    credits_speaker: bool = False

    def explain(self, cue_text: str, speaker: str | None = None) -> str:
        """The explanation of this reason with cue ``cue_text`` in words a reader understands."""
        text = self.explanation.format(cue=" ".join(cue_text.split()))
        if speaker and self.credits_speaker:
            text = text[:-1] + f", as {speaker} puts it."
        return text
