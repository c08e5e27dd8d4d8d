"""Settings read from the environment, in one place, so server, worker and CLI agree."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def int_setting(name: str, default: int) -> int:
    """An integer setting; a missing or malformed value means the default."""
    raw = os.environ.get(name)
    try:
        return int(raw) if raw else default
    except ValueError:
        return default


def instance_dir() -> Path:
    """Folder for local state (SQLite file, secret key); created on first use."""
    raw = os.environ.get("SOURCEMARK_INSTANCE") or os.path.join(
        os.path.expanduser("~"), ".local", "share", "sourcemark"
    )
    path = Path(raw)
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        # Heroku-style and bare postgres URLs: route them to psycopg 3, the driver we ship.
        if url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url[len("postgres://") :]
        elif url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    return f"sqlite:///{instance_dir() / 'sourcemark.db'}"


def redis_url() -> str | None:
    return os.environ.get("REDIS_URL") or None


@dataclass(frozen=True)
class TaskLimits:
    soft_seconds: int
    hard_seconds: int
    visibility_seconds: int
    max_retries: int


def task_limits() -> TaskLimits:
    soft = int_setting("SOURCEMARK_TASK_SOFT_LIMIT", 60)
    hard = max(int_setting("SOURCEMARK_TASK_HARD_LIMIT", soft + 15), soft + 1)
    # A message unacknowledged this long is handed to another worker, so it must outlive the
    # hard limit or a healthy slow task would run twice.
    visibility = max(int_setting("SOURCEMARK_VISIBILITY_TIMEOUT", hard * 2), hard + 1)
    return TaskLimits(soft, hard, visibility, int_setting("SOURCEMARK_TASK_MAX_RETRIES", 5))


def languages() -> tuple[str, ...]:
    """The languages analysed (``SOURCEMARK_LANGUAGES``, comma-separated; default English)."""
    return tuple(
        x.strip() for x in (os.environ.get("SOURCEMARK_LANGUAGES") or "en").split(",") if x.strip()
    ) or ("en",)


def fresh_seconds() -> int:
    """How long a finished analysis is served at once to repeat clicks on its URL, and the
    window in which at most one re-check of that URL runs (``SOURCEMARK_FRESH_SECONDS``)."""
    return max(0, int_setting("SOURCEMARK_FRESH_SECONDS", 300))


def desk_name() -> str:
    """Who readers are told checked a claim ("Checked by <desk> on <date>: ..."):
    ``SOURCEMARK_DESK``, the name of the editors' desk; editors' own names are never shown."""
    return (os.environ.get("SOURCEMARK_DESK") or "").strip()[:80] or "the sourcemark editors"


def match_budget_seconds() -> float:
    """How long matching a new analysis's claims with the stored ones may delay its result
    (``SOURCEMARK_MATCH_BUDGET_MS``, default 25): the findings not reached by then are matched
    right after the readers are told. 0 leaves all matching until then."""
    return max(0, int_setting("SOURCEMARK_MATCH_BUDGET_MS", 25)) / 1000


def recheck_retention_hours() -> int:
    """How long finished re-checks (each a gzipped snapshot of a page) are kept before the
    sweeper deletes them (``SOURCEMARK_RECHECK_RETENTION_HOURS``, default 24; 0 keeps them)."""
    return max(0, int_setting("SOURCEMARK_RECHECK_RETENTION_HOURS", 24))
