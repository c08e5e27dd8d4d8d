"""An editor reviews the claims of real analyses in Chromium, end to end."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.api import call
from tests.webview.conftest import SCRIPT_URL, SEED_URL, Deployment, sign_in

pytestmark = pytest.mark.browser


def _findings(d: Deployment, label: str) -> list[dict]:
    return d.analyses[label]["findings"]


def _total(d: Deployment) -> int:
    return sum(len(a["findings"]) for a in d.analyses.values())


def _ids(page: Page) -> list[int]:
    return [
        int(x)
        for x in page.eval_on_selector_all(".finding-row", "rows => rows.map(r => r.dataset.id)")
    ]


def _history(d: Deployment, finding_id: int) -> list[dict]:
    status, body = d.api("GET", f"/api/v1/findings/{finding_id}/history")
    assert status == 200, body
    return body["events"]


def _no_csp_errors(page: Page) -> None:
    errors = [
        e
        for e in page.console_errors
        if "Content Security Policy" in e  # type: ignore
        or "Refused" in e
    ]
    assert not errors, errors


def test_sign_in_filter_and_search(page: Page, deployment: Deployment, artifacts) -> None:
    page.goto("/review")
    assert "/login" in page.url
    sign_in(page, "editor@example.org", target="/review")
    assert page.url.endswith("/review")
    total = _total(deployment)
    expect(page.locator(".toolbar .count strong")).to_have_text(str(total))
    assert page.locator(".finding-row").count() == min(total, 50)
    page.screenshot(path=str(artifacts / "review-queue.png"), full_page=True)
    # Every filter field stays inside the filter panel (the "To" date once stuck out).
    outside = page.evaluate("""() => {
        const box = document.querySelector('#filters').getBoundingClientRect();
        return [...document.querySelectorAll('#filters input, #filters select')]
        .filter((el) => el.type !== 'hidden').map((el) => [el.name, el.getBoundingClientRect()])
        .filter(([, r]) => r.left < box.left || r.right > box.right).map(([n]) => n); }""")
    assert outside == [], outside

    # Filter by site: exactly that article's findings.
    cbs = deployment.analyses["08f793762792"]
    # Any site can be typed; the busiest are offered as suggestions.
    offered = page.locator("#site-options option").evaluate_all("os => os.map(o => o.value)")
    assert cbs["article"]["site"] in offered
    page.fill("input[name=site]", cbs["article"]["site"])
    page.click("#filters button[type=submit]")
    expect(page.locator(".toolbar .count strong")).to_have_text(str(len(cbs["findings"])))
    assert {
        int(x)
        for x in page.locator(".finding-row").evaluate_all(
            "rows => rows.map(r => r.querySelectorAll('.site').length)"
        )
    } == {1}

    # Filter by kind and type: every row carries that type, the count is the analyses' count.
    wanted = next(
        f for a in deployment.analyses.values() for f in a["findings"] if f["kind"] == "unverified"
    )["type"]
    expected = sum(
        1 for a in deployment.analyses.values() for f in a["findings"] if f["type"] == wanted
    )
    page.goto("/review")
    page.select_option("select[name=type]", wanted)
    page.click("#filters button[type=submit]")
    expect(page.locator(".toolbar .count strong")).to_have_text(str(expected))
    chips = page.locator(".finding-row .chip").all_inner_texts()
    assert len(chips) == expected and len(set(chips)) == 1

    # Full-text search over statements and speakers, prefix-matching like a search box should.
    page.goto("/review")
    page.keyboard.press("/")
    page.keyboard.type("Dujarr")
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    seed = _findings(deployment, "seed")
    matching = [
        f
        for f in seed
        if re.search(
            r"\bdujarr", (f["text"] + " " + ((f.get("speaker") or {}).get("name") or "")).lower()
        )
    ]
    assert matching
    expect(page.locator(".toolbar .count strong")).to_have_text(str(len(matching)))
    _no_csp_errors(page)


def test_review_three_findings_with_the_keyboard(
    page: Page, deployment: Deployment, artifacts
) -> None:
    sign_in(page, "editor@example.org", target="/review?q=Dujarric")
    ids = _ids(page)
    assert len(ids) >= 3
    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()
    expect(page.locator("#help")).to_contain_text("Dismiss")
    page.keyboard.press("Escape")
    expect(page.locator("#help")).to_be_hidden()

    rows = page.locator(".finding-row")
    page.keyboard.press("j")
    expect(rows.nth(0)).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("c")  # confirm, then the cursor moves on
    expect(rows.nth(0)).to_have_class(re.compile(r"\bst-confirmed\b"))
    expect(rows.nth(1)).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("d")
    expect(rows.nth(1)).to_have_class(re.compile(r"\bst-dismissed\b"))
    expect(rows.nth(2)).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("n")
    page.fill("#note-dialog textarea", "Check against the briefing transcript")
    page.click("#note-dialog button[type=submit]")
    expect(rows.nth(2).locator(".note")).to_contain_text("Check against the briefing")
    page.keyboard.press("a")
    page.select_option("#assign-dialog select", label="editor2@example.org")
    page.click("#assign-dialog button[type=submit]")
    expect(rows.nth(2).locator(".assignee")).to_contain_text("editor2@example.org")
    page.keyboard.press("f")
    expect(rows.nth(2)).to_have_class(re.compile(r"\bst-follow_up\b"))

    # The audit history: who, from what, to what.
    first = _history(deployment, ids[0])
    assert [(e["field"], e["from"], e["to"], e["who"]) for e in first] == [
        ("status", "new", "confirmed", "editor@example.org")
    ]
    assert [(e["field"], e["to"]) for e in _history(deployment, ids[1])] == [
        ("status", "dismissed")
    ]
    third = [(e["field"], e["to"]) for e in _history(deployment, ids[2])]
    assert third == [
        ("note", "Check against the briefing transcript"),
        ("assignee", "editor2@example.org"),
        ("status", "follow_up"),
    ]

    # Open the third one: its detail page shows the history; j/k walk the filtered queue.
    rows.nth(2).locator(".meta").click()  # "f" moved the cursor on; point back at the third
    expect(rows.nth(2)).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("o")
    page.wait_for_url(re.compile(rf"/review/findings/{ids[2]}\?"))
    history = page.locator("#history li")
    expect(history).to_have_count(3)
    expect(history.first).to_contain_text("Needs follow-up")
    expect(page.locator(".context .hl")).not_to_have_count(0)
    page.screenshot(path=str(artifacts / "review-finding.png"), full_page=True)
    page.keyboard.press("k")
    page.wait_for_url(re.compile(rf"/review/findings/{ids[1]}\?"))

    # The queue is paged; the keyboard is not: j past the last row opens the next page.
    page.goto("/review?q=Dujarric&limit=2")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.wait_for_url(re.compile(r"after=.*#first$"))
    expect(page.locator(".finding-row").nth(0)).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("k")
    page.wait_for_url(re.compile(r"before=.*#last$"))
    expect(page.locator(".finding-row").nth(1)).to_have_class(re.compile(r"\bcurrent\b"))
    _no_csp_errors(page)


def test_bulk_dismiss(page: Page, deployment: Deployment) -> None:
    site = deployment.analyses["2c46804d9db4"]["article"]["site"]
    sign_in(page, "editor@example.org", target=f"/review?site={site}")
    ids = _ids(page)
    assert len(ids) >= 3
    for _ in range(2):
        page.keyboard.press("j")
        page.keyboard.press("x")
    page.locator(".finding-row").nth(3 if len(ids) > 3 else 2).locator("input").check()
    expect(page.locator("#selected-count")).to_have_text("3 selected")
    page.keyboard.press("Shift+D")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".flash")).to_contain_text("3 findings updated")
    chosen = ids[:2] + [ids[3 if len(ids) > 3 else 2]]
    status, body = deployment.api("GET", f"/api/v1/findings?site={site}&status=dismissed")
    assert status == 200 and sorted(i["finding_id"] for i in body["items"]) == sorted(chosen)
    assert _history(deployment, chosen[0])[-1]["to"] == "dismissed"


def test_exports_validate(page: Page, deployment: Deployment) -> None:
    script = deployment.analyses["script"]
    status, listing = deployment.api("GET", f"/api/v1/findings?analysis={script['id']}")
    assert status == 200
    claim = next(i for i in listing["items"] if i["kind"] == "unverified")
    status, patched = deployment.api(
        "PATCH",
        f"/api/v1/findings/{claim['finding_id']}",
        {"verdict": "false", "status": "confirmed", "note": "The ministry's own figure is 4."},
    )
    assert status == 200 and patched["verdict"] == "false", patched
    # The verdict flows back to the analysis JSON the extension reads.
    _, analysis = call(
        deployment.url, "GET", f"/api/v1/analyses/{script['id']}", deployment.editor_token
    )
    reviewed = next(f for f in analysis["findings"] if f["id"] == claim["fid"])
    assert reviewed["review"]["verdict"] == "false"

    sign_in(page, "editor@example.org", target="/review")
    cbs = deployment.analyses["08f793762792"]
    page.goto(f"/review?site={cbs['article']['site']}")
    with page.expect_download() as download:
        page.click(".exports a:text('CSV')")
    with open(download.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(cbs["findings"])
    assert {r["site"] for r in rows} == {cbs["article"]["site"]}
    assert {r["fid"] for r in rows} == {f["id"] for f in cbs["findings"]}

    reviews = json.loads(page.request.get("/review/claimreviews.jsonld").text())
    assert reviews["@context"] == "https://schema.org"
    mine = [r for r in reviews["@graph"] if r["claimReviewed"] == claim["text"]]
    assert len(mine) == 1
    review = mine[0]
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["itemReviewed"]["appearance"]["url"] == SCRIPT_URL
    assert review["itemReviewed"]["author"]["name"]
    assert review["author"]["name"] == "editor@localhost"
    assert review["datePublished"]

    seed = deployment.analyses["seed"]
    doc = json.loads(page.request.get(f"/review/articles/{seed['id']}/annotations.jsonld").text())
    assert doc["type"] == "AnnotationCollection"
    items = doc["first"]["items"]
    assert len(items) == doc["total"] == len(seed["findings"])
    # One sentence can be two findings (a statement and a claim): key by place and type.
    by_place = {
        (f["selector"]["exact"], f["selector"]["prefix"], f["type"]): f for f in seed["findings"]
    }
    for item in items:
        assert item["target"]["source"] == SEED_URL
        (quote,) = item["target"]["selector"]
        tag = next(b["value"] for b in item["body"] if b["purpose"] == "tagging")
        finding = by_place[(quote["exact"], quote["prefix"], tag)]
        assert quote == {"type": "TextQuoteSelector", **finding["selector"]}
        assert item["motivation"] == (
            "questioning" if finding["kind"] == "unverified" else "identifying"
        )
        assert item["generator"]["name"].startswith("sourcemark ")

    # The same documents through the bearer-token API; a reader token is refused.
    api_doc = json.loads(_raw(deployment, f"/api/v1/analyses/{seed['id']}/annotations"))
    assert api_doc["first"]["items"] == items
    api_reviews = json.loads(_raw(deployment, "/api/v1/claimreviews"))
    assert [r["claimReviewed"] for r in api_reviews["@graph"]] == [
        r["claimReviewed"] for r in reviews["@graph"]
    ]
    api_csv = list(
        csv.DictReader(
            io.StringIO(_raw(deployment, f"/api/v1/findings.csv?site={cbs['article']['site']}"))
        )
    )
    assert [r["finding_id"] for r in api_csv] == [r["finding_id"] for r in rows]
    reader = deployment.stack.token("reader", "export-reader")
    assert call(deployment.url, "GET", "/api/v1/findings", reader)[0] == 403
    _no_csp_errors(page)


def _raw(d: Deployment, path: str) -> str:
    import urllib.request

    req = urllib.request.Request(
        d.url + path, headers={"Authorization": f"Bearer {d.editor_token}"}
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.read().decode()


def test_article_view(page: Page, deployment: Deployment, artifacts) -> None:
    seed = deployment.analyses["seed"]
    sign_in(page, "editor@example.org", target=f"/review/articles/{seed['id']}")
    expect(page.locator("h1")).to_have_text(seed["article"]["title"])
    expect(page.locator(f".source a[href='{SEED_URL}']")).to_have_count(1)
    marked = set(
        page.locator("mark[data-finding]").evaluate_all("ms => ms.map(m => m.dataset.finding)")
    )
    items = page.locator(".mini-list li")
    expect(items).to_have_count(len(seed["findings"]))
    assert len(marked) >= len(seed["findings"]) - 2  # nested findings share their marks
    page.locator("mark[data-finding]").first.click()
    expect(page.locator(".mini-list li.active")).to_have_count(1)
    # Not colour alone: statements are underlined solid, unverifiable claims wavy.
    style = page.locator("mark.hl-unverified").first.evaluate(
        "m => getComputedStyle(m).textDecorationStyle"
    )
    assert style == "wavy"
    assert (
        page.locator("mark.hl-attribution:not(.hl-unverified)").first.evaluate(
            "m => getComputedStyle(m).textDecorationStyle"
        )
        != "wavy"
    )
    # The keyboard reaches the same: Tab to a mark, Enter selects its finding.
    last = page.locator("mark[data-finding]").last
    last.focus()
    page.keyboard.press("Enter")
    active = page.locator(".mini-list li.active")
    expect(active).to_have_count(1)
    assert active.get_attribute("id") == f"finding-{last.get_attribute('data-finding')}"
    text = page.locator("#article-text").inner_text()
    assert text.strip().startswith(seed["article"]["text"][:60])
    page.screenshot(path=str(artifacts / "review-article.png"), full_page=True)
    _no_csp_errors(page)


def test_dashboard(page: Page, deployment: Deployment, artifacts) -> None:
    sign_in(page, "editor@example.org", target="/review/dashboard")
    expect(page.locator("svg.chart")).to_have_count(4)
    expect(page.locator("main")).to_contain_text("Stephane Dujarric")
    # Date labels are drawn whole inside their chart; the legend speaks as the rest of the view.
    cut = page.evaluate("""() => [...document.querySelectorAll('svg.chart')].flatMap((svg) => {
        const width = svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map((t) => [t.textContent, t.getBBox()])
          .filter(([, b]) => b.x < 0 || b.x + b.width > width + 0.5).map(([s]) => s); })""")
    assert cut == [], cut
    legend = page.locator(".legend-list").first.inner_text()
    assert "_" not in legend and "Direct quote" in legend, legend
    page.screenshot(path=str(artifacts / "review-dashboard.png"), full_page=True)
    _no_csp_errors(page)


def _sign_out(page: Page) -> None:
    """Forget the session once nothing is in flight: a response still arriving (the page's icon)
    would otherwise store its cookie again after the cookies were cleared."""
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    assert page.context.cookies() == []


def test_roles(page: Page, deployment: Deployment) -> None:
    sign_in(page, "editor@example.org")
    response = page.goto("/admin/users")
    assert response is not None and response.status == 403
    _sign_out(page)
    sign_in(page, "reader@example.org", target="/login")
    response = page.goto("/review")
    assert response is not None and response.status == 403
    _sign_out(page)
    sign_in(page, "admin@example.org", target="/admin/users")
    page.fill("form.stack input[name=email]", "new.editor@example.org")
    page.select_option("form.stack select[name=role]", "editor")
    page.fill("form.stack input[name=password]", "a long password")
    page.click("form.stack button[type=submit]")
    expect(page.locator(".flash")).to_contain_text("Created editor new.editor@example.org")
    _sign_out(page)
    sign_in(page, "new.editor@example.org", "a long password")
    assert page.url.endswith("/review")


def test_form_without_csrf_token_is_refused(page: Page, deployment: Deployment) -> None:
    sign_in(page, "editor@example.org")
    finding_id = _ids(page)[-1]
    page.goto(f"/review/findings/{finding_id}")
    page.evaluate("document.querySelector('#review-form input[name=csrf_token]').remove()")
    page.select_option("#f-status", "confirmed")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("#review-form button[type=submit]")
    assert posted.value.status == 400
    status = page.evaluate(
        """id => fetch('/review/findings/' + id + '/review', {method: 'POST',
             headers: {'Content-Type': 'application/json'}, body: '{"status": "dismissed"}'})
             .then(r => r.status)""",
        finding_id,
    )
    assert status == 400
    assert _history(deployment, finding_id) == []


def test_script_in_a_finding_renders_inert(page: Page, deployment: Deployment, artifacts) -> None:
    script = deployment.analyses["script"]
    quote = next(f for f in script["findings"] if "<script>" in f["text"])
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, "editor@example.org", target="/review?q=minister")
    row = page.locator(".finding-row", has_text="<script>alert(1)</script>")
    expect(row).to_have_count(1)
    row.locator("a.text").click()
    expect(page.locator("h1.statement")).to_have_text(quote["text"])
    page.goto(f"/review/articles/{script['id']}")
    expect(page.locator("#article-text")).to_contain_text("<script>alert(1)</script>")
    assert page.locator("#article-text script, .mini-list script").count() == 0
    page.screenshot(path=str(artifacts / "review-script-inert.png"))
    assert dialogs == []
    _no_csp_errors(page)
