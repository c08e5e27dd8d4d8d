"""Persistence: SQLAlchemy models, sessions and migrations."""

from worker.store.db import get_engine, get_sessionmaker, session_scope
from worker.store.models import (
    AnalysisRow,
    ApiToken,
    ArticleRow,
    Base,
    FindingRow,
    ReaderReport,
    ReviewEvent,
    User,
)

__all__ = [
    "AnalysisRow",
    "ApiToken",
    "ArticleRow",
    "Base",
    "FindingRow",
    "ReaderReport",
    "ReviewEvent",
    "User",
    "get_engine",
    "get_sessionmaker",
    "session_scope",
]
