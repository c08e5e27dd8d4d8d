"""Pages the fault tests submit: the seed page, and a genuinely huge article built from it."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SEED_PAGE = (DATA / "seed_page.html").read_text(encoding="utf-8")
SEED_URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"


def huge_page(copies: int = 120) -> str:
    """The seed article's paragraphs ``copies`` times over (about 300 words each time)."""
    paragraphs = SEED_PAGE.split('<div id="Content">')[1].split("</div>")[0]
    return (
        "<html><head><title>A very long briefing</title></head><body><article>"
        "<h1>A very long briefing</h1>" + paragraphs * copies + "</article></body></html>"
    )


def endless_page(paragraphs: int = 11_000) -> str:
    """An article of about 1.3 million characters: more than the NLP parser accepts at once."""
    body = "".join(
        f"<p>In part {i} of the record, the minister said that the committee would "
        f"meet again on day {i} to review the figures.</p>"
        for i in range(paragraphs)
    )
    return (
        "<html><head><title>The endless record</title></head><body><article>"
        "<h1>The endless record</h1>" + body + "</article></body></html>"
    )
