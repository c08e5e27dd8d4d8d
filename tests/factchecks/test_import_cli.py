"""``sourcemark factchecks import`` as a user runs it (a real subprocess), on SQLite and on
PostgreSQL: all or nothing, idempotent, matched to the findings in the store, and our own
ClaimReview export read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from server import create_app
from worker.store import session_scope
from worker.store.accounts import create_token, create_user
from worker.store.models import ClaimFeaturesRow, FactCheckMatch, FactCheckRow

BIN = Path(sys.executable).parent / "sourcemark"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    return subprocess.run(
        [str(BIN), "factchecks", "import", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def review(n: int, claim: str, rating: str = "Unproven") -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/reviews/{n}",
        "claimReviewed": claim,
        "reviewRating": {"@type": "Rating", "ratingValue": 2, "alternateName": rating},
        "author": {"@type": "Organization", "name": "Example Checks"},
        "datePublished": "2022-01-08",
    }


def write(path: Path, doc: object) -> str:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def counts(url: str) -> tuple[int, int]:
    with session_scope(url) as session:
        return (
            session.scalar(select(func.count()).select_from(FactCheckRow)) or 0,
            session.scalar(select(func.count()).select_from(FactCheckMatch)) or 0,
        )


def reached(url: str) -> set[tuple[str, int]]:
    with session_scope(url) as session:
        return set(
            session.execute(
                select(FactCheckRow.url, FactCheckMatch.finding_id).join(
                    FactCheckMatch, FactCheckMatch.factcheck_id == FactCheckRow.id
                )
            ).tuples()
        )


def test_import_matches_findings_and_a_second_import_changes_nothing(
    db_url, written_articles, tmp_path
):
    feed = write(
        tmp_path / "feed.json",
        {
            "@type": "DataFeed",
            "dataFeedElement": [
                {
                    "@type": "DataFeedItem",
                    "item": [
                        review(1, "At least 40 protesters were killed in Almaty on Wednesday.")
                    ],
                },
                {
                    "@type": "DataFeedItem",
                    "item": review(2, "The new stadium cost twice its budget."),
                },
            ],
        },
    )
    first = run(feed)
    assert first.returncode == 0, first.stderr
    assert "imported: 2 new, 0 updated, 0 unchanged; 1 finding newly reached" in first.stdout
    # the same claim in article a; article b's different figure is not the same claim
    assert reached(db_url) == {
        ("https://checks.example.org/reviews/1", written_articles["a"]["f1"])
    }
    # the candidates it parsed (none had stored features) keep theirs for the next import
    with session_scope(db_url) as session:
        stored = set(session.scalars(select(ClaimFeaturesRow.finding_id)))
    assert written_articles["a"]["f1"] in stored
    again = run(feed)
    assert again.returncode == 0, again.stderr
    assert "imported: 0 new, 0 updated, 2 unchanged; 0 findings newly reached" in again.stdout
    assert counts(db_url) == (2, 1)
    # a publisher that changes its rating: the same row, updated
    changed = write(
        tmp_path / "changed.json",
        review(1, "At least 40 protesters were killed in Almaty on Wednesday.", "False"),
    )
    third = run(changed)
    assert third.returncode == 0, third.stderr
    assert "imported: 0 new, 1 updated, 0 unchanged" in third.stdout
    with session_scope(db_url) as session:
        ratings = dict(
            session.execute(select(FactCheckRow.url, FactCheckRow.rating)).tuples().all()
        )
    assert ratings["https://checks.example.org/reviews/1"] == "False"
    assert counts(db_url) == (2, 1)


def test_one_malformed_item_imports_nothing_from_any_file(db_url, written_articles, tmp_path):
    good = write(
        tmp_path / "good.json", [review(1, "At least 40 protesters were killed in Almaty.")]
    )
    bad = write(
        tmp_path / "bad.json",
        {
            "@context": "https://schema.org",
            "@graph": [
                review(2, "The bridge will reopen in March."),
                {**review(3, "x"), "url": "not a url"},
                {**review(4, "y"), "reviewRating": {}},
            ],
        },
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    out = run(good, bad, str(broken))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert f'{bad}: @graph[1]: url is not an http(s) URL: "not a url"' in lines
    assert f"{bad}: @graph[2]: reviewRating has neither alternateName nor ratingValue" in lines
    assert any(line.startswith(f"{broken}: file: not JSON") for line in lines)
    assert lines[-1] == "Error: 3 problems found: nothing was imported"
    assert counts(db_url) == (0, 0)


def test_our_claimreview_export_reads_back(db_url, written_articles, tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": db_url})
    with session_scope(db_url) as session:
        editor = create_user(session, "editor@example.org", "editor", "correct horse battery")
        token = create_token(session, editor, "t")
    client = app.test_client()
    finding = written_articles["a"]["f1"]
    patched = client.patch(
        f"/api/v1/findings/{finding}",
        json={"verdict": "false", "note": "The ministry's count is twelve."},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert patched.status_code == 200, patched.get_data(as_text=True)
    exported = client.get("/api/v1/claimreviews", headers={"Authorization": f"Bearer {token}"})
    assert exported.status_code == 200
    doc = exported.get_json(force=True)
    [only] = doc["@graph"]
    out = run(write(tmp_path / "ours.jsonld", doc))
    assert out.returncode == 0, out.stderr
    with session_scope(db_url) as session:
        [row] = session.scalars(select(FactCheckRow)).all()
        assert row.url == only["url"]
        assert row.claim == only["claimReviewed"]
        assert row.rating == only["reviewRating"]["alternateName"]
        assert row.publisher == only["author"]["name"]
        assert row.appearances == ["https://news.example.org/almaty"]
        assert row.date_published == only.get("datePublished")
    # the review reaches the finding it was made from
    assert (only["url"], finding) in reached(db_url)
