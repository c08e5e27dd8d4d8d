"""The API carries claims across articles: each finding of ``GET /analyses/<id>`` has its global
review id, a link to its review resource, its matches in other articles and the verdict editors
published on the same claim elsewhere; drafts, dismissed findings and notes stay private."""

from __future__ import annotations

from datetime import date

from tests.review.conftest import bearer
from worker.store import session_scope
from worker.store.claim_matches import match_analysis

CLAIM_A = "At least 40 protesters were killed in Almaty on Wednesday, Jane Doe said."
CLAIM_B = "No fewer than 40 protesters died in Almaty on Wednesday, Jane Doe said."
UNRELATED = "The new bridge will open to traffic in the spring, Jane Doe said."
URL_A = "https://a.example/news/almaty"
URL_B = "https://www.b.example/world/kazakhstan"


def _two_outlets(seed_store) -> dict[str, object]:
    a = seed_store([(CLAIM_A, {}), (UNRELATED, {})], url=URL_A, site="Outlet A")
    b = seed_store([(CLAIM_B, {})], url=URL_B, site="Outlet B")
    with session_scope() as session:
        assert match_analysis(session, b["analysis_id"]) == 1
    return {"a": a, "b": b, "fa": a["finding_ids"][0], "fb": b["finding_ids"][0]}


def _finding(client, token: str, analysis_id: str, text: str) -> dict:
    response = client.get(f"/api/v1/analyses/{analysis_id}", headers=bearer(token))
    assert response.status_code == 200
    return next(f for f in response.get_json()["findings"] if f["text"] == text)


def test_findings_carry_review_id_link_and_matches(client, users, seed_store):
    s = _two_outlets(seed_store)
    reader = users["reader"]["token"]
    fb = _finding(client, reader, s["b"]["analysis_id"], CLAIM_B)
    assert fb["review_id"] == s["fb"]
    assert fb["links"]["review"] == f"/api/v1/findings/{s['fb']}"
    assert fb["matches"]["count"] == 1
    (best,) = fb["matches"]["best"]
    assert best["review_id"] == s["fa"] and best["url"] == URL_A
    assert best["site"] == "Outlet A" and best["host"] == "a.example"
    assert 0.73 <= best["score"] <= 1 and best["date"] == date.today().isoformat()
    assert fb["checked"] is None
    # The match is found from either side; an unrelated statement has none.
    fa = _finding(client, reader, s["a"]["analysis_id"], CLAIM_A)
    assert fa["matches"]["best"][0]["host"] == "b.example"
    other = _finding(client, reader, s["a"]["analysis_id"], UNRELATED)
    assert other["matches"] == {"count": 0, "best": []} and other["checked"] is None


def test_readers_see_only_published_verdicts_never_notes(client, users, seed_store, monkeypatch):
    s = _two_outlets(seed_store)
    editor, reader = bearer(users["editor"]["token"]), users["reader"]["token"]
    secret = "Desk only: the source is a cousin of the minister"
    draft = {"verdict": "unverified", "status": "follow_up", "note": secret}
    assert (
        client.patch(f"/api/v1/findings/{s['fa']}", headers=editor, json=draft).status_code == 200
    )
    seen = client.get(f"/api/v1/analyses/{s['b']['analysis_id']}", headers=bearer(reader))
    assert secret not in seen.get_data(as_text=True)
    assert _finding(client, reader, s["b"]["analysis_id"], CLAIM_B)["checked"] is None

    monkeypatch.setenv("SOURCEMARK_DESK", "the Example Desk")
    published = {"status": "confirmed"}
    response = client.patch(f"/api/v1/findings/{s['fa']}", headers=editor, json=published)
    assert response.status_code == 200
    response = client.get(f"/api/v1/analyses/{s['b']['analysis_id']}", headers=bearer(reader))
    body = response.get_data(as_text=True)
    assert secret not in body and users["editor"]["email"] not in body
    checked = _finding(client, reader, s["b"]["analysis_id"], CLAIM_B)["checked"]
    today = date.today().isoformat()
    assert checked["text"] == f"Checked by the Example Desk on {today}: still unverified"
    assert (checked["verdict"], checked["by"], checked["on"]) == (
        "unverified",
        "the Example Desk",
        today,
    )
    assert checked["original"]["review_id"] == s["fa"] and checked["original"]["url"] == URL_A

    # A finding dismissed as wrong takes its verdict back out of other articles.
    dismissed = {"status": "dismissed"}
    response = client.patch(f"/api/v1/findings/{s['fa']}", headers=editor, json=dismissed)
    assert response.status_code == 200
    assert _finding(client, reader, s["b"]["analysis_id"], CLAIM_B)["checked"] is None


def test_the_review_resource_lists_matches_for_editors_only(client, users, seed_store):
    s = _two_outlets(seed_store)
    editor, reader = bearer(users["editor"]["token"]), bearer(users["reader"]["token"])
    client.patch(f"/api/v1/findings/{s['fa']}", headers=editor, json={"verdict": "false"})
    response = client.get(f"/api/v1/findings/{s['fb']}", headers=editor)
    assert response.status_code == 200
    body = response.get_json()
    assert body["finding_id"] == s["fb"] and body["matches"]["count"] == 1
    (item,) = body["matches"]["items"]
    assert (item["finding_id"], item["url"], item["verdict"]) == (s["fa"], URL_A, "false")
    assert item["verdict_published"] is True and item["text"] == CLAIM_A
    assert client.get(f"/api/v1/findings/{s['fb']}", headers=reader).status_code == 403
    missing = client.get("/api/v1/findings/99999", headers=editor)
    assert missing.status_code == 404 and missing.get_json()["error"]["code"]
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "get" in spec["paths"]["/findings/{finding_id}"]
    finding_schema = spec["components"]["schemas"]["Finding"]["properties"]
    assert {"review_id", "links", "matches", "checked"} <= set(finding_schema)
