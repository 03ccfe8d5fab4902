"""Creating accounts and checking passwords."""

from __future__ import annotations

import secrets

from quizapp.extensions import db
from quizapp.models import Role, User


class AccountError(ValueError):
    """An account cannot be created as asked."""


def find_user(username: str) -> User | None:
    """The user with this username (case-insensitive), if any."""
    return db.session.execute(
        db.select(User).where(db.func.lower(User.username) == username.strip().lower())
    ).scalar_one_or_none()


def create_user(username: str, password: str, role: Role | str = Role.STUDENT) -> User:
    """Add a new user with a hashed password; refuses a username already taken."""
    username = username.strip()
    if find_user(username) is not None:
        raise AccountError(f"The username {username!r} is already taken.")
    user = User(username=username, role=Role(role).value)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(username: str, password: str) -> User | None:
    """The user whose username and password match, else None."""
    user = find_user(username)
    return user if user is not None and user.check_password(password) else None


def random_password() -> str:
    """A password that is easy to type and hard to guess."""
    return secrets.token_urlsafe(12)
