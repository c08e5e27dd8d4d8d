"""Attribution: who said what (PARC-style source, cue, content).

``find_attributions`` runs the ``steps.STEPS`` registry over the article's ``Reading``, in order,
each step a pure function of the Reading and the relations the steps before it found (see
``steps`` for each one's job and place: quotations, clause quotes, reported speech, "according
to", cutting at quotation cues, quotations inside reported speech, following quotations). Then
``build.build_findings`` resolves every source to the fullest name the article gives
(``speakers``, ``coreference``), reads anonymity through ``sources`` and makes the findings.

Adding an attribution pattern is one ``Step`` in ``steps.STEPS``; adding a cue word is one
``lexicon`` list, read by ``cues.cue_kind``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.attribution.build import build_findings
from worker.pipeline.attribution.steps import STEPS, Step, run_steps
from worker.pipeline.model import Finding
from worker.pipeline.reading import Reading, read


def find_attributions(reading: Reading | Doc, steps: tuple[Step, ...] = STEPS) -> list[Finding]:
    """One ``attribution`` finding per attribution relation (a spaCy ``Doc`` is read first);
    ``steps`` is the registry, given only by tests that try a step of their own."""
    if isinstance(reading, Doc):
        reading = read(reading)
    elif not isinstance(reading, Reading):
        raise TypeError(
            f"find_attributions needs a Reading or a spaCy Doc, not {type(reading).__name__}"
        )
    if not reading.text.strip():
        return []
    return build_findings(reading, list(run_steps(reading, steps)))
