"""The seed page in a real Chromium: every finding the server returns is highlighted, and the
card names the right speaker for the expected findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.harness import shadow_text, wait_for
from tests.conftest import ROOT
from tests.support.api import call
from tests.support.expected import matches

pytestmark = pytest.mark.browser

SEED_PAGE = (ROOT / "tests" / "data" / "seed_page.html").read_text(encoding="utf-8")


def server_findings(server, analysis_id: str) -> list[dict]:  # noqa: ANN001
    status, body = call(server.url, "GET", f"/api/v1/analyses/{analysis_id}", server.reader_token)
    assert status == 200, body
    return body["findings"]


def test_seed_page_every_finding_highlighted_with_the_right_speaker(
        ext, pages, sourcemark_server, seed_expected, artifacts: Path) -> None:  # noqa: ANN001
    page = ext.fresh_page()
    page.goto(pages.add("/seed.html", SEED_PAGE))
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    result = outcome["value"]
    findings = server_findings(sourcemark_server, result["analysisId"])
    assert findings, "the server found nothing in the seed article"
    assert result["total"] == len(findings)
    assert result["unanchored"] == []
    for f in findings:
        marks = page.locator(f'mark[data-sourcemark-finding="{f["id"]}"]')
        assert marks.count() >= 1, f"{f['id']} not highlighted"
        marked = " ".join(" ".join(marks.all_text_contents()).split())
        assert marked.replace("\u201c", '"').replace("\u201d", '"') == \
            " ".join(f["selector"]["exact"].split()), f["id"]
    assert ext.badge(page) == str(len(findings))
    page.screenshot(path=str(artifacts / "seed-overlay.png"))

    # Every card names the speaker the server resolved; for the seed's expected findings that
    # the server got right (expected.json's matching rule), that is the expected speaker.
    expected_speaker = {}
    for expected in seed_expected["findings"]:
        for f in findings:
            if "speaker" in expected and matches(f, expected):
                expected_speaker[f["id"]] = expected["speaker"]
    assert expected_speaker, "no expected finding in the server's answer"
    for f in findings:
        if not (f.get("speaker") or {}).get("name"):
            continue
        page.mouse.move(0, 0)
        wait_for(lambda: shadow_text(page, ".card") == "")
        page.locator(f'mark[data-sourcemark-finding="{f["id"]}"]').first.hover()
        speaker = wait_for(lambda fid=f["id"]: shadow_text(
            page, f'.card section[data-finding="{fid}"] .speaker'))
        assert speaker.startswith(f["speaker"]["name"]), (f["id"], speaker)
        if f["id"] in expected_speaker:
            assert expected_speaker[f["id"]] in speaker
    page.screenshot(path=str(artifacts / "seed-card.png"))
