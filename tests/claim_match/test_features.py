"""Stored match features decide exactly as a fresh parse: ``match_features(claim(a),
load(b, dump(claim(b))))`` is ``match_claims(a, b)`` to the digit, through JSON as the store
keeps them; features of another version or of another text are not trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker.pipeline import match_claims
from worker.pipeline.claim_match import features, match_features
from worker.pipeline.claim_match.decision import claim

WRITTEN = Path(__file__).resolve().parents[1] / "data" / "claim_pairs" / "written.jsonl"


def _dev_pairs() -> list[dict]:
    rows = [json.loads(line) for line in WRITTEN.open(encoding="utf-8")]
    return [r for r in rows if r["split"] == "dev"]


def _through_json(text: str) -> features.Claim:
    stored = json.loads(json.dumps(features.dump(claim(text))))
    loaded = features.load(text, stored)
    assert loaded is not None
    return loaded


def test_stored_features_are_the_parse():
    for r in _dev_pairs()[:40]:
        assert _through_json(r["a"]) == claim(r["a"])


def test_scoring_stored_features_is_match_claims_on_every_dev_pair():
    pairs = _dev_pairs()
    assert len(pairs) > 100
    same = 0
    for r in pairs:
        for a, b in ((r["a"], r["b"]), (r["b"], r["a"])):
            expected = match_claims(a, b)
            got = match_features(claim(a), _through_json(b))
            assert got == expected, r["id"]
            same += got.same
    assert same > 0  # the accepted side is exercised, not only rejections


def test_figures_quotes_and_speaker_survive_the_round_trip():
    text = 'At least 40 people were killed, "far more than we feared at first," Mr. Ortiz said.'
    c = _through_json(text)
    assert [q.value for q in c.quantities] == [40.0] and c.quantities[0].bound == ">"
    assert c.speaker is not None and "ortiz" in c.speaker.words
    assert ("far", "more", "than", "we", "feared", "at", "first") in [q.words for q in c.quotes]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: {**d, "v": features.VERSION + 1},  # written by another matcher version
        lambda d: {**d, "h": "0" * 16},  # the row's text changed after they were written
        lambda d: {k: v for k, v in d.items() if k != "p"},  # damaged
        lambda d: {**d, "e": [["x"]]},
        lambda d: None,  # none written yet
        lambda d: "not a dict",
    ],
)
def test_features_not_of_this_version_and_text_are_not_trusted(change):
    text = "The ministry said 12 soldiers were wounded in the attack."
    assert features.load(text, change(features.dump(claim(text)))) is None


def test_features_of_another_text_are_not_used_for_this_one():
    stored = features.dump(claim("The ministry said 12 soldiers were wounded."))
    assert features.load("The ministry said 14 soldiers were wounded.", stored) is None


def test_an_empty_claim_matches_nothing():
    empty = claim("")
    result = match_features(empty, claim("Forty protesters were killed."))
    assert not result.same and [r.code for r in result.reasons] == ["empty"]
