"""A real app on a temporary SQLite database with findings inserted directly into the store."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server import create_app
from tests.support.embedded import embedded_store
from worker.store import session_scope
from worker.store.accounts import create_token, create_user
from worker.store.models import AnalysisRow, ArticleRow, FindingRow, utcnow

PASSWORD = "correct horse battery"


@pytest.fixture()
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    url = embedded_store(tmp_path, monkeypatch)
    yield create_app({"TESTING": True, "DATABASE_URL": url})


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def users(app: Flask) -> dict[str, dict[str, Any]]:
    """One account per role, with a password and an API token each."""
    out = {}
    with session_scope() as session:
        for role in ("reader", "editor", "admin"):
            user = create_user(session, f"{role}@example.org", role, PASSWORD)
            out[role] = {
                "id": user.id,
                "email": user.email,
                "token": create_token(session, user, f"{role}-token"),
            }
    return out


def article_text(statements: list[str]) -> str:
    return "\n\n".join(statements)


def make_finding(
    text: str,
    start: int,
    fid: str,
    *,
    kind: str = "attribution",
    type: str = "direct_quote",
    speaker: str | None = "Jane Doe",
    anonymous: bool = False,
    reasons: list[dict] | None = None,
    confidence: float = 0.9,
) -> dict[str, Any]:
    """A finding JSON as the pipeline writes it (DESIGN.md), for ``text`` at ``start``."""
    end = start + len(text)
    return {
        "id": fid,
        "kind": kind,
        "type": type,
        "start": start,
        "end": end,
        "text": text,
        "selector": {"exact": text, "prefix": "", "suffix": ""},
        "content": [{"start": start + 1, "end": end - 10}] if kind == "attribution" else [],
        "cue": {"text": "said", "start": end - 5, "end": end - 1},
        "speaker": (
            {
                "text": speaker,
                "name": speaker,
                "role": None,
                "start": end - 14,
                "end": end - 6,
                "anonymous": anonymous,
            }
            if speaker
            else None
        ),
        "reasons": reasons or [],
        "confidence": confidence,
    }


@pytest.fixture()
def seed_store(app: Flask) -> Callable[..., dict[str, Any]]:
    """Insert an analysed article with the given statements; returns ids."""
    counter = {"n": 0}

    def insert(
        statements: list[tuple[str, dict[str, Any]]],
        *,
        url: str | None = None,
        site: str = "Example News",
        days_ago: int = 0,
        title: str = "A story",
    ) -> dict:
        counter["n"] += 1
        text = article_text([s for s, _ in statements])
        now = utcnow() - timedelta(days=days_ago)
        with session_scope() as session:
            article = ArticleRow(
                url=url or f"https://news.example.org/{counter['n']}",
                site=site,
                title=title,
                text=text,
                content_hash=str(counter),
                language="en",
                created_at=now,
            )
            analysis = AnalysisRow(
                id=f"an{counter['n']:04d}{days_ago:03d}",
                article=article,
                status="done",
                pipeline_version="test",
                attempts=1,
                created_at=now,
            )
            session.add(analysis)
            pos = 0
            ids = []
            for i, (statement, opts) in enumerate(statements, start=1):
                data = make_finding(statement, pos, f"f{i}", **opts)
                row = FindingRow(
                    analysis=analysis,
                    fid=f"f{i}",
                    kind=data["kind"],
                    type=data["type"],
                    start=data["start"],
                    end=data["end"],
                    text=statement,
                    speaker_name=(data["speaker"] or {}).get("name"),
                    confidence=data["confidence"],
                    data=data,
                    created_at=now,
                )
                session.add(row)
                session.flush()
                ids.append(row.id)
                pos += len(statement) + 2
            return {"analysis_id": analysis.id, "finding_ids": ids}

    return insert


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert match, "page has no CSRF token"
    return match.group(1)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD) -> Any:
    page = client.get("/login")
    token = csrf_from(page.get_data(as_text=True))
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token})


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
