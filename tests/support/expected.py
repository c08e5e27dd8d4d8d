"""The matching rule of tests/data/seed/expected.json, for every test that uses it."""

from __future__ import annotations

from typing import Any


def matches(finding: dict[str, Any], expected: dict[str, Any]) -> bool:
    """Kind and type equal, text contains the anchor, speaker.name equal where given."""
    if "kind" in expected and finding["kind"] != expected["kind"]:
        return False
    if "type" in expected and finding["type"] != expected["type"]:
        return False
    if expected["anchor"] not in finding["text"]:
        return False
    if "speaker" in expected:
        speaker = finding.get("speaker") or {}
        if speaker.get("name") != expected["speaker"]:
            return False
    return True


def score(findings: list[dict[str, Any]], expected: dict[str, Any]) -> tuple[list, list]:
    """(required expectations not found, findings that are false positives)."""
    missing = [e for e in expected["findings"] if not any(matches(f, e) for f in findings)]
    allowed = expected["findings"] + expected.get("optional", [])
    false_positives = [f for f in findings if not any(matches(f, e) for e in allowed)]
    return missing, false_positives
