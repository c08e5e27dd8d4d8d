"""``find_claims``: parse the text, read it once (``reading``), run both detectors over that
reading and number the findings."""

from __future__ import annotations

from dataclasses import replace

from worker.pipeline.attribution import find_attributions
from worker.pipeline.errors import ArticleTooLongError
from worker.pipeline.model import Article, Cue, Finding, make_selector
from worker.pipeline.nlp import parse
from worker.pipeline.reading import read, with_attributions
from worker.pipeline.unverified import find_unverified

_KIND_ORDER = {"attribution": 0, "unverified": 1}
# About 50,000 words: longer than any news article, and parsed in about 15 s on one core, well
# inside the task's time limit; spaCy itself refuses 1,000,000 characters.
MAX_TEXT_CHARS = 300_000


def find_claims(text_or_article: str | Article) -> list[Finding]:
    """All findings of a text; offsets index into exactly the given string (or ``article.text``)."""
    text = text_or_article.text if isinstance(text_or_article, Article) else text_or_article
    if not text or not text.strip():
        return []
    check_length(text)
    reading = read(parse(text))
    attributions = find_attributions(reading)
    unverified = find_unverified(with_attributions(reading, attributions))
    findings = sorted(
        attributions + unverified, key=lambda f: (f.start, _KIND_ORDER[f.kind], f.end)
    )
    if reading.text != text:
        findings = [_as_written(f, text) for f in findings]
    for number, finding in enumerate(findings, start=1):
        finding.id = f"f{number}"
        finding.selector = make_selector(text, finding.start, finding.end)
    return findings


def _as_written(finding: Finding, text: str) -> Finding:
    """The finding with its words taken from ``text`` as given: the parse read Unicode spaces as
    plain ones (``nlp.parse``) at the same offsets, and the extension anchors on the page's own
    characters."""

    def cue(c: Cue) -> Cue:
        return replace(c, text=text[c.start : c.end])

    finding.text = text[finding.start : finding.end]
    if finding.cue is not None:
        finding.cue = cue(finding.cue)
    if finding.speaker is not None:
        s = finding.speaker
        finding.speaker = replace(s, text=text[s.start : s.end])
    finding.reasons = [replace(r, cue=cue(r.cue)) for r in finding.reasons]
    return finding


def check_length(text: str) -> None:
    """Refuse a text too long to analyse, with the reason a reader can act on."""
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleTooLongError(
            f"The article is {len(text):,} characters long; sourcemark analyses articles of up "
            f"to {MAX_TEXT_CHARS:,} characters (about 50,000 words)."
        )
