"""Short-lived, bounded in-process caches for the hot path: a reader re-submitting a page.

When many readers click on the same article, every request after the first asks the same two
questions: whose token is this, and is there a finished analysis of exactly this page? Both answers
are cached here for a few seconds, per web process, so the answer costs no database round trip.

- Tokens: ``SOURCEMARK_TOKEN_CACHE_SECONDS`` (default 5). A revoked token stops working within
  that many seconds in every process; 0 turns the cache off.
- Finished analyses, by the hash of the exact request body (so a repeat costs neither gzip
  decoding nor JSON parsing) and by the (URL, HTML) hash:
  ``SOURCEMARK_REUSE_CACHE_SECONDS`` (default 2). Only
  ``done`` analyses are cached (their findings never change; an editor's review of a finding shows
  to readers at most that many seconds later); 0 turns it off. The same setting bounds how long
  a process keeps a URL's latest finished analysis for repeat clicks with fresh snapshots.

Within one process, changes are seen at once: a flush that touches a token or a user empties the
token cache, and one that touches a finding or an analysis empties the analysis cache.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from flask import current_app, request
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, make_transient_to_detached

from worker.store.models import AnalysisRow, ApiToken, FindingRow, User

V = TypeVar("V")


class TTLCache(Generic[V]):
    """A thread-safe LRU of at most ``size`` entries, each forgotten ``ttl`` seconds after set."""

    def __init__(self, ttl: float, size: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.size = size
        self._clock = clock
        self._items: OrderedDict[str, tuple[float, V]] = OrderedDict()
        self._refreshing: set[str] = set()
        self._lock = threading.Lock()

    def get(self, key: str) -> V | None:
        if self.ttl <= 0:
            return None
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            expires, value = item
            if expires <= self._clock():
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return value

    def lookup(self, key: str) -> tuple[V | None, bool]:
        """(value, current): a value up to one ``ttl`` past its expiry is still handed out, with
        ``current`` False, so that one caller refreshes it (``begin_refresh``) while the
        others go on with it."""
        if self.ttl <= 0:
            return None, False
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None, False
            expires, value = item
            now = self._clock()
            if expires <= now - self.ttl:
                del self._items[key]
                return None, False
            self._items.move_to_end(key)
            return value, expires > now

    def begin_refresh(self, key: str) -> bool:
        """True for the one caller that refreshes ``key`` now; call ``end_refresh`` after."""
        with self._lock:
            if key in self._refreshing:
                return False
            self._refreshing.add(key)
            return True

    def end_refresh(self, key: str) -> None:
        with self._lock:
            self._refreshing.discard(key)

    def set(self, key: str, value: V) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._items[key] = (self._clock() + self.ttl, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def discard(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _seconds(name: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(name) or default))
    except ValueError:
        return default


# token hash -> the detached User row (merged into each request's session without a query)
tokens: TTLCache = TTLCache(_seconds("SOURCEMARK_TOKEN_CACHE_SECONDS", 5), size=10_000)
# html_key(url, html) + pipeline version -> (analysis id, the JSON body of the done analysis)
reusable: TTLCache[tuple[str, bytes]] = TTLCache(
    _seconds("SOURCEMARK_REUSE_CACHE_SECONDS", 2), size=256
)

# URL + pipeline version -> server.api.fresh.Latest: the latest finished analysis of the URL,
# so repeat clicks on one article (each a fresh snapshot) cost no database round trip.
latest: TTLCache[Any] = TTLCache(_seconds("SOURCEMARK_REUSE_CACHE_SECONDS", 2), size=1024)

# analysis id -> the JSON answer of GET .../recheck once it is ``changed`` (the new revision in
# full): every reader who was served the old one asks for it at about the same moment.
followed: TTLCache[bytes] = TTLCache(_seconds("SOURCEMARK_REUSE_CACHE_SECONDS", 2), size=256)


def scoped(key: str) -> str:
    """``key`` within this app's database: apps on different stores (tests run several in one
    process) never see each other's entries."""
    return f"{current_app.config['DATABASE_URL']}|{key}"


def wire_key(version: str, max_bytes: int) -> str | None:
    """The identity of this request's exact JSON body (encoding included), or None to not use it.

    Identical bytes are an identical submission, so they get the identical answer. Bodies that
    are not JSON or are too big are left to the normal path, which refuses them properly.
    """
    if request.mimetype != "application/json" or (request.content_length or 0) > max_bytes:
        return None
    raw = request.get_data(cache=True)  # json_body() reads these same bytes afterwards
    encoding = request.headers.get("Content-Encoding", "").strip().lower()
    digest = hashlib.sha256(encoding.encode("latin-1", "replace") + b"\0" + raw).hexdigest()
    return scoped(f"{version}:body:{digest}")


def detached_user(user: User) -> User:
    """A copy of ``user`` that belongs to no session, safe to share between threads' sessions."""
    copy = User(
        id=user.id,
        email=user.email,
        password_hash=user.password_hash,
        role=user.role,
        active=user.active,
        created_at=user.created_at,
    )
    make_transient_to_detached(copy)
    return copy


@event.listens_for(Session, "after_flush")
def _forget_changed(session: Session, _context: Any) -> None:
    # Only updates and deletes matter: new rows are not in any cache yet. A token's last_used_at
    # changes once a minute and is no reason to drop the cache; its revocation is.
    changed = list(session.dirty) + list(session.deleted)
    if any(
        isinstance(obj, User) or (isinstance(obj, ApiToken) and _revoked(session, obj))
        for obj in changed
    ):
        tokens.clear()
    if any(isinstance(obj, (FindingRow, AnalysisRow)) for obj in changed):
        reusable.clear()
        latest.clear()
        followed.clear()


def _revoked(session: Session, token: ApiToken) -> bool:
    return token in session.deleted or inspect(token).attrs.revoked_at.history.has_changes()
