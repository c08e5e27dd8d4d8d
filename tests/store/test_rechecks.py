"""Submissions extracted in the worker and re-checks of served analyses, in the store.

Runs on SQLite and on a fresh PostgreSQL database.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from worker.pipeline import PIPELINE_VERSION
from worker.store import session_scope
from worker.store.analyses import create_submission, latest_done, pending_for_url
from worker.store.models import AnalysisRow, FindingRow, RecheckRow
from worker.store.rechecks import create_recheck
from worker.tasks.analysis import process_analysis
from worker.tasks.recheck import process_recheck

SEED_PAGE = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
URL = "https://example.org/briefing"
CANONICAL = "http://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"
CHANGED = SEED_PAGE.replace(
    '<div id="Content">',
    '<div id="Content"><p>"A mission will travel next week," the spokesman told reporters.</p>',
    1,
)


def submit(html: str, url: str = URL) -> str:
    with session_scope() as session:
        return create_submission(
            session,
            url=url,
            html=html,
            title="Reader's title",
            pipeline_version=PIPELINE_VERSION,
            user_id=None,
        ).id


def analysed(html: str, url: str = URL) -> str:
    analysis_id = submit(html, url)
    assert process_analysis(analysis_id) == "done"
    return analysis_id


def recheck(analysis_id: str, html: str) -> str:
    with session_scope() as session:
        return create_recheck(session, analysis_id=analysis_id, url=URL, html=html, title=None).id


def test_the_worker_extracts_a_submission_and_a_pending_one_is_shared(db_url):
    analysis_id = submit(SEED_PAGE)
    with session_scope() as session:
        assert (
            pending_for_url(session, url=URL, pipeline_version=PIPELINE_VERSION).id == analysis_id
        )
        assert latest_done(session, url=URL, pipeline_version=PIPELINE_VERSION) is None
    assert process_analysis(analysis_id) == "done"
    with session_scope() as session:
        row = session.get(AnalysisRow, analysis_id)
        assert row.article.text.startswith("UN chief") or "Dujarric" in row.article.text
        assert row.article.canonical_url == CANONICAL
        assert set(row.timings) >= {"extract_ms", "queue_ms", "claims_ms"}
        assert pending_for_url(session, url=URL, pipeline_version=PIPELINE_VERSION) is None
        # Found by the submitted URL and by the canonical one the page names.
        for url in (URL, CANONICAL):
            assert (
                latest_done(session, url=url, pipeline_version=PIPELINE_VERSION).id == analysis_id
            )


def test_what_only_extraction_tells_fails_the_analysis_with_its_code(db_url):
    analysis_id = submit("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert process_analysis(analysis_id) == "failed"
    with session_scope() as session:
        row = session.get(AnalysisRow, analysis_id)
        assert (row.error_code, row.error, row.error_reason) == (
            "no_article",
            "The page holds no text.",
            "empty_page",
        )
        assert latest_done(session, url=URL, pipeline_version=PIPELINE_VERSION) is None


def test_same_text_marks_the_analysis_checked_and_runs_once(db_url):
    first = analysed(SEED_PAGE)
    recheck_id = recheck(first, SEED_PAGE.replace("Luxury watches", "Garden tools"))
    assert process_recheck(recheck_id) == "same"
    assert process_recheck(recheck_id) == "not_queued"  # a redelivered message does nothing
    with session_scope() as session:
        assert session.get(AnalysisRow, first).checked_at is not None
        assert session.get(RecheckRow, recheck_id).status == "same"
        assert len(session.scalars(select(AnalysisRow)).all()) == 1


def test_changed_text_is_a_new_revision_with_the_reviews(db_url):
    first = analysed(SEED_PAGE)
    with session_scope() as session:
        finding = session.scalars(
            select(FindingRow)
            .where(
                FindingRow.analysis_id == first,
                FindingRow.kind == "attribution",
                FindingRow.text.contains("Gherman"),
            )
            .order_by(FindingRow.start)
        ).first()
        finding.review_status, finding.note = "confirmed", "checked with the UN"
        reviewed = finding.text
    assert process_recheck(recheck(first, CHANGED)) == "changed"
    with session_scope() as session:
        newest = latest_done(session, url=URL, pipeline_version=PIPELINE_VERSION)
        assert newest.id != first and "A mission will travel" in newest.article.text
        carried = [f for f in newest.findings if f.text == reviewed and f.kind == "attribution"]
        assert [(f.review_status, f.note) for f in carried] == [
            ("confirmed", "checked with the UN")
        ]
    # The same changed page re-checked against the old revision finds the new one: no third.
    assert process_recheck(recheck(first, CHANGED)) == "same"
    with session_scope() as session:
        assert len(session.scalars(select(AnalysisRow)).all()) == 2


def test_a_recheck_whose_message_was_lost_is_requeued_by_the_sweeper(db_url):
    from datetime import timedelta

    from worker.store.models import utcnow
    from worker.tasks.sweep import sweep_rechecks

    first = analysed(SEED_PAGE)
    lost = recheck(first, SEED_PAGE.replace("Luxury watches", "Garden tools"))
    fresh_one = recheck(first, SEED_PAGE.replace("Luxury watches", "Sofas"))
    with session_scope() as session:
        session.get(RecheckRow, lost).created_at = utcnow() - timedelta(hours=1)
    requeued: list[str] = []
    assert sweep_rechecks(requeued.append) == 1 and requeued == [lost]
    assert process_recheck(lost) == "same"
    assert sweep_rechecks(requeued.append) == 0  # done; the recent one is left to its message
    assert fresh_one not in requeued


def test_a_recheck_whose_worker_died_is_taken_up_again_then_given_up(db_url):
    from datetime import timedelta

    from worker.store.models import utcnow
    from worker.store.rechecks import MAX_ATTEMPTS, take
    from worker.tasks.recheck import RecheckHeld
    from worker.tasks.sweep import sweep_rechecks

    first = analysed(SEED_PAGE)
    died = recheck(first, CHANGED)
    with session_scope() as session:  # a worker takes it, then dies: its lease runs on
        assert take(session, died, lease_seconds=600).outcome == "taken"
    # Another delivery while the lease holds waits for it instead of dropping the re-check.
    with pytest.raises(RecheckHeld):
        process_recheck(died)
    requeued: list[str] = []
    assert sweep_rechecks(requeued.append) == 0
    with session_scope() as session:
        session.get(RecheckRow, died).lease_until = utcnow() - timedelta(seconds=1)
    assert sweep_rechecks(requeued.append) == 1 and requeued == [died]
    assert process_recheck(died) == "changed"
    with session_scope() as session:
        row = session.get(RecheckRow, died)
        assert (row.status, row.attempts, row.lease_until) == ("changed", 2, None)
        assert session.get(AnalysisRow, row.result_id).status == "done"

    # One that kills its worker every time is given up after MAX_ATTEMPTS.
    doomed = recheck(first, SEED_PAGE.replace("Luxury watches", "Sofas"))
    for _ in range(MAX_ATTEMPTS):
        with session_scope() as session:
            assert take(session, doomed, lease_seconds=600).outcome == "taken"
            session.get(RecheckRow, doomed).lease_until = utcnow() - timedelta(seconds=1)
    assert process_recheck(doomed) == "gave_up"
    with session_scope() as session:
        row = session.get(RecheckRow, doomed)
        assert (row.status, row.error_code) == ("failed", "interrupted")
    assert sweep_rechecks(requeued.append) == 0


def test_finished_rechecks_are_pruned_after_the_retention(db_url, monkeypatch):
    from datetime import timedelta

    from worker.store.models import utcnow
    from worker.tasks.sweep import prune_old_rechecks

    first = analysed(SEED_PAGE)
    old_done = recheck(first, SEED_PAGE.replace("Luxury watches", "Garden tools"))
    assert process_recheck(old_done) == "same"
    old_waiting = recheck(first, SEED_PAGE.replace("Luxury watches", "Sofas"))
    new_done = recheck(first, SEED_PAGE.replace("Luxury watches", "Lamps"))
    assert process_recheck(new_done) == "same"
    with session_scope() as session:
        for rid in (old_done, old_waiting):
            session.get(RecheckRow, rid).created_at = utcnow() - timedelta(hours=25)
    monkeypatch.setenv("SOURCEMARK_RECHECK_RETENTION_HOURS", "0")  # 0 keeps everything
    assert prune_old_rechecks() == 0
    monkeypatch.delenv("SOURCEMARK_RECHECK_RETENTION_HOURS")  # the default: a day
    assert prune_old_rechecks() == 1
    with session_scope() as session:
        left = set(session.scalars(select(RecheckRow.id)))
    # The old finished one is gone; one still to do and a recent one stay.
    assert left == {old_waiting, new_done}
    assert process_recheck(old_waiting) == "same"
    monkeypatch.setenv("SOURCEMARK_RECHECK_RETENTION_HOURS", "1")
    assert prune_old_rechecks() == 1  # now finished, and older than an hour
