"""What the reader's card costs the analysis JSON: ``other_figures`` and ``factchecks`` for one
analysis against a PostgreSQL store of realistically shaped findings (the editors' queue
benchmark's rows: 50 findings per article, one article every 20 minutes, with a count figure
recorded for one finding in ten), and the editors' diverging-figures list.

    .venv/bin/python -m benchmarks.cross_article [--findings 100000] [--runs 5]

Prints the median and worst of ``--runs`` runs in milliseconds (wall clock, on a shared machine:
rough).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from sqlalchemy import insert, select

from benchmarks.datasets import require_services
from benchmarks.review_queue import populate
from tests.support.services import fresh_database
from worker.factchecks.claimreview import FactCheck
from worker.factchecks.store import factchecks_by_finding, import_reviews
from worker.pipeline import figure_compare as fc
from worker.store import get_sessionmaker
from worker.store.figures import diverging_groups, other_figures, record_figures
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


def timed(fn, runs: int) -> tuple[float, float]:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    require_services()
    with fresh_database() as url:
        upgrade(url)
        populate(url, args.findings)
        maker = get_sessionmaker(url)
        with maker() as session:
            figures = add_figures(session)
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
        with maker() as session:
            row = session.get(AnalysisRow, measured)
            ids = [f.id for f in row.findings]
            results = {
                "other_figures (one analysis)": timed(
                    lambda: other_figures(session, row), args.runs
                ),
                "factchecks (one analysis)": timed(
                    lambda: factchecks_by_finding(session, ids), args.runs
                ),
                "diverging figures, 14 days": timed(lambda: diverging_groups(session), args.runs),
            }
            found = other_figures(session, row)
        print(
            f"{args.findings:,} synthetic findings ({figures:,} count figures), "
            "6 articles of one event; "
            f"{sum(len(v) for v in found.values())} other figures found"
        )
        print("| query | median ms | worst ms |\n|---|---|---|")
        for name, (median, worst) in results.items():
            print(f"| {name} | {median:.1f} | {worst:.1f} |")


if __name__ == "__main__":
    main()
