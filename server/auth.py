"""Bearer-token authentication and role checks for the API."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import g, request

from server import cache
from server.db import get_session
from server.errors import ApiError
from server.ratelimit import note_auth_failure
from worker.store.accounts import has_role, hash_token, user_for_token
from worker.store.models import User

F = TypeVar("F", bound=Callable[..., Any])


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def authenticate() -> User:
    """The user behind the request's bearer token (or signed-in session), else 401."""
    token = _bearer()
    if token:
        # A few seconds' cache (server.cache): repeated requests skip two queries and a commit.
        # The cached user is a detached copy (the API reads only its id and role), so a request
        # answered from the caches opens no database session at all.
        key = cache.scoped(hash_token(token))
        cached = cache.tokens.get(key)
        if cached is not None:
            user, g.api_token_id = cached
            return user
        session = get_session()
        found = user_for_token(session, token)
        if found is None:
            note_auth_failure()
            raise ApiError(
                401,
                "The API token is not valid (unknown or revoked).",
                "invalid_token",
                {"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        session.commit()  # last_used_at
        user, api_token = found
        g.api_token_id = api_token.id
        cache.tokens.set(key, (cache.detached_user(user), api_token.id))
        return user
    raise ApiError(
        401,
        "Authentication required: send 'Authorization: Bearer <token>'.",
        "unauthorized",
        {"WWW-Authenticate": "Bearer"},
    )


def require(role: str = "reader") -> Callable[[F], F]:
    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = authenticate()
            if not has_role(user.role, role):
                raise ApiError(403, f"This needs the {role} role; your token has {user.role}.")
            g.user = user
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator
