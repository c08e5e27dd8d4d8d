"""Verdicts follow their claim in the web view (test client): a finding lists the same claim in
other articles; an editor applies a verdict to all of them in one CSRF-protected action, seen in
each finding's history as applied by match, and undoes it in one action."""

from __future__ import annotations

import html
import re

from tests.review.conftest import csrf_from, sign_in
from worker.store import session_scope
from worker.store.claim_matches import match_analysis
from worker.store.models import FindingRow

CLAIM_A = "At least 40 protesters were killed in Almaty on Wednesday, Jane Doe said."
CLAIM_B = "No fewer than 40 protesters died in Almaty on Wednesday, Jane Doe said."
CLAIM_C = "Jane Doe said at least 40 protesters were killed in Almaty on Wednesday."


def _three_outlets(seed_store) -> list[int]:
    a = seed_store([(CLAIM_A, {})], url="https://a.example/1", site="Outlet A")
    b = seed_store([(CLAIM_B, {})], url="https://b.example/2", site="Outlet <B>")
    c = seed_store([(CLAIM_C, {})], url="https://c.example/3", site="Outlet C")
    with session_scope() as session:
        match_analysis(session, b["analysis_id"])
        match_analysis(session, c["analysis_id"])
    return [a["finding_ids"][0], b["finding_ids"][0], c["finding_ids"][0]]


def _verdicts(ids: list[int]) -> list[str | None]:
    with session_scope() as session:
        return [session.get(FindingRow, i).verdict for i in ids]


def test_one_action_sets_the_verdict_on_every_match_and_one_undoes_it(client, users, seed_store):
    fa, fb, fc = _three_outlets(seed_store)
    sign_in(client, users["editor"]["email"])
    page = client.get(f"/review/findings/{fa}")
    text = page.get_data(as_text=True)
    assert "Same claim in 2 other articles" in text
    assert f'href="/review/findings/{fb}"' in text and f'href="/review/findings/{fc}"' in text
    assert "Outlet &lt;B&gt;" in text and "Outlet <B>" not in text  # escaped
    assert "Apply to this finding and 2 matched" in text

    # Without the CSRF token the action is refused and nothing changes.
    refused = client.post(f"/review/findings/{fa}/verdict-by-match", data={"verdict": "false"})
    assert refused.status_code == 400 and _verdicts([fa, fb, fc]) == [None, None, None]

    token = csrf_from(text)
    done = client.post(
        f"/review/findings/{fa}/verdict-by-match",
        data={"verdict": "unverified", "csrf_token": token, "back": f"/review/findings/{fa}"},
    )
    assert done.status_code == 302 and done.headers["Location"] == f"/review/findings/{fa}"
    assert _verdicts([fa, fb, fc]) == ["unverified"] * 3

    matched = client.get(f"/review/findings/{fb}").get_data(as_text=True)
    assert re.search(rf"applied by match from <a href=\"/review/findings/{fa}\">", matched)
    undo = re.search(r'action="(/review/verdict-batches/[0-9a-f]{32}/undo)"', matched)
    assert undo
    response = client.post(
        undo.group(1), data={"csrf_token": token, "back": f"/review/findings/{fb}"}
    )
    assert response.status_code == 302
    assert _verdicts([fa, fb, fc]) == [None, None, None]
    after = client.get(f"/review/findings/{fb}").get_data(as_text=True)
    assert "undoing a verdict applied by match" in after
    assert 'class="small undo-batch"' not in after  # undone: no second undo offered
    again = client.post(undo.group(1), data={"csrf_token": token}, follow_redirects=True)
    assert "already undone" in html.unescape(again.get_data(as_text=True))


def test_a_bad_verdict_or_a_reader_is_refused(client, users, seed_store):
    fa, fb, _ = _three_outlets(seed_store)
    sign_in(client, users["editor"]["email"])
    token = csrf_from(client.get(f"/review/findings/{fa}").get_data(as_text=True))
    bad = client.post(
        f"/review/findings/{fa}/verdict-by-match",
        data={"verdict": "maybe", "csrf_token": token},
        follow_redirects=True,
    )
    assert bad.status_code == 200 and _verdicts([fa, fb]) == [None, None]
    assert client.post(
        "/review/verdict-batches/nonsense/undo", data={"csrf_token": token}
    ).status_code in (302, 303)
    client.get("/logout")
    reader = client.application.test_client()
    sign_in(reader, users["reader"]["email"])
    reader_token = csrf_from(reader.get("/login").get_data(as_text=True))
    refused = reader.post(
        f"/review/findings/{fa}/verdict-by-match",
        data={"verdict": "false", "csrf_token": reader_token},
    )
    assert refused.status_code == 403 and _verdicts([fa, fb]) == [None, None]
