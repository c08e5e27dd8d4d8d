"""In-process apps for the security tests: SQLite store, embedded mode, one user per role."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from server import cache, create_app
from tests.support.embedded import embedded_store
from worker.store import session_scope
from worker.store.accounts import create_token, create_user


@pytest.fixture()
def make_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """A factory of apps sharing one database (two apps = two web processes)."""
    monkeypatch.delenv("SOURCEMARK_RATE_LIMIT", raising=False)
    url = embedded_store(tmp_path, monkeypatch)
    cache.tokens.clear()
    cache.reusable.clear()
    cache.latest.clear()

    def make(**config: object) -> Flask:
        return create_app({"TESTING": True, "DATABASE_URL": url, **config})

    yield make
    cache.tokens.clear()
    cache.reusable.clear()
    cache.latest.clear()


# A counter, not id(session): two sessions opened one after the other can share an id (the first
# is freed before the second is made), which gave two users one address.
_user_numbers = itertools.count(1)


def new_token(role: str = "reader", email: str | None = None) -> str:
    with session_scope() as session:
        number = next(_user_numbers)
        user = create_user(session, email or f"{role}-{number}@example.org", role)
        return create_token(session, user, f"{role}-token-{user.id}")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
