"""Export documents and text highlighting as pure functions."""

from __future__ import annotations

import csv
import io

from server.review.exports import (
    RATINGS,
    Publisher,
    annotation_collection,
    claim_review,
    csv_lines,
    motivation,
)
from server.review.highlight import Span, runs, window

PUB = Publisher(base_url="https://sm.example", pipeline_version="9.9")


def test_csv_round_trips_and_defuses_formulas():
    items = [
        {"finding_id": 1, "text": 'He said "hi",\nthen left', "note": "=cmd()"},
        {"finding_id": 2, "text": "@risk", "speaker": "-x"},
    ]
    rows = list(csv.DictReader(io.StringIO("".join(csv_lines(items)))))
    assert rows[0]["text"] == 'He said "hi",\nthen left'
    assert rows[0]["note"] == "'=cmd()"
    assert rows[1]["text"] == "'@risk" and rows[1]["speaker"] == "'-x"


def test_motivation_follows_kind_and_verdict():
    assert motivation({"kind": "attribution"}) == "identifying"
    assert motivation({"kind": "unverified"}) == "questioning"
    assert motivation({"kind": "unverified", "review": {"verdict": "false"}}) == "assessing"


def test_annotation_collection_targets_the_article_by_quote():
    analysis = {
        "id": "a1",
        "created_at": "2026-01-01T00:00:00",
        "article": {"url": "https://news.example/x", "title": "X"},
        "findings": [
            {
                "id": "f1",
                "kind": "unverified",
                "type": "reported",
                "start": 4,
                "end": 9,
                "text": "hello",
                "selector": {"exact": "hello", "prefix": "abc ", "suffix": " w"},
                "reasons": [{"code": "reported", "explanation": "Only reports."}],
            }
        ],
    }
    doc = annotation_collection(analysis, {"f1": 17}, {17: "ed@example.org"}, PUB)
    item = doc["first"]["items"][0]
    assert item["id"] == "https://sm.example/api/v1/findings/17"
    assert item["target"]["source"] == "https://news.example/x"
    assert item["target"]["selector"] == [
        {"type": "TextQuoteSelector", "exact": "hello", "prefix": "abc ", "suffix": " w"}
    ]
    assert item["creator"] == {"type": "Person", "name": "ed@example.org"}
    assert item["generator"]["name"] == "sourcemark 9.9"
    assert {"type": "TextualBody", "purpose": "questioning", "value": "Only reports."} in item[
        "body"
    ]


def test_claim_review_has_the_required_fields():
    item = {
        "finding_id": 5,
        "verdict": "misleading",
        "text": "Crime doubled.",
        "speaker": None,
        "site": "Daily",
        "url": "https://d.example/1",
        "title": None,
    }
    review = claim_review(item, None, "2026-02-03T10:00:00", PUB)
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Misleading",
    }
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Daily"}
    assert review["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "url": "https://d.example/1",
    }
    assert review["datePublished"] == "2026-02-03"
    assert set(RATINGS) == {"unverified", "confirmed", "false", "misleading"}


def test_runs_cover_the_text_exactly_and_mark_overlaps():
    text = "abcdefghij"
    out = runs(text, [Span(2, 6, "f1"), Span(4, 8, "f2"), Span(9, 99, "bad")])
    assert "".join(r.text for r in out) == text
    assert [(r.text, r.keys) for r in out] == [
        ("ab", ()),
        ("cd", ("f1",)),
        ("ef", ("f1", "f2")),
        ("gh", ("f2",)),
        ("ij", ()),
    ]


def test_window_widens_to_whole_words():
    text = "one two three four five"
    lo, hi = window(text, 8, 13, margin=2)
    assert text[lo:hi] == "two three four"
