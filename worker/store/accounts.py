"""Users and API tokens: creation, lookup by token, revocation."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload
from werkzeug.security import check_password_hash, generate_password_hash

from worker.store.models import ROLES, ApiToken, User, utcnow

TOKEN_PREFIX = "smk_"
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}


def has_role(user_role: str, needed: str) -> bool:
    return ROLE_RANK.get(user_role, -1) >= ROLE_RANK[needed]


def may_review(user: User) -> bool:
    """Active editors and admins: who may review, and be assigned, a finding."""
    return bool(user.active) and has_role(user.role, "editor")


def reviewers(session: Session) -> list[User]:
    """Every user who may be assigned a finding, by email."""
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.email))
    return [u for u in users if may_review(u)]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def create_user(session: Session, email: str, role: str, password: str | None = None) -> User:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    email = email.strip().lower()
    if not email or "@" not in email:
        raise ValueError("a valid email address is required")
    if session.scalars(select(User).where(User.email == email)).first():
        raise ValueError(f"a user {email} already exists")
    user = User(
        email=email,
        role=role,
        password_hash=generate_password_hash(password) if password else None,
    )
    session.add(user)
    session.flush()
    return user


def set_password(user: User, password: str) -> None:
    user.password_hash = generate_password_hash(password)


def check_password(user: User, password: str) -> bool:
    return bool(user.password_hash) and check_password_hash(user.password_hash, password)


def get_or_create_user(session: Session, email: str, role: str) -> User:
    user = session.scalars(select(User).where(User.email == email.lower())).first()
    return user or create_user(session, email, role)


def create_token(session: Session, user: User, name: str) -> str:
    """Make a token for ``user``; the plain token is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            user=user,
            name=name[:200],
            token_hash=hash_token(token),
            prefix=token[: len(TOKEN_PREFIX) + 6],
        )
    )
    session.flush()
    return token


def user_for_token(session: Session, token: str) -> tuple[User, ApiToken] | None:
    if not token or len(token) > 200:
        return None
    row = session.scalars(
        select(ApiToken)
        .options(joinedload(ApiToken.user))
        .where(ApiToken.token_hash == hash_token(token))
    ).first()
    if row is None or row.revoked_at is not None or not row.user.active:
        return None
    now = utcnow()
    last = row.last_used_at
    # Writing on every request would turn reads into writes; once a minute is enough to audit.
    if last is not None and last.tzinfo is None:  # SQLite returns naive datetimes
        last = last.replace(tzinfo=now.tzinfo)
    if last is None or now - last > timedelta(minutes=1):
        row.last_used_at = now
    return row.user, row


def revoke_token(session: Session, prefix_or_name: str) -> int:
    rows = session.scalars(
        select(ApiToken)
        .where((ApiToken.prefix == prefix_or_name) | (ApiToken.name == prefix_or_name))
        .where(ApiToken.revoked_at.is_(None))
    ).all()
    for row in rows:
        row.revoked_at = utcnow()
    return len(rows)


def token_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ApiToken)) or 0
