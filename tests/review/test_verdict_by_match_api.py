"""Verdict by match over the API: one action gives a verdict to a finding and to the same claim
in other articles, each change audited as applied by match, and one action undoes it. Editor
role, bearer tokens only (a signed-in browser session does not authenticate the API, so there
is no CSRF to get round), JSON errors for every bad input."""

from __future__ import annotations

from tests.review.conftest import bearer, sign_in
from worker.store import session_scope
from worker.store.claim_matches import match_analysis

CLAIM_A = "At least 40 protesters were killed in Almaty on Wednesday, Jane Doe said."
CLAIM_B = "No fewer than 40 protesters died in Almaty on Wednesday, Jane Doe said."
CLAIM_C = "Forty protesters were killed in Almaty on Wednesday, Jane Doe said."
UNRELATED = "The new bridge will open to traffic in the spring, Jane Doe said."


def _three_outlets(seed_store) -> dict[str, int]:
    a = seed_store([(CLAIM_A, {}), (UNRELATED, {})], url="https://a.example/x", site="A")
    b = seed_store([(CLAIM_B, {})], url="https://b.example/y", site="B")
    c = seed_store([(CLAIM_C, {})], url="https://c.example/z", site="C")
    with session_scope() as session:
        match_analysis(session, b["analysis_id"])
        match_analysis(session, c["analysis_id"])
    return {
        "a": a["finding_ids"][0],
        "unrelated": a["finding_ids"][1],
        "b": b["finding_ids"][0],
        "c": c["finding_ids"][0],
    }


def _verdict(client, editor, finding_id: int):
    return client.get(f"/api/v1/findings/{finding_id}", headers=editor).get_json()["verdict"]


def _history(client, editor, finding_id: int) -> list[dict]:
    response = client.get(f"/api/v1/findings/{finding_id}/history", headers=editor)
    assert response.status_code == 200
    return response.get_json()["events"]


def test_one_action_sets_the_verdict_on_every_match_audited_and_one_undo_reverts_it(
    client, users, seed_store
):
    f = _three_outlets(seed_store)
    editor = bearer(users["editor"]["token"])
    response = client.post(
        f"/api/v1/findings/{f['a']}/verdict-by-match", headers=editor, json={"verdict": "false"}
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["finding_id"] == f["a"] and body["verdict"] == "false"
    assert sorted(body["changed"]) == sorted([f["a"], f["b"], f["c"]])
    assert body["matched"] == 2
    batch = body["batch"]
    assert body["links"]["undo"] == f"/api/v1/verdict-batches/{batch}/undo"
    for fid in (f["a"], f["b"], f["c"]):
        assert _verdict(client, editor, fid) == "false"
    assert _verdict(client, editor, f["unrelated"]) is None
    # the audit trail: applied by match on the others, plainly on the finding itself
    (event,) = _history(client, editor, f["b"])
    assert (event["field"], event["from"], event["to"]) == ("verdict", None, "false")
    assert event["via"] == f"match:{f['a']}" and event["who"] == users["editor"]["email"]
    assert _history(client, editor, f["a"])[0]["via"] is None
    listed = client.get(f"/api/v1/findings/{f['c']}/verdict-batches", headers=editor).get_json()
    (item,) = listed["items"]
    assert (item["batch"], item["finding_id"], item["verdict"]) == (batch, f["a"], "false")
    assert item["changed"] == 3 and item["undone"] is False

    # someone gives C another verdict since: the undo leaves it
    client.patch(f"/api/v1/findings/{f['c']}", headers=editor, json={"verdict": "misleading"})
    undone = client.post(f"/api/v1/verdict-batches/{batch}/undo", headers=editor)
    assert undone.status_code == 200
    assert sorted(undone.get_json()["reverted"]) == sorted([f["a"], f["b"]])
    assert _verdict(client, editor, f["a"]) is None and _verdict(client, editor, f["b"]) is None
    assert _verdict(client, editor, f["c"]) == "misleading"
    last = _history(client, editor, f["b"])[-1]
    assert (last["from"], last["to"], last["via"]) == ("false", None, f"undo:{batch}")
    listed = client.get(f"/api/v1/findings/{f['b']}/verdict-batches", headers=editor).get_json()
    assert listed["items"][0]["undone"] is True

    again = client.post(f"/api/v1/verdict-batches/{batch}/undo", headers=editor)
    assert again.status_code == 422 and again.get_json()["error"]["code"] == "already_undone"


def test_only_editors_with_a_token_and_every_bad_input_is_a_json_error(client, users, seed_store):
    f = _three_outlets(seed_store)
    path = f"/api/v1/findings/{f['a']}/verdict-by-match"
    editor = bearer(users["editor"]["token"])
    reader = bearer(users["reader"]["token"])
    assert client.post(path, json={"verdict": "false"}).status_code == 401
    assert client.post(path, headers=reader, json={"verdict": "false"}).status_code == 403
    assert (
        client.get(f"/api/v1/findings/{f['a']}/verdict-batches", headers=reader).status_code == 403
    )
    # a signed-in editor's browser session does not authenticate the API (no CSRF at stake)
    assert sign_in(client, users["editor"]["email"]).status_code in (302, 303)
    assert client.post(path, json={"verdict": "false"}).status_code == 401
    cases = [
        ({"json": {"verdict": "wrong"}}, 422, "invalid_verdict"),
        ({"json": {"verdict": None}}, 422, "invalid_verdict"),
        ({"json": {"verdict": ["false"]}}, 422, "invalid_verdict"),
        ({"json": {}}, 422, "invalid_verdict"),
        ({"json": {"verdict": "false", "note": "x"}}, 422, "invalid"),
        ({"json": ["false"]}, 422, "invalid"),
        ({"data": "{", "content_type": "application/json"}, 400, "bad_json"),
        ({"data": "verdict=false", "content_type": "text/plain"}, 415, None),
    ]
    for kwargs, status, code in cases:
        response = client.post(path, headers=editor, **kwargs)
        assert response.status_code == status, (kwargs, response.get_json())
        error = response.get_json()["error"]
        assert error["message"] and (code is None or error["code"] == code)
    for missing in (
        "/api/v1/findings/999999/verdict-by-match",
        "/api/v1/findings/9999999999/verdict-by-match",
    ):
        response = client.post(missing, headers=editor, json={"verdict": "false"})
        assert response.status_code == 404
    for batch in ("0" * 32, "not-a-batch", "x" * 300):
        response = client.post(f"/api/v1/verdict-batches/{batch}/undo", headers=editor)
        assert response.status_code == 404 and response.get_json()["error"]["code"]
    assert _verdict(client, editor, f["a"]) is None  # nothing above changed anything


def test_openapi_documents_verdict_by_match_and_undo(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    post = paths["/findings/{finding_id}/verdict-by-match"]["post"]
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["verdict"] and "false" in schema["properties"]["verdict"]["enum"]
    assert "post" in paths["/verdict-batches/{batch}/undo"]
    assert "get" in paths["/findings/{finding_id}/verdict-batches"]
