"""What the reader's card costs the analysis JSON: ``other_figures`` and ``factchecks`` for one
analysis against a PostgreSQL store of realistically shaped findings (the editors' queue
benchmark's rows: 50 findings per article, one article every 20 minutes, with a count figure
recorded for one finding in ten), and the editors' diverging-figures list.

    .venv/bin/python -m benchmarks.cross_article [--findings 100000] [--runs 5] [--keep]
    .venv/bin/python -m benchmarks.cross_article --database URL   # again on a kept database

Prints the median and worst of ``--runs`` runs in milliseconds (wall clock, on a shared machine:
rough), and for the diverging figures the median CPU time of this process (what the machine's load
does not inflate; PostgreSQL's own time is the difference). "the editors' page" is
``GET /review/figures`` through the Flask app, signed in as an editor: the query, the grouping
and the HTML of one page.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from sqlalchemy import func, insert, select

from benchmarks.datasets import require_services
from benchmarks.review_queue import populate
from tests.support.services import benchmark_database
from worker.factchecks.claimreview import FactCheck
from worker.factchecks.store import factchecks_by_finding, import_reviews
from worker.pipeline import figure_compare as fc
from worker.store import get_sessionmaker
from worker.store.figures import (
    diverging_groups,
    diverging_page,
    forget_groups,
    other_figures,
    record_figures,
)
from worker.store.migrate import upgrade
from worker.store.models import AnalysisRow, ArticleRow, FigureRow, FindingRow

SENTENCES = [
    ("At least 40 protesters were killed in Valdera, according to reports.", "reported"),
    ("The interior ministry said 12 people died in the Valdera clashes.", "unsourced_figure"),
    ("Dozens were injured near the square in Valdera.", "unsourced_figure"),
]


def add_event(session, n: int) -> str:  # noqa: ANN001
    """Articles of one event among the synthetic ones: the one measured is the last."""
    last = ""
    for i in range(n):
        text, type_ = SENTENCES[i % len(SENTENCES)]
        analysis = AnalysisRow(
            id=f"event{i:04d}",
            article=ArticleRow(
                url=f"https://event{i}.example/valdera",
                site=f"event{i}.example",
                title="Clashes in Valdera",
                text=text,
                content_hash=f"e{i}",
            ),
            status="done",
            pipeline_version="b",
            attempts=1,
        )
        session.add(analysis)
        data = {
            "id": "f1",
            "kind": "unverified",
            "type": type_,
            "start": 0,
            "end": len(text),
            "text": text,
            "speaker": None,
        }
        session.add(
            FindingRow(
                analysis=analysis,
                fid="f1",
                kind="unverified",
                type=type_,
                start=0,
                end=len(text),
                text=text,
                confidence=0.8,
                data=data,
            )
        )
        last = analysis.id
    session.commit()
    for i in range(n):
        record_figures(session, f"event{i:04d}")  # as the analysis task does when it finishes
    session.commit()
    return last


def add_figures(session, every: int = 10, seed: int = 7) -> int:  # noqa: ANN001
    """Count figures for one synthetic finding in ``every``: a kind, a value, one of 300 places
    and the day of its analysis, as ``record_figures`` writes them."""
    rng = random.Random(seed)
    places = [f"place{i}" for i in range(300)]
    kinds = [k for k, _ in fc.KINDS]
    rows = session.execute(
        select(FindingRow.id, FindingRow.analysis_id, AnalysisRow.created_at)
        .join(AnalysisRow, AnalysisRow.id == FindingRow.analysis_id)
        .where(FindingRow.id % every == 0)
    ).all()
    batch = []
    for finding_id, analysis_id, created in rows:
        value = float(rng.randint(1, 500))
        place = rng.choice(places)
        batch.append(
            {
                "finding_id": finding_id,
                "analysis_id": analysis_id,
                "kind": rng.choice(kinds),
                "low": value,
                "high": value,
                "text": str(int(value)),
                "offset": 0,
                "sourcing": "unsourced",
                "places": place,
                "sentence_places": place,
                "day": created.date().isoformat(),
            }
        )
    session.execute(insert(FigureRow), batch)
    session.commit()
    return len(batch)


def timed(fn, runs: int) -> tuple[float, float, float]:  # noqa: ANN001
    times = []
    cpu = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), max(times), statistics.median(cpu)


def fresh(fn, *args):  # noqa: ANN001, ANN201
    """``fn`` with the diverging groups found afresh each time (none kept from a page before)."""

    def run() -> None:
        forget_groups()
        fn(*args)

    return run


def editors_page(url: str):  # noqa: ANN201 - a callable
    """A signed-in editor's client asking for the diverging-figures page."""
    from server import create_app
    from tests.review.conftest import PASSWORD, sign_in
    from worker.store.accounts import create_user
    from worker.store.models import User

    maker = get_sessionmaker(url)
    with maker() as session:
        if session.scalar(select(User.id).where(User.email == "figures@example.org")) is None:
            create_user(session, "figures@example.org", "editor", PASSWORD)
            session.commit()
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    client = app.test_client()
    sign_in(client, "figures@example.org")

    def get() -> None:
        page = client.get("/review/figures")
        assert page.status_code == 200, page.status_code

    get()  # templates compiled, connections opened
    return get


def fill(url: str, findings: int) -> str:
    """The synthetic store, its count figures, one event's articles and a fact-check; returns
    the analysis measured (the event's last article)."""
    upgrade(url)
    populate(url, findings)
    maker = get_sessionmaker(url)
    with maker() as session:
        add_figures(session)
        measured = add_event(session, 6)
        import_reviews(
            session,
            [
                FactCheck(
                    url="https://checks.example.org/1",
                    claim="At least 40 protesters were killed in Valdera.",
                    rating="Unproven",
                    publisher="Example Checks",
                )
            ],
        )
        session.commit()
    return measured


def measure(url: str, runs: int) -> None:
    maker = get_sessionmaker(url)
    with maker() as session:
        figures = session.scalar(select(func.count()).select_from(FigureRow))
        findings = session.scalar(select(func.count()).select_from(FindingRow))
        row = session.get(AnalysisRow, f"event{5:04d}")
        ids = [f.id for f in row.findings]
        page = editors_page(url)
        results = {
            "other_figures (one analysis)": timed(lambda: other_figures(session, row), runs),
            "factchecks (one analysis)": timed(lambda: factchecks_by_finding(session, ids), runs),
            "diverging figures, 14 days, all groups": timed(fresh(diverging_groups, session), runs),
            "diverging figures, 14 days, one page (25 groups)": timed(
                fresh(diverging_page, session), runs
            ),
            "the editors' page, `GET /review/figures`": timed(fresh(page), runs),
            "the same page again, or the next (groups kept)": timed(page, runs),
        }
        found = other_figures(session, row)
        groups = diverging_groups(session)
    print(
        f"{findings:,} findings ({figures:,} count figures), 6 articles of one event; "
        f"{sum(len(v) for v in found.values())} other figures found, "
        f"{len(groups):,} diverging groups listed"
    )
    print("| query | median ms | worst ms | median CPU ms (this process) |\n|---|---|---|---|")
    for name, (median, worst, cpu) in results.items():
        print(f"| {name} | {median:.1f} | {worst:.1f} | {cpu:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--keep", action="store_true", help="keep the filled database and print its URL"
    )
    parser.add_argument("--database", help="measure again on a database a --keep run filled")
    args = parser.parse_args()
    require_services()
    if args.database:
        upgrade(args.database)  # a kept database gets the migrations written since
        measure(args.database, args.runs)
        return
    with benchmark_database(args.keep, "sourcemark_figures") as url:
        fill(url, args.findings)
        measure(url, args.runs)
        if args.keep:
            print(f"kept: --database {url}")


if __name__ == "__main__":
    main()
