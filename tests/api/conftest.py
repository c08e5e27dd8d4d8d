"""A real app on a temporary SQLite database, in embedded mode (tasks run in-process)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server import create_app
from tests.support.embedded import embedded_store
from worker.store import session_scope
from worker.store.accounts import create_token, create_user


@pytest.fixture()
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    url = embedded_store(tmp_path, monkeypatch)
    yield create_app({"TESTING": True, "DATABASE_URL": url})


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _token(role: str) -> str:
    with session_scope() as session:
        user = create_user(session, f"{role}@example.org", role)
        return create_token(session, user, f"{role}-token")


@pytest.fixture()
def reader_token(app: Flask) -> str:
    return _token("reader")


@pytest.fixture()
def editor_token(app: Flask) -> str:
    return _token("editor")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def wait_done(client: FlaskClient, token: str, analysis_id: str, timeout: float = 60) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        body = client.get(f"/api/v1/analyses/{analysis_id}", headers=auth(token)).get_json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.1)
    raise AssertionError(f"analysis {analysis_id} did not finish")
