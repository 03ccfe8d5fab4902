"""Each student's ``activity_at`` stamp moves whenever their own results change.

Pages built only from a student's own results (progress, history, flashcard decks) are cached
under that stamp (``quizapp.fragments``), so a cached page is never older than the student's
latest submit, mark, card review or study setting. The stamp is set by a flush listener, so
every code path that changes attempts, cards or study settings through the ORM moves it; a
write that bypasses the ORM (an attempt closed by one UPDATE) calls ``stamp_activity`` itself.
"""

from __future__ import annotations

from functools import cache

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from quizapp.models.attempt import Attempt
from quizapp.models.base import done_once, utcnow
from quizapp.models.card import Card, StudySettings
from quizapp.models.classroom import Membership
from quizapp.models.user import User

#: Name of the students whose stamps a transaction moved (``done_once``).
ACTIVITY = "activity stamped"
#: Models whose rows carry the student (``user_id``) whose results they are.
STUDENT_ROWS = (Attempt, Card, StudySettings, Membership)


@cache
def _stamp_statement() -> sa.Update:
    """The UPDATE that moves stamps, built once: every write of a student's results runs it."""
    users = User.__table__
    return (
        sa.update(users)
        .where(users.c.id.in_(sa.bindparam("user_ids", expanding=True)))
        .values(activity_at=sa.bindparam("now", type_=users.c.activity_at.type))
    )


def claim_stamp(session: Session, user_id: int) -> bool:
    """Whether ``user_id``'s stamp is still to move in this transaction, marking it moved: for
    a write that moves it in its own statement (``stamp_cte``)."""
    stamped = done_once(session, ACTIVITY)
    if user_id in stamped:
        return False
    stamped.add(user_id)
    return True


@cache
def stamp_cte() -> sa.CTE:
    """The stamp of one student (``stamp_user_id``, ``now``) as a common table expression, for
    PostgreSQL to run inside another write's statement."""
    users = User.__table__
    return (
        sa.update(users)
        .where(users.c.id == sa.bindparam("stamp_user_id"))
        .values(activity_at=sa.bindparam("now", type_=users.c.activity_at.type))
        .returning(users.c.id)
        .cte("stamp")
    )


def stamp_activity(session: Session, user_ids) -> None:
    """Move the stamps of ``user_ids`` (once each per transaction: the stamp is the
    transaction's time either way); for writes that bypass the ORM's flush."""
    stamped = done_once(session, ACTIVITY)
    changed = set(user_ids) - stamped
    if changed:
        stamped.update(changed)
        session.connection().execute(
            _stamp_statement(), {"user_ids": sorted(changed), "now": utcnow()}
        )


@event.listens_for(Session, "after_flush")
def _move_activity_stamps(session: Session, flush_context) -> None:
    """Stamp the students whose attempts, cards or settings this flush wrote."""
    stamp_activity(
        session,
        {
            row.user_id
            for row in (*session.new, *session.dirty)
            if isinstance(row, STUDENT_ROWS) and row.user_id is not None
        },
    )
