"""A student's own progress: scores over time, mastery, streak, review forecast, mistakes.

Every figure is computed by an aggregated query over the student's own rows only, so a
student with thousands of attempts costs the same handful of queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import case, func, literal_column, union

from quizapp.extensions import db
from quizapp.local_time import midnight, today
from quizapp.models import Article, Attempt, Card, CardReview, Question, Quiz, Response, User
from quizapp.services.analytics.sql import as_date, attempt_percent, school_day
from quizapp.services.flashcards import studyable_card_ids
from quizapp.services.quizzes import create_quiz
from quizapp.services.visibility import answer_visible_question_ids

#: A response counts as right from this share of the mark.
RIGHT_FROM = 0.999


@dataclass(frozen=True)
class AttemptPoint:
    """One submitted attempt on the score chart."""

    attempt_id: int
    submitted_at: datetime
    quiz_id: int
    quiz_title: str
    percent: float | None


@dataclass(frozen=True)
class QuizSummary:
    """A student's record on one quiz."""

    quiz_id: int
    title: str
    attempts: int
    best: float | None
    mean: float | None
    last_at: datetime | None


@dataclass(frozen=True)
class Mastery:
    """How often a student got one kind of fact (or one article's questions) right."""

    label: str
    answered: int
    right: int
    percent: float | None  # mean share of the mark, as a percentage


@dataclass(frozen=True)
class ForecastDay:
    """How many cards fall due on one day (overdue cards count on the first day)."""

    day: date
    due: int


def recent_attempts(user_id: int, limit: int = 40) -> list[AttemptPoint]:
    """The student's latest ``limit`` submitted attempts, oldest first (for the chart)."""
    rows = db.session.execute(
        db.select(Attempt.id, Attempt.submitted_at, Quiz.id, Quiz.title, attempt_percent())
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.user_id == user_id, Attempt.submitted_at.is_not(None))
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
        .limit(limit)
    ).all()
    return [AttemptPoint(*row) for row in reversed(rows)]


def quiz_summaries(user_id: int) -> list[QuizSummary]:
    """Per quiz the student attempted: attempts, best and mean percent, last attempt time."""
    percent = attempt_percent()
    rows = db.session.execute(
        db.select(
            Quiz.id,
            Quiz.title,
            func.count(Attempt.id),
            func.max(percent),
            func.avg(percent),
            func.max(Attempt.submitted_at),
        )
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.user_id == user_id, Attempt.submitted_at.is_not(None))
        .group_by(Quiz.id, Quiz.title)
        .order_by(Quiz.title, Quiz.id)
    ).all()
    return [QuizSummary(*row[:5], _aware(row[5])) for row in rows]


def _aware(value):
    """Aggregates bypass the column type on SQLite; read timestamps back as aware UTC."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def _mastery(user_id: int, label, *group, article: bool = False) -> list[Mastery]:
    """Per group: responses marked, responses right, mean share; weakest first.

    Ungraded responses are left out; ``article`` joins the questions' articles.
    """
    query = (
        db.select(
            label,
            func.count(Response.id),
            func.count(case((Response.fraction >= RIGHT_FROM, Response.id))),
            func.avg(Response.fraction),
        )
        .select_from(Response)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Question, Question.id == Response.question_id)
        .where(Attempt.user_id == user_id, Response.fraction.is_not(None))
        .group_by(*group)
    )
    if article:
        query = query.join(Article, Article.id == Question.article_id)
    rows = db.session.execute(query).all()
    items = [Mastery(name or "other", n, right, 100 * mean) for name, n, right, mean in rows]
    return sorted(items, key=lambda m: (m.percent, m.label))


def mastery_by_fact_type(user_id: int) -> list[Mastery]:
    """Right answers per kind of fact (date, person, number ...), weakest first."""
    return _mastery(user_id, Question.fact_type, Question.fact_type)


def mastery_by_article(user_id: int) -> list[Mastery]:
    """Right answers per article the questions came from, weakest first."""
    return _mastery(user_id, Article.title, Article.id, Article.title, article=True)


def study_days(user_id: int) -> set[date]:
    """The days (on the school's clock) on which the student submitted a quiz or reviewed a
    card."""
    quiz_days = db.select(school_day(Attempt.submitted_at).label("day")).where(
        Attempt.user_id == user_id, Attempt.submitted_at.is_not(None)
    )
    card_days = (
        db.select(school_day(CardReview.reviewed_at).label("day"))
        .join(Card, Card.id == CardReview.card_id)
        .where(Card.user_id == user_id)
    )
    return {as_date(day) for day in db.session.execute(union(quiz_days, card_days)).scalars()}


def streak(days: set[date], today: date) -> int:
    """Consecutive study days ending today, or yesterday if today has no study yet."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def review_forecast(user_id: int, now: datetime, days: int = 7) -> list[ForecastDay]:
    """Studyable cards (those of the decks) due on each of the next ``days`` days (on the
    school's clock), today including overdue cards."""
    first = today(now)
    end = midnight(first + timedelta(days=days))
    day = school_day(Card.due_at).label("day")
    rows = db.session.execute(
        db.select(day, func.count(Card.id))
        .where(Card.id.in_(studyable_card_ids(user_id, now)), Card.due_at < end)
        .group_by(literal_column("day"))
    ).all()
    counts = {offset: 0 for offset in range(days)}
    for due_day, count in rows:
        offset = max(0, (as_date(due_day) - first).days)
        counts[offset] += count
    return [ForecastDay(first + timedelta(days=offset), n) for offset, n in counts.items()]


def missed_question_ids(user_id: int, limit: int = 20) -> list[int]:
    """Questions whose latest marked answer by the student was not fully right, newest first;
    only those whose answers the student may see (``services.visibility``)."""
    latest = (
        db.select(func.max(Response.id).label("response_id"))
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.user_id == user_id, Response.fraction.is_not(None))
        .group_by(Response.question_id)
        .subquery()
    )
    return list(
        db.session.execute(
            db.select(Response.question_id)
            .join(latest, latest.c.response_id == Response.id)
            .join(Question, Question.id == Response.question_id)
            .where(
                Response.fraction < RIGHT_FROM,
                Question.is_deleted.is_(False),
                Question.id.in_(answer_visible_question_ids(user_id)),
            )
            .order_by(Response.id.desc())
            .limit(limit)
        ).scalars()
    )


def build_mistakes_quiz(user: User) -> Quiz | None:
    """A private quiz of the questions the student last got wrong; ``None`` if there are none."""
    ids = missed_question_ids(user.id)
    if not ids:
        return None
    found = db.session.execute(db.select(Question).where(Question.id.in_(ids))).scalars()
    by_id = {question.id: question for question in found}
    return create_quiz("Practise my mistakes", [by_id[i] for i in ids], owner=user)
