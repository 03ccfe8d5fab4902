"""Starting an attempt: numbered, limited and pinned to the quiz's questions as they are now.

Rules: a student's attempts at a quiz are numbered 1, 2, ...; the database refuses two with the
same number and two open at once, so concurrent starts cannot beat the attempt limit (the loser
resumes the open attempt, or is refused). A quiz's owner is never limited. The attempt keeps the
question versions and order it started with (``AttemptSlot``); its deadline is fixed on the
server's clock from the quiz's time limit.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptSlot, Quiz, User
from quizapp.models.base import utcnow
from quizapp.services.quizzes import quiz_questions


class AttemptLimitReached(Exception):
    """The student has used every attempt the quiz allows."""


def attempts_used(user: User, quiz: Quiz) -> int:
    """How many attempts (submitted or not) ``user`` has started at ``quiz``."""
    return db.session.execute(
        db.select(db.func.coalesce(db.func.max(Attempt.number), 0)).where(
            Attempt.user_id == user.id, Attempt.quiz_id == quiz.id
        )
    ).scalar_one()


def may_start_another(user: User, quiz: Quiz) -> bool:
    """Whether the quiz's attempt limit leaves ``user`` another go (owners are never limited)."""
    if quiz.max_attempts is None or quiz.owner_id == user.id:
        return True
    return attempts_used(user, quiz) < quiz.max_attempts


def open_attempt(user: User, quiz: Quiz) -> Attempt | None:
    """The user's unsubmitted attempt at ``quiz``, to resume instead of starting anew."""
    return db.session.execute(
        db.select(Attempt)
        .where(Attempt.user_id == user.id, Attempt.quiz_id == quiz.id)
        .where(Attempt.submitted_at.is_(None))
        .order_by(Attempt.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def start_attempt(quiz: Quiz, user: User, now: datetime | None = None) -> Attempt:
    """Add the next attempt of ``user`` at ``quiz``, pinned to its current questions.

    Raises AttemptLimitReached when the limit is used up, and IntegrityError (from the flush)
    when a concurrent start took the same number.
    """
    number = attempts_used(user, quiz) + 1
    if quiz.max_attempts is not None and quiz.owner_id != user.id and number > quiz.max_attempts:
        raise AttemptLimitReached(quiz.max_attempts)
    now = now or utcnow()
    minutes = quiz.time_limit_minutes
    attempt = Attempt(
        quiz_id=quiz.id,
        user_id=user.id,
        number=number,
        started_at=now,
        deadline_at=now + timedelta(minutes=minutes) if minutes else None,
    )
    db.session.add(attempt)
    db.session.flush()
    questions = quiz_questions(quiz)
    if quiz.is_shuffle_questions:
        random.Random(f"attempt:{attempt.id}").shuffle(questions)
    db.session.add_all(
        AttemptSlot(attempt_id=attempt.id, position=position, question_id=question.id)
        for position, question in enumerate(questions)
    )
    db.session.flush()
    return attempt


def resume_or_start(quiz: Quiz, user: User, tries: int = 3) -> Attempt:
    """The open attempt, or a new one; AttemptLimitReached when none may be started.

    A start that loses a race to a concurrent one (the database refuses its number) rolls the
    session back and looks again: usually it then resumes the attempt the other request opened.
    """
    user_id, quiz_id = user.id, quiz.id
    for _ in range(tries):
        attempt = open_attempt(user, quiz)
        if attempt is not None:
            return attempt
        try:
            return start_attempt(quiz, user)
        except IntegrityError:
            db.session.rollback()
            user, quiz = db.session.get(User, user_id), db.session.get(Quiz, quiz_id)
    raise AttemptLimitReached(quiz.max_attempts)
