"""Attribution: who said what (PARC-style source, cue, content).

``find_attributions`` runs these steps over the article's ``Reading``, each a function whose
inputs and outputs are its arguments and return value:

1. ``direct.link_quotes``: each quotation (the Reading's pairing) linked to its cue and source;
2. ``reported_speech.find_reported`` / ``find_according_to``: reported speech and "according to"
   from the dependency parse, skipping the cues step 1 took;
3. ``combine.stop_at_quote_cues``: reported content stops at a quotation's own attribution;
4. ``combine.classify_with_quotes``: reported speech holding a quotation is mixed or direct;
5. ``combine.attach_following_quotes``: an unattributed quotation right after an attribution
   continues it;
6. ``build.build_findings``: every source resolved to the fullest name the article gives
   (``speakers``, ``coreference``), anonymity read by ``sources`` through the Reading, findings.

The cue words are ``lexicon`` lists, read by ``cues.cue_kind``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.attribution.build import build_findings
from worker.pipeline.attribution.combine import (
    attach_following_quotes,
    classify_with_quotes,
    release_clause_quotes,
    stop_at_quote_cues,
)
from worker.pipeline.attribution.direct import link_quotes
from worker.pipeline.attribution.labelled import find_labelled
from worker.pipeline.attribution.questions import find_questions
from worker.pipeline.attribution.reported_speech import find_according_to, find_reported
from worker.pipeline.model import Finding
from worker.pipeline.reading import Reading, read


def find_attributions(reading: Reading | Doc) -> list[Finding]:
    """One ``attribution`` finding per attribution relation (a spaCy ``Doc`` is read first)."""
    if isinstance(reading, Doc):
        reading = read(reading)
    elif not isinstance(reading, Reading):
        raise TypeError(
            f"find_attributions needs a Reading or a spaCy Doc, not {type(reading).__name__}"
        )
    if not reading.text.strip():
        return []
    doc, text, quotes = reading.doc, reading.text, reading.quotes
    quoted, used = link_quotes(doc, quotes)
    quoted, used = release_clause_quotes(doc, quoted, quotes, used)
    taken_cues = {r.cue_token for r in quoted if r.cue_token is not None}
    reported = find_reported(doc, taken_cues) + find_according_to(doc)
    reported += find_labelled(doc, quotes)
    reported += find_questions(doc, taken_cues | {r.cue_token for r in reported})
    reported = [stop_at_quote_cues(text, rel, quoted) for rel in reported]
    reported = [rel for rel in reported if rel.content]
    reported, used = classify_with_quotes(reported, text, quotes, frozenset(used))
    relations = attach_following_quotes(doc, quoted + reported, quotes, used)
    return build_findings(reading, relations)
