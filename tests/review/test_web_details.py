"""Small things a newcomer meets in the web view: the page icon, the queue's empty state, the
dashboard's legend and date labels."""

from __future__ import annotations

import re

from server.review.charts import lines
from tests.review.conftest import sign_in


def _icon(html: str) -> str:
    match = re.search(r'<link rel="icon" type="image/png" href="([^"]+)"', html)
    assert match, "the page names no icon: the browser would ask for /favicon.ico"
    return match.group(1)


def test_every_page_names_an_icon_that_is_served(client, users, seed_store):
    seed_store([('"We are ready," Jane Doe said.', {})])
    for path in ("/", "/login"):
        icon = client.get(_icon(client.get(path).get_data(as_text=True)))
        assert icon.status_code == 200 and icon.mimetype == "image/png", path
        assert icon.data.startswith(b"\x89PNG")
    sign_in(client, users["editor"]["email"])
    for path in ("/review", "/review/dashboard"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert client.get(_icon(page.get_data(as_text=True))).status_code == 200, path
    fallback = client.get("/favicon.ico")  # what a browser asks of a page that names none
    assert fallback.status_code == 200 and fallback.data.startswith(b"\x89PNG")


def test_empty_queue_says_whether_there_are_no_findings_or_only_none_matching(
    client, users, seed_store
):
    sign_in(client, users["editor"]["email"])
    empty = client.get("/review").get_data(as_text=True)
    assert "No findings yet" in empty and "match these filters" not in empty
    seed_store([('"We are ready," Jane Doe said.', {})], site="Daily One")
    filtered = client.get("/review?site=Nowhere+Gazette").get_data(as_text=True)
    assert "No findings match these filters" in filtered and "No findings yet" not in filtered
    assert 'href="/review">Clear the filters' in filtered


def test_dashboard_legend_uses_the_display_names(client, users, seed_store):
    seed_store(
        [
            ('"We are ready," Jane Doe said.', {}),
            (
                "Officials said 40 died.",
                {"kind": "unverified", "type": "anonymous_source", "speaker": None},
            ),
        ]
    )
    sign_in(client, users["editor"]["email"])
    html = client.get("/review/dashboard").get_data(as_text=True)
    legends = re.findall(r'<ul class="legend-list">(.*?)</ul>', html, re.S)
    assert legends, html
    by_type = re.sub(r"<[^>]+>", " ", legends[0])
    assert "Direct quote" in by_type and "Anonymous source" in by_type, by_type
    assert "direct_quote" not in by_type and "anonymous_source" not in by_type, by_type


def test_date_labels_stay_inside_the_chart():
    days = [f"2026-11-{d:02d}" for d in range(7, 31)] + [f"2026-12-{d:02d}" for d in range(1, 7)]
    chart = lines(days, {"Direct quote": {days[0]: 1, days[-1]: 3}})
    (x0, first, a0), *_, (x1, last, a1) = chart.x_labels
    assert (first, a0, x0) == ("11-07", "start", 36)  # starts at the axis, extends right
    assert (last, a1, x1) == ("12-06", "end", chart.width - 10)  # ends at the edge, not past it
    assert all(a == "middle" for _, _, a in chart.x_labels[1:-1])
    xs = [x for x, _, _ in chart.x_labels]
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 40  # no two labels collide
    one = lines(["2026-12-06"], {"Direct quote": {"2026-12-06": 2}})
    assert [(label, anchor) for _, label, anchor in one.x_labels] == [("12-06", "middle")]


def test_finding_page_quotes_each_reason_cue_once(client, users, seed_store):
    explanation = (
        '"reports of casualties": these are second-hand reports; the article does not '
        "say who made them or that they are true."
    )
    ids = seed_store(
        [
            (
                "On reports of casualties, he said it is hard to confirm them.",
                {
                    "kind": "unverified",
                    "type": "unconfirmed",
                    "speaker": None,
                    "reasons": [
                        {
                            "code": "reports_of",
                            "cue": {"text": "reports of casualties", "start": 3, "end": 24},
                            "explanation": explanation,
                        }
                    ],
                },
            )
        ]
    )["finding_ids"]
    sign_in(client, users["editor"]["email"])
    html = client.get(f"/review/findings/{ids[0]}").get_data(as_text=True)
    (reasons,) = re.findall(r'<ul class="reasons">(.*?)</ul>', html, re.S)
    assert reasons.count("reports of casualties") == 1, reasons
