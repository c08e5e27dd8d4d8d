"""A verdict follows its claim, in a real Chromium against a real ``sourcemark serve``:

- the reader's card on one outlet's article shows the verdict editors gave on the same claim in
  another outlet's article ("Checked by ... : still unverified"), linking to the original;
- an editor, in the web view, gives a verdict to the claim in every article in one action, sees
  it applied by match in the other finding's history, and undoes it in one action.

The two articles (``tests/data/claims_across``) report the same casualty figure in other words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.browser.harness import shadow_text, wait_for
from tests.support.api import call
from tests.support.services import stack

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data" / "claims_across"
PASSWORD = "claims-desk-1234"
EDITOR = "desk@example.org"
CLAIM_A = "At least 40 protesters were killed in Almaty"
CLAIM_B = "No fewer than 40 protesters died in Almaty"


def _item(server, token: str, url: str, starts: str) -> dict:  # noqa: ANN001
    status, body = call(server.url, "GET", "/api/v1/findings?q=protesters&limit=50", token)
    assert status == 200, body
    return next(i for i in body["items"] if i["url"] == url and i["text"].startswith(starts))


def _click(ext, pages, path: str, name: str):  # noqa: ANN001, ANN202
    page = ext.fresh_page()
    url = pages.add(path, (DATA / name).read_text(encoding="utf-8"))
    page.goto(url)
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    assert outcome["value"]["anchored"] > 0
    return page, url


def _readers_card(ext, pages, server, prefix: str, artifacts=None):  # noqa: ANN001, ANN202
    """Outlet A analysed, the desk's verdict on its claim, then outlet B's article clicked: the
    reader's card on B's claim shows the verdict. Returns (A's item, B's item, B's tab)."""
    editor_token = server.token("editor", "claims-desk")
    _, url_a = _click(ext, pages, f"/{prefix}-a/almaty-unrest.html", "outlet-a.html")
    fa = _item(server, editor_token, url_a, CLAIM_A)
    status, _ = call(
        server.url,
        "PATCH",
        f"/api/v1/findings/{fa['finding_id']}",
        editor_token,
        {"verdict": "unverified", "status": "confirmed", "note": "Desk only: call the ministry"},
    )
    assert status == 200

    # Another outlet's article, analysed after the verdict: its card carries it, on the first
    # view when the server matched it in time, or a moment later when the overlay asks again.
    page_b, url_b = _click(ext, pages, f"/{prefix}-b/tokayev.html", "outlet-b.html")
    fb = _item(server, editor_token, url_b, CLAIM_B)
    mark = page_b.locator(f'mark[data-sourcemark-finding="{fb["fid"]}"]').first
    mark.hover()
    line = wait_for(
        lambda: shadow_text(page_b, f'.card section[data-finding="{fb["fid"]}"] .checked'),
        timeout=30,
    )
    today = date.today().isoformat()
    assert line.startswith(f"Checked by the sourcemark editors on {today}: still unverified")
    assert "call the ministry" not in shadow_text(page_b, ".card")
    assert "Same claim in 1 other article" in shadow_text(page_b, ".card .elsewhere")
    href = page_b.evaluate(
        """(fid) => document.querySelector('sourcemark-overlay').shadowRoot
            .querySelector(`.card section[data-finding="${fid}"] .checked a`).href""",
        fb["fid"],
    )
    assert href == url_a
    if artifacts is not None:
        page_b.screenshot(path=str(artifacts / "claims-across-card.png"))
    return fa, fb, page_b


@pytest.fixture(scope="module")
def late_matching_server():  # noqa: ANN201
    """A server whose first matching pass has no time at all: every match is made after the
    reader was answered, as on a busy machine."""
    with stack(distributed=False, extra_env={"SOURCEMARK_MATCH_BUDGET_MS": "0"}) as s:
        s.run("db", "upgrade")
        s.reader_token = s.token("reader", "browser-tests-late")
        s.serve()
        yield s


def test_matches_made_after_the_answer_reach_the_open_card(ext, pages, late_matching_server):  # noqa: ANN001
    s = late_matching_server
    ext.configure(s.url, s.reader_token)
    ext.sw.evaluate("() => { globalThis.sourcemark.lastMatching = null; }")
    _, fb, _ = _readers_card(ext, pages, s, "late")
    followed = ext.sw.evaluate(
        """async () => globalThis.sourcemark.lastMatching
            ? await globalThis.sourcemark.lastMatching : null"""
    )
    # The answer may have left after the second pass on an idle machine; when it left before,
    # the overlay followed the matching and gave B's findings what it found.
    if followed is not None:
        assert followed["status"] == "done" and followed["updated"] >= 1, followed
    status, body = call(s.url, "GET", f"/api/v1/analyses/{fb['analysis_id']}", s.reader_token)
    assert status == 200 and body["matching"] == "done"


def test_the_readers_card_and_the_editors_one_action(ext, pages, sourcemark_server, artifacts):  # noqa: ANN001
    s = sourcemark_server
    editor_token = s.token("editor", "claims-desk")
    fa, fb, _ = _readers_card(ext, pages, s, "outlet", artifacts)

    # The editor's one action in the web view, then its undo.
    s.env["SOURCEMARK_PASSWORD"] = PASSWORD
    s.run("user", "create", EDITOR, "--role", "editor")
    web = ext.fresh_page()
    web.goto(f"{s.url}/login?next={quote('/review/findings/' + str(fa['finding_id']))}")
    web.fill("#email", EDITOR)
    web.fill("#password", PASSWORD)
    web.click("button[type=submit]")
    web.wait_for_selector("#same-claim")
    assert "Same claim in 1 other article" in web.inner_text("#same-claim")
    assert web.locator(f'#matches a[href="/review/findings/{fb["finding_id"]}"]').count() == 1
    web.select_option("#m-verdict", "false")
    web.click("#apply-to-matches")
    web.wait_for_selector(".flash-info")
    assert "set on 2 finding(s)" in web.inner_text(".flash-info")
    web.goto(f"{s.url}/review/findings/{fb['finding_id']}")
    assert "applied by match from" in web.inner_text("#history")
    assert fb_verdict(s, editor_token, fb["finding_id"]) == "false"
    web.screenshot(path=str(artifacts / "claims-across-web.png"), full_page=True)
    web.click("#match-actions button.undo-batch")
    web.wait_for_selector(".flash-info")
    assert "Undone: 2 verdict(s)" in web.inner_text(".flash-info")
    assert fb_verdict(s, editor_token, fb["finding_id"]) is None
    assert fb_verdict(s, editor_token, fa["finding_id"]) == "unverified"
    assert "undone" in web.inner_text("#match-actions")


def fb_verdict(server, token: str, finding_id: int) -> str | None:  # noqa: ANN001
    status, body = call(server.url, "GET", f"/api/v1/findings/{finding_id}", token)
    assert status == 200, body
    return body["verdict"]
