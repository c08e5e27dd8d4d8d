"""The analysis life cycle in the store: claims, leases, idempotent results, the sweeper.

Runs on SQLite and on a fresh PostgreSQL database.
"""

from __future__ import annotations

import gzip
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from worker.pipeline import Article, Finding
from worker.store import session_scope
from worker.store.analyses import (
    claim,
    create_analysis,
    create_submission,
    find_reusable,
    html_key,
    mark_failed,
    save_result,
    sha256,
)
from worker.store.models import AnalysisRow, FindingRow, utcnow
from worker.tasks import analysis as tasks
from worker.tasks.sweep import sweep

ARTICLE = Article(text='"We are safe," he said.', title="T", site="example.org")


def _new(url: str, page_url: str = "https://example.org/a") -> str:
    with session_scope(url) as session:
        row = create_analysis(
            session,
            article=ARTICLE,
            url=page_url,
            html="<p>x</p>",
            pipeline_version="t",
            user_id=None,
        )
        return row.id


def _finding(fid: str) -> Finding:
    return Finding(kind="attribution", type="direct_quote", start=0, end=5, text='"We a', id=fid)


def test_claim_is_exclusive_until_the_lease_expires(db_url):
    analysis_id = _new(db_url)
    with session_scope(db_url) as session:
        assert claim(session, analysis_id, lease_seconds=60).outcome == "claimed"
    with session_scope(db_url) as session:
        second = claim(session, analysis_id, lease_seconds=60)
    assert second.outcome == "held" and second.retry_in > 50
    with session_scope(db_url) as session:
        session.get(AnalysisRow, analysis_id).lease_until = utcnow() - timedelta(seconds=1)
    with session_scope(db_url) as session:
        assert claim(session, analysis_id, lease_seconds=60).outcome == "claimed"
        assert session.get(AnalysisRow, analysis_id).attempts == 2


def test_results_are_stored_once(db_url):
    analysis_id = _new(db_url)
    with session_scope(db_url) as session:
        claim(session, analysis_id, lease_seconds=60)
    with session_scope(db_url) as session:
        assert save_result(session, analysis_id, [_finding("f1"), _finding("f2")], {})
    # A second delivery of the same task after completion changes nothing.
    with session_scope(db_url) as session:
        assert claim(session, analysis_id, lease_seconds=60).outcome == "finished"
        assert not save_result(session, analysis_id, [_finding("f1")], {})
    with session_scope(db_url) as session:
        count = session.scalar(
            select(func.count())
            .select_from(FindingRow)
            .where(FindingRow.analysis_id == analysis_id)
        )
        assert count == 2
        assert session.get(AnalysisRow, analysis_id).status == "done"


def test_process_analysis_runs_the_pipeline_once(db_url):
    analysis_id = _new(db_url)
    assert tasks.process_analysis(analysis_id) == "done"
    assert tasks.process_analysis(analysis_id) == "finished"
    assert tasks.process_analysis("no-such-id") == "missing"
    with session_scope(db_url) as session:
        row = session.get(AnalysisRow, analysis_id)
        assert row.status == "done" and row.findings
        assert row.timings["claims_ms"] >= 0


def test_pipeline_crash_ends_failed_with_a_message(db_url, monkeypatch):
    analysis_id = _new(db_url)

    def boom(text):  # noqa: ANN001, ANN202
        raise RuntimeError("segfault-ish")

    monkeypatch.setattr(tasks, "find_claims", boom)
    assert tasks.process_analysis(analysis_id) == "failed"
    with session_scope(db_url) as session:
        row = session.get(AnalysisRow, analysis_id)
        assert row.status == "failed" and row.error_code == "pipeline_error"
        assert "internal error" in row.error and "segfault" not in row.error


def test_held_lease_asks_for_a_retry(db_url):
    analysis_id = _new(db_url)
    with session_scope(db_url) as session:
        claim(session, analysis_id, lease_seconds=120)
    with pytest.raises(tasks.LeaseHeld):
        tasks.process_analysis(analysis_id)


def test_sweeper_requeues_lost_and_abandoned_analyses(db_url):
    lost = _new(db_url, "https://example.org/lost")
    abandoned = _new(db_url, "https://example.org/abandoned")
    hopeless = _new(db_url, "https://example.org/hopeless")
    fresh = _new(db_url, "https://example.org/fresh")
    old = utcnow() - timedelta(minutes=10)
    with session_scope(db_url) as session:
        for analysis_id in (lost, abandoned, hopeless):
            session.get(AnalysisRow, analysis_id).created_at = old
        for analysis_id, attempts in ((abandoned, 1), (hopeless, tasks.MAX_ATTEMPTS)):
            row = session.get(AnalysisRow, analysis_id)
            row.status, row.attempts = "running", attempts
            row.lease_until = utcnow() - timedelta(seconds=5)
    requeued: list[str] = []
    assert sweep(requeued.append) == {"requeued": 2, "failed": 1}
    assert sorted(requeued) == sorted([lost, abandoned])
    assert fresh not in requeued
    with session_scope(db_url) as session:
        row = session.get(AnalysisRow, hopeless)
        assert row.status == "failed" and "interrupted" in row.error


def test_reuse_by_text_and_by_exact_html(db_url):
    analysis_id = _new(db_url)
    with session_scope(db_url) as session:
        found = find_reusable(
            session,
            url="https://example.org/a",
            pipeline_version="t",
            content_hash=sha256(ARTICLE.text),
        )
        assert found is not None and found.id == analysis_id
        assert (
            find_reusable(
                session,
                url="https://example.org/a",
                pipeline_version="t",
                html_hash=html_key("https://example.org/a", "<p>x</p>"),
            )
            is not None
        )
        assert (
            find_reusable(
                session,
                url="https://example.org/a",
                pipeline_version="other",
                content_hash=sha256(ARTICLE.text),
            )
            is None
        )
        mark_failed(session, analysis_id, "x", "failed for a test")
    with session_scope(db_url) as session:
        # A failed analysis is not reused: the page gets another chance.
        assert (
            find_reusable(
                session,
                url="https://example.org/a",
                pipeline_version="t",
                content_hash=sha256(ARTICLE.text),
            )
            is None
        )


def test_a_claim_gives_up_after_repeated_interruptions(db_url):
    analysis_id = _new(db_url)
    for attempt in range(1, tasks.MAX_ATTEMPTS + 1):
        with session_scope(db_url) as session:
            assert claim(session, analysis_id, lease_seconds=60).outcome == "claimed"
            row = session.get(AnalysisRow, analysis_id)
            assert row.attempts == attempt
            # The worker is killed: its lease runs out without a result.
            row.lease_until = utcnow() - timedelta(seconds=1)
    with session_scope(db_url) as session:
        assert claim(session, analysis_id, lease_seconds=60).outcome == "gave_up"
    with session_scope(db_url) as session:
        row = session.get(AnalysisRow, analysis_id)
        assert (row.status, row.error_code) == ("failed", "interrupted")
        assert f"interrupted {tasks.MAX_ATTEMPTS} times" in row.error
        assert claim(session, analysis_id, lease_seconds=60).outcome == "finished"


def test_the_claim_hands_over_the_stored_page_only_when_it_is_not_extracted(db_url):
    """The worker extracts from what the claim read (no second read of the row); an analysis
    whose article is already extracted (a re-check's new revision) gets no page."""
    html = (
        "<html><head><title>Calm</title></head><body><article>"
        + ("<p>" + '"We are safe," the mayor said on Tuesday. ' * 8 + "</p>") * 3
        + "</article></body></html>"
    )
    with session_scope(db_url) as session:
        submitted = create_submission(
            session,
            url="https://example.org/b",
            html=html,
            title="Reader's title",
            pipeline_version="t",
            user_id=None,
        ).id
    extracted = _new(db_url)
    with session_scope(db_url) as session:
        got = claim(session, submitted, lease_seconds=60)
        assert got.outcome == "claimed" and not got.extracted
        assert got.page.url == "https://example.org/b"
        assert gzip.decompress(got.page.html_gz).decode() == html
        other = claim(session, extracted, lease_seconds=60)
        assert other.outcome == "claimed" and other.extracted and other.page is None
        assert other.text == ARTICLE.text
    # Its lease runs out: the next delivery extracts and analyses it, recording the article.
    with session_scope(db_url) as session:
        session.get(AnalysisRow, submitted).lease_until = utcnow() - timedelta(seconds=1)
    assert tasks.process_analysis(submitted) == "done"
    with session_scope(db_url) as session:
        row = session.get(AnalysisRow, submitted)
        assert row.article.text.startswith('"We are safe,"')
        assert row.article.content_hash == sha256(row.article.text)
        assert row.article.title == "Calm"
        assert row.timings["extract_ms"] >= 0 and row.timings["claims_ms"] >= 0
        assert row.findings and row.attempts == 2


def test_transient_errors_retry_with_backoff_then_fail_with_a_message(db_url, monkeypatch):
    from sqlalchemy.exc import OperationalError

    analysis_id = _new(db_url)
    assert tasks.analyze_task.max_retries is None  # Celery's default cap of 3 must not apply

    def unavailable(_id):  # noqa: ANN001, ANN202
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(tasks, "process_analysis", unavailable)
    monkeypatch.setenv("SOURCEMARK_TASK_MAX_RETRIES", "4")
    retried: list[dict] = []

    def retry(**kwargs):  # noqa: ANN003, ANN202 - stands in for Celery's broker round trip
        retried.append(kwargs)
        return RuntimeError("retry")

    monkeypatch.setattr(tasks.analyze_task, "retry", retry)
    for attempt in range(4):
        tasks.analyze_task.push_request(retries=attempt)
        try:
            with pytest.raises(RuntimeError, match="retry"):
                tasks.analyze_task.run(analysis_id)
        finally:
            tasks.analyze_task.pop_request()
    assert [r["countdown"] for r in retried] == [1, 2, 4, 8]
    tasks.analyze_task.push_request(retries=4)
    try:
        assert tasks.analyze_task.run(analysis_id) == "failed"
    finally:
        tasks.analyze_task.pop_request()
    with session_scope(db_url) as session:
        row = session.get(AnalysisRow, analysis_id)
        assert (row.status, row.error_code) == ("failed", "unavailable")
