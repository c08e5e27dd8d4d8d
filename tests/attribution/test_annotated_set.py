"""Quality floors on the hand-annotated set (tests/data/attribution/annotated.json).

The floors sit a little below what the extractor reaches (benchmarks/attribution.py prints the
figures), so a change that loses quality fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.data import EXTRACTION_DIR
from worker.pipeline.attribution import find_attributions
from worker.pipeline.attribution.evaluation import Score, from_findings, locate_gold, score
from worker.pipeline.nlp import parse

HERE = Path(__file__).resolve()
ANNOTATED = HERE.parents[1] / "data" / "attribution" / "annotated.json"
BODIES = EXTRACTION_DIR / "ground-truth.json"
TYPES = (None, "direct_quote", "indirect", "mixed", "according_to")


@pytest.fixture(scope="module")
def scores() -> dict[str | None, Score]:
    bodies = json.loads(BODIES.read_text("utf-8"))
    totals = {t: Score() for t in (*TYPES, "heldout")}
    for article in json.loads(ANNOTATED.read_text("utf-8"))["articles"]:
        text = bodies[article["key"]]["articleBody"]
        gold = locate_gold(article["key"], text, article["relations"]).relations
        predicted = from_findings(find_attributions(parse(text)))
        for t in TYPES:
            totals[t].add(score(gold, predicted, t))
        if article["split"] == "heldout":
            totals["heldout"].add(score(gold, predicted))
    return totals


def test_set_is_large_enough():
    articles = json.loads(ANNOTATED.read_text("utf-8"))["articles"]
    assert len(articles) >= 20
    assert sum(len(a["relations"]) for a in articles) >= 300


def test_overall_floor(scores):
    assert scores[None].f1 >= FLOORS["all"][0]
    assert scores[None].speaker_prf()[2] >= FLOORS["all"][1]


def test_direct_quote_floor(scores):
    assert scores["direct_quote"].f1 >= FLOORS["direct_quote"][0]
    assert scores["direct_quote"].speaker_prf()[2] >= FLOORS["direct_quote"][1]


def test_indirect_floor(scores):
    assert scores["indirect"].f1 >= FLOORS["indirect"][0]
    assert scores["indirect"].speaker_prf()[2] >= FLOORS["indirect"][1]


def test_mixed_and_according_to_floors(scores):
    assert scores["mixed"].f1 >= FLOORS["mixed"][0]
    assert scores["according_to"].f1 >= FLOORS["according_to"][0]


def test_speaker_names_resolved(scores):
    total = scores[None]
    assert total.name_right / total.name_total >= FLOORS["name"][0]


def test_anonymous_flags_agree(scores):
    total = scores[None]
    assert total.anonymous_right / total.tp >= FLOORS["anonymous"][0]


def test_heldout_floor(scores):
    """The articles annotated after the extractor was built (not tuned on)."""
    assert scores["heldout"].f1 >= FLOORS["heldout"][0]


# (F1, F1 with the speaker right), a little under the measured figures (2026-12-06, after the
# second round of PolNeAR rules: all 0.945 / 0.922, direct quotes 0.988 / 0.971). The overall
# floor is issue 13's "our set stays >= 0.94".
FLOORS = {
    "all": (0.94, 0.91),
    "direct_quote": (0.97, 0.95),
    "indirect": (0.90, 0.88),
    "mixed": (0.85, 0.0),
    "according_to": (0.90, 0.0),
    "name": (0.86, 0.0),
    "anonymous": (0.90, 0.0),
    "heldout": (0.88, 0.0),
}
