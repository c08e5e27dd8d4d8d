"""Speech introduced by a name and a colon at the start of a paragraph.

Two layouts give the words to a speaker with nothing but a colon:

- headlines and summary lines, `Clinton: Time for a new strategy on ISIL.`, `Poll: Trump trails
  among Latino voters.` (AP Stylebook, "headlines": a colon after a name attributes);
- transcripts and interviews, `FALLIN: Well, I think the nation…`, `Q: How did it go?`, where
  the label may stand alone with the words in the next paragraph.

A label is short, has no verb, and is a name (proper nouns, or a whole label in capitals), a
question/answer mark, or a document or poll word; section words (`UPDATE:`, `WATCH:`,
`Related:`) and times (`12:30 p.m.:`) are no speakers.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from worker.pipeline.attribution.relation import Relation, char_tokens
from worker.pipeline.lexicon import FINDING_SOURCES, NOT_SPEAKER_LABELS
from worker.pipeline.quotes import Quote
from worker.pipeline.text import paragraph_ranges, text_of, trim_span

MAX_LABEL_WORDS = 5
# A statement has a finite verb ("I support statehood", "Trump trails"); a list entry or a
# caption after a colon does not.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MIN_CONTENT_CHARS = 8
MAX_HEADLINE_WORDS = 20
# The closing full stop and spaces are no part of the words, as in every other content.
CONTENT_TRIM = " \t.!?;\u00a0"
_LABEL = re.compile(r"\s*[-\u2014]?\s*([A-Z][^:\n]{0,60}?)\s*:(?!\d)\s*")


def _is_speaker_label(doc: Doc, start: int, end: int, label: str) -> bool:
    words = label.split()
    if not words or len(words) > MAX_LABEL_WORDS or any(ch.isdigit() or ch in "()" for ch in label):
        return False
    if label.lower() in NOT_SPEAKER_LABELS or words[-1].lower() in NOT_SPEAKER_LABELS:
        return False
    span = char_tokens(doc, start, end)
    if span is None or any(t.pos_ in ("VERB", "AUX", "PRON") for t in span):
        return False
    if label.isupper():
        # A transcript's speaker (TAPPER:, SEN. GRAHAM:) is a person the article names in
        # ordinary case too; a section head (EXCLUSIVE:) or a dateline (NEW DELHI:) is not.
        # "Q:" and "A:" stay out: annotators follow them in some interviews, not in others.
        surname = words[-1].title()
        return len(label) > 1 and any(t.text == surname and t.ent_type_ == "PERSON" for t in doc)
    if span.root.ent_type_ == "GPE":
        return False  # "Iowa: A, B, C" lists by place
    if span.root.lemma_.lower() in FINDING_SOURCES:
        return True  # Report:, Poll:, WSJ editorial:
    names = [t for t in span if t.is_alpha]
    if not names or not all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in names):
        return False
    return any(t.pos_ == "PROPN" for t in names) or _named_elsewhere(doc, span)


def _named_elsewhere(doc: Doc, label) -> bool:
    """`Sanders: Brexit's message…`, `Issa: Clinton's honesty…`: a one-word label the parser
    takes for a noun or an adjective is a speaker when the article names that word a person or
    an organisation elsewhere."""
    if len(label) != 1:
        return False
    word = label[0].text
    return any(
        t.text == word and t.ent_type_ in ("PERSON", "ORG") and not label.start <= t.i < label.end
        for t in doc
    )


_ADDRESSED = re.compile(r"(\S.*?)\s+[Tt]o\s")


def _addressed_label_end(doc: Doc, k: int, start: int, label: str) -> int | None:
    """A headline's `Clinton to Planned Parenthood: Trump will…`, `Obama To Asians Worried About
    U.S. Election: It's Going To Be OK`: the speaker is the label before "to"; where its label
    ends, or None."""
    match = _ADDRESSED.match(label)
    if k != 0 or match is None:
        return None
    end = start + len(match.group(1))
    return end if _is_speaker_label(doc, start, end, match.group(1)) else None


def _one_sentence(doc: Doc, start: int, end: int) -> bool:
    span = char_tokens(doc, start, end)
    return span is not None and len({t.sent.start for t in span if not t.is_space}) <= 1


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    span = char_tokens(doc, start, end)
    return span is not None and any(t.tag_ in FINITE_TAGS for t in span)


def _quote_at(quotes: list[Quote], start: int) -> Quote | None:
    return next((q for q in quotes if q.open >= start and q.open - start <= 2), None)


def find_labelled(doc: Doc, quotes: list[Quote]) -> list[Relation]:
    """One relation per paragraph that opens with a speaker's label and a colon."""
    text = text_of(doc)
    paragraphs = paragraph_ranges(text)
    relations: list[Relation] = []
    for k, (p_start, p_end) in enumerate(paragraphs):
        match = _LABEL.match(text, p_start, p_end)
        if match is None:
            continue
        l_start, l_end = match.span(1)
        colon = text.index(":", l_end)
        if not _is_speaker_label(doc, l_start, l_end, match.group(1)):
            l_end = _addressed_label_end(doc, k, l_start, match.group(1))
            if l_end is None:
                continue
        c_start, c_end = trim_span(text, match.end(), p_end)
        if c_end - c_start < MIN_CONTENT_CHARS and k + 1 < len(paragraphs):
            nxt_start, nxt_end = paragraphs[k + 1]
            if _LABEL.match(text, nxt_start, nxt_end):
                continue
            c_start, c_end = trim_span(text, nxt_start, nxt_end)
        c_start, c_end = trim_span(text, c_start, c_end, CONTENT_TRIM)
        if c_end - c_start < MIN_CONTENT_CHARS:
            continue
        source = char_tokens(doc, l_start, l_end)
        if source is None:
            continue
        quote = _quote_at(quotes, c_start - 1)
        whole_quote = quote is not None and quote.end >= c_end - 2
        # The text's first line, when short, is its headline: `Graham: Trump's 'Hateful
        # Rhetoric' Destroying GOP's Chance`, in headline case, parses badly and may lack a
        # finite verb, but a name and a colon there always attribute (AP Stylebook).
        headline = k == 0 and len(text[c_start:c_end].split()) <= MAX_HEADLINE_WORDS
        if not (
            headline
            or match.group(1).isupper()
            or whole_quote
            or _one_sentence(doc, c_start, c_end)
        ):
            continue  # "Student loans: Some ideas do…" heads a section of the writer's
        if not (headline or whole_quote or _has_finite_verb(doc, c_start, c_end)):
            continue  # "Italy (Group J): 10th appearance", a list's entry, says nothing
        kind = "direct_quote" if whole_quote else "indirect"
        content = [(quote.start, quote.end)] if whole_quote else [(c_start, c_end)]
        relations.append(Relation(kind, (colon, colon + 1), "speech", source, content))
    return relations
