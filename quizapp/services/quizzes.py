"""Quizzes: building them and listing what students may take."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Article, Question, Quiz, QuizQuestion, User

#: How many of an article's best-ranked questions its default quiz takes.
DEFAULT_QUIZ_LENGTH = 12


def create_quiz(
    title: str,
    questions: Sequence[Question],
    owner: User | None = None,
    article: Article | None = None,
    publish: bool = False,
) -> Quiz:
    """Add a quiz holding ``questions`` in the given order."""
    quiz = Quiz(
        title=title,
        owner_id=owner.id if owner else None,
        article_id=article.id if article else None,
        is_published=publish,
    )
    quiz.entries = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]
    db.session.add(quiz)
    db.session.flush()
    return quiz


def pick_quiz_questions(questions: Sequence[Question], limit: int = DEFAULT_QUIZ_LENGTH) -> list:
    """The best-scored questions, one per fact and never three of a kind in a row."""
    ranked = sorted(questions, key=lambda q: -(q.score or 0.0))
    chosen: list[Question] = []
    seen_facts: set[str] = set()
    for question in ranked:
        fact = question.payload.get("extra", {}).get("fact_id") or question.prompt
        if fact in seen_facts:
            continue
        if len(chosen) >= 2 and chosen[-1].kind == chosen[-2].kind == question.kind:
            continue
        chosen.append(question)
        seen_facts.add(fact)
        if len(chosen) == limit:
            break
    return chosen


def published_quizzes() -> list[Quiz]:
    """Every published quiz, newest first."""
    return list(
        db.session.execute(
            db.select(Quiz).where(Quiz.is_published.is_(True)).order_by(Quiz.created_at.desc())
        ).scalars()
    )


def quiz_questions(quiz: Quiz) -> list[Question]:
    """The quiz's questions in order, loaded in one query."""
    return list(
        db.session.execute(
            db.select(Question)
            .join(QuizQuestion, QuizQuestion.question_id == Question.id)
            .where(QuizQuestion.quiz_id == quiz.id)
            .order_by(QuizQuestion.position)
        ).scalars()
    )


def owned_quizzes(user: User) -> list[Quiz]:
    """The quizzes a teacher owns, newest first, with their entries loaded."""
    return list(
        db.session.execute(
            db.select(Quiz)
            .where(Quiz.owner_id == user.id)
            .options(selectinload(Quiz.entries), selectinload(Quiz.article))
            .order_by(Quiz.created_at.desc(), Quiz.id.desc())
        ).scalars()
    )
