"""The article text comes out in Unicode NFC, whichever way the page spells its accents."""

from __future__ import annotations

import unicodedata

from worker.pipeline.analyze import analyze
from worker.pipeline.extraction import extract_article

PARAGRAPHS = [
    "José Núñez, the mayor of São Paulo, said on Tuesday that the café district would reopen to "
    "traffic after three weeks of roadworks, and that the city would pay the shop owners who lost "
    "trade while the street was closed.",
    "The council's report, published on Monday, put the cost of the works at twelve million reais "
    "and said the new drains would stop the flooding that closed the district twice last winter.",
]


def _page(text_form: str) -> str:
    body = "".join(f"<p>{unicodedata.normalize(text_form, p)}</p>" for p in PARAGRAPHS)
    title = unicodedata.normalize(text_form, "São Paulo's café district reopens")
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def test_a_decomposed_page_gives_the_composed_text() -> None:
    decomposed = extract_article(_page("NFD"))
    composed = extract_article(_page("NFC"))
    assert "José Núñez" in composed.text
    assert decomposed.text == composed.text
    assert unicodedata.is_normalized("NFC", decomposed.text)
    assert decomposed.title == composed.title == "São Paulo's café district reopens"


def test_a_decomposed_page_gives_the_same_findings_at_the_same_offsets() -> None:
    decomposed = analyze(_page("NFD"))
    composed = analyze(_page("NFC"))
    said = [f for f in composed.findings if f.speaker is not None]
    assert said and said[0].speaker.name == "José Núñez"
    assert [f.to_dict() for f in decomposed.findings] == [f.to_dict() for f in composed.findings]
