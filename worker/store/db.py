"""Engines and sessions, one engine per database URL per process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from worker.config import database_url


def get_engine(url: str | None = None) -> Engine:
    # Resolved before the cache, so a changed DATABASE_URL gets its own engine.
    return _engine(url or database_url())


_ENGINES: list[Engine] = []


def _forget_inherited_connections() -> None:
    # A pooled connection is a socket: after fork (gunicorn and Celery workers are forked from a
    # parent that ran migrations or made the first token) parent and child must not share one.
    for engine in _ENGINES:
        engine.dispose(close=False)


os.register_at_fork(after_in_child=_forget_inherited_connections)


@lru_cache(maxsize=16)
def _engine(url: str) -> Engine:
    engine = _make_engine(url)
    _ENGINES.append(engine)
    return engine


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # noqa: ANN001
            # WAL lets the in-process worker thread write while requests read.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    # pre_ping: after a PostgreSQL restart, stale pooled connections are replaced transparently.
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, pool_recycle=1800)


def get_sessionmaker(url: str | None = None) -> sessionmaker[Session]:
    return _sessionmaker(url or database_url())


@lru_cache(maxsize=16)
def _sessionmaker(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=_engine(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session committed on success and rolled back on any error."""
    session = get_sessionmaker(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
