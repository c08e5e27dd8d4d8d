"""``sourcemark claims backfill-features``: findings stored without match features (before
migration 0009) get them, in batches, resumably and idempotently, beside a worker writing its
own; on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import delete, func, select

from tests.store.test_claim_matching import insert_analysis
from worker.pipeline.claim_match import features
from worker.pipeline.claim_match.decision import claim
from worker.store import claim_features_backfill as bf
from worker.store import get_sessionmaker, session_scope
from worker.store.claim_matches import store_features
from worker.store.models import AnalysisRow, ClaimFeaturesRow, FindingRow

BIN = Path(sys.executable).parent / "sourcemark"

TEXTS = [
    "At least 40 protesters were killed in Almaty on Wednesday",
    "The ministry said 12 police officers died in the clashes",
    "Officials did not confirm reports that dozens were injured",
    "Witnesses told reporters the crowd numbered several thousand",
    "The president announced a state of emergency in the region",
    "Hospitals in the city received more than 200 wounded",
    "No fewer than 40 protesters died in Almaty on Wednesday",
]


def fill(n_analyses: int = 3) -> list[int]:
    """Findings as a store from before migration 0009 holds them: no features rows."""
    ids: list[int] = []
    with session_scope() as session:
        for a in range(n_analyses):
            ids += insert_analysis(session, f"old{a}", f"https://o{a}.example/x", TEXTS)
        # a blank finding: nothing to match, never given features, never counted as missing
        ids += insert_analysis(session, "blank", "https://b.example/x", ["  "])[:0]
    return ids


def stored() -> dict[int, dict]:
    with session_scope() as session:
        return dict(
            session.execute(select(ClaimFeaturesRow.finding_id, ClaimFeaturesRow.features)).all()
        )


def test_backfill_in_batches_resumes_and_then_does_nothing(db_url):
    ids = fill()
    maker = get_sessionmaker(db_url)
    seen: list[tuple[int, int]] = []

    first = bf.backfill(
        maker, batch=4, limit=10, progress=lambda r, wanted: seen.append((r.written, wanted))
    )
    assert (first.written, first.skipped, first.remaining) == (10, 0, len(ids) - 10)
    assert seen == [(4, 10), (8, 10), (10, 10)]  # one line per batch, up to --limit
    assert sorted(stored()) == ids[:10]  # lowest ids first: a stopped run goes on from there

    second = bf.backfill(maker, batch=4)
    assert (second.written, second.remaining) == (len(ids) - 10, 0)
    assert sorted(stored()) == ids

    # exactly what matching would have written (and reads back as the parse)
    with session_scope() as session:
        texts = dict(session.execute(select(FindingRow.id, FindingRow.text)).all())
    for fid, data in stored().items():
        assert data == features.dump(claim(texts[fid].strip()))

    again = bf.backfill(maker, batch=4)
    assert (again.written, again.skipped, again.remaining) == (0, 0, 0)


def test_a_worker_writing_features_or_deleting_findings_meanwhile(db_url, monkeypatch):
    ids = fill(2)
    maker = get_sessionmaker(db_url)
    worker_wrote: dict[int, dict] = {}
    parse = bf.features_of

    def meanwhile(rows):
        out = parse(rows)  # parsed with no transaction open: the workers go on
        if rows[0][0] == ids[0]:
            with session_scope() as session:
                # a worker matches the first finding of this batch and stores its features ...
                finding = session.get(FindingRow, ids[1])
                store_features(session, finding, None)
                worker_wrote[ids[1]] = features.dump(claim(finding.text.strip()))
                # ... and an analysis is deleted while its findings are being parsed
                session.execute(delete(AnalysisRow).where(AnalysisRow.id == "old1"))
        return out

    monkeypatch.setattr(bf, "features_of", meanwhile)
    # the deletion falls inside the first batch (it holds old1's first finding)
    result = bf.backfill(maker, batch=len(TEXTS) + 2)
    with session_scope() as session:
        left = set(session.scalars(select(FindingRow.id)))
    assert not left & set(ids[len(TEXTS) :])  # old1's findings are gone
    assert sorted(stored()) == ids[: len(TEXTS)]  # and every finding left has its features
    assert stored()[ids[1]] == worker_wrote[ids[1]]
    # the worker's row and old1's two findings read in the batch: not written by the backfill
    assert (result.written, result.skipped, result.remaining) == (len(TEXTS) - 1, 3, 0)


def test_the_command_prints_progress_and_stops_at_limit(db_url):
    ids = fill(1)
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    cmd = [str(BIN), "claims", "backfill-features", "--batch", "3"]
    out = subprocess.run(
        [*cmd, "--limit", "5"], env=env, capture_output=True, text=True, timeout=180
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("3/5 findings: 3 written")
    assert lines[1].startswith("5/5 findings: 5 written")
    assert lines[-1] == f"done: 5 findings given features; {len(ids) - 5:,} still without"
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "done: 2 findings given features; 0 still without"
    with session_scope() as session:
        assert session.scalar(select(func.count()).select_from(ClaimFeaturesRow)) == len(ids)


def test_rows_of_an_older_features_version_are_rewritten_and_current_ones_left(db_url):
    # The matcher's features changed (VERSION 1 -> 2 this stop): a store matched before holds
    # rows that load() refuses, so every match would parse those findings again.
    ids = fill(1)
    maker = get_sessionmaker(db_url)
    assert bf.backfill(maker).written == len(ids)
    current = stored()
    old, worker_current = ids[:3], ids[3]
    with session_scope() as session:
        for fid in old:
            row = session.get(ClaimFeaturesRow, fid)
            row.features = {**current[fid], "v": features.VERSION - 1}
        session.get(ClaimFeaturesRow, ids[4]).features = {"legacy": True}  # no version at all
    with session_scope() as session:
        assert bf.count_missing(session) == 4

    result = bf.backfill(maker, batch=2)
    assert (result.written, result.skipped, result.remaining) == (4, 0, 0)
    assert stored() == current  # rewritten as a fresh parse writes them; the rest untouched
    assert stored()[worker_current] == current[worker_current]
    assert bf.backfill(maker).written == 0


def test_a_row_made_current_meanwhile_is_not_rewritten(db_url, monkeypatch):
    ids = fill(1)
    maker = get_sessionmaker(db_url)
    bf.backfill(maker)
    target = ids[0]
    with session_scope() as session:
        row = session.get(ClaimFeaturesRow, target)
        row.features = {**row.features, "v": features.VERSION - 1}
    parse = bf.features_of

    def meanwhile(rows):
        out = parse(rows)
        with session_scope() as session:  # a worker re-matches it first and writes it current
            session.get(ClaimFeaturesRow, target).features = {
                **features.dump(claim("a worker's row")),
            }
        return out

    monkeypatch.setattr(bf, "features_of", meanwhile)
    result = bf.backfill(maker)
    assert (result.written, result.skipped) == (0, 1)
    assert stored()[target] == features.dump(claim("a worker's row"))
