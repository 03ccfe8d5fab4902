"""Which quizzes a user may see and take, and when a student sees feedback.

Rules: a teacher sees and takes their own quizzes (published or not); a student sees their own
unpublished practice quizzes ("Practise my mistakes") until they have finished them (a submitted
attempt and none under way). Anyone logged in sees a
published quiz that is public practice material. A student also sees a published quiz assigned
(to take) to one of their classes once the assignment is open (``opens_at`` empty or past); past
its due date it stays visible and takeable but is marked late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import Select

from quizapp.extensions import db
from quizapp.models import (
    Article,
    Assignment,
    AssignmentKind,
    Attempt,
    FeedbackPolicy,
    Membership,
    Quiz,
    QuizQuestion,
    User,
)
from quizapp.models.base import utcnow


@dataclass(frozen=True)
class AvailableQuiz:
    """A quiz a user may take, with the earliest due date among their classes' assignments,
    its number of questions and its article's date."""

    quiz: Quiz
    due_at: datetime | None = None
    is_assigned: bool = False
    question_count: int = 0
    article_published: str = ""

    @property
    def is_past_due(self) -> bool:
        """Whether the due date has passed (the quiz can still be taken, marked late)."""
        return self.due_at is not None and self.due_at < utcnow()


def _open_assignments(user: User):
    """Subquery: quiz id -> earliest due date, over open quiz assignments to the user's classes."""
    return (
        db.select(Assignment.quiz_id, db.func.min(Assignment.due_at).label("due_at"))
        .join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .where(
            Membership.user_id == user.id,
            Assignment.kind == AssignmentKind.QUIZ.value,
            db.or_(Assignment.opens_at.is_(None), Assignment.opens_at <= utcnow()),
        )
        .group_by(Assignment.quiz_id)
        .subquery()
    )


def _finished_practice(user_id):
    """Condition: the quiz is unpublished and the user has submitted an attempt at it and has
    none under way (a practice quiz they are done with)."""
    attempts = db.select(Attempt.id).where(Attempt.quiz_id == Quiz.id, Attempt.user_id == user_id)
    return db.and_(
        Quiz.is_published.is_(False),
        attempts.where(Attempt.submitted_at.is_not(None)).exists(),
        db.not_(attempts.where(Attempt.submitted_at.is_(None)).exists()),
    )


@cache
def _available_statement():
    """The quiz list query, built once (building it costs more than running it); it takes the
    ``user_id``, ``now`` and ``is_teacher`` parameters."""
    user_id, now = db.bindparam("user_id"), db.bindparam("now")
    is_teacher = db.bindparam("is_teacher", type_=db.Boolean)
    assigned = (
        db.select(Assignment.quiz_id, db.func.min(Assignment.due_at).label("due_at"))
        .join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .where(
            Membership.user_id == user_id,
            Assignment.kind == AssignmentKind.QUIZ.value,
            db.or_(Assignment.opens_at.is_(None), Assignment.opens_at <= now),
        )
        .group_by(Assignment.quiz_id)
        .subquery()
    )
    visible = db.and_(
        Quiz.is_published.is_(True),
        db.or_(Quiz.is_public.is_(True), assigned.c.quiz_id.is_not(None)),
    )
    mine = db.and_(
        Quiz.owner_id == user_id, db.or_(is_teacher, db.not_(_finished_practice(user_id)))
    )
    questions = (
        db.select(db.func.count(QuizQuestion.id))
        .where(QuizQuestion.quiz_id == Quiz.id)
        .correlate(Quiz)
        .scalar_subquery()
    )
    return (
        db.select(
            Quiz,
            assigned.c.due_at,
            assigned.c.quiz_id.is_not(None),
            questions,
            Article.published_on,
        )
        .outerjoin(assigned, assigned.c.quiz_id == Quiz.id)
        .outerjoin(Article, Article.id == Quiz.article_id)
        .where(db.or_(visible, mine))
        .order_by(assigned.c.quiz_id.is_(None), Quiz.created_at.desc(), Quiz.id.desc())
    )


def available_quizzes(user: User, now: datetime | None = None) -> list[AvailableQuiz]:
    """The quizzes ``user`` may take (see the module rules): assigned ones first, newest first,
    with their question counts and article dates, in one query."""
    now = utcnow() if now is None else now
    params = {"user_id": user.id, "now": now, "is_teacher": user.is_teacher}
    rows = db.session.execute(_available_statement(), params)
    return [
        AvailableQuiz(quiz, _aware(due), bool(flag), count, published or "")
        for quiz, due, flag, count, published in rows
    ]


def quiz_list_changes_at(
    user: User, available: list[AvailableQuiz], now: datetime
) -> datetime | None:
    """When the user's quiz list next changes with the clock alone: an assignment to one of
    their classes opens, or a due date it shows passes (None when nothing is coming)."""
    opening = db.session.execute(
        db.select(db.func.min(Assignment.opens_at))
        .join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .where(
            Membership.user_id == user.id,
            Assignment.kind == AssignmentKind.QUIZ.value,
            Assignment.opens_at > now,
        )
    ).scalar()
    moments = [item.due_at for item in available if item.due_at is not None and item.due_at > now]
    if opening is not None:
        moments.append(_aware(opening))
    return min(moments, default=None)


def _aware(value: datetime | str | None) -> datetime | None:
    """Aggregates bypass the column type on SQLite; read such values back as aware UTC."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def student_due_at(user: User, quiz: Quiz) -> datetime | None:
    """The earliest due date of the quiz's open assignments to the user's classes, if any."""
    assigned = _open_assignments(user)
    due = db.session.execute(
        db.select(assigned.c.due_at).where(assigned.c.quiz_id == quiz.id)
    ).scalar_one_or_none()
    return _aware(due)


def takeable_quiz_ids(user_id, now: datetime | None = None):
    """Select of the ids of the quizzes the user may take now (see the module rules).

    ``user_id`` may be a column, so that a statement can ask it of each attempt's student.
    """
    classes = db.select(Membership.classroom_id).where(Membership.user_id == user_id)
    assigned = db.select(Assignment.quiz_id).where(
        Assignment.classroom_id.in_(classes),
        Assignment.kind == AssignmentKind.QUIZ.value,
        db.or_(
            Assignment.opens_at.is_(None),
            Assignment.opens_at <= (utcnow() if now is None else now),
        ),
    )
    return db.select(Quiz.id).where(
        db.or_(
            Quiz.owner_id == user_id,
            db.and_(
                Quiz.is_published.is_(True), db.or_(Quiz.is_public.is_(True), Quiz.id.in_(assigned))
            ),
        )
    )


@cache
def _can_take_statement() -> Select:
    """Whether a quiz is takeable, built once: every step of taking a quiz asks it."""
    user_id, now = db.bindparam("user_id"), db.bindparam("now")
    return takeable_quiz_ids(user_id, now).where(Quiz.id == db.bindparam("quiz_id")).limit(1)


def can_take(user: User, quiz: Quiz) -> bool:
    """Whether ``user`` may see and start (or go on with) ``quiz`` (see the module rules)."""
    if quiz.owner_id == user.id:
        return True
    found = db.session.execute(
        _can_take_statement(), {"user_id": user.id, "now": utcnow(), "quiz_id": quiz.id}
    ).first()
    return found is not None


def feedback_visible(user: User, attempt: Attempt) -> bool:
    """Whether right answers and feedback may be shown on the attempt's review page.

    ``immediate``: always; ``after_due``: once the student's earliest due date has passed (at
    once when the quiz has no due date for them); ``never``: only to the quiz's owner.
    """
    quiz = attempt.quiz
    if quiz.owner_id == user.id or quiz.feedback_policy == FeedbackPolicy.IMMEDIATE.value:
        return True
    if quiz.feedback_policy == FeedbackPolicy.NEVER.value:
        return False
    due = student_due_at(attempt.user, quiz)
    return due is None or due <= utcnow()
