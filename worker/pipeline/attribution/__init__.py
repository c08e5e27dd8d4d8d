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
from worker.pipeline.attribution.relation import Relation, text_of, trim_span
from worker.pipeline.attribution.reported_speech import find_according_to, find_reported
from worker.pipeline.model import Finding


def _stop_at_quote_cues(text: str, rel: Relation, quote_relations: list[Relation]) -> None:
    """Reported content never runs over another quotation's attribution (`he recalled that he
    said, "A," the office said.`: the office's "said" ends what was recalled)."""
    lo, hi = rel.content[0][0], rel.content[-1][1]
    cut = min(
        (
            q.content[-1][1]
            for q in quote_relations
            if q.content and q.cue[0] > q.content[-1][1] and lo < q.cue[0] < hi
        ),
        default=None,
    )
    if cut is None:
        return
    pieces = [(s, min(e, cut)) for s, e in rel.content if s < cut]
    rel.content = [p for p in (trim_span(text, s, e) for s, e in pieces) if p[1] > p[0]]


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
        _stop_at_quote_cues(text_of(doc), rel, relations)
    for rel in reported:
        classify_with_quotes(rel, text_of(doc), quotes, used)
    attach_following_quotes(doc, relations + reported, quotes, used)
    return build_findings(doc, relations + reported, quotes)
