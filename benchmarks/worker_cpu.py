"""CPU seconds per first analysis in a worker, end to end (process time, so the figure holds on
a shared machine, unlike the load benchmark's wall-clock latencies):

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.worker_cpu [--rounds 2] [--limit N]
        [--profile] [--dump FILE.prof]

What a Celery pool process does for a reader's first click, in one process: a fresh PostgreSQL
database and Redis database number (so the task's announcement and the second matching pass
are queued as deployed, not run here), the model loaded and one page analysed before counting,
then every page of the shared extraction set submitted as the web request stores it
(``create_submission``) and run through ``process_analysis``: claim, decode, extraction, the
parse and both detectors, the store writes, the first matching pass, figures, fact-checks,
announcement. ``--rounds`` repeats the set under new URLs, as ``benchmarks.load``'s distinct
rows do, so from the second round on every claim has stored twins for the first matching pass
to score (the load benchmark's situation from its second rate on).

Printed per round: the worker's CPU (``time.process_time``) per analysis, mean and median, and
by stage (extraction, parse and detectors, storing with the first matching pass, figures and
fact-checks, the rest), the SQL statements sent, the CPU of the PostgreSQL backends serving it
(``/proc``, the same cores on this machine), wall time. Then the second matching pass is run,
untimed by the rounds, for every analysis (its CPU per analysis printed), and a fingerprint of
everything stored, keyed by URL: equal before and after a change that must not alter results.
With ``--profile``, where the worker's CPU went, by function (cProfile on process time,
cumulative; its overhead falls mostly on Python code, so compare runs, not stages).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.datasets import require_services
from benchmarks.pages import load_pages
from tests.support.data import DATA
from tests.support.services import fresh_database, fresh_redis_db

SEED_URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"
TICKS = os.sysconf("SC_CLK_TCK")

# (label, module path fragment, function name) of the stages, as cProfile names them.
STAGES = [
    ("claim (lease, read the row)", "store/analyses.py", "claim"),
    ("extraction step (decode, extract, record)", "tasks/extract_step.py", "prepare"),
    ("  extract_article", "extraction/__init__.py", "extract_article"),
    ("find_claims", "pipeline/claims.py", "find_claims"),
    ("  spaCy parse", "pipeline/nlp.py", "parse"),
    ("  reading", "pipeline/reading.py", "read"),
    ("  attribution detector", "attribution/__init__.py", "find_attributions"),
    ("  unverified detector", "unverified/__init__.py", "find_unverified"),
    ("save_result (findings, reviews, first matching pass)", "store/analyses.py", "save_result"),
    ("  first matching pass", "store/claim_matches.py", "match_within"),
    ("    match_claims (parse-based scoring)", "claim_match/decision.py", "match_claims"),
    ("    candidates (FTS)", "store/claim_index.py", "candidates"),
    ("figures, fact-checks (_after_done)", "tasks/analysis.py", "_after_done"),
    ("announce", "tasks/completion.py", "announce"),
    ("schedule second matching pass", "tasks/match_step.py", "schedule_matching"),
    ("session commits", "orm/session.py", "commit"),
]


def backend_cpu(db_name: str) -> float:
    """CPU seconds used so far by the PostgreSQL backends connected to ``db_name``."""
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        pids = [
            r[0]
            for r in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", (db_name,)
            ).fetchall()
        ]
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    return total


def stage_table(profile: cProfile.Profile, analyses: int) -> str:
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    lines = ["| stage | CPU ms per analysis (cumulative) | calls per analysis |", "|---|---|---|"]
    for label, path, name in STAGES:
        cum = calls = 0.0
        for (file, _line, func), (_cc, nc, _tt, ct, _callers) in stats.items():
            if func == name and file.replace("\\", "/").endswith(path):
                cum += ct
                calls += nc
        lines.append(f"| {label} | {cum / analyses * 1000:.1f} | {calls / analyses:.1f} |")
    return "\n".join(lines)


def digest() -> str:
    """A fingerprint of everything the analyses stored, keyed by URL rather than by generated
    ids: equal before and after a change that must not alter results."""
    import hashlib
    import json

    from sqlalchemy import text

    from worker.store import session_scope

    queries = [
        "SELECT r.url, a.status, a.error_code, r.canonical_url, r.title, r.site, r.byline, "
        "r.published, r.language, r.content_hash FROM analyses a JOIN articles r "
        "ON r.id = a.article_id ORDER BY r.url",
        'SELECT r.url, f.fid, f.kind, f.type, f.start, f."end", f.text, f.speaker_name, '
        "f.confidence, f.data::text FROM findings f JOIN analyses a ON a.id = f.analysis_id "
        "JOIN articles r ON r.id = a.article_id ORDER BY r.url, f.fid",
        "SELECT ra.url, fa.fid, rb.url, fb.fid, m.score, m.reasons::text FROM claim_matches m "
        "JOIN findings fa ON fa.id = m.finding_id JOIN analyses aa ON aa.id = fa.analysis_id "
        "JOIN articles ra ON ra.id = aa.article_id JOIN findings fb ON fb.id = m.other_id "
        "JOIN analyses ab ON ab.id = fb.analysis_id JOIN articles rb ON rb.id = ab.article_id "
        "ORDER BY 1, 2, 3, 4",
        'SELECT r.url, g.kind, g.low, g.high, g.text, g.vague, g."offset", g.sourcing, '
        "g.source, g.places, g.sentence_places, g.day FROM figures g JOIN analyses a "
        "ON a.id = g.analysis_id JOIN articles r ON r.id = a.article_id ORDER BY 1, 7, 2, 5",
    ]
    h = hashlib.sha256()
    with session_scope() as session:
        for query in queries:
            for row in session.execute(text(query)):
                h.update(json.dumps(list(row), default=str).encode())
    return h.hexdigest()[:16]


def _count_statements() -> list[int]:
    """A counter of the SQL statements the worker's engine sends (``[n]``, reset by the caller)."""
    from sqlalchemy import event

    from worker.store import get_engine

    count = [0]

    @event.listens_for(get_engine(), "before_cursor_execute")
    def _one(*_: object) -> None:
        count[0] += 1

    return count


# Stages timed without a profiler (its overhead falls unevenly on Python and C code): the
# names the task modules call, wrapped in place.
TIMED = [
    ("extraction", "worker.tasks.extract_step", "extract_checked"),
    ("parse and detectors", "worker.tasks.analysis", "find_claims"),
    ("store the findings, first matching pass", "worker.tasks.analysis", "save_result"),
    ("figures, fact-checks", "worker.tasks.analysis", "_after_done"),
]


def _time_stages() -> dict[str, float]:
    import importlib

    spent = {label: 0.0 for label, _, _ in TIMED}
    for label, module_name, name in TIMED:
        module = importlib.import_module(module_name)
        inner = getattr(module, name)

        def timed(*a: object, _inner=inner, _label=label, **k: object) -> object:  # noqa: ANN001
            started = time.process_time()
            try:
                return _inner(*a, **k)
            finally:
                spent[_label] += time.process_time() - started

        setattr(module, name, timed)
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="first N pages of the set")
    parser.add_argument("--profile", action="store_true", help="cProfile: CPU by stage")
    parser.add_argument("--dump", default=None, help="write the cProfile stats to this file")
    args = parser.parse_args(argv)
    require_services(redis=True)
    pages = load_pages(args.limit)
    seed = (DATA / "seed_page.html").read_text(encoding="utf-8")
    with fresh_database() as db, fresh_redis_db() as redis_url, tempfile.TemporaryDirectory() as d:
        os.environ.update(DATABASE_URL=db, REDIS_URL=redis_url, SOURCEMARK_INSTANCE=d)
        from sqlalchemy import select

        from worker.pipeline import PIPELINE_VERSION
        from worker.pipeline.nlp import get_nlp
        from worker.store import AnalysisRow, session_scope
        from worker.store.analyses import create_submission
        from worker.store.migrate import upgrade
        from worker.tasks.analysis import process_analysis

        upgrade(db)
        db_name = db.rsplit("/", 1)[1]

        def submit(url: str, html: str) -> str:
            with session_scope() as session:
                return create_submission(
                    session,
                    url=url,
                    html=html,
                    title=None,
                    pipeline_version=PIPELINE_VERSION,
                    user_id=None,
                ).id

        get_nlp()
        statements = _count_statements()
        assert process_analysis(submit(SEED_URL, seed)) == "done"
        # Process time, not wall time: what the worker spends, whatever else the machine runs.
        profile = cProfile.Profile(time.process_time) if (args.profile or args.dump) else None
        spent = _time_stages()
        counted = 0
        for round_no in range(args.rounds):
            ids = [submit(f"{p.url}?cpu={round_no}", p.html) for p in pages]
            cpu: list[float] = []
            outcomes: dict[str, int] = {}
            statements[0] = 0
            for label in spent:
                spent[label] = 0.0
            pg_before, wall = backend_cpu(db_name), time.perf_counter()
            for analysis_id in ids:
                started = time.process_time()
                if profile:
                    profile.enable()
                outcome = process_analysis(analysis_id)
                if profile:
                    profile.disable()
                cpu.append(time.process_time() - started)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            wall = time.perf_counter() - wall
            pg = backend_cpu(db_name) - pg_before
            sql_count, statements[0] = statements[0], 0
            counted += len(ids)
            n = len(ids)
            tally = ", ".join(f"{v} {k}" for k, v in outcomes.items())
            print(
                f"round {round_no + 1}: {n} analyses ({tally}); "
                f"worker CPU per analysis mean {sum(cpu) / n * 1000:.1f} ms, median "
                f"{statistics.median(cpu) * 1000:.1f} ms; PostgreSQL backends "
                f"{pg / n * 1000:.1f} ms; {sql_count / n:.1f} SQL statements; "
                f"wall {wall / n * 1000:.1f} ms"
            )
            rest = sum(cpu) - sum(spent.values())
            print(
                "  of which "
                + "; ".join(f"{k} {v / n * 1000:.1f}" for k, v in spent.items())
                + f"; the rest (claim, extraction's store reads and writes, announcing) "
                f"{rest / n * 1000:.1f} ms"
            )
        # The first matching pass stops at its time budget, which depends on the machine; the
        # second pass (queued, not run above) completes it: run it, untimed, before comparing.
        from worker.tasks.match_step import match_stored_claims

        with session_scope() as session:
            done = session.scalars(select(AnalysisRow.id).order_by(AnalysisRow.created_at)).all()
        second = time.process_time()
        for analysis_id in done:
            match_stored_claims(analysis_id)
        second = time.process_time() - second
        print(
            f"second matching pass (the matching queue's task), after all rounds: "
            f"{second / len(done) * 1000:.1f} ms CPU per analysis"
        )
        print(f"what the store holds (articles, findings, claim matches, figures): {digest()}")
        if profile:
            print()
            print(stage_table(profile, counted))
            if args.dump:
                profile.dump_stats(args.dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
