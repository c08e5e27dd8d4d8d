"""Unverifiable claims: what the article itself cannot stand behind, and why.

``find_unverified`` takes the article's ``Reading`` (with the attribution detector's findings
added) and runs every rule of the registry (``rules.RULES``) over each sentence; a sentence with
at least one decisive candidate becomes one ``unverified`` finding whose type is the
highest-priority rule's and whose reasons list every candidate, each explained by its rule.
The learned scorer (``scorer``: a linear model over the rules' codes and the sentence's parse,
``features``) then decides which of these candidate findings to keep and gives each kept one
its probability as confidence; with ``scorer=None`` every candidate is kept with the rules'
own confidence (``calibration``: per-code counts in ``calibration.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from worker.pipeline import lexicon
from worker.pipeline.model import UNVERIFIED, Cue, Finding, Reason
from worker.pipeline.reading import AttributedSpan, Reading, read, with_attributions
from worker.pipeline.sources import Source, is_sourced
from worker.pipeline.unverified.calibration import confidence
from worker.pipeline.unverified.features import features
from worker.pipeline.unverified.negatives import cites_a_work, is_embedded_post
from worker.pipeline.unverified.rule import TYPE_PRIORITY, Rule, Sentence, Signal
from worker.pipeline.unverified.rules import RULES, by_code
from worker.pipeline.unverified.scorer import SCORER, Scorer

__all__ = ["Candidate", "candidates", "find_unverified"]


@dataclass(frozen=True)
class Candidate:
    """A sentence the rules flagged: the finding they would make (with the rules' confidence)
    and what the scorer reads about it."""

    finding: Finding
    features: dict[str, float]


def find_unverified(
    reading: Reading | Doc,
    attributions: list[Finding] | None = None,
    rules: tuple[Rule, ...] = RULES,
    scorer: Scorer | None = SCORER,
) -> list[Finding]:
    """``unverified`` findings of the article. ``reading`` is its Reading (a spaCy ``Doc`` is
    read first); ``attributions``, when given, are the attribution detector's findings, which
    tell which statements have a source. ``rules`` defaults to the registry; ``scorer`` (the
    shipped one by default) keeps or drops each candidate and gives its confidence, ``None``
    keeps every candidate with the rules' confidence."""
    found = candidates(reading, attributions, rules)
    if scorer is None:
        return [c.finding for c in found]
    kept = []
    for c in found:
        if not scorer.knows([r.code for r in c.finding.reasons]):
            kept.append(c.finding)  # a rule newer than the scorer: as the rules made it
            continue
        p = scorer.probability(c.features)
        if scorer.keeps(p, c.finding.type):
            kept.append(replace(c.finding, confidence=round(min(0.99, p), 3)))
    return kept


def candidates(
    reading: Reading | Doc,
    attributions: list[Finding] | None = None,
    rules: tuple[Rule, ...] = RULES,
) -> list[Candidate]:
    """Every sentence at least one decisive rule flags, as the finding the rules make of it and
    the scorer's features (what ``find_unverified`` decides on, and what the scorer trains on)."""
    if isinstance(reading, Doc):
        reading = read(reading)
    elif not isinstance(reading, Reading):
        raise TypeError(
            f"find_unverified expects a Reading or a spaCy Doc, not {type(reading).__name__}"
        )
    if attributions is not None:
        reading = with_attributions(reading, attributions)
    if not reading.text.strip() or not _is_english(reading.doc):
        return []
    decisive = [r for r in rules if not r.supporting]
    supporting = [r for r in rules if r.supporting]
    table = by_code(rules)
    out: list[Candidate] = []
    for sentence in _sentences(reading):
        if is_embedded_post(sentence.span):
            continue  # an embedded tweet or post is quoted material, not the article's claim
        if cites_a_work(sentence.span):
            continue  # "(3, 10)", "(Drummond in Hall, 1998)": the cited work is the source
        found: list[Signal] = []
        for rule in decisive:
            found += _signals(rule, sentence, found)
        if not found:
            continue
        signals = list(found)
        for rule in supporting:
            signals += _signals(rule, sentence, found)
        speaker = _speaker_name(sentence.sources, sentence.attributions)
        finding = _finding(reading.text, sentence.span, found, signals, speaker, table)
        out.append(Candidate(finding, features(sentence, finding.type, found, signals)))
    return out


def _signals(rule: Rule, sentence: Sentence, found: list[Signal]) -> list[Signal]:
    return [Signal(rule.type, rule.code, c.start, c.end) for c in rule.detect(sentence, found)]


def _sentences(reading: Reading) -> list[Sentence]:
    """Each sentence with what the rules need from its paragraph: whether a source tells
    something in it, and whether another sentence cites a named report."""
    n_par = len(reading.paragraphs)
    sourced: list[set[int]] = [set() for _ in range(n_par)]
    named_reports: list[set[int]] = [set() for _ in range(n_par)]
    # sourced sentences that tell a figure: only these source the figures of their paragraph
    # ("Police said 40 were arrested. The 40 were ..."), not a quote on something else
    counting: list[set[int]] = [set() for _ in range(n_par)]
    for i, sent in enumerate(reading.sentences):
        p = reading.paragraph_of[i]
        sources = reading.sources[i]
        if is_sourced(sources) or _attributed(sent, reading.attributions[i]):
            sourced[p].add(i)
            if _tells_a_figure(sent):
                counting[p].add(i)
        if any(
            s.named and (s.cue.lower_ == "according" or s.cue.lemma_ == "report") for s in sources
        ):
            named_reports[p].add(i)
    return [
        Sentence(
            span=sent,
            index=i,
            reading=reading,
            sources=reading.sources[i],
            attributions=reading.attributions[i],
            paragraph_sourced=bool(sourced[reading.paragraph_of[i]]),
            other_named_report=bool(named_reports[reading.paragraph_of[i]] - {i}),
            sourced_elsewhere=bool(sourced[reading.paragraph_of[i]] - {i}),
            figures_sourced_elsewhere=bool(counting[reading.paragraph_of[i]] - {i}),
        )
        for i, sent in enumerate(reading.sentences)
    ]


def _tells_a_figure(sent: Span) -> bool:
    """A number that is no date or time, or a word for one ("the figure could rise", "the
    toll"): the sentence gives or speaks of a count."""
    return any(
        (t.like_num and t.ent_type_ not in _NOT_COUNTS)
        or t.lemma_.lower() in lexicon.FIGURE_REFERENCE_NOUNS
        for t in sent
    )


_NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL"})


def _is_english(doc: Doc) -> bool:
    """The cue lists are English: on other languages the parse is noise, so say nothing.
    Running English prose has about 40% stop words; German or Spanish parsed with the English
    lexicon scores under 15%."""
    words = [t for t in doc[:2000] if t.is_alpha]
    if len(words) < 8:
        return True
    return sum(t.is_stop for t in words) / len(words) >= 0.2


def _attributed(sent: Span, attributed: list[AttributedSpan]) -> bool:
    """The attribution detector found a *named* source telling something in the sentence. A
    bare crowd ("Teachers chanted") or a cue that is no reporting verb does not source figures."""
    doc = sent.doc
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
            cue.root.lemma_.lower() in lexicon.SOURCE_VERBS or cue.root.lower_ == "according"
        ):
            return True
    return False


def _speaker_name(sources: list[Source], attributed: list[AttributedSpan]) -> str | None:
    """Who makes the statement, for the explanation: the attribution detector's resolved name
    ("Stephane Dujarric" for "he"), else a named source as written, never a bare pronoun."""
    resolved = next(
        (a.speaker_name for a in attributed if a.speaker_name and not a.anonymous), None
    )
    if resolved:
        return resolved
    return next((s.text for s in sources if s.named and s.head.pos_ != "PRON"), None)


def _finding(
    text: str,
    sent: Span,
    decisive: list[Signal],
    signals: list[Signal],
    speaker: str | None,
    rules: dict[str, Rule],
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
        explanation = rules[s.code].explain(cue_text, speaker)
        reasons.append(Reason(s.code, Cue(cue_text, s.start, s.end), explanation))
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
