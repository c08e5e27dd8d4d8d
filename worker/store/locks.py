"""A lock per submitted URL, so that readers clicking the same fresh article at the same moment
get one analysis between them instead of one each.

PostgreSQL: a transaction-scoped advisory lock, shared by every web process and released by the
commit (or rollback) that ends the request's transaction. SQLite (embedded mode, one process):
a striped in-process lock.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.orm import Session

_STRIPES = [threading.Lock() for _ in range(64)]


@contextmanager
def submission_lock(session: Session, url: str) -> Iterator[None]:
    """Hold the URL's lock for the block: check for an existing analysis, create, commit."""
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).digest()
    # End the current transaction first: a snapshot taken before another request committed
    # would not see that request's analysis (SQLite reads from the snapshot of its transaction).
    session.commit()
    if session.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(digest[:8], "big", signed=True)
        session.execute(select(func.pg_advisory_xact_lock(key)))
        yield
    else:
        with _STRIPES[digest[0] % len(_STRIPES)]:
            yield
