"""Accounts: teachers and students."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import db, login_manager
from quizapp.models.base import UTCDateTime, utcnow


class Role(enum.StrEnum):
    """What an account may do."""

    TEACHER = "teacher"
    STUDENT = "student"


class User(UserMixin, db.Model):
    """A person who logs in."""

    __table_args__ = (CheckConstraint("role IN ('teacher', 'student')", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16), default=Role.STUDENT.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

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

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Flask-Login's loader: the user with this id, if any."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
