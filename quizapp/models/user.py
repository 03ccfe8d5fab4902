"""Accounts (teachers and students) and their logged-in sessions."""

from __future__ import annotations

import enum
import hashlib
from datetime import datetime
from functools import cache

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import db, login_manager
from quizapp.models.base import UTCDateTime, utcnow
from quizapp.services.credentials import username_skeleton


class Role(enum.StrEnum):
    """What an account may do."""

    TEACHER = "teacher"
    STUDENT = "student"


def _skeleton_default(context) -> str:
    return username_skeleton(context.get_current_parameters()["username"])


class User(UserMixin, db.Model):
    """A person who logs in.

    ``username_key`` is the username's confusable skeleton (see ``services.credentials``): unique,
    so two usernames that look alike cannot both exist. ``login_token`` is set on the loaded user
    to the token of the session it was loaded for; Flask-Login stores ``get_id()`` in the session
    and the remember cookie, so both name a server-side ``LoginSession`` that logging out deletes.
    """

    __table_args__ = (CheckConstraint("role IN ('teacher', 'student')", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    username_key: Mapped[str] = mapped_column(String(256), unique=True, default=_skeleton_default)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16), default=Role.STUDENT.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: When the student's own results last changed (see ``quizapp.models.activity``).
    activity_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def set_password(self, password: str) -> None:
        """Store a salted hash of ``password``."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """Whether ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    @property
    def is_teacher(self) -> bool:
        """Whether this account has the teacher role."""
        return self.role == Role.TEACHER.value

    login_token = None  # set by load_user; not a column
    content_at = None  # the content stamp read with the user by load_user; not a column

    def get_id(self) -> str:
        """``user id:session token``: what the session and the remember cookie hold."""
        return f"{self.id}:{self.login_token or ''}"

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"


def token_digest(token: str) -> str:
    """What the database keeps of a session token (a stolen table cannot be replayed)."""
    return hashlib.sha256(token.encode()).hexdigest()


class LoginSession(db.Model):
    """One log-in on one device, alive until it is logged out or expires."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


@cache
def _session_user_statement():
    """The user of a live session with the content stamp (``quizapp.models.content``), built
    once: it runs on every request."""
    from quizapp.models.content import content_stamp_column

    return (
        db.select(User, content_stamp_column())
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(
            User.id == db.bindparam("user_id"),
            LoginSession.token_digest == db.bindparam("digest"),
            LoginSession.expires_at > db.bindparam("now"),
        )
    )


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """Flask-Login's loader: the user of a live ``LoginSession`` (one query), else None."""
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or len(user_id) > 18 or not token:
        return None
    row = db.session.execute(
        _session_user_statement(),
        {"user_id": int(user_id), "digest": token_digest(token), "now": utcnow()},
    ).one_or_none()
    if row is None:
        return None
    user, user.content_at = row
    user.login_token = token
    return user
