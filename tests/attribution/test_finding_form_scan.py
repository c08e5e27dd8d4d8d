"""The scan for findings verbs before the token walk finds what the case-blind regular
expression finds, in text order, including texts whose lower case changes length."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution.trailing_findings import _FINDING_FORM, _form_spans

TEXTS = [
    "Records Show he backed both. The study found, and shows; a show-off showed up.",
    "Nothing here: showcase, founders, suggestive, findings, reshows.",
    "İstanbul records reveal the deal; FOUND_IT is one word, found2 too, but (found) is not.",
    "",
    "suggests",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_matches_the_regular_expression(text: str) -> None:
    assert _form_spans(text) == [m.span() for m in _FINDING_FORM.finditer(text)]


def test_scan_finds_every_form_once() -> None:
    spans = _form_spans("Polls show it; a poll shows it; polls showed it.")
    assert spans == [(6, 10), (22, 27), (38, 44)]
