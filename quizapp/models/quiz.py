"""Quizzes: an ordered selection of questions."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.article import Article
from quizapp.models.base import UTCDateTime, utcnow
from quizapp.models.question import Question


class FeedbackPolicy(enum.StrEnum):
    """When a student sees right answers and feedback after submitting."""

    IMMEDIATE = "immediate"
    AFTER_DUE = "after_due"
    NEVER = "never"


class Quiz(db.Model):
    """A quiz students can take once published, with its settings.

    Students see a published quiz when it is assigned to one of their classes (and open) or when
    it is public practice material (``is_public``). ``max_attempts`` and ``time_limit_minutes``
    are None for "no limit".
    """

    __table_args__ = (
        CheckConstraint("max_attempts IS NULL OR max_attempts >= 1", name="attempts_positive"),
        CheckConstraint(
            "time_limit_minutes IS NULL OR time_limit_minutes >= 1", name="time_limit_positive"
        ),
        CheckConstraint(
            "feedback_policy IN ('immediate', 'after_due', 'never')", name="feedback_policy_known"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="SET NULL"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    is_published: Mapped[bool] = mapped_column(default=False)
    is_public: Mapped[bool] = mapped_column(default=False)
    is_shuffle_questions: Mapped[bool] = mapped_column(default=False)
    is_shuffle_options: Mapped[bool] = mapped_column(default=True)
    is_one_per_page: Mapped[bool] = mapped_column(default=False)
    max_attempts: Mapped[int | None] = mapped_column(Integer)
    time_limit_minutes: Mapped[int | None] = mapped_column(Integer)
    feedback_policy: Mapped[str] = mapped_column(String(16), default=FeedbackPolicy.IMMEDIATE.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    article: Mapped[Article | None] = relationship()
    entries: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", order_by="QuizQuestion.position", cascade="all, delete-orphan"
    )


class QuizQuestion(db.Model):
    """A question's place in a quiz."""

    __table_args__ = (
        UniqueConstraint("quiz_id", "question_id"),
        UniqueConstraint("quiz_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"))
    position: Mapped[int]

    quiz: Mapped[Quiz] = relationship(back_populates="entries")
    question: Mapped[Question] = relationship()
