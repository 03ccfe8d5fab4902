"""Attempts at a quiz: the questions each one was started with, the answers saved as the
student goes, and the marked responses (append-only).

Invariants held by the database: attempts of one student at one quiz are numbered 1, 2, ...
without repeats (so two concurrent starts cannot both take the last attempt), and a student has
at most one open attempt per quiz.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, utcnow
from quizapp.models.question import Question
from quizapp.models.quiz import Quiz
from quizapp.models.user import User

_OPEN = text("submitted_at IS NULL")


class Attempt(db.Model):
    """One student's go at one quiz; ``submitted_at`` is set once, when it is marked.

    ``number`` counts the student's attempts at the quiz from 1; ``deadline_at`` (server time)
    is fixed at the start from the quiz's time limit; ``pending_marks`` counts responses still
    waiting for the teacher (the score covers marked responses only).
    """

    __table_args__ = (
        CheckConstraint("score >= 0 AND score <= max_score", name="score_in_range"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("pending_marks >= 0", name="pending_not_negative"),
        UniqueConstraint("quiz_id", "user_id", "number"),
        Index(
            "ix_attempt_one_open",
            "quiz_id",
            "user_id",
            unique=True,
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    score: Mapped[float] = mapped_column(Float, default=0.0)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    pending_marks: Mapped[int] = mapped_column(default=0)

    quiz: Mapped[Quiz] = relationship()
    user: Mapped[User] = relationship()
    slots: Mapped[list[AttemptSlot]] = relationship(
        back_populates="attempt", order_by="AttemptSlot.position", cascade="all, delete-orphan"
    )
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", order_by="Response.position"
    )

    @property
    def percent(self) -> float:
        """Score as a percentage of the marked maximum (0 when nothing is marked yet)."""
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


class AttemptSlot(db.Model):
    """One question of an attempt, pinned at its start: the version shown and marked, its place
    on the page, and the answer saved so far (with the student's flag)."""

    __table_args__ = (
        UniqueConstraint("attempt_id", "position"),
        UniqueConstraint("attempt_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    position: Mapped[int]
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="RESTRICT"), index=True
    )
    answer: Mapped[Any] = mapped_column(JSON, nullable=True)
    is_flagged: Mapped[bool] = mapped_column(default=False)
    saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    attempt: Mapped[Attempt] = relationship(back_populates="slots")
    question: Mapped[Question] = relationship()


class Response(db.Model):
    """A student's marked answer to one question within an attempt; one per attempt and question.

    ``fraction`` is None while the teacher has not marked it; ``comment``, ``marked_at`` and
    ``marked_by_id`` record the teacher's marking.
    """

    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"))
    position: Mapped[int]
    answer: Mapped[Any] = mapped_column(JSON)
    fraction: Mapped[float | None] = mapped_column(Float)
    feedback: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    marked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()
