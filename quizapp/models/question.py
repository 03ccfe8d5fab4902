"""Questions in the bank: a kind plus the interchange payload of question_bank.model.Question."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from question_bank.kinds import KIND_NAMES
from question_bank.model import Question as BankQuestion
from quizapp.extensions import db
from quizapp.models.article import Article
from quizapp.models.base import UTCDateTime, utcnow
from quizapp.models.category import Category, QuestionTag

_KINDS_SQL = ", ".join(f"'{k}'" for k in KIND_NAMES)


def normalise_tags(tags) -> list[str]:
    """Tags lower-cased, trimmed, without blanks or repeats, in their first order."""
    cleaned = (tag.strip().lower()[:64] for tag in tags)
    return list(dict.fromkeys(tag for tag in cleaned if tag))


#: Parsed payloads, shared by the requests a process serves: question id -> (a copy of the
#: payload, the parsed question). A payload is a plain value, so an equal one parses the same.
_PARSED: dict[int, tuple[dict[str, Any], BankQuestion]] = {}
_PARSED_MAX = 4096


def parsed_payload(question_id: int | None, payload: dict[str, Any]) -> BankQuestion:
    """``BankQuestion.from_dict(payload)``, from the cache when the question's payload is
    unchanged since it was last parsed (rows edited in place get a new payload)."""
    cached = _PARSED.get(question_id) if question_id is not None else None
    if cached is not None and cached[0] == payload:
        return cached[1]
    parsed = BankQuestion.from_dict(payload)
    if question_id is not None:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[question_id] = (copy.deepcopy(payload), parsed)
    return parsed


class Question(db.Model):
    """One question; ``payload`` is ``question_bank.model.Question.to_dict()``.

    Editing a question that students have answered adds a new row (``version`` + 1,
    ``previous_id`` pointing back) and retires the old one with ``is_deleted``, so responses keep
    the exact question they answered.
    """

    __table_args__ = (
        CheckConstraint(f"kind IN ({_KINDS_SQL})", name="kind_known"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    prompt: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    fact_type: Mapped[str] = mapped_column(String(32), default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float | None] = mapped_column(Float)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="SET NULL"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("category.id", ondelete="SET NULL"), index=True
    )
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_deleted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    article: Mapped[Article | None] = relationship()
    category: Mapped[Category | None] = relationship()
    tag_rows: Mapped[list[QuestionTag]] = relationship(
        cascade="all, delete-orphan", order_by="QuestionTag.name"
    )

    @property
    def tags(self) -> list[str]:
        """The question's tag names, sorted."""
        return [tag.name for tag in self.tag_rows]

    @property
    def bank(self) -> BankQuestion:
        """The payload as a ``question_bank.model.Question`` (parsed once per payload)."""
        return parsed_payload(self.id, self.payload)

    @classmethod
    def from_bank(cls, question: BankQuestion, **fields: Any) -> Question:
        """Build a row from an interchange question."""
        return cls(
            kind=question.kind,
            prompt=question.prompt,
            payload=question.to_dict(),
            evidence=question.evidence,
            fact_type=dict(question.extra).get("fact_type", ""),
            tag_rows=[QuestionTag(name=name) for name in normalise_tags(question.tags)],
            **fields,
        )
