"""The words the reader sees for one finding: singular everywhere (status line, toolbar title,
panel counts), not "1 findings" or "1 unverifiable claims"."""

from __future__ import annotations

import pytest

from tests.browser.harness import shadow_text, wait_for

pytestmark = pytest.mark.browser

ONE_QUOTE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens after the storm</title></head><body><article>
<h1>Harbour reopens after the storm</h1>
<p>The harbour in Westport reopened on Friday morning after three days of closure, and the first
fishing boats left at dawn under a clear sky while crews cleared the last of the debris.</p>
<p>"We are glad to be back at work," said Maria Lopez, the harbour master.</p>
<p>Cranes on the eastern quay moved again by noon, and the ferry to the islands kept its usual
timetable for the rest of the day as passengers queued along the seafront.</p>
</article></body></html>"""


def test_one_finding_is_counted_in_the_singular(ext, pages) -> None:  # noqa: ANN001
    page = ext.fresh_page()
    page.goto(pages.add("/one-finding.html", ONE_QUOTE))
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    assert outcome["value"]["total"] == 1, outcome
    status = wait_for(lambda: shadow_text(page, ".status .text"))
    assert status.startswith("1 finding. "), status
    assert ext.title(page).startswith("sourcemark: 1 finding;"), ext.title(page)
    counts = shadow_text(page, ".panel .counts")
    assert counts == "1 attributed statement \u00b7 0 unverifiable claims", counts
    ext.click_action(page)  # hide
    ext.click_action(page)  # show again
    assert wait_for(lambda: shadow_text(page, ".status .text") == "1 of 1 finding shown.")
