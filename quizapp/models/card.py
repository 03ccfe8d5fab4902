"""Flashcards: one student's memory of one question, every review of it, and study settings.

A question becomes a student's ``Card`` the first time they review it (as a flashcard or by
answering it in a quiz); until then it is a *new* card of every deck that holds it. The
scheduling fields mirror ``fsrs.Card`` (state 1 learning, 2 review, 3 relearning).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, utcnow
from quizapp.models.question import Question


class Card(db.Model):
    """A student's scheduling state for one question (FSRS memory model); one per pair."""

    __table_args__ = (
        UniqueConstraint("user_id", "question_id"),
        CheckConstraint("state IN (1, 2, 3)", name="state_known"),
        CheckConstraint("reps >= 0 AND lapses >= 0", name="counts_not_negative"),
        Index("ix_card_user_id_due_at", "user_id", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[int] = mapped_column(default=1)
    step: Mapped[int | None]
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_review_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reps: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    question: Mapped[Question] = relationship()


class CardReview(db.Model):
    """One rating of a card (append-only): from the flashcard page or from a quiz answer."""

    __table_args__ = (
        CheckConstraint("rating BETWEEN 1 AND 4", name="rating_known"),
        CheckConstraint("source IN ('flashcard', 'quiz')", name="source_known"),
        CheckConstraint("duration_ms IS NULL OR duration_ms >= 0", name="duration_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("card.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int]
    source: Mapped[str] = mapped_column(String(16), default="flashcard")
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    duration_ms: Mapped[int | None]
    state_before: Mapped[int]
    due_after: Mapped[datetime] = mapped_column(UTCDateTime())

    card: Mapped[Card] = relationship()


class StudySettings(db.Model):
    """A student's own scheduler settings; absent means the configured defaults."""

    __table_args__ = (
        CheckConstraint(
            "desired_retention > 0.5 AND desired_retention < 1", name="retention_in_range"
        ),
        CheckConstraint("new_cards_per_day >= 0", name="new_cards_not_negative"),
    )

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    desired_retention: Mapped[float] = mapped_column(Float)
    new_cards_per_day: Mapped[int]
    parameters: Mapped[list[float] | None] = mapped_column(JSON)
    optimised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
