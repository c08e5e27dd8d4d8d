"""A store on SQLite and on PostgreSQL (a fresh database each), and articles written for these
tests put straight into it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.data import DATA
from tests.support.services import fresh_database
from worker.factchecks.store import CANDIDATE_LIMIT
from worker.store import session_scope
from worker.store.claim_index import candidates
from worker.store.figures import record_figures
from worker.store.migrate import upgrade
from worker.store.models import AnalysisRow, ArticleRow, FindingRow


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("SOURCEMARK_INSTANCE", str(tmp_path))
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        monkeypatch.setenv("DATABASE_URL", url)
        upgrade(url)
        yield url
        return
    with fresh_database() as url:
        monkeypatch.setenv("DATABASE_URL", url)
        upgrade(url)
        yield url
        from worker.store.db import get_engine

        get_engine(url).dispose()


def insert_article(
    url_of_db: str,
    findings: list[dict[str, Any]],
    *,
    analysis_id: str,
    url: str,
    site: str = "news.example.org",
    title: str = "A story",
    published: str | None = "2022-01-07",
    lede: str = "",
) -> dict[str, int]:
    """An analysed article whose text is the lede and the findings' sentences; returns the
    store ids by finding id. Each finding is ``{"text", "kind"?, "type"?, "speaker"?}``."""
    parts = [lede] if lede else []
    rows: list[tuple[dict[str, Any], int]] = []
    pos = len(lede) + 2 if lede else 0
    for f in findings:
        rows.append((f, pos))
        parts.append(f["text"])
        pos += len(f["text"]) + 2
    ids: dict[str, int] = {}
    with session_scope(url_of_db) as session:
        article = ArticleRow(
            url=url,
            site=site,
            title=title,
            published=published,
            text="\n\n".join(parts),
            content_hash=analysis_id,
            language="en",
        )
        analysis = AnalysisRow(
            id=analysis_id, article=article, status="done", pipeline_version="test", attempts=1
        )
        session.add(analysis)
        for n, (f, start) in enumerate(rows, start=1):
            fid = f"f{n}"
            data = finding_json(f, fid, start)
            row = FindingRow(
                analysis=analysis,
                fid=fid,
                kind=data["kind"],
                type=data["type"],
                start=start,
                end=start + len(f["text"]),
                text=f["text"],
                speaker_name=(data["speaker"] or {}).get("name"),
                confidence=0.8,
                data=data,
            )
            session.add(row)
            session.flush()
            ids[fid] = row.id
    return ids


def finding_json(f: dict[str, Any], fid: str, start: int) -> dict[str, Any]:
    text = f["text"]
    kind = f.get("kind", "unverified")
    speaker = f.get("speaker")
    return {
        "id": fid,
        "kind": kind,
        "type": f.get("type", "unsourced_figure"),
        "start": start,
        "end": start + len(text),
        "text": text,
        "selector": {"exact": text, "prefix": "", "suffix": ""},
        "content": [],
        "cue": None,
        "speaker": (
            {
                "text": speaker,
                "name": speaker,
                "role": None,
                "start": start,
                "end": start + len(speaker),
                "anonymous": bool(f.get("anonymous")),
            }
            if speaker
            else None
        ),
        "reasons": [],
        "confidence": 0.8,
    }


@pytest.fixture()
def written_articles(db_url: str) -> Iterator[dict[str, dict[str, int]]]:
    """Two short articles written for these tests (not any outlet's text)."""
    a = insert_article(
        db_url,
        [
            {"text": "At least 40 protesters were killed in Almaty on Wednesday, officials said."},
            {"text": "The mayor said the bridge over the river will reopen in March."},
        ],
        analysis_id="written-a",
        url="https://news.example.org/almaty",
    )
    b = insert_article(
        db_url,
        [{"text": "Twelve protesters were killed in Almaty on Wednesday, the ministry said."}],
        analysis_id="written-b",
        url="https://other.example.net/almaty",
    )
    yield {"a": a, "b": b}


WRITTEN = json.loads((DATA / "figures" / "articles.json").read_text("utf-8"))


def insert_written(url_of_db: str, article: dict[str, Any], analysis_id: str) -> dict[str, int]:
    """One of the written example articles of ``tests/data/figures``, analysed: its findings
    are those the file lists (the sentences are its paragraphs)."""
    paragraphs = article["text"].split("\n\n")
    ids: dict[str, int] = {}
    with session_scope(url_of_db) as session:
        row = ArticleRow(
            url=article["url"],
            site=article["site"],
            title=article["title"],
            published=article["published"],
            text=article["text"],
            content_hash=analysis_id,
            language="en",
        )
        analysis = AnalysisRow(
            id=analysis_id, article=row, status="done", pipeline_version="test", attempts=1
        )
        session.add(analysis)
        for spec in article["findings"]:
            sentence = paragraphs[spec["sentence"]]
            start = article["text"].index(sentence)
            data = finding_json(
                {
                    "text": sentence,
                    "kind": spec["kind"],
                    "type": spec["type"],
                    "speaker": spec.get("speaker"),
                    "anonymous": spec.get("anonymous"),
                },
                spec["id"],
                start,
            )
            finding = FindingRow(
                analysis=analysis,
                fid=spec["id"],
                kind=spec["kind"],
                type=spec["type"],
                start=start,
                end=start + len(sentence),
                text=sentence,
                speaker_name=spec.get("speaker"),
                confidence=0.8,
                data=data,
            )
            session.add(finding)
            session.flush()
            ids[spec["id"]] = finding.id
    with session_scope(url_of_db) as session:
        record_figures(session, analysis_id)  # as the analysis task does when it finishes
    return ids


def text_candidates(session, text: str) -> list[tuple[int, str]]:
    """The findings an import considers for a review's claim ``text`` (the store's full-text
    retrieval, as ``import_reviews`` runs it), as ``(finding id, text)``: what ``reaches``
    takes."""
    return [(c.finding_id, c.text) for c in candidates(session, text, limit=CANDIDATE_LIMIT)]
