"""Every attribution type the detector can emit is a word of ``worker/vocabulary.py`` with a label,
a confidence and an explanation in the extension's card; every cue kind has a confidence."""

from __future__ import annotations

import re
from pathlib import Path

from worker.pipeline.attribution import find_attributions
from worker.pipeline.attribution.build import BASE_CONFIDENCE, CUE_KIND_PENALTY
from worker.pipeline.attribution.cues import CUE_KINDS
from worker.pipeline.attribution.relation import QUOTE_TYPES, REPORTED_TYPES
from worker.pipeline.model import ATTRIBUTION_TYPES
from worker.pipeline.nlp import parse
from worker.vocabulary import TYPE_LABELS, TYPES_BY_KIND, Kind

ROOT = Path(__file__).resolve().parents[2]
OVERLAY = ROOT / "extension" / "content" / "overlay.js"

TEXT = (
    '"We are full," said Maria Lopez, who runs the shelter. The mayor said the shelter, which '
    'she called "a lifeline," would get more money. Costs will rise, according to the budget '
    "office. The council argued that the plan was too expensive. The union criticized the "
    "budget cuts."
)


def _js_table(name: str) -> dict[str, str]:
    """The keys and strings of ``const NAME = {...}`` in the overlay script."""
    body = re.search(rf"const {name} = \{{(.*?)\n  \}};", OVERLAY.read_text("utf-8"), re.S)
    assert body is not None, name
    return dict(re.findall(r"(\w+): '([^']+)'", body.group(1)))


def test_every_relation_type_is_a_known_attribution_type() -> None:
    assert set(ATTRIBUTION_TYPES) == QUOTE_TYPES | REPORTED_TYPES
    assert set(TYPES_BY_KIND[Kind.ATTRIBUTION]) == set(ATTRIBUTION_TYPES)
    assert set(BASE_CONFIDENCE) == set(ATTRIBUTION_TYPES)


def test_every_attribution_type_is_labelled_and_explained_in_the_card() -> None:
    explained, short = _js_table("TYPE"), _js_table("TYPE_SHORT")
    for kind in ATTRIBUTION_TYPES:
        assert TYPE_LABELS.get(kind), kind
        assert explained.get(kind), kind
        assert short.get(kind), kind


def test_the_detector_emits_every_type_and_only_known_ones() -> None:
    emitted = {f.type for f in find_attributions(parse(TEXT))}
    assert emitted == set(ATTRIBUTION_TYPES)


def test_every_cue_kind_has_a_confidence() -> None:
    assert set(CUE_KIND_PENALTY) == set(CUE_KINDS)
    assert all(0 <= p < 0.5 for p in CUE_KIND_PENALTY.values())
