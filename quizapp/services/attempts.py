"""Attempts: starting, marking once, and reading back a student's history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import contains_eager, joinedload

from question_bank.grading import grade
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response, User
from quizapp.models.base import utcnow
from quizapp.services.flashcards import record_quiz_reviews
from quizapp.services.quizzes import quiz_questions


def start_attempt(quiz: Quiz, user: User) -> Attempt:
    """Open a new attempt at ``quiz`` for ``user``."""
    attempt = Attempt(quiz_id=quiz.id, user_id=user.id)
    db.session.add(attempt)
    db.session.flush()
    return attempt


def claim_submission(attempt: Attempt) -> bool:
    """Mark the attempt as submitted; False if it already was (a repeated or concurrent submit).

    The check and the update are one conditional UPDATE, so two submits racing each other
    cannot both win: the database serialises them on the attempt's row.
    """
    result = db.session.execute(
        db.update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=utcnow())
    )
    db.session.refresh(attempt)
    return result.rowcount == 1


def submit_attempt(attempt: Attempt, answers: Mapping[int, Any]) -> bool:
    """Mark every question of the attempt's quiz once and store the responses.

    ``answers`` maps question id to the response value (see question_bank.grading). Returns
    False, changing nothing, when the attempt was already submitted.
    """
    if not claim_submission(attempt):
        return False
    score = max_score = 0.0
    marks = []
    for position, question in enumerate(quiz_questions(attempt.quiz)):
        bank = question.bank
        mark = grade(bank, answers.get(question.id))
        marks.append((question, mark.fraction))
        db.session.add(
            Response(
                attempt_id=attempt.id,
                question_id=question.id,
                position=position,
                answer=answers.get(question.id),
                fraction=mark.fraction,
                feedback=mark.feedback,
            )
        )
        if mark.fraction is not None:
            score += mark.fraction * bank.default_mark
            max_score += bank.default_mark
    attempt.score, attempt.max_score = round(score, 4), max_score
    record_quiz_reviews(attempt.user_id, marks, attempt.submitted_at)  # quiz answers are reviews
    db.session.flush()
    return True


def attempt_responses(attempt: Attempt) -> list[Response]:
    """The attempt's responses in quiz order, each with its question loaded."""
    return list(
        db.session.execute(
            db.select(Response)
            .where(Response.attempt_id == attempt.id)
            .options(joinedload(Response.question))
            .order_by(Response.position)
        ).scalars()
    )


def attempt_history(user: User) -> list[Attempt]:
    """The user's submitted attempts, newest first, with their quizzes' titles (one query)."""
    return list(
        db.session.execute(
            db.select(Attempt)
            .join(Attempt.quiz)
            .where(Attempt.user_id == user.id, Attempt.submitted_at.is_not(None))
            .options(contains_eager(Attempt.quiz).load_only(Quiz.id, Quiz.title))
            .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
        ).scalars()
    )


def can_view_attempt(user: User, attempt: Attempt) -> bool:
    """A student sees only their own attempts; a teacher also those at quizzes they own."""
    if attempt.user_id == user.id:
        return True
    return user.is_teacher and attempt.quiz.owner_id == user.id
