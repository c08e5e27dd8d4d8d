"""Attribution: who said what (PARC-style source, cue, content).

``find_attributions`` pairs the quotation marks (``quotes``), runs the finders over one parse —
quotations linked to their cue (``direct``), reported speech and "according to" from the
dependency parse (``reported_speech``), both using the reporting-verb lexicon (``cues``) — then
combines their relations with the quotations (``combine``), resolves every source to the fullest
name the article gives (``speakers``, ``coreference``) and builds the findings (``build``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.attribution.build import build_findings
from worker.pipeline.attribution.combine import (
    attach_following_quotes,
    classify_with_quotes,
    stop_at_quote_cues,
)
from worker.pipeline.attribution.direct import link_quotes
from worker.pipeline.attribution.quotes import find_quotes
from worker.pipeline.attribution.relation import text_of
from worker.pipeline.attribution.reported_speech import find_according_to, find_reported
from worker.pipeline.model import Finding


def find_attributions(doc: Doc) -> list[Finding]:
    """One ``attribution`` finding per attribution relation in ``doc``."""
    if not isinstance(doc, Doc):
        raise TypeError(f"find_attributions needs a spaCy Doc, not {type(doc).__name__}")
    if not text_of(doc).strip():
        return []
    quotes = find_quotes(text_of(doc))
    relations, used = link_quotes(doc, quotes)
    used_cues = {r.cue_token for r in relations if r.cue_token is not None}
    reported = find_reported(doc, used_cues) + find_according_to(doc)
    for rel in reported:
        stop_at_quote_cues(text_of(doc), rel, relations)
    reported = [rel for rel in reported if rel.content]
    for rel in reported:
        classify_with_quotes(rel, text_of(doc), quotes, used)
    attach_following_quotes(doc, relations + reported, quotes, used)
    return build_findings(doc, relations + reported, quotes)
