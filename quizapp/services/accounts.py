"""Creating accounts, checking passwords, and the server-side sessions of logged-in users."""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import db
from quizapp.models import LoginSession, Role, User
from quizapp.models.base import utcnow
from quizapp.models.user import token_digest
from quizapp.services.credentials import normalise_username, username_skeleton


class AccountError(ValueError):
    """An account cannot be created as asked."""


def find_user(username: str) -> User | None:
    """The user with this username (NFKC-normalised, case-insensitive), if any."""
    return db.session.execute(
        db.select(User).where(db.func.lower(User.username) == normalise_username(username).lower())
    ).scalar_one_or_none()


def look_alike_user(username: str) -> User | None:
    """The user whose username looks like this one (same confusable skeleton), if any."""
    return db.session.execute(
        db.select(User).where(User.username_key == username_skeleton(username))
    ).scalar_one_or_none()


def create_user(username: str, password: str, role: Role | str = Role.STUDENT) -> User:
    """Add a new user with a hashed password; refuses a username taken or looking like one."""
    username = normalise_username(username)
    if find_user(username) is not None:
        raise AccountError(f"The username {username!r} is already taken.")
    if look_alike_user(username) is not None:
        raise AccountError(f"The username {username!r} looks like one already taken.")
    user = User(username=username, username_key=username_skeleton(username), role=Role(role).value)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


@cache
def _decoy_hash() -> str:
    """A hash of a random password, checked for unknown usernames so they cost the same."""
    return generate_password_hash(secrets.token_urlsafe(16))


def authenticate(username: str, password: str) -> User | None:
    """The user whose username and password match, else None.

    An unknown username still costs one password check, so timing does not tell which
    usernames exist.
    """
    user = find_user(username)
    if user is None:
        check_password_hash(_decoy_hash(), password)
        return None
    return user if user.check_password(password) else None


def open_session(user: User, lifetime: timedelta) -> str:
    """Start a server-side session for ``user``; sets and returns its token."""
    now = utcnow()
    db.session.execute(
        db.delete(LoginSession).where(
            LoginSession.user_id == user.id, LoginSession.expires_at <= now
        )
    )
    token = secrets.token_urlsafe(32)
    db.session.add(
        LoginSession(user_id=user.id, token_digest=token_digest(token), expires_at=now + lifetime)
    )
    db.session.flush()
    user.login_token = token
    return token


def close_session(user: User) -> None:
    """End the session ``user`` was loaded for (its cookie and remember token stop working)."""
    if user.login_token:
        db.session.execute(
            db.delete(LoginSession).where(
                LoginSession.user_id == user.id,
                LoginSession.token_digest == token_digest(user.login_token),
            )
        )


def close_all_sessions(user: User) -> int:
    """End every session of ``user`` on every device; returns how many were open."""
    result = db.session.execute(db.delete(LoginSession).where(LoginSession.user_id == user.id))
    return result.rowcount


def random_password() -> str:
    """A password that is easy to type and hard to guess."""
    return secrets.token_urlsafe(12)
