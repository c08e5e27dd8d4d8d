"""Hypothesis-driven pipeline: any page ends as an Article or a typed PipelineError, and any text
gives findings whose offsets index exactly into it. Bounded example counts."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings

from tests.fuzz.strategies import any_text, pages, prose
from worker.pipeline import extract_article, find_claims
from worker.pipeline.errors import PipelineError

BOUNDED = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@settings(BOUNDED, max_examples=150)
@given(html=pages)
def test_extraction_returns_an_article_or_a_typed_error(html):
    try:
        article = extract_article(html, "https://example.org/x")
    except PipelineError as exc:
        assert str(exc) and exc.code
        return
    assert isinstance(article.text, str) and article.text.strip()
    assert "\x00" not in article.text


@settings(BOUNDED, max_examples=60)
@given(html=pages)
def test_extraction_of_bytes_never_crashes(html):
    for data in (
        html.encode("utf-8", "surrogatepass"),
        html.encode("utf-16"),
        b"\xff\xfe\x00" + html.encode("latin-1", "replace"),
    ):
        with contextlib.suppress(PipelineError):
            extract_article(data, None)


@settings(BOUNDED, max_examples=80)
@given(text=prose | any_text)
def test_findings_index_exactly_into_any_text(text):
    findings = find_claims(text)
    ids = [f.id for f in findings]
    assert len(ids) == len(set(ids))
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        data = finding.to_dict()
        assert data["selector"]["exact"] == finding.text
        for piece in data.get("content") or []:
            assert finding.start <= piece["start"] <= piece["end"] <= finding.end
        if data.get("cue"):
            cue = data["cue"]
            assert text[cue["start"] : cue["end"]] == cue["text"]
