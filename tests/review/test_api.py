"""The review API with bearer tokens: list, patch, history, exports, roles, bad input."""

from __future__ import annotations

import csv
import io
import json

from tests.review.conftest import bearer


def test_reader_token_gets_403_and_no_token_401(client, users, seed_store):
    ids = seed_store([('"A," Jane Doe said.', {})])
    reader = bearer(users["reader"]["token"])
    for method, path in (
        ("GET", "/api/v1/findings"),
        ("PATCH", f"/api/v1/findings/{ids['finding_ids'][0]}"),
        ("GET", f"/api/v1/findings/{ids['finding_ids'][0]}/history"),
        ("GET", f"/api/v1/analyses/{ids['analysis_id']}/annotations"),
        ("GET", "/api/v1/claimreviews"),
        ("GET", "/api/v1/findings.csv"),
    ):
        assert client.open(path, method=method, headers=reader, json={}).status_code == 403
        assert client.open(path, method=method, json={}).status_code == 401


def test_list_has_global_and_local_ids_and_pages(client, users, seed_store):
    first = seed_store([(f'"Point {i}," Jane Doe said.', {}) for i in range(5)])
    editor = bearer(users["editor"]["token"])
    body = client.get("/api/v1/findings?limit=2", headers=editor).get_json()
    assert body["total"] == 5
    assert [i["fid"] for i in body["items"]] == ["f5", "f4"]  # newest first
    item = body["items"][0]
    assert item["finding_id"] == first["finding_ids"][4]
    assert item["analysis_id"] == first["analysis_id"]
    seen = [i["finding_id"] for i in body["items"]]
    while body["links"]["next"]:
        body = client.get(body["links"]["next"], headers=editor).get_json()
        seen += [i["finding_id"] for i in body["items"]]
    assert seen == sorted(first["finding_ids"], reverse=True)
    back = client.get(f"/api/v1/findings?limit=2&before={seen[-1]}", headers=editor).get_json()
    assert [i["finding_id"] for i in back["items"]] == seen[2:4]
    # Links keep the filters, encoded: a site name with spaces and '&' survives the round trip.
    seed_store([(f'"Other {i}," Jane Doe said.', {}) for i in range(3)], site="A & B News")
    body = client.get("/api/v1/findings?limit=2&site=A+%26+B+News", headers=editor).get_json()
    assert body["total"] == 3
    body = client.get(body["links"]["next"], headers=editor).get_json()
    assert [i["site"] for i in body["items"]] == ["A & B News"]


def test_patch_records_history_and_flows_back_to_the_analysis(client, users, seed_store):
    ids = seed_store([("Officials said 40 died.", {"kind": "unverified", "type": "unconfirmed"})])
    fid = ids["finding_ids"][0]
    editor = bearer(users["editor"]["token"])
    response = client.patch(
        f"/api/v1/findings/{fid}",
        headers=editor,
        json={
            "status": "follow_up",
            "verdict": "misleading",
            "note": "Figure is from one source",
            "assignee": users["admin"]["email"],
        },
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["status"] == "follow_up" and body["assignee"] == "admin@example.org"
    assert sorted(body["changed"]) == ["assignee", "note", "status", "verdict"]
    again = client.patch(f"/api/v1/findings/{fid}", headers=editor, json={"status": "follow_up"})
    assert again.get_json()["changed"] == []
    events = client.get(f"/api/v1/findings/{fid}/history", headers=editor).get_json()["events"]
    assert [(e["field"], e["from"], e["to"], e["who"]) for e in events] == [
        ("status", "new", "follow_up", "editor@example.org"),
        ("verdict", None, "misleading", "editor@example.org"),
        ("note", None, "Figure is from one source", "editor@example.org"),
        ("assignee", None, "admin@example.org", "editor@example.org"),
    ]
    analysis = client.get(f"/api/v1/analyses/{ids['analysis_id']}", headers=editor).get_json()
    # Readers see what the desk published: a finding marked for follow-up is a draft, so its
    # verdict waits, and the note never leaves the review API.
    assert analysis["findings"][0]["review"] == {"status": "follow_up", "verdict": None}
    client.patch(f"/api/v1/findings/{fid}", headers=editor, json={"status": "confirmed"})
    analysis = client.get(f"/api/v1/analyses/{ids['analysis_id']}", headers=editor).get_json()
    assert analysis["findings"][0]["review"] == {"status": "confirmed", "verdict": "misleading"}
    assert "Figure is from one source" not in json.dumps(analysis)


def test_patch_refuses_bad_input_with_clear_errors(client, users, seed_store):
    fid = seed_store([('"A," Jane Doe said.', {})])["finding_ids"][0]
    editor = bearer(users["editor"]["token"])
    cases = [
        ({"status": "maybe"}, "invalid_status"),
        ({"verdict": 3}, "invalid_verdict"),
        ({"note": ["x"]}, "invalid_note"),
        ({"note": "x" * 5001}, "invalid_note"),
        ({"assignee": users["reader"]["email"]}, "invalid_assignee"),
        ({"assignee": True}, "invalid_assignee"),
        ({"colour": "red"}, "invalid_colour"),
        ({}, "invalid_body"),
    ]
    for body, code in cases:
        response = client.patch(f"/api/v1/findings/{fid}", headers=editor, json=body)
        assert response.status_code == 422, body
        assert response.get_json()["error"]["code"] == code
    assert (
        client.patch(
            f"/api/v1/findings/{fid}", headers=editor, data="[", content_type="application/json"
        ).status_code
        == 400
    )
    assert (
        client.patch("/api/v1/findings/999999", headers=editor, json={"status": "new"}).status_code
        == 404
    )
    assert (
        client.patch(
            f"/api/v1/findings/{2**40}", headers=editor, json={"status": "new"}
        ).status_code
        == 404
    )
    for query in (
        "status=maybe",
        "from=yesterday",
        "limit=0",
        "limit=abc",
        "after=-1",
        "after=1&before=2",
        "assignee=someone",
        "q=" + "x" * 201,
    ):
        response = client.get(f"/api/v1/findings?{query}", headers=editor)
        assert response.status_code == 422, query


def test_filters(client, users, seed_store):
    seed_store(
        [
            ('"Taxes will fall," Jane Doe said.', {}),
            (
                "Officials said 40 died.",
                {"kind": "unverified", "type": "unconfirmed", "speaker": None},
            ),
        ],
        site="Daily One",
    )
    old = seed_store([('"Rain," Bob Roe said.', {"speaker": "Bob Roe"})], site="Other", days_ago=10)
    editor = bearer(users["editor"]["token"])

    def texts(query: str) -> list[str]:
        body = client.get(f"/api/v1/findings?{query}", headers=editor).get_json()
        assert body["total"] == len(body["items"]), query
        return sorted(i["text"] for i in body["items"])

    assert texts("kind=unverified") == ["Officials said 40 died."]
    assert texts("type=direct_quote&site=Other") == ['"Rain," Bob Roe said.']
    assert texts("speaker=Bob+Roe") == ['"Rain," Bob Roe said.']
    assert texts("q=taxes+jane") == ['"Taxes will fall," Jane Doe said.']
    assert texts("q=roe") == ['"Rain," Bob Roe said.']
    assert texts("q=100%25_") == []
    assert len(texts("from=2000-01-01")) == 3
    assert texts("to=" + _days_ago(5)) == ['"Rain," Bob Roe said.']
    assert texts("reported=1") == []
    client.post(
        f"/api/v1/analyses/{old['analysis_id']}/findings/f1/reports",
        headers=bearer(users["reader"]["token"]),
        json={"comment": "wrong speaker"},
    )
    assert texts("reported=1") == ['"Rain," Bob Roe said.']
    client.patch(
        f"/api/v1/findings/{old['finding_ids'][0]}",
        headers=editor,
        json={"assignee": users["editor"]["id"]},
    )
    assert texts("assignee=me") == ['"Rain," Bob Roe said.']
    assert len(texts("assignee=none")) == 2


def _days_ago(n: int) -> str:
    from datetime import UTC, datetime, timedelta

    return (datetime.now(UTC) - timedelta(days=n)).date().isoformat()


def test_exports_through_the_api(client, users, seed_store):
    ids = seed_store(
        [
            ("=1+1 is the plan, Jane Doe said.", {}),
            (
                "Officials said 40 died.",
                {
                    "kind": "unverified",
                    "type": "unconfirmed",
                    "speaker": "officials",
                    "anonymous": True,
                },
            ),
        ],
        url="https://news.example.org/story",
        title="Story",
    )
    editor = bearer(users["editor"]["token"])
    claim = ids["finding_ids"][1]
    client.patch(f"/api/v1/findings/{claim}", headers=editor, json={"verdict": "unverified"})

    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/api/v1/findings.csv", headers=editor).get_data(as_text=True))
        )
    )
    assert [r["fid"] for r in rows] == ["f2", "f1"]
    assert rows[1]["text"].startswith("'")  # no formula injection in spreadsheets
    assert rows[0]["verdict"] == "unverified"

    doc = json.loads(
        client.get(f"/api/v1/analyses/{ids['analysis_id']}/annotations", headers=editor).get_data(
            as_text=True
        )
    )
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    motivations = [i["motivation"] for i in doc["first"]["items"]]
    assert motivations == ["identifying", "assessing"]
    assert doc["first"]["items"][1]["creator"] == {"type": "Person", "name": "editor@example.org"}
    assert client.get("/api/v1/analyses/nope/annotations", headers=editor).status_code == 404

    graph = json.loads(client.get("/api/v1/claimreviews", headers=editor).get_data(as_text=True))[
        "@graph"
    ]
    assert len(graph) == 1
    review = graph[0]
    assert review["claimReviewed"] == "Officials said 40 died."
    assert review["reviewRating"]["alternateName"] == "Still unverified"
    assert review["itemReviewed"]["author"]["name"] == "officials"
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example.org/story"
    assert review["author"] == {"@type": "Person", "name": "editor@example.org"}


def test_openapi_documents_the_review_paths(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in (
        "/findings",
        "/findings/{finding_id}",
        "/findings/{finding_id}/history",
        "/analyses/{analysis_id}/annotations",
        "/claimreviews",
        "/findings.csv",
    ):
        assert path in paths
