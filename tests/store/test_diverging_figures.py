"""The editors' diverging figures, read a page at a time: the same groups in the same order as
grouping every figure of the period read whole (the list as first written), and the web view's
pages; on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import delete, insert, select, update

from server import create_app
from server.review import figures as view
from tests.review.conftest import PASSWORD, sign_in
from worker.pipeline import figure_compare as fc
from worker.store import session_scope
from worker.store.accounts import create_user
from worker.store.figures import MAX_LIST_ROWS, _read, diverging_groups, diverging_page
from worker.store.models import AnalysisRow, ArticleRow, FigureRow, FindingRow, utcnow


def _figure_finding(analysis: AnalysisRow, fid: str) -> FindingRow:
    return FindingRow(
        analysis=analysis,
        fid=fid,
        kind="unverified",
        type="unsourced_figure",
        start=0,
        end=1,
        text="x",
        data={},
    )


def fill(n_articles: int = 60, seed: int = 3) -> None:
    """Articles of 12 sites over 20 days, each with a few count figures of six kinds in a few
    of eight places; one article in ten a newer revision of the one before (same URL), some
    figures open-ended ("at least"), some with two places, a few without a day."""
    rng = random.Random(seed)
    now = utcnow()
    kinds = [k for k, _ in fc.KINDS]
    with session_scope() as session:
        for a in range(n_articles):
            base = a - 1 if a % 10 == 9 else a
            created = now - timedelta(hours=8 * (n_articles - a))
            analysis = AnalysisRow(
                id=f"an{a:03d}",
                article=ArticleRow(
                    url=f"https://site{base % 12}.example/{base}",
                    site=f"site{base % 12}.example",
                    title=f"Article {a}",
                    text="x",
                    content_hash=f"h{a}",
                ),
                status="done",
                pipeline_version="t",
                attempts=1,
                created_at=created,
            )
            findings = [_figure_finding(analysis, f"f{i}") for i in range(4)]
            session.add_all(findings)
            session.flush()
            rows = []
            for f in findings:
                low = float(rng.choice([3, 12, 12, 40, 41, 200]))
                places = sorted(rng.sample([f"town{i}" for i in range(8)], rng.choice([1, 1, 2])))
                rows.append(
                    {
                        "finding_id": f.id,
                        "analysis_id": analysis.id,
                        "kind": rng.choice(kinds),
                        "low": low,
                        "high": None if rng.random() < 0.2 else low,
                        "text": f"{int(low)}",
                        "vague": None,
                        "offset": 0,
                        "sourcing": rng.choice(["unsourced", "reported", "source named"]),
                        "source": rng.choice([None, "the ministry"]),
                        "places": " ".join(places),
                        "sentence_places": places[0],
                        "day": None
                        if rng.random() < 0.05
                        else (created - timedelta(days=rng.choice([0, 0, 1]))).date().isoformat(),
                    }
                )
            session.execute(insert(FigureRow), rows)


def as_first_written(session, days: int) -> list[dict]:
    """The list as ``diverging_groups`` first computed it: every figure of the period read
    whole, grouped, kept when diverging, newest first."""
    since = utcnow() - timedelta(days=days)
    pool = _read(session, [AnalysisRow.created_at >= since], MAX_LIST_ROWS)
    by_kind: dict[str, list[fc.FigureClaim]] = defaultdict(list)
    for claim in pool:
        by_kind[claim.count.kind].append(claim)
    out = []
    for claims in by_kind.values():
        for group in fc.groups(claims):
            if not fc.diverging(group):
                continue
            members = sorted(group, key=lambda c: (c.date or "", c.site or ""))
            out.append(
                {
                    "kind": members[0].count.kind,
                    "places": sorted({p for c in members for p in c.places}),
                    "figures": [
                        {
                            "finding_id": int(c.ref),
                            "figure": c.count.describe(),
                            "sourcing": c.sourcing,
                            "source": c.source,
                            "date": c.date,
                            "site": c.site,
                            "title": c.title,
                            "url": c.url,
                        }
                        for c in members
                    ],
                }
            )
    return sorted(out, key=lambda g: max(f["date"] or "" for f in g["figures"]), reverse=True)


def test_pages_give_the_groups_of_the_whole_list_in_its_order(db_url):
    fill()
    with session_scope() as session:
        for days in (3, 7, 14, 30):
            expected = as_first_written(session, days)
            assert diverging_groups(session, days) == expected
            paged = []
            total = None
            for page in range(1, len(expected) // 4 + 3):
                groups, total = diverging_page(session, days, page=page, per_page=4)
                assert len(groups) <= 4
                paged += groups
            assert total == len(expected) and paged == expected
        assert len(as_first_written(session, 14)) > 8  # enough groups for several pages
        # an older revision's figures are never listed: only its newer version's
        older = set(
            session.scalars(
                select(FindingRow.id).where(
                    FindingRow.analysis_id.in_([f"an{a - 1:03d}" for a in range(9, 60, 10)])
                )
            )
        )
        listed = {f["finding_id"] for g in diverging_groups(session, 30) for f in g["figures"]}
        assert len(older) == 24 and listed and not listed & older


def test_pages_kept_between_requests_follow_every_change(db_url):
    fill(30)
    with session_scope() as session:
        first = diverging_groups(session, 14)
        assert diverging_page(session, 14, 2, 3)[0] == first[3:6]  # the groups kept, read again
    # a new article whose figure diverges from one listed joins its group
    listed = first[0]["figures"][0]
    with session_scope() as session:
        fig = session.scalars(
            select(FigureRow).where(FigureRow.finding_id == listed["finding_id"])
        ).one()
        analysis = AnalysisRow(
            id="late",
            article=ArticleRow(
                url="https://late.example/1",
                site="late.example",
                text="x",
                content_hash="late",
                title="Late",
            ),
            status="done",
            pipeline_version="t",
            attempts=1,
        )
        finding = _figure_finding(analysis, "f1")
        session.add(finding)
        session.flush()
        session.add(
            FigureRow(
                finding_id=finding.id,
                analysis_id="late",
                kind=fig.kind,
                low=fig.low + 1,
                high=fig.low + 1,
                text="other",
                offset=0,
                sourcing="unsourced",
                places=fig.places,
                sentence_places=fig.sentence_places,
                day=fig.day,
            )
        )
    with session_scope() as session:
        after = diverging_groups(session, 14)
        assert after == as_first_written(session, 14) != first
        assert any(f["title"] == "Late" for g in after for f in g["figures"])
    # an article removed takes its figures with it
    with session_scope() as session:
        session.execute(delete(AnalysisRow).where(AnalysisRow.id == "late"))
    with session_scope() as session:
        assert diverging_groups(session, 14) == as_first_written(session, 14) == first
        # a title edited shows at once: what a figure shows is not kept
        session.execute(update(ArticleRow).values(title="Edited"))
    with session_scope() as session:
        assert {f["title"] for g in diverging_groups(session, 14) for f in g["figures"]} == {
            "Edited"
        }


def test_the_editors_page_shows_one_page_of_groups(db_url, monkeypatch):
    fill()
    with session_scope() as session:
        create_user(session, "editor@example.org", "editor", PASSWORD)
        expected = as_first_written(session, 14)
    monkeypatch.setattr(view, "PAGE", 3)
    app = create_app({"TESTING": True, "DATABASE_URL": db_url})
    editor = app.test_client()
    sign_in(editor, "editor@example.org")
    pages = -(-len(expected) // 3)
    first = editor.get("/review/figures").get_data(as_text=True)
    assert first.count('class="card figure-group"') == 3
    assert f"{len(expected)} events in the last 14 days · page 1 of {pages}" in first
    assert 'rel="next" href="/review/figures?days=14&amp;page=2"' in first
    assert 'rel="prev"' not in first
    # each page links its figures to their findings, in the list's order
    shown = []
    for page in range(1, pages + 1):
        html = editor.get(f"/review/figures?page={page}").get_data(as_text=True)
        shown += [int(x.split('"')[0]) for x in html.split('href="/review/findings/')[1:]]
    assert shown == [f["finding_id"] for g in expected for f in g["figures"]]
    # past the end: the last page; nonsense: the first
    last = editor.get(f"/review/figures?page={pages + 5}").get_data(as_text=True)
    assert f"page {pages} of {pages}" in last and 'rel="next"' not in last
    assert "page 1 of" in editor.get("/review/figures?page=x").get_data(as_text=True)
