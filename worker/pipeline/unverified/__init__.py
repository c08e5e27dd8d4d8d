"""Unverifiable claims: what the article itself cannot stand behind, and why."""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline.model import Finding


def find_unverified(doc: Doc, attributions: list[Finding]) -> list[Finding]:
    """``unverified`` findings of ``doc``; ``attributions`` tell which statements have a source."""
    return []
