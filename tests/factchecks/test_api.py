"""``GET /api/v1/analyses/<id>``: a finding carries the published fact-checks that reach it
and what other articles report for its count, on SQLite and on PostgreSQL."""

from __future__ import annotations

from server import create_app
from tests.factchecks.conftest import WRITTEN, insert_written
from worker.factchecks.claimreview import parse_document
from worker.factchecks.store import import_reviews
from worker.store import session_scope
from worker.store.accounts import create_token, create_user

FACTCHECK = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example.org/valdera-40",
    "claimReviewed": "At least 40 protesters were killed in Valdera.",
    "reviewRating": {"@type": "Rating", "ratingValue": 2, "alternateName": "Unproven"},
    "author": {"@type": "Organization", "name": "Example Checks"},
    "datePublished": "2022-01-06",
}


def test_findings_carry_factchecks_and_other_figures(db_url):
    for n, article in enumerate(WRITTEN):
        insert_written(db_url, article, f"written-{n}")
    with session_scope(db_url) as session:
        reviews = [r for _, r in parse_document(FACTCHECK, "written").reviews]
        result = import_reviews(session, reviews, "written")
        reader = create_user(session, "reader@example.org", "reader")
        token = create_token(session, reader, "t")
    assert result.matched == 1
    client = create_app({"TESTING": True, "DATABASE_URL": db_url}).test_client()
    answer = client.get("/api/v1/analyses/written-0", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    findings = {f["id"]: f for f in answer.get_json()["findings"]}
    dead, injured = findings["f1"], findings["f2"]
    [check] = dead["factchecks"]
    assert check["publisher"] == "Example Checks"
    assert check["rating"] == "Unproven"
    assert check["url"] == "https://checks.example.org/valdera-40"
    assert check["date"] == "2022-01-06"
    assert injured["factchecks"] == []
    assert [(o["label"], o["diverges"], o["date"], o["site"]) for o in dead["other_figures"]] == [
        ("12 dead (source named)", True, "2022-01-06", "daily.example.com"),
        ("'dozens' dead (anonymous source)", False, "2022-01-06", "radio.example.net"),
    ]
    assert dead["other_figures"][0]["source"] == "Interior Ministry"
    assert dead["other_figures"][0]["url"] == "https://daily.example.com/valdera-ministry-toll"
    assert [(o["label"], o["diverges"]) for o in injured["other_figures"]] == [
        ("53 injured (source named)", False)
    ]
    # the ministry's article sees the wire's figure the other way round
    other = client.get(
        "/api/v1/analyses/written-1", headers={"Authorization": f"Bearer {token}"}
    ).get_json()
    ministry_dead = next(f for f in other["findings"] if f["id"] == "f1")
    assert ("at least 40 dead (reports)", True) in [
        (o["label"], o["diverges"]) for o in ministry_dead["other_figures"]
    ]
    # the fire in another town reaches nobody
    fire = client.get(
        "/api/v1/analyses/written-3", headers={"Authorization": f"Bearer {token}"}
    ).get_json()
    assert [f["other_figures"] for f in fire["findings"]] == [[]]


def test_openapi_describes_the_new_lists(db_url):
    client = create_app({"TESTING": True, "DATABASE_URL": db_url}).test_client()
    spec = client.get("/api/v1/openapi.json").get_json()
    finding = spec["components"]["schemas"]["Finding"]["properties"]
    assert finding["factchecks"]["items"]["$ref"] == "#/components/schemas/FactCheck"
    assert finding["other_figures"]["items"]["$ref"] == "#/components/schemas/OtherFigure"
    assert "diverges" in spec["components"]["schemas"]["OtherFigure"]["required"]
