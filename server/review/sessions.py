"""Sign-in sessions for the web view (Flask-Login) and CSRF protection (Flask-WTF).

The bearer-token API under /api/ is not cookie-authenticated, so it is the one place CSRF
checks do not apply; every other state-changing request needs a token.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, Request, render_template, request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_login import LoginManager, UserMixin, current_user
from flask_wtf.csrf import CSRFProtect

from server.db import get_session
from worker.store.accounts import has_role
from worker.store.models import User

F = TypeVar("F", bound=Callable[..., Any])
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

login_manager = LoginManager()
csrf = CSRFProtect()


@dataclass
class SessionUser(UserMixin):
    """The signed-in person, detached from the database session of the request."""

    user_id: int
    email: str
    role: str
    stamp: str

    def get_id(self) -> str:
        # The stamp is a slice of the password hash: changing the password ends old sessions.
        return f"{self.user_id}:{self.stamp}"

    def can(self, role: str) -> bool:
        return has_role(self.role, role)


def _stamp(user: User) -> str:
    return (user.password_hash or "")[-12:]


def session_user(user: User) -> SessionUser:
    return SessionUser(user_id=user.id, email=user.email, role=user.role, stamp=_stamp(user))


@login_manager.user_loader
def _load(identifier: str) -> SessionUser | None:
    raw_id, _, stamp = identifier.partition(":")
    if not raw_id.isdigit():
        return None
    user = get_session().get(User, int(raw_id))
    if user is None or not user.active or _stamp(user) != stamp:
        return None
    return session_user(user)


def require_role(role: str) -> Callable[[F], F]:
    """Signed-out visitors go to /login; signed-in users without ``role`` get a 403 page."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.can(role):
                return render_template("review/forbidden.html", needed=role), 403
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


class _SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions for the web view; none for the bearer-token API, whose
    requests never read or write one (and would each pay for a signing serialiser)."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if request.path.startswith("/api/"):
            return self.make_null_session(app)
        return super().open_session(app, request)


def init_app(app: Flask) -> None:
    app.session_interface = _SessionInterface()
    secure = bool(app.config.get("SESSION_COOKIE_SECURE"))
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    # A review session lasts a working day; the default hour would reject long-open pages.
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 12 * 3600)
    app.config.setdefault("PERMANENT_SESSION_LIFETIME", timedelta(hours=12))
    # Re-sending the cookie on every response lets a slow parallel request (the page's icon, a
    # stylesheet) write back the session as it was before the form on the page added its CSRF
    # token: the form then fails with "The CSRF tokens do not match". The cookie is sent when
    # the session changes (sign-in, a new token), so a session still lasts the working day.
    app.config.setdefault("SESSION_REFRESH_EACH_REQUEST", False)
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SECURE", secure)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    login_manager.login_view = "review.login"
    login_manager.login_message = "Please sign in to review findings."
    login_manager.session_protection = "strong"
    login_manager.init_app(app)
    csrf.init_app(app)

    @app.before_request
    def _csrf() -> None:
        if request.method not in SAFE_METHODS and not request.path.startswith("/api/"):
            csrf.protect()
