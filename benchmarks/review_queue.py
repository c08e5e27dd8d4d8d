"""The editors' queue at 100,000 findings: how long a page, its total and its facet counts take.

    .venv/bin/python -m benchmarks.review_queue                  # 100,000 findings
    .venv/bin/python -m benchmarks.review_queue --findings 20000 --runs 3

Builds a fresh PostgreSQL database (tests/support/services.py; dropped afterwards), applies the
migrations (including 0002's queue indexes and the GIN full-text index), inserts synthetic but
realistically shaped findings (50 per article, 60 sites, 800 speakers, a mix of types and review
statuses, a few reader reports), runs VACUUM ANALYZE (as autovacuum would), then times the
queries the /review page makes: one keyset page (first and deep), the filtered total, and the
facet counts. Prints the median and worst of ``--runs`` runs in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import insert, select, text

from benchmarks.datasets import require_services
from tests.support.services import fresh_database
from worker.store import get_sessionmaker
from worker.store.migrate import upgrade
from worker.store.models import (
    AnalysisRow,
    ArticleRow,
    FindingRow,
    ReaderReport,
    User,
    utcnow,
)
from worker.store.review_queue import (
    QueueFilter,
    count,
    counts,
    queue_page,
    superseded,
    superseded_ids,
)

PER_ARTICLE = 50
TYPES = [
    ("attribution", "direct_quote", 30),
    ("attribution", "indirect", 30),
    ("attribution", "according_to", 10),
    ("attribution", "mixed", 5),
    ("unverified", "unconfirmed", 5),
    ("unverified", "reported", 6),
    ("unverified", "anonymous_source", 6),
    ("unverified", "hedged", 3),
    ("unverified", "weasel", 2),
    ("unverified", "unsourced_figure", 3),
]
STATUSES = [("new", 80), ("confirmed", 8), ("dismissed", 9), ("follow_up", 3)]
WORDS = [
    "minister",
    "government",
    "police",
    "officials",
    "said",
    "casualties",
    "report",
    "hospital",
    "election",
    "vote",
    "court",
    "judge",
    "market",
    "prices",
    "inflation",
    "war",
    "troops",
    "border",
    "protest",
    "city",
    "council",
    "school",
    "teachers",
    "strike",
    "storm",
    "flood",
    "company",
    "shares",
    "climate",
    "energy",
    "health",
    "virus",
    "vaccine",
    "talks",
    "ceasefire",
    "budget",
    "tax",
    "reform",
    "spokesman",
    "agency",
    "ministry",
]
# Rarer words, so that a search can also be selective (about 1 in 500 findings per word).
RARE = [f"topic{i}" for i in range(2000)]


def _weighted(rng: random.Random, choices: list[tuple]) -> tuple:
    return rng.choices(choices, weights=[c[-1] for c in choices])[0]


def populate(url: str, n_findings: int, seed: int = 7) -> dict[str, object]:
    rng = random.Random(seed)
    maker = get_sessionmaker(url)
    now = utcnow()
    speakers = [f"Speaker {i:03d} {rng.choice(WORDS).title()}" for i in range(800)]
    with maker() as session:
        editors = [User(email=f"editor{i}@example.org", role="editor") for i in range(5)]
        session.add_all(editors)
        session.flush()
        editor_ids = [u.id for u in editors]
        n_articles = max(1, n_findings // PER_ARTICLE)
        # One article in 20 is a re-analysis of the previous one's URL (a revision): the queue
        # hides the superseded version's findings.
        base = [a - (a % 20 == 19) for a in range(n_articles)]
        articles = [
            {
                "url": f"https://site{b % 60}.example/{b}",
                "site": f"site{b % 60}.example",
                "title": f"Article {a}",
                "text": "x",
                "content_hash": f"h{a}",
                "created_at": now - timedelta(minutes=(n_articles - a) * 20),
            }
            for a, b in enumerate(base)
        ]
        session.execute(insert(ArticleRow), articles)
        art_ids = list(session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))
        session.execute(
            insert(AnalysisRow),
            [
                {
                    "id": f"a{aid:031d}",
                    "article_id": aid,
                    "status": "done",
                    "pipeline_version": "b",
                    "attempts": 1,
                    "created_at": articles[i]["created_at"],
                }
                for i, aid in enumerate(art_ids)
            ],
        )
        rows = []
        for i, aid in enumerate(art_ids):
            created = articles[i]["created_at"]
            for k in range(PER_ARTICLE):
                kind, type_, _ = _weighted(rng, TYPES)
                status = _weighted(rng, STATUSES)[0]
                words = " ".join(rng.choices(WORDS, k=18) + rng.choices(RARE, k=4))
                speaker = rng.choice(speakers) if kind == "attribution" else None
                rows.append(
                    {
                        "analysis_id": f"a{aid:031d}",
                        "fid": f"f{k + 1}",
                        "kind": kind,
                        "type": type_,
                        "start": k * 200,
                        "end": k * 200 + 150,
                        "text": words,
                        "speaker_name": speaker,
                        "confidence": 0.8,
                        "data": {"id": f"f{k + 1}"},
                        "review_status": status,
                        "text_changed": False,
                        "created_at": created,
                        "assignee_id": rng.choice(editor_ids) if rng.random() < 0.1 else None,
                    }
                )
            if len(rows) >= 10_000:
                session.execute(insert(FindingRow), rows)
                rows = []
        if rows:
            session.execute(insert(FindingRow), rows)
        ids = list(session.scalars(select(FindingRow.id)))
        session.execute(
            insert(ReaderReport),
            [{"finding_id": fid, "created_at": now} for fid in rng.sample(ids, len(ids) // 200)],
        )
        session.commit()
    # What autovacuum does to a settled table: statistics for the planner and a visibility map,
    # so counts can be answered from the small (filter, id) indexes alone.
    with maker.kw["bind"].connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE) findings"))
        conn.execute(text("VACUUM (ANALYZE)"))
    return {
        "editor": editor_ids[0],
        "speaker": speakers[3],
        "max_id": max(ids),
        "min_id": min(ids),
        "today": now.date(),
    }


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    fn()  # warm the cache and the plan
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    require_services()
    with fresh_database() as url:
        upgrade(url)
        t0 = time.perf_counter()
        info = populate(url, args.findings)
        print(f"inserted {args.findings:,} findings in {time.perf_counter() - t0:.1f}s\n")
        today: date = info["today"]  # type: ignore[assignment]
        scenarios = {
            "no filter": QueueFilter(),
            "status=new": QueueFilter(status="new"),
            "status=follow_up": QueueFilter(status="follow_up"),
            "type=anonymous_source": QueueFilter(type="anonymous_source"),
            "site=site7.example": QueueFilter(site="site7.example"),
            "speaker (one of 800)": QueueFilter(speaker=str(info["speaker"])),
            "assignee=editor": QueueFilter(assignee_id=int(info["editor"])),  # type: ignore
            "reported by readers": QueueFilter(reported=True),
            "last 7 days": QueueFilter(date_from=today - timedelta(days=7), date_to=today),
            "search 'ceasefire'": QueueFilter(q="ceasefire"),
            "search 'ceasefire troops'": QueueFilter(q="ceasefire troops"),
            "search rare word": QueueFilter(q="topic1234"),
            "search prefix 'topic123'": QueueFilter(q="topic123"),
            "search + status=confirmed": QueueFilter(q="vaccine", status="confirmed"),
            "kind=unverified+status+site": QueueFilter(
                kind="unverified", status="new", site="site7.example"
            ),
        }
        deep = int(info["min_id"]) + args.findings // 10  # 90% of the way down the queue
        maker = get_sessionmaker(url)
        header = (
            f"{'filter':30} {'matches':>8} {'page 1':>9} {'deep page':>10} "
            f"{'total':>9} {'facets':>9}   (median ms, worst in brackets)"
        )
        with maker() as session:
            hidden = len(superseded_ids(session))
            lookup = timed(lambda: list(session.scalars(superseded())), args.runs)
            print(
                f"superseded analyses hidden: {hidden}; looked up once per request in "
                f"{lookup[0]:.1f} ms (worst {lookup[1]:.0f})\n"
            )
            print(header)
            print("-" * len(header))
            for name, f in scenarios.items():
                n = count(session, f)
                first = timed(lambda f=f: queue_page(session, f, limit=50), args.runs)
                deeper = timed(lambda f=f: queue_page(session, f, after=deep, limit=50), args.runs)
                total = timed(lambda f=f: count(session, f), args.runs)
                facets = timed(lambda f=f: counts(session, f), args.runs)
                cells = " ".join(f"{m:6.1f}({w:4.0f})" for m, w in (first, deeper, total, facets))
                print(f"{name:30} {n:8d} {cells}")


if __name__ == "__main__":
    main()
