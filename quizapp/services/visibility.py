"""Whose right answers a student may see: one rule for review pages, flashcards and derived quizzes.

Rules ("never means never"):

* A student sees the right answers of a quiz's questions only when the quiz was made by a
  teacher, they may take it, and its feedback setting shows them: ``immediate``; or
  ``after_due`` once their due date has passed (or when they have none); never for ``never``.
* Quizzes a student builds for themselves ("practise my mistakes") show no answers of their
  own: they show only the answers of questions the student may see through a teacher's quiz.
* A teacher sees everything in their own quizzes.

Every route that shows an answer asks this module: the review page, the flashcard decks (a
card's back is its answer) and the mistakes quiz.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import CompoundSelect, Select

from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    AssignmentKind,
    Attempt,
    AttemptSlot,
    FeedbackPolicy,
    Membership,
    Quiz,
    QuizQuestion,
    Response,
    Role,
    User,
)
from quizapp.models.base import utcnow
from quizapp.services.availability import takeable_quiz_ids


def _due_dates(user_id: int, now: datetime, passed: bool) -> Select:
    """Quiz ids with an open assignment to the user's classes that has a due date (passed ones
    only, with ``passed``)."""
    classes = db.select(Membership.classroom_id).where(Membership.user_id == user_id)
    query = db.select(Assignment.quiz_id).where(
        Assignment.classroom_id.in_(classes),
        Assignment.kind == AssignmentKind.QUIZ.value,
        Assignment.due_at.is_not(None),
        db.or_(Assignment.opens_at.is_(None), Assignment.opens_at <= now),
    )
    return query.where(Assignment.due_at <= now) if passed else query


def answers_shown(user_id: int, now: datetime):
    """The condition on Quiz: a teacher's quiz whose feedback setting shows the user answers."""
    # The owner's row by its key: listing every teacher instead reads the whole user table.
    by_teacher = (
        db.select(User.id)
        .where(User.id == Quiz.owner_id, User.role == Role.TEACHER.value)
        .correlate(Quiz)
        .exists()
    )
    after_due = db.and_(
        Quiz.feedback_policy == FeedbackPolicy.AFTER_DUE.value,
        db.or_(
            Quiz.id.not_in(_due_dates(user_id, now, passed=False)),
            Quiz.id.in_(_due_dates(user_id, now, passed=True)),
        ),
    )
    shown = db.or_(
        Quiz.feedback_policy == FeedbackPolicy.IMMEDIATE.value,
        after_due,
        Quiz.owner_id == user_id,
    )
    return db.and_(db.or_(Quiz.owner_id.is_(None), by_teacher), shown)


def answer_visible_quiz_ids(user_id: int, now: datetime | None = None) -> Select:
    """Select of the quizzes whose right answers the user may see now (module rules)."""
    now = now or utcnow()
    return db.select(Quiz.id).where(
        Quiz.id.in_(takeable_quiz_ids(user_id, now)), answers_shown(user_id, now)
    )


def answer_visible_question_ids(user_id: int, now: datetime | None = None) -> Select:
    """Select of the questions whose right answers the user may see now."""
    return db.select(QuizQuestion.question_id).where(
        QuizQuestion.quiz_id.in_(answer_visible_quiz_ids(user_id, now))
    )


def _attempt_question_ids_select(attempt_id) -> CompoundSelect:
    """Select of the questions pinned in the attempt's slots or answered in its responses."""
    slots = db.select(AttemptSlot.question_id).where(AttemptSlot.attempt_id == attempt_id)
    answered = db.select(Response.question_id).where(Response.attempt_id == attempt_id)
    return db.union(slots, answered)


def attempt_question_ids(attempt: Attempt) -> set[int]:
    """The questions of the attempt: pinned in its slots or answered in its responses."""
    return set(db.session.execute(_attempt_question_ids_select(attempt.id)).scalars())


@cache
def _shown_question_ids_statement() -> Select:
    """The attempt's questions if its quiz shows the user its answers now (none otherwise),
    built once: every review page asks it."""
    user_id, now = db.bindparam("user_id"), db.bindparam("now")
    shown = db.select(Quiz.id).where(
        Quiz.id == db.bindparam("quiz_id"), answers_shown(user_id, now)
    )
    every = _attempt_question_ids_select(db.bindparam("attempt_id")).subquery()
    return db.select(every.c.question_id).where(shown.exists())


def feedback_question_ids(user: User, attempt: Attempt) -> set[int]:
    """The attempt's questions whose right answers and feedback ``user`` may see (module rules)."""
    quiz = attempt.quiz
    if quiz.owner_id == user.id and user.is_teacher:
        return attempt_question_ids(attempt)
    params = {"attempt_id": attempt.id, "quiz_id": quiz.id, "user_id": user.id, "now": utcnow()}
    shown = set(db.session.execute(_shown_question_ids_statement(), params).scalars())
    if shown:  # a teacher's quiz (or one without owner) that shows its answers
        return shown
    owner = db.session.get(User, quiz.owner_id) if quiz.owner_id else None
    if owner is None or owner.is_teacher:
        return set()
    every = attempt_question_ids(attempt)
    found = db.session.execute(
        answer_visible_question_ids(user.id).where(QuizQuestion.question_id.in_(every))
    ).scalars()
    return set(found)
