"""One stamp for what teachers publish, moved by every change to it.

Students' cached pages (``quizapp.fragments``) show teachers' content too: quiz titles and
settings, questions, categories, classes and what is assigned to them. Every flush that writes
one of those rows moves ``SiteState.content_at``; the stamp is read with the logged-in user in
one statement (``quizapp.models.user``) and is part of every cached page's key, so a page never
outlives a teacher's edit, in any worker.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, done_once, utcnow
from quizapp.models.category import Category, QuestionTag
from quizapp.models.classroom import Assignment, Classroom
from quizapp.models.question import Question
from quizapp.models.quiz import Quiz, QuizQuestion

#: Models of what teachers publish to students.
CONTENT_ROWS = (Quiz, QuizQuestion, Question, Category, QuestionTag, Classroom, Assignment)
#: The one row of ``SiteState``.
SITE_ROW = 1


class SiteState(db.Model):
    """The site's one row of shared stamps."""

    __tablename__ = "site_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    #: When teachers' published content last changed.
    content_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


@cache
def content_stamp_column() -> sa.ScalarSelect:
    """The stamp as a column to read beside another row (built once)."""
    return (
        sa.select(SiteState.content_at)
        .where(SiteState.id == SITE_ROW)
        .scalar_subquery()
        .label("content_at")
    )


@cache
def _move_statement() -> sa.Update:
    table = SiteState.__table__
    return (
        sa.update(table)
        .where(table.c.id == SITE_ROW)
        .values(content_at=sa.bindparam("now", type_=table.c.content_at.type))
    )


def stamp_content(session: Session) -> None:
    """Move the stamp (once per transaction; the row is made if it is missing)."""
    stamped = done_once(session, "content stamped")
    if SITE_ROW in stamped:
        return
    stamped.add(SITE_ROW)
    now = utcnow()
    connection = session.connection()
    if connection.execute(_move_statement(), {"now": now}).rowcount == 0:
        connection.execute(sa.insert(SiteState.__table__).values(id=SITE_ROW, content_at=now))


@event.listens_for(Session, "after_flush")
def _move_content_stamp(session: Session, flush_context) -> None:
    """Stamp a flush that wrote teachers' content."""
    if any(
        isinstance(row, CONTENT_ROWS) for row in (*session.new, *session.dirty, *session.deleted)
    ):
        stamp_content(session)
