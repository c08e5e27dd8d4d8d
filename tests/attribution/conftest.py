"""Matching of findings against expected-findings files (seed/expected.json's rule)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from worker.pipeline.model import Finding


def _matches(finding: Finding, exp: dict) -> bool:
    types = {exp.get("type"), *exp.get("type_also_accepted", [])} - {None}
    if finding.kind != exp["kind"] or (types and finding.type not in types):
        return False
    if exp["anchor"] not in finding.text:
        return False
    if "also_contains" in exp and exp["also_contains"] not in finding.text:
        return False
    spk = finding.speaker
    if "speaker" in exp and (spk is None or spk.name != exp["speaker"]):
        return False
    if "speaker_text" in exp and (spk is None or exp["speaker_text"] not in spk.text):
        return False
    if "anonymous" in exp and (spk is None or spk.anonymous != exp["anonymous"]):
        return False
    return "cue" not in exp or (finding.cue is not None and finding.cue.text == exp["cue"])


def _optional(finding: Finding, opt: dict) -> bool:
    return finding.kind == opt.get("kind", finding.kind) and opt["anchor"] in finding.text


def match_expected(findings: list[Finding], expected: list[dict], optional: list[dict]):
    """(matched expected, missed expected, false positives) under a one-to-one matching."""
    free = list(findings)
    matched, missed = [], []
    for exp in expected:
        hit = next((f for f in free if _matches(f, exp)), None)
        if hit is None:
            missed.append(exp)
        else:
            matched.append(exp)
            free.remove(hit)
    false_pos = [f for f in free if not any(_optional(f, o) for o in optional)]
    return matched, missed, false_pos


@pytest.fixture(scope="session")
def matcher() -> Callable:
    return match_expected
