"""One app per fuzz module (embedded mode, SQLite), with an editor token to reach every route."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from flask import Flask

from server import cache, create_app
from worker.store import session_scope
from worker.store.accounts import create_token, create_user
from worker.store.migrate import upgrade


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, str]]:
    folder = tmp_path_factory.mktemp("fuzz")
    saved = {
        k: os.environ.get(k)
        for k in ("REDIS_URL", "DATABASE_URL", "SOURCEMARK_INSTANCE", "SOURCEMARK_RATE_LIMIT")
    }
    url = f"sqlite:///{folder / 'fuzz.db'}"
    os.environ.pop("REDIS_URL", None)
    os.environ.update(
        {"DATABASE_URL": url, "SOURCEMARK_INSTANCE": str(folder), "SOURCEMARK_RATE_LIMIT": "off"}
    )
    try:
        upgrade(url)
        with session_scope() as session:
            editor = create_user(session, "fuzz-editor@example.org", "editor")
            token = create_token(session, editor, "fuzz")
        cache.tokens.clear()
        cache.reusable.clear()
        app = create_app({"DATABASE_URL": url})
        app.testing = False  # errors go through the handlers, as in production
        yield app, token
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
