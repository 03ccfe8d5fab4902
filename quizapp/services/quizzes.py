"""Quizzes: building them and listing what students may take."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Article, Assignment, Attempt, Question, Quiz, QuizQuestion, User
from quizapp.ownership import owned_or_404

#: How many of an article's best-ranked questions its default quiz takes.
DEFAULT_QUIZ_LENGTH = 12


def create_quiz(
    title: str,
    questions: Sequence[Question],
    owner: User | None = None,
    article: Article | None = None,
    publish: bool = False,
    public: bool = False,
) -> Quiz:
    """Add a quiz holding ``questions`` in the given order (``public``: open practice material)."""
    quiz = Quiz(
        title=title,
        owner_id=owner.id if owner else None,
        article_id=article.id if article else None,
        is_published=publish,
        is_public=public,
    )
    quiz.entries = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]
    db.session.add(quiz)
    db.session.flush()
    return quiz


def pick_quiz_questions(questions: Sequence[Question], limit: int = DEFAULT_QUIZ_LENGTH) -> list:
    """The best questions, one per fact and sentence, taking kinds in turn so a quiz mixes them.

    Each round takes the best remaining question of every kind (kinds ordered by their best
    score), skipping facts already asked about, until ``limit`` questions are chosen.
    """
    by_kind: dict[str, list[Question]] = {}
    for question in sorted(questions, key=lambda q: -(q.score or 0.0)):
        by_kind.setdefault(question.kind, []).append(question)
    chosen: list[Question] = []
    seen_facts: set[str] = set()
    while len(chosen) < limit and any(by_kind.values()):
        for queue in list(by_kind.values()):
            while queue:
                question = queue.pop(0)
                fact = question.payload.get("extra", {}).get("fact_id") or question.prompt
                sentence = question.evidence or fact
                if fact not in seen_facts and sentence not in seen_facts:
                    seen_facts.update((fact, sentence))
                    chosen.append(question)
                    break
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
    return list(db.session.execute(_quiz_questions_statement(), {"quiz_id": quiz.id}).scalars())


@cache
def _quiz_questions_statement():
    """The query of ``quiz_questions``, built once."""
    return (
        db.select(Question)
        .join(QuizQuestion, QuizQuestion.question_id == Question.id)
        .where(QuizQuestion.quiz_id == db.bindparam("quiz_id"))
        .order_by(QuizQuestion.position)
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


def owned_quiz_or_404(quiz_id: int, teacher: User) -> Quiz:
    """The quiz with this id if ``teacher`` owns it; 403 for another teacher's quiz."""
    return owned_or_404(Quiz, quiz_id, teacher)


def set_quiz_questions(quiz: Quiz, questions: Sequence[Question]) -> None:
    """Replace the quiz's questions by ``questions``, in that order (repeats dropped)."""
    unique = list({q.id: q for q in questions}.values())
    quiz.entries.clear()
    db.session.flush()
    quiz.entries.extend(QuizQuestion(question=q, position=i) for i, q in enumerate(unique))
    db.session.flush()


#: Quiz fields a teacher sets on the settings form.
SETTINGS_FIELDS = (
    "title",
    "description",
    "is_public",
    "is_shuffle_questions",
    "is_shuffle_options",
    "is_one_per_page",
    "max_attempts",
    "time_limit_minutes",
    "feedback_policy",
)


def update_quiz_settings(quiz: Quiz, **settings) -> None:
    """Set the quiz's title, description and taking rules (see ``SETTINGS_FIELDS``)."""
    for name in SETTINGS_FIELDS:
        if name in settings:
            setattr(quiz, name, settings[name])
    db.session.flush()


def owned_bank_questions(owner: User, ids: Sequence[int]) -> list[Question]:
    """The owner's current questions among ``ids``, in the order of ``ids``."""
    rows = db.session.execute(
        db.select(Question).where(
            Question.id.in_(list(ids)),
            Question.author_id == owner.id,
            Question.is_deleted.is_(False),
        )
    ).scalars()
    by_id = {q.id: q for q in rows}
    return [by_id[i] for i in ids if i in by_id]


def reorder_quiz(quiz: Quiz, positions: dict[int, float], removed: set[int]) -> None:
    """Order the quiz by ``positions`` (question id -> number) and drop the ``removed`` ids."""
    current = quiz_questions(quiz)
    kept = [q for q in current if q.id not in removed]
    order = {q.id: (positions.get(q.id, index + 1), index) for index, q in enumerate(current)}
    set_quiz_questions(quiz, sorted(kept, key=lambda q: order[q.id]))


def quiz_assignments(quiz: Quiz) -> list[Assignment]:
    """The classes the quiz is set for, with dates, class loaded."""
    return list(
        db.session.execute(
            db.select(Assignment)
            .where(Assignment.quiz_id == quiz.id)
            .options(selectinload(Assignment.classroom))
            .order_by(Assignment.id)
        ).scalars()
    )


def delete_quiz(quiz: Quiz) -> bool:
    """Delete a quiz nobody has attempted; False (nothing done) when attempts exist."""
    taken = db.session.execute(
        db.select(Attempt.id).where(Attempt.quiz_id == quiz.id).limit(1)
    ).first()
    if taken:
        return False
    db.session.delete(quiz)
    db.session.flush()
    return True
