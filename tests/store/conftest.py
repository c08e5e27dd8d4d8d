"""The store's database for every test here: a migrated SQLite file and a fresh PostgreSQL
database, each test run on both, named by ``DATABASE_URL`` as the worker reads it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.services import fresh_database
from worker.store.migrate import upgrade


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, monkeypatch) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
        upgrade(url)
        monkeypatch.setenv("DATABASE_URL", url)
        yield url
    else:
        with fresh_database() as url:
            upgrade(url)
            monkeypatch.setenv("DATABASE_URL", url)
            yield url
