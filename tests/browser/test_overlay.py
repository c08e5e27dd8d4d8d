"""The overlay in a real Chromium: toggling, the panel, keyboard access, "looks wrong" reports,
pages that rewrite their article, and hostile page text that must never run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.browser.harness import shadow_text, wait_for
from tests.support.api import call

pytestmark = pytest.mark.browser

PAGES = Path(__file__).parent / "pages"
MARK = "mark[data-sourcemark-finding]"


def analysed(ext, pages, name: str, *, path: str | None = None):  # noqa: ANN001, ANN201
    page = ext.fresh_page()
    page.goto(pages.add(path or f"/{name}", (PAGES / name).read_text(encoding="utf-8")))
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    return page, outcome["value"]


def marked_ids(page) -> set[str]:  # noqa: ANN001
    return set(
        page.eval_on_selector_all(
            MARK, "els => els.map(e => e.getAttribute('data-sourcemark-finding'))"
        )
    )


def test_second_click_toggles_the_overlay(ext, pages) -> None:  # noqa: ANN001
    page, first = analysed(ext, pages, "rewrite.html", path="/toggle.html")
    assert first["anchored"] == first["total"] > 0
    off = ext.click_action(page)["value"]
    assert off["toggled"] and not off["visible"]
    assert page.locator(MARK).count() == 0
    assert shadow_text(page, ".panel") == ""
    # The page's text is back exactly as it was: no stray split text nodes either.
    assert page.evaluate("document.querySelectorAll('#story p')[1].childNodes.length") == 1
    on = ext.click_action(page)["value"]
    assert on["toggled"] and on["visible"] and on["anchored"] == first["anchored"]
    assert len(marked_ids(page)) == first["anchored"]


def test_panel_groups_counts_and_scrolls_to_a_finding(ext, pages, artifacts) -> None:  # noqa: ANN001
    page, result = analysed(ext, pages, "rewrite.html", path="/panel.html")
    counts = shadow_text(page, ".panel .counts")
    assert "attributed statement" in counts and "unverifiable claim" in counts
    assert "(" in shadow_text(page, ".groups h3")
    page.locator("sourcemark-overlay .views button[data-view=speaker]").click()
    assert "Jane Carter" in shadow_text(page, ".groups")
    item = page.locator("sourcemark-overlay .groups button.item").last
    fid = item.get_attribute("data-finding")
    item.click()
    assert wait_for(lambda: shadow_text(page, f'.card section[data-finding="{fid}"]'))
    focused = page.evaluate("document.activeElement.getAttribute('data-sourcemark-finding')")
    assert focused == fid
    page.screenshot(path=str(artifacts / "panel-by-speaker.png"))


def test_keyboard_focus_opens_the_card_and_reaches_its_button(ext, pages) -> None:  # noqa: ANN001
    page, _ = analysed(ext, pages, "rewrite.html", path="/keyboard.html")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('mark[data-sourcemark-finding]')"):
            break
    else:
        pytest.fail("no highlight is reachable with Tab")
    assert wait_for(lambda: shadow_text(page, ".card .kind"))
    page.keyboard.press("Enter")
    active = page.evaluate(
        "document.querySelector('sourcemark-overlay').shadowRoot.activeElement?.textContent"
    )
    assert active == "Looks wrong?"
    page.keyboard.press("Escape")
    assert wait_for(lambda: shadow_text(page, ".card") == "")


def test_looks_wrong_report_reaches_the_server(ext, pages, sourcemark_server) -> None:  # noqa: ANN001
    page, result = analysed(ext, pages, "rewrite.html", path="/report.html")
    fid = page.locator(MARK).first.get_attribute("data-sourcemark-finding")
    page.locator(MARK).first.hover()
    card = page.locator(f'sourcemark-overlay .card section[data-finding="{fid}"]')
    card.locator("button.report").click()
    card.locator("textarea").fill("The speaker is the finance office, not the mayor.")
    card.locator("button[type=submit]").click()
    assert wait_for(lambda: "editors" in card.locator(".note").text_content())
    db = sqlite3.connect(next(sourcemark_server.instance.glob("*.db")))
    rows = db.execute(
        "SELECT r.comment, f.fid FROM reader_reports r JOIN findings f ON f.id = r.finding_id"
    ).fetchall()
    assert ("The speaker is the finance office, not the mayor.", fid) in rows


def test_highlights_come_back_when_the_page_rewrites_its_article(ext, pages) -> None:  # noqa: ANN001
    page, result = analysed(ext, pages, "rewrite.html", path="/rewrite.html")
    before = marked_ids(page)
    assert len(before) == result["anchored"] == result["total"]
    page.evaluate("rerender()")  # the page's own script: new nodes, same text
    assert wait_for(
        lambda: (
            marked_ids(page) == before
            and page.evaluate(
                "[...document.querySelectorAll('mark[data-sourcemark-finding]')]"
                ".every(m => document.getElementById('story').contains(m))"
            )
        ),
        timeout=5,
    )


def test_findings_the_page_no_longer_has_are_listed_not_dropped(ext, pages) -> None:  # noqa: ANN001
    page, result = analysed(ext, pages, "rewrite.html", path="/vanish.html")
    page.evaluate("replaceStory()")
    lost = wait_for(lambda: shadow_text(page, ".unanchored h3"), timeout=5)
    assert lost == f"Not found on this page ({result['total']})"
    assert page.locator(MARK).count() == 0


def test_hostile_page_text_is_shown_as_text_and_never_runs(
    ext, pages, sourcemark_server, artifacts
) -> None:  # noqa: ANN001
    dialogs: list[str] = []
    page = ext.fresh_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(pages.add("/hostile.html", (PAGES / "hostile.html").read_text(encoding="utf-8")))
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    status, analysis = call(
        sourcemark_server.url,
        "GET",
        f"/api/v1/analyses/{outcome['value']['analysisId']}",
        sourcemark_server.reader_token,
    )
    hostile = [f for f in analysis["findings"] if "<img" in f["text"] or "<script>" in f["text"]]
    assert hostile, "the test needs a finding whose text carries markup"
    for f in analysis["findings"]:
        marks = page.locator(f'mark[data-sourcemark-finding="{f["id"]}"]')
        if marks.count():
            page.mouse.move(0, 0)
            wait_for(lambda: shadow_text(page, ".card") == "")
            marks.first.hover()
            wait_for(lambda fid=f["id"]: shadow_text(page, f'.card section[data-finding="{fid}"]'))
    panel = shadow_text(page, ".panel")
    assert "<img src=x onerror=" in panel or "<script>window.__pwned" in panel
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.evaluate("document.images.length") == 0
    assert (
        page.evaluate("""() => {
        const root = document.querySelector('sourcemark-overlay').shadowRoot;
        return root.querySelectorAll('img, script, b, iframe').length;
    }""")
        == 0
    )
    page.screenshot(path=str(artifacts / "hostile-page.png"))


def test_editor_verdict_shows_on_the_card(ext, pages, sourcemark_server) -> None:  # noqa: ANN001
    page, result = analysed(ext, pages, "rewrite.html", path="/verdict.html")
    fid = page.locator(MARK).last.get_attribute("data-sourcemark-finding")
    db = sqlite3.connect(next(sourcemark_server.instance.glob("*.db")))
    (row_id,) = db.execute(
        "SELECT id FROM findings WHERE analysis_id = ? AND fid = ?", (result["analysisId"], fid)
    ).fetchone()
    editor = sourcemark_server.token("editor", "browser-editor")
    status, body = call(
        sourcemark_server.url,
        "PATCH",
        f"/api/v1/findings/{row_id}",
        editor,
        {"verdict": "misleading", "note": "<i>The figure dates from 2019.</i>"},
    )
    assert status == 200, body
    # The reader opens the article again: the stored analysis now carries the verdict.
    page, again = analysed(ext, pages, "rewrite.html", path="/verdict.html")
    assert again["analysisId"] == result["analysisId"]
    page.locator(f'mark[data-sourcemark-finding="{fid}"]').first.hover()
    verdict = wait_for(lambda: shadow_text(page, f'.card section[data-finding="{fid}"] .verdict'))
    # The verdict shows; the desk's note stays in the review API (and markup would be text).
    assert verdict == "Editors\u2019 verdict: misleading"
