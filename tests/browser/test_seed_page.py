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
    ext, pages, sourcemark_server, seed_expected, artifacts: Path
) -> None:  # noqa: ANN001
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
        assert marked.replace("\u201c", '"').replace("\u201d", '"') == " ".join(
            f["selector"]["exact"].split()
        ), f["id"]
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
        speaker = wait_for(
            lambda fid=f["id"]: shadow_text(page, f'.card section[data-finding="{fid}"] .speaker')
        )
        assert speaker.startswith(f["speaker"]["name"]), (f["id"], speaker)
        if f["id"] in expected_speaker:
            assert expected_speaker[f["id"]] in speaker
    page.screenshot(path=str(artifacts / "seed-card.png"))


def test_seed_cards_say_type_cue_and_reasons_and_kinds_differ_by_shape(
    ext, pages, sourcemark_server
) -> None:  # noqa: ANN001
    page = ext.fresh_page()
    # Hostile page CSS: the overlay lives in a shadow root, so none of this may reach it.
    hostile = SEED_PAGE.replace(
        "</head>",
        "<style>* { font-size: 3px !important; } button, dd, li { display: none; }"
        " section { visibility: hidden; }</style></head>",
        1,
    )
    page.goto(pages.add("/seed-cards.html", hostile))
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    findings = server_findings(sourcemark_server, outcome["value"]["analysisId"])
    kinds = {f["kind"] for f in findings}
    assert kinds == {"attribution", "unverified"}, kinds
    for f in findings:
        page.mouse.move(0, 0)
        wait_for(lambda: shadow_text(page, ".card") == "")
        page.locator(f'mark[data-sourcemark-finding="{f["id"]}"]').first.hover()
        section = f'.card section[data-finding="{f["id"]}"]'
        kind_words = wait_for(lambda s=section: shadow_text(page, f"{s} .kind"))
        assert kind_words, f["id"]
        type_words = shadow_text(page, f"{section} .type")
        assert type_words and "_" not in type_words, (f["id"], type_words)
        if f.get("cue"):
            assert shadow_text(page, f"{section} .cue") == f"\u201c{f['cue']['text']}\u201d"
        reasons = shadow_text(page, f"{section} .reasons")
        for reason in f["reasons"]:
            # The explanation, its cue quoted once (not once as a label and again inside it).
            assert reason["explanation"].rstrip(".")[-25:] in reasons, (f["id"], reason)
            assert reasons.count(reason["cue"]["text"]) == 1, (f["id"], reasons)
        visible = page.evaluate(
            """(sel) => { const el = document.querySelector('sourcemark-overlay').shadowRoot
                  .querySelector(sel + ' .actions button');
                  const st = getComputedStyle(el);
                  return st.display !== 'none' && parseFloat(st.fontSize) >= 10; }""",
            section,
        )
        assert visible, "page CSS reached the overlay"
    # Not colour alone: statements underlined solid, unverifiable claims wavy.
    styles = {
        f["kind"]: page.locator(f'mark[data-sourcemark-finding="{f["id"]}"]').first.evaluate(
            "m => [getComputedStyle(m).borderBottomStyle, getComputedStyle(m).textDecorationStyle]"
        )
        for f in findings
    }
    assert styles["attribution"][0] == "solid"
    assert styles["unverified"][1] == "wavy"
