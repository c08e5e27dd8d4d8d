"""Attribution: who said what (PARC-style source, cue, content)."""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.model import Finding


def find_attributions(doc: Doc) -> list[Finding]:
    """One ``attribution`` finding per attribution relation in ``doc``."""
    return []
