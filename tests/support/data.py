"""The test data, all of it inside the repository (``tests/data``, provenance in its README).

Tests never read a folder outside the checkout: a clone from the project's public home has only
this (``tests/integration/test_clone_alone.py`` proves it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"
SEED_DIR = DATA / "seed"
EXTRACTION_DIR = DATA / "extraction-set"
FINDINGS_DIR = DATA / "findings"


def extraction_bodies() -> dict[str, dict[str, str]]:
    """The extraction set's ground truth: ``{key: {"url", "articleBody"}}``."""
    return json.loads((EXTRACTION_DIR / "ground-truth.json").read_text(encoding="utf-8"))


def annotated_article(name: str) -> dict[str, Any]:
    """One file of ``tests/data/findings`` with its article text joined from the extraction set."""
    annotated = json.loads((FINDINGS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    annotated["text"] = extraction_bodies()[annotated["page"]]["articleBody"]
    return annotated


def annotated_articles() -> list[dict[str, Any]]:
    return [annotated_article(p.stem) for p in sorted(FINDINGS_DIR.glob("*.json"))]
