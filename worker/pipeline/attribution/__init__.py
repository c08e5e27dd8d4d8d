"""Attribution: who said what (PARC-style source, cue, content).

``find_attributions`` runs three finders over one parse — quotations linked to their cue
(``direct``), reported speech from the dependency parse (``reported_speech``) and "according
to" — then types each relation against the quotations it contains and resolves every source to the
fullest name the article gives (``coreference``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.attribution.build import (
    attach_following_quotes,
    build_findings,
    classify_with_quotes,
)
from worker.pipeline.attribution.direct import link_quotes
from worker.pipeline.attribution.quotes import find_quotes
from worker.pipeline.attribution.reported_speech import find_according_to, find_reported
from worker.pipeline.model import Finding


def find_attributions(doc: Doc) -> list[Finding]:
    """One ``attribution`` finding per attribution relation in ``doc``."""
    if not doc.text.strip():
        return []
    quotes = find_quotes(doc.text)
    relations, used = link_quotes(doc, quotes)
    used_cues = {r.cue_token for r in relations if r.cue_token is not None}
    reported = find_reported(doc, used_cues) + find_according_to(doc)
    for rel in reported:
        classify_with_quotes(rel, doc.text, quotes, used)
    attach_following_quotes(doc, relations + reported, quotes, used)
    return build_findings(doc, relations + reported, quotes)
