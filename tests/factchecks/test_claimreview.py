"""The ClaimReview reader: the four JSON-LD shapes, and an error per malformed item.

The documents are written examples (not any publisher's feed), in the shapes schema.org and
Google's Fact Check markup documentation describe.
"""

from __future__ import annotations

import json

import pytest

from worker.factchecks.claimreview import parse_document, parse_text


def review(n: int = 1, **changes: object) -> dict:
    doc = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/reviews/{n}",
        "claimReviewed": f"At least {40 + n} protesters were killed in Almaty on Wednesday.",
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": "2",
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Unproven",
        },
        "author": {
            "@type": "Organization",
            "name": "Example Checks",
            "url": "https://checks.example.org",
        },
        "datePublished": "2022-01-07T10:00:00Z",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "A Spokesman"},
            "firstAppearance": {"@type": "CreativeWork", "url": "https://news.example.com/a"},
            "appearance": [
                {"@type": "CreativeWork", "url": "https://news.example.com/a"},
                {"@type": "CreativeWork", "url": "https://other.example.net/b"},
            ],
        },
    }
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def test_a_single_object_gives_every_field():
    out = parse_document(review(), "one.json")
    assert out.errors == []
    [(where, fc)] = out.reviews
    assert where == "document"
    assert fc.url == "https://checks.example.org/reviews/1"
    assert fc.claim == "At least 41 protesters were killed in Almaty on Wednesday."
    assert fc.rating == "Unproven"
    assert (fc.rating_value, fc.best_rating, fc.worst_rating) == (2.0, 5.0, 1.0)
    assert fc.publisher == "Example Checks"
    assert fc.publisher_url == "https://checks.example.org"
    assert fc.date_published == "2022-01-07"
    assert fc.claim_author == "A Spokesman"
    assert fc.appearances == ("https://news.example.com/a", "https://other.example.net/b")


def test_an_array_of_reviews():
    out = parse_document([review(1), review(2), review(3)], "list.json")
    assert out.errors == []
    assert [w for w, _ in out.reviews] == ["item 0", "item 1", "item 2"]
    assert [fc.url[-1] for _, fc in out.reviews] == ["1", "2", "3"]


def test_a_graph_skips_the_page_nodes_beside_the_reviews():
    doc = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "url": "https://checks.example.org/"},
            review(1),
            {"@type": "Organization", "name": "Example Checks"},
            review(2),
        ],
    }
    out = parse_document(doc, "graph.json")
    assert out.errors == []
    assert [w for w, _ in out.reviews] == ["@graph[1]", "@graph[3]"]
    assert out.skipped == 2


def test_the_datafeed_form_of_aggregators():
    doc = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": "Example Checks feed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [review(1), review(2)]},
            {"@type": "DataFeedItem", "item": review(3)},
        ],
    }
    out = parse_document(doc, "feed.json")
    assert out.errors == []
    assert [w for w, _ in out.reviews] == [
        "dataFeedElement[0].item[0]",
        "dataFeedElement[0].item[1]",
        "dataFeedElement[1].item[0]",
    ]


def test_type_spelled_as_an_iri_or_a_list():
    a = review(1, **{"@type": "http://schema.org/ClaimReview"})
    b = review(2, **{"@type": ["schema:ClaimReview"]})
    out = parse_document([a, b], "iri.json")
    assert out.errors == [] and len(out.reviews) == 2


def test_a_rating_without_a_name_reads_as_its_value():
    out = parse_document(
        review(reviewRating={"ratingValue": 1, "bestRating": 5}, author=None), "x.json"
    )
    [(_, fc)] = out.reviews
    assert fc.rating == "1 of 5"
    # no author: the reader still sees who published it, by the review's host
    assert fc.publisher == "checks.example.org"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"url": None}, "url is missing"),
        ({"url": "javascript:alert(1)"}, "url is not an http(s) URL"),
        ({"claimReviewed": "  "}, "claimReviewed is missing or empty"),
        ({"reviewRating": None}, "reviewRating is missing or not an object"),
        ({"reviewRating": {"bestRating": 5}}, "neither alternateName nor ratingValue"),
        ({"reviewRating": {"ratingValue": "two"}}, "ratingValue is not a number"),
        ({"datePublished": "last week"}, "datePublished is not a date"),
        ({"author": 7}, "author is neither a name nor an object"),
        ({"itemReviewed": {"appearance": {"url": "ftp://x.example/a"}}}, "appearance.url"),
    ],
)
def test_a_malformed_item_is_named_with_what_is_wrong(changes, message):
    out = parse_document([review(1), review(2, **changes)], "bad.json")
    assert [fc.url for _, fc in out.reviews] == ["https://checks.example.org/reviews/1"]
    [error] = out.errors
    assert (error.source, error.where) == ("bad.json", "item 1")
    assert message in error.message
    assert str(error).startswith("bad.json: item 1: ")


def test_errors_inside_a_feed_name_the_element():
    doc = {
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [review(1), review(2, claimReviewed=None)]},
            {"@type": "DataFeedItem"},
            "text",
            {"@type": "DataFeedItem", "item": {"@type": "WebPage"}},
        ],
    }
    out = parse_document(doc, "feed.json")
    assert [str(e) for e in out.errors] == [
        "feed.json: dataFeedElement[0].item[1]: claimReviewed is missing or empty",
        "feed.json: dataFeedElement[1]: has no item (the ClaimReviews)",
        "feed.json: dataFeedElement[2]: expected an object, found text",
        "feed.json: dataFeedElement[3]: its item holds no ClaimReview",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not JSON"),
        ("42", "expected a JSON object or array"),
        ("[]", "empty array"),
        ('{"@type": "WebPage"}', "not a ClaimReview or DataFeed"),
        ('{"@graph": [{"@type": "WebPage"}]}', "no ClaimReview found"),
        ('{"@type": "DataFeed", "dataFeedElement": {}}', "dataFeedElement must be"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"ratingValue": ' + "9" * 5000 + "}", "not usable JSON"),
    ],
)
def test_a_file_with_no_review_is_one_clear_error(text, message):
    out = parse_text(text, "f.json")
    assert out.reviews == []
    assert len(out.errors) == 1 and message in out.errors[0].message


def test_whitespace_in_the_claim_is_folded():
    out = parse_text(json.dumps(review(claimReviewed="  Forty\n killed  ")), "w.json")
    assert out.reviews[0][1].claim == "Forty killed"
