"""The reader's card in a real Chromium with the real extension: a published fact-check of the
same claim ("Fact-checked by <publisher>: <rating>", linked) and the figures other outlets give
for the same event, marked where they differ. The two articles are written examples
(``tests/browser/pages/valdera-*.html``; see ``tests/data/figures/README.md``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.harness import shadow_text, wait_for

pytestmark = pytest.mark.browser

PAGES = Path(__file__).parent / "pages"
FACTCHECK = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "dataFeedElement": [
        {
            "@type": "DataFeedItem",
            "item": [
                {
                    "@type": "ClaimReview",
                    "url": "https://checks.example.org/valdera-40",
                    "claimReviewed": "At least 40 protesters were killed in Valdera.",
                    "reviewRating": {
                        "@type": "Rating",
                        "ratingValue": 2,
                        "bestRating": 5,
                        "alternateName": "Unproven <b>so far</b>",
                    },
                    "author": {"@type": "Organization", "name": "Example Checks"},
                    "datePublished": "2022-01-06",
                }
            ],
        }
    ],
}


def analysed(ext, pages, name: str):  # noqa: ANN001, ANN201
    page = ext.fresh_page()
    page.goto(pages.add(f"/cross/{name}", (PAGES / name).read_text(encoding="utf-8")))
    outcome = ext.click_action(page)
    assert outcome["ok"], outcome
    return page


def test_card_shows_the_factcheck_and_other_outlets_figures(
    ext, pages, sourcemark_server, tmp_path, artifacts
) -> None:  # noqa: ANN001
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(FACTCHECK), encoding="utf-8")
    out = sourcemark_server.run("factchecks", "import", str(feed))
    assert "1 new" in out
    analysed(ext, pages, "valdera-ministry.html")
    page = analysed(ext, pages, "valdera-wire.html")
    mark = page.locator("mark[data-sourcemark-finding]", has_text="At least 40").first
    mark.hover()
    card = wait_for(lambda: shadow_text(page, ".card .factcheck"))
    # textContent: the rating's markup is shown as text, never parsed
    assert card == "Fact-checked by Example Checks: Unproven <b>so far</b> (2022-01-06)"
    links = page.evaluate(
        """() => [...document.querySelector('sourcemark-overlay').shadowRoot
                   .querySelectorAll('.card a')].map((a) => [a.href, a.rel, a.target])"""
    )
    assert ["https://checks.example.org/valdera-40", "noopener noreferrer", "_blank"] in links
    figures = shadow_text(page, ".card .figures")
    assert figures.startswith("Other outlets report:")
    assert "12 dead (source named) \u2014 Example Daily, 2022-01-06 (differs)" in figures
    ministry_url = pages.url("/cross/valdera-ministry.html")
    assert [ministry_url, "noopener noreferrer", "_blank"] in links
    assert page.locator("b").count() == 0  # nothing of the rating entered the page
    page.screenshot(path=str(artifacts / "card-factcheck-figures.png"))
