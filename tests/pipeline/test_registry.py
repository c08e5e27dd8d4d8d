"""The rule registry: every reason code the unverified detector can emit is a registered rule
with an explanation and calibration counts, and adding a rule is one registry entry."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from worker.pipeline.nlp import parse
from worker.pipeline.unverified import calibration, find_unverified
from worker.pipeline.unverified.rule import TYPE_PRIORITY, Candidate, Rule, Sentence, Signal, cue
from worker.pipeline.unverified.rules import RULES, by_code

LABELLED = Path(__file__).resolve().parents[1] / "data" / "unverified" / "sentences.jsonl"


def test_every_rule_is_registered_once_with_a_type_and_an_explanation() -> None:
    table = by_code()
    assert len(table) == len(RULES) == 48
    for rule in RULES:
        assert rule.type in TYPE_PRIORITY, rule.code
        assert "{cue}" in rule.explanation, rule.code
        explained = rule.explain("some  cue\ntext")
        assert '"some cue text"' in explained and explained.endswith("."), rule.code


def test_every_registered_code_has_calibration_counts_and_no_stray_ones() -> None:
    codes = {rule.code for rule in RULES}
    assert set(calibration.COUNTS) == codes
    for code, (correct, fired) in calibration.COUNTS.items():
        assert 0 <= correct <= fired, code


def test_the_fit_command_writes_the_counts_file(tmp_path: Path) -> None:
    target = tmp_path / "calibration.json"
    target.write_text(json.dumps({"about": "kept", "counts": {}}), encoding="utf-8")
    calibration.write_counts({"harm": (3, 4), "arrest": (0, 0)}, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data == {"about": "kept", "counts": {"arrest": [0, 0], "harm": [3, 4]}}


def test_every_code_emitted_on_the_labelled_paragraphs_is_registered() -> None:
    items = [json.loads(line) for line in LABELLED.read_text("utf-8").splitlines() if line]
    contexts = sorted({it["context"] for it in items if it["label"] != "none"})
    emitted = {
        reason.code
        for context in contexts
        for finding in find_unverified(parse(context), [])
        for reason in finding.reasons
    }
    assert len(emitted) >= 15  # the set exercises most rules
    assert emitted <= set(by_code())
    for context in contexts[:20]:
        for finding in find_unverified(parse(context), []):
            for reason in finding.reasons:
                assert reason.explanation == by_code()[reason.code].explain(
                    reason.cue.text, None
                ) or reason.code in ("cannot_confirm", "not_confirmed")


def _pineapple(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    for tok in s.span:
        if tok.lower_ == "pineapple":
            yield cue(tok, tok)


TOY = Rule(
    "pineapple_rumour",
    "reported",
    '"{cue}": nobody has checked the pineapple.',
    _pineapple,
)


def test_a_new_rule_is_one_registry_entry() -> None:
    text = "The mayor's office bought a pineapple for the festival on Monday."
    assert find_unverified(parse(text), []) == []
    found = find_unverified(parse(text), [], rules=(*RULES, TOY))
    assert [f.type for f in found] == ["reported"]
    (reason,) = found[0].reasons
    assert reason.code == "pineapple_rumour"
    assert reason.cue.text == "pineapple"
    assert reason.explanation == '"pineapple": nobody has checked the pineapple.'
    assert 0 < found[0].confidence < 1


def test_a_code_registered_twice_is_refused() -> None:
    with pytest.raises(ValueError):
        by_code((TOY, TOY))
