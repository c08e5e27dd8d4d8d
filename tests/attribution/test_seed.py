"""The seed article: the 8 required attributions, all resolved to Stephane Dujarric."""

from __future__ import annotations

import pytest

from worker.pipeline import find_claims
from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def seed_body(seed_text: str) -> str:
    """The article body as the extractor produces it: the body paragraphs joined by blank lines."""
    lines = seed_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("UN Secretary-General"))
    end = next(i for i, line in enumerate(lines) if line.endswith("said Dujarric."))
    return "\n\n".join(lines[start : end + 1])


@pytest.fixture(scope="module")
def body(seed_text):
    return seed_body(seed_text)


@pytest.fixture(scope="module")
def attributions(body):
    return find_attributions(parse(body))


def _expected(seed_expected, kind="attribution"):
    return [f for f in seed_expected["findings"] if f["kind"] == kind]


def test_all_eight_required_attributions_found(attributions, seed_expected, matcher):
    matched, missed, _ = matcher(attributions, _expected(seed_expected), seed_expected["optional"])
    assert missed == []
    assert len(matched) == 8


def test_no_false_positive(attributions, seed_expected, matcher):
    _, _, false_pos = matcher(attributions, _expected(seed_expected), seed_expected["optional"])
    assert [f.text for f in false_pos] == []


def test_every_speaker_resolves_to_dujarric_with_role(attributions, seed_expected, matcher):
    required = [f for f in attributions if not _nested(f, seed_expected)]
    assert len(required) == 8
    assert {f.speaker.name for f in required} == {"Stephane Dujarric"}
    assert {f.speaker.role for f in required} == {"spokesman"}


def _nested(finding, seed_expected) -> bool:
    """The optional nested attributions (Guterres's call, Gherman's appeals)."""
    return finding.speaker.name in ("Antonio Guterres", "Natalia Gherman")


def test_nested_attribution_ranks_below_its_reporter(attributions):
    nested = [f for f in attributions if f.speaker.name == "Antonio Guterres"]
    reporter = next(f for f in attributions if f.speaker.text == "his spokesman")
    assert all(f.confidence < reporter.confidence for f in nested)


def test_offsets_are_exact(body, attributions):
    for f in attributions:
        assert body[f.start : f.end] == f.text
        assert body[f.cue.start : f.cue.end] == f.cue.text
        assert body[f.speaker.start : f.speaker.end] == f.speaker.text
        for piece in f.content:
            assert f.start <= piece.start < piece.end <= f.end
            # Content never includes the cue or the speaker.
            assert not (piece.start < f.cue.end and f.cue.start < piece.end)
            assert not (piece.start < f.speaker.end and f.speaker.start < piece.end)


def test_statement_text_covers_quote_and_attribution(attributions):
    told = next(f for f in attributions if f.cue.text == "told")
    assert told.text.startswith('"During these exchanges')
    assert told.text.endswith("Dujarric told a daily press briefing.")
    assert told.speaker.text == "Dujarric"


def test_cataphoric_spokesman_resolves_forward(attributions):
    first = next(f for f in attributions if f.speaker.text == "his spokesman")
    assert first.speaker.name == "Stephane Dujarric"
    assert first.speaker.start > first.content[0].end  # the name only comes a sentence later


def test_confidence_ranks_named_quotes_above_pronoun_reports(attributions):
    named_quote = next(f for f in attributions if f.cue.text == "told")
    pronoun_report = next(f for f in attributions if f.text.startswith("On reports of"))
    assert named_quote.confidence > pronoun_report.confidence >= 0.5


def test_through_find_claims(body, seed_expected, matcher):
    findings = [f for f in find_claims(body) if f.kind == "attribution"]
    matched, missed, false_pos = matcher(
        findings, _expected(seed_expected), seed_expected["optional"]
    )
    assert missed == [] and false_pos == []
    assert all(f.id and f.selector is not None for f in findings)
