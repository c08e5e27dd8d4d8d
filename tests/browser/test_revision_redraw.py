"""A repeat click on an article that changed since it was analysed: the stored marks show at
once, then the new revision's marks replace them when the server's re-check has analysed it
(``recheck.links.follow``); an unchanged article is not redrawn. Real Chromium, the real
extension, an embedded server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.api import call

pytestmark = pytest.mark.browser

SEED = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
NEW_QUOTE = "A mission will travel to the region next week"
CHANGED = SEED.replace(
    '<div id="Content">',
    f'<div id="Content"><p>"{NEW_QUOTE}," the spokesman told reporters on Friday.</p>',
    1,
)
MARK = "mark[data-sourcemark-finding]"


def follow_outcome(ext) -> dict:  # noqa: ANN001
    """What the extension did after following the re-check (its lastFollow promise)."""
    return ext.sw.evaluate(
        """async () => {
            const end = Date.now() + 60000;
            while (!globalThis.sourcemark.lastFollow) {
                if (Date.now() > end) return {error: 'nothing followed'};
                await new Promise((r) => setTimeout(r, 20));
            }
            try { return await globalThis.sourcemark.lastFollow; }
            catch (e) { return {error: e.message}; }
        }"""
    )


def marked_text(page) -> str:  # noqa: ANN001
    return page.evaluate(
        f"() => [...document.querySelectorAll('{MARK}')].map((m) => m.textContent).join(' ')"
    )


def first_click(ext, pages, path: str) -> tuple[str, dict]:  # noqa: ANN001
    url = pages.add(path, SEED)
    page = ext.fresh_page()
    page.goto(url)
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    assert outcome["value"]["recheck"] is None  # a first analysis: nothing to follow
    return url, outcome["value"]


def test_the_new_revision_replaces_the_marks(ext, pages, sourcemark_server) -> None:  # noqa: ANN001
    url, first = first_click(ext, pages, "/revised.html")
    _, stored = call(
        sourcemark_server.url,
        "GET",
        f"/api/v1/analyses/{first['analysisId']}",
        sourcemark_server.reader_token,
    )
    assert stored["status"] == "done" and NEW_QUOTE not in stored["article"]["text"]

    pages.add("/revised.html", CHANGED)  # the newsroom adds a paragraph
    ext.sw.evaluate("() => { globalThis.sourcemark.lastFollow = null; }")
    page = ext.fresh_page()
    page.goto(url)
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    again = outcome["value"]
    # At once: the stored analysis, anchored in the changed page, its re-check scheduled.
    assert again["analysisId"] == first["analysisId"] and again["recheck"] == "scheduled"
    assert again["anchored"] == again["total"] == first["total"] > 0
    followed = follow_outcome(ext)
    assert followed.get("status") == "changed" and followed["redrawn"], followed
    assert followed["analysisId"] != first["analysisId"]
    assert followed["total"] > first["total"] and followed["anchored"] == followed["total"]
    # The page now carries the new revision's marks, the new statement among them.
    assert page.locator(MARK).count() >= followed["anchored"]
    assert NEW_QUOTE in marked_text(page)
    _, revision = call(
        sourcemark_server.url,
        "GET",
        f"/api/v1/analyses/{followed['analysisId']}",
        sourcemark_server.reader_token,
    )
    drawn = set(
        page.evaluate(
            f"() => [...new Set([...document.querySelectorAll('{MARK}')]"
            ".map((m) => m.dataset.sourcemarkFinding))]"
        )
    )
    assert drawn == {f["id"] for f in revision["findings"]}
    assert ext.badge(page) == str(followed["anchored"])


def test_an_unchanged_article_is_not_redrawn(ext, pages) -> None:  # noqa: ANN001
    url, first = first_click(ext, pages, "/unchanged.html")
    # Another ad, the same article: a fresh snapshot whose text the worker finds the same.
    pages.add("/unchanged.html", SEED.replace("Luxury watches", "Garden tools"))
    ext.sw.evaluate("() => { globalThis.sourcemark.lastFollow = null; }")
    page = ext.fresh_page()
    page.goto(url)
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    assert outcome["value"]["analysisId"] == first["analysisId"]
    assert outcome["value"]["recheck"] == "scheduled"
    followed = follow_outcome(ext)
    assert followed == {
        "status": "same",
        "analysisId": first["analysisId"],
        "redrawn": False,
    }, followed
    assert page.locator(MARK).count() >= outcome["value"]["anchored"] > 0
