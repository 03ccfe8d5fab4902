"""Generated items waiting for a teacher's review before they enter the bank."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from question_bank.model import Question as BankQuestion
from quizapp.extensions import db
from quizapp.models.article import Article
from quizapp.models.base import UTCDateTime, utcnow


class ReviewStatus(enum.StrEnum):
    """Where a generated item stands in the review queue."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ReviewItem(db.Model):
    """One generated item of an article, as a bank question payload, until accepted or rejected."""

    __table_args__ = (
        CheckConstraint("status IN ('pending', 'accepted', 'rejected')", name="status_known"),
        Index("ix_review_item_article_id_status_score", "article_id", "status", "score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    fact_type: Mapped[str] = mapped_column(String(32), default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=ReviewStatus.PENDING.value)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    #: Published by the generator's default list; the rest are "more", ranked lower.
    suggested: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    article: Mapped[Article] = relationship()

    @property
    def bank(self) -> BankQuestion:
        """The payload as a ``question_bank.model.Question``."""
        return BankQuestion.from_dict(self.payload)
