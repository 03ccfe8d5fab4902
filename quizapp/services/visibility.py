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

from flask import abort
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
from quizapp.ownership import owned_statement
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


def _shown_question_ids_select(attempt_id, quiz_id, user_id, now) -> Select:
    """The attempt's questions if its quiz shows the user its answers now (none otherwise)."""
    shown = db.select(Quiz.id).where(Quiz.id == quiz_id, answers_shown(user_id, now))
    every = _attempt_question_ids_select(attempt_id).subquery()
    return db.select(every.c.question_id).where(shown.exists())


@cache
def _shown_question_ids_statement() -> Select:
    """``_shown_question_ids_select`` of ``attempt_id`` and ``quiz_id``, built once: every
    review page asks it."""
    names = ("attempt_id", "quiz_id", "user_id", "now")
    return _shown_question_ids_select(*(db.bindparam(name) for name in names))


@cache
def _reviewed_attempt_statement() -> Select:
    """An attempt ``object_id`` that ``owner_id`` owns (``quizapp.ownership``'s rule) with its
    quiz, once per question of it whose answers the quiz shows them now (one row with no
    question when it shows none), built once: what the review page needs, in one query."""
    attempt_id = db.bindparam("object_id")
    quiz_id = db.select(Attempt.quiz_id).where(Attempt.id == attempt_id).scalar_subquery()
    shown = _shown_question_ids_select(
        attempt_id, quiz_id, db.bindparam("owner_id"), db.bindparam("now")
    ).subquery()
    return owned_statement(Attempt).add_columns(shown.c.question_id).outerjoin(shown, db.true())


def reviewed_attempt_or_404(attempt_id: int, user: User) -> tuple[Attempt, set[int]]:
    """The attempt if ``user`` owns it (else 404), and the questions of it whose answers its
    quiz shows them now by its feedback setting (to be passed to ``feedback_question_ids``)."""
    rows = db.session.execute(
        _reviewed_attempt_statement(),
        {"object_id": attempt_id, "owner_id": user.id, "now": utcnow()},
    ).all()
    if not rows:
        abort(404)
    return rows[0][0], {question_id for _, question_id in rows if question_id is not None}


def feedback_question_ids(
    user: User, attempt: Attempt, shown_by_quiz: set[int] | None = None
) -> set[int]:
    """The attempt's questions whose right answers and feedback ``user`` may see (module rules).

    ``shown_by_quiz``: what ``reviewed_attempt_or_404`` read of the attempt's questions whose
    answers the quiz shows (asked here when not given).
    """
    quiz = attempt.quiz
    if quiz.owner_id == user.id and user.is_teacher:
        return attempt_question_ids(attempt)
    shown = shown_by_quiz
    if shown is None:
        params = {"attempt_id": attempt.id, "quiz_id": quiz.id, "user_id": user.id}
        statement = _shown_question_ids_statement()
        shown = set(db.session.execute(statement, {**params, "now": utcnow()}).scalars())
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
