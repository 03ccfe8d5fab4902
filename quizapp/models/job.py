"""Generation jobs: the generator runs off the request path and teachers watch its progress."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.article import Article
from quizapp.models.base import UTCDateTime, utcnow


class JobStatus(enum.StrEnum):
    """Where a job stands."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class GenerationJob(db.Model):
    """One run of the generator over an article: its first import or a regeneration."""

    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name="status_known"),
        CheckConstraint("items >= 0", name="items_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.QUEUED.value)
    stage: Mapped[str] = mapped_column(String(200), default="Waiting for a free worker")
    is_regeneration: Mapped[bool] = mapped_column(default=False)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    published: Mapped[str] = mapped_column(String(32), default="")
    items: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    article: Mapped[Article] = relationship()

    @property
    def is_finished(self) -> bool:
        """Whether the job has ended, well or not."""
        return self.status in (JobStatus.DONE.value, JobStatus.FAILED.value)
