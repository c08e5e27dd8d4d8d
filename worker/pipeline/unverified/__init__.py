"""Unverifiable claims: what the article itself cannot stand behind, and why.

One pass over the sentences of the shared parse: each detector returns :class:`Signal` s (a cue
span and a rule code); a statement with at least one decisive signal becomes one ``unverified``
finding whose type is the highest-priority signal's and whose reasons list every signal.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from worker.pipeline.model import UNVERIFIED, Cue, Finding, Reason
from worker.pipeline.unverified import cues
from worker.pipeline.unverified.calibration import confidence
from worker.pipeline.unverified.explain import explain
from worker.pipeline.unverified.figures import figure_signals
from worker.pipeline.unverified.negatives import (
    QuoteMap,
    is_embedded_post,
    is_sport,
)
from worker.pipeline.unverified.secondhand import (
    anonymous_signals,
    reported_signals,
    weasel_signals,
)
from worker.pipeline.unverified.segments import segment
from worker.pipeline.unverified.signals import TYPE_PRIORITY, Signal, signal_for_tokens
from worker.pipeline.unverified.sourcing import (
    ANONYMOUS,
    NAMED,
    AttributedSpan,
    SourceMention,
    classify_source,
    is_sourced,
    merge_attributions,
    sentence_sources,
)
from worker.pipeline.unverified.uncertainty import hedged_signals, unconfirmed_signals

__all__ = ["find_unverified"]

_SOURCE_LEMMAS = cues.REPORTING_VERBS | cues.SAY_VERBS

# Signals that only support a finding another signal makes ("Both men claimed ... but it is
# impossible to know"): a bare "claimed" is an ordinary attribution.
_SUPPORTING_CODES = frozenset({"claimed"})


def find_unverified(
    doc: Doc, attributions: list[Finding], named_speakers: set[tuple[int, int]] | None = None
) -> list[Finding]:
    """``unverified`` findings of ``doc``; ``attributions`` tell which statements have a source.

    ``named_speakers``, when given, collects the ``(start, end)`` of the attributions' anonymous
    speakers that this detector reads as named after all ("the spokesman" of a body named in the
    paragraph), so ``find_claims`` can keep the two kinds of finding in agreement."""
    if not isinstance(doc, Doc):
        raise TypeError(f"find_unverified expects a spaCy Doc, not {type(doc).__name__}")
    text = doc.text  # Doc.text joins every token: read it once
    if not text.strip() or not _is_english(doc):
        return []
    segs = segment(doc, text)
    quotes = QuoteMap(text)
    attributed = merge_attributions(attributions or [])
    mentions = [sentence_sources(s) for s in segs.sentences]

    attr_at = _attributions_by_sentence(segs.sentences, attributed)

    n_par = len(segs.paragraphs)
    par_sourced = [False] * n_par
    par_report_named: list[set[int]] = [set() for _ in range(n_par)]
    for i, (sent, ms) in enumerate(zip(segs.sentences, mentions, strict=True)):
        p = segs.paragraph_of[i]
        if is_sourced(ms) or _attributed(doc, sent, attr_at[i]):
            par_sourced[p] = True
        if any(
            m.kind == NAMED and (m.cue.lower_ == "according" or m.cue.lemma_ == "report")
            for m in ms
        ):
            par_report_named[p].add(i)

    findings: list[Finding] = []
    body_spoke = [False] * n_par  # a named body has spoken earlier in the paragraph
    for i, sent in enumerate(segs.sentences):
        p = segs.paragraph_of[i]
        ms = _officials_of_named_body(mentions[i]) if body_spoke[p] else mentions[i]
        body_spoke[p] = body_spoke[p] or _a_named_body_speaks(mentions[i])
        other_named_report = bool(par_report_named[p] - {i})
        signals: list[Signal] = []
        signals += unconfirmed_signals(sent, quotes)
        signals += anonymous_signals(sent, ms, quotes)
        signals += reported_signals(sent, ms, quotes, other_named_report)
        signals += hedged_signals(sent, ms, quotes)
        signals += weasel_signals(sent, ms, quotes)
        if not (par_sourced[p] or is_embedded_post(sent) or _confirmed(sent)):
            par_start, par_end = segs.paragraphs[p]
            if not is_sport(sent, text[par_start:par_end]):
                signals += figure_signals(sent, quotes)
        signals += _attribution_signals(sent, attr_at[i], signals, ms, quotes, named_speakers)
        decisive = [s for s in signals if s.code not in _SUPPORTING_CODES]
        if not decisive:
            continue
        signals += _supporting_signals(sent, quotes)
        findings.append(_finding(text, sent, decisive, signals, _speaker_name(ms, attr_at[i])))
    return findings


def _is_english(doc: Doc) -> bool:
    """The cue lists are English: on other languages the parse is noise, so say nothing.
    Running English prose has about 40% stop words; German or Spanish parsed with the English
    lexicon scores under 15%."""
    words = [t for t in doc[:2000] if t.is_alpha]
    if len(words) < 8:
        return True
    return sum(t.is_stop for t in words) / len(words) >= 0.2


def _a_named_body_speaks(ms: list[SourceMention]) -> bool:
    return any(
        m.kind == NAMED
        and (m.head.ent_type_ == "ORG" or m.head.pos_ == "PROPN")
        and m.head.ent_type_ != "PERSON"
        for m in ms
    )


def _officials_of_named_body(ms: list[SourceMention]) -> list[SourceMention]:
    """ "The Santa Fe Animal Shelter announced ... Officials said": bare "officials" after a named
    body speaks in the same paragraph are that body's officials, not anonymous ones."""
    out = []
    for m in ms:
        bare = (
            m.kind == ANONYMOUS
            and m.head.lemma_.lower() == "official"
            and all(c.dep_ == "det" and c.lower_ == "the" for c in m.head.children)
        )
        out.append(SourceMention(NAMED, m.cue, m.head, m.first, m.last) if bare else m)
    return out


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


def _attributed(doc: Doc, sent: Span, attributed: list[AttributedSpan]) -> bool:
    """The attribution detector found a *named* source telling something in the sentence. A
    bare crowd ("Teachers chanted") or a cue that is no reporting verb does not source figures."""
    for a in attributed:
        if (
            a.anonymous
            or not a.speaker_name
            or not (a.start < sent.end_char and sent.start_char < a.end)
        ):
            continue
        cue = (
            doc.char_span(a.cue_start, a.cue_start + 1, alignment_mode="expand")
            if a.cue_start >= 0
            else None
        )
        if cue is not None and (
            cue.root.lemma_.lower() in _SOURCE_LEMMAS or cue.root.lower_ == "according"
        ):
            return True
    return False


def _confirmed(sent: Span) -> bool:
    """ "The death toll, confirmed by the ministry, ..." — the text vouches for the figure."""
    return any(
        t.lower_ in cues.CONFIRMATION_WORDS
        and not any(c.dep_ == "neg" for c in t.head.children)
        and not any(c.dep_ == "neg" for c in t.children)
        for t in sent
    )


def _attribution_signals(
    sent: Span,
    attributed: list[AttributedSpan],
    existing: list[Signal],
    mentions: list[SourceMention],
    quotes: QuoteMap,
    named_speakers: set[tuple[int, int]] | None = None,
) -> list[Signal]:
    """The attribution detector's anonymous speakers, checked against this detector's own
    reading of the same phrase (it knows "the spokesman" of a paragraph whose name is elsewhere
    is not anonymous, nor "Berrien County Health Department officials"); never a second
    anonymous_source signal for one statement."""
    out: list[Signal] = []
    doc = sent.doc
    for a in attributed:
        if not a.anonymous or not (sent.start_char <= a.speaker_start < sent.end_char):
            continue
        if quotes.inside(a.speaker_start):
            continue  # a source named inside a quotation is the quoted speaker's business
        if any(s.type == "anonymous_source" for s in existing + out):
            continue
        span = doc.char_span(a.speaker_start, a.speaker_end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        mine = next((m for m in mentions if m.head.i == root.i), None)
        kind = mine.kind if mine is not None else classify_source(root, sent)
        if kind != ANONYMOUS:
            if named_speakers is not None:
                named_speakers.add((a.speaker_start, a.speaker_end))
            continue
        out.append(
            Signal("anonymous_source", "attribution_anonymous", a.speaker_start, a.speaker_end)
        )
    return out


def _supporting_signals(sent: Span, quotes: QuoteMap) -> list[Signal]:
    out = []
    for tok in sent:
        if (
            tok.lemma_.lower() == "claim"
            and tok.pos_ == "VERB"
            and not quotes.inside(tok.idx)
            and not any(c.lemma_.lower() == "life" for c in tok.children)
        ):
            out.append(signal_for_tokens("reported", "claimed", tok, tok))
    return out


def _speaker_name(mentions: list[SourceMention], attributed: list[AttributedSpan]) -> str | None:
    """Who makes the statement, for the explanation: the attribution detector's resolved name
    ("Stephane Dujarric" for "he"), else a named source as written, never a bare pronoun."""
    resolved = next(
        (a.speaker_name for a in attributed if a.speaker_name and not a.anonymous), None
    )
    if resolved:
        return resolved
    return next((m.text for m in mentions if m.kind == NAMED and m.head.pos_ != "PRON"), None)


def _finding(
    text: str,
    sent: Span,
    decisive: list[Signal],
    signals: list[Signal],
    speaker: str | None,
) -> Finding:
    ftype = min((s.type for s in decisive), key=TYPE_PRIORITY.index)
    seen: set[tuple[int, int, str]] = set()
    reasons: list[Reason] = []
    for s in sorted(
        signals,
        key=lambda s: (TYPE_PRIORITY.index(s.type) != TYPE_PRIORITY.index(ftype), s.start - s.end),
    ):
        key = (s.start, s.end, s.code)
        # one reason per cue: the longest of overlapping cues of one rule ("9 killed and 40
        # wounded" over "9 killed")
        if key in seen or any(
            (r.cue.start == s.start and r.cue.end == s.end)
            or (r.code == s.code and r.cue.start < s.end and s.start < r.cue.end)
            for r in reasons
        ):
            continue
        seen.add(key)
        cue_text = text[s.start : s.end]
        reasons.append(
            Reason(s.code, Cue(cue_text, s.start, s.end), explain(s.code, cue_text, speaker))
        )
    reasons.sort(key=lambda r: r.cue.start)
    return Finding(
        kind=UNVERIFIED,
        type=ftype,
        start=sent.start_char,
        end=sent.end_char,
        text=text[sent.start_char : sent.end_char],
        reasons=reasons,
        confidence=confidence([r.code for r in reasons]),
    )
