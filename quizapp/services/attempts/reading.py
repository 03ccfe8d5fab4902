"""Reading attempts back: responses, a student's history, who may look at an attempt."""

from __future__ import annotations

from sqlalchemy.orm import joinedload, selectinload

from quizapp.extensions import db
from quizapp.models import Attempt, Response, User


def attempt_responses(attempt: Attempt) -> list[Response]:
    """The attempt's responses in attempt order, each with its question loaded in the same query
    (not its article: the review page does not show it)."""
    return list(
        db.session.execute(
            db.select(Response)
            .where(Response.attempt_id == attempt.id)
            .options(joinedload(Response.question))
            .order_by(Response.position)
        ).scalars()
    )


def attempt_history(user: User) -> list[Attempt]:
    """The user's submitted attempts, newest first, with their quizzes loaded."""
    return list(
        db.session.execute(
            db.select(Attempt)
            .where(Attempt.user_id == user.id, Attempt.submitted_at.is_not(None))
            .options(selectinload(Attempt.quiz))
            .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
        ).scalars()
    )


def can_view_attempt(user: User, attempt: Attempt) -> bool:
    """A student sees only their own attempts; a teacher also those at quizzes they own."""
    if attempt.user_id == user.id:
        return True
    return user.is_teacher and attempt.quiz.owner_id == user.id
