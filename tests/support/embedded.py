"""An app's store for tests that run the server in this process: a new SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.store.migrate import upgrade


def embedded_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point this process at a new, migrated SQLite store in ``tmp_path`` in embedded mode (no
    ``REDIS_URL``: tasks run in-process) and return its URL, for ``create_app``'s config."""
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("SOURCEMARK_INSTANCE", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    upgrade(url)
    return url
