"""The benchmark database: 1,000 students, 10,000 attempts, 100,000 responses, cards and reviews.

Rows are inserted in bulk through the app's own models (one password hash shared by every
account: hashing 1,000 passwords would only slow the seeding). Attempts look as the app makes
them: numbered per student and quiz, their questions pinned in slots (a submitted one holding the
answers it was marked on), at most one open per student and quiz. The measured students are
``bench`` (20 submitted attempts, cards due, an open attempt), ``bench-cards`` (rates cards),
``bench-save`` (an open attempt whose answers are saved over and over) and ``submit-NNN``
(an open attempt at every seeded quiz each, which the submit POST run works through).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    AttemptSlot,
    Card,
    CardReview,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    User,
)

PASSWORD = "load-test-passphrase"
QUIZZES = 10
QUESTIONS_PER_QUIZ = 10
STUDENTS = 1_000
ATTEMPTS_PER_STUDENT = 10
SUBMITTERS = 100
FACT_TYPES = ("date", "person", "place", "number", "organisation")


@dataclass
class Seeded:
    """Ids the scenarios need."""

    quiz_ids: list[int] = field(default_factory=list)
    questions: dict[int, list[int]] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    open_attempt: int = 0
    save_attempt: int = 0
    submitted_attempt: int = 0
    submit_attempts: list[tuple[str, int]] = field(default_factory=list)
    card_question: int = 0
    attempts_used: dict[tuple[int, int], int] = field(default_factory=dict)


def _bank_question(quiz: int, number: int) -> BankQuestion:
    extra = (("fact_type", FACT_TYPES[number % len(FACT_TYPES)]),)
    prompt = f"Quiz {quiz + 1}, question {number + 1}: which of these did the article report?"
    if number % 2:
        return BankQuestion(
            kind="shortanswer", prompt=prompt, answers=(Answer(f"answer {number}"),), extra=extra
        )
    options = tuple(Answer(f"option {n}", 1.0 if n == 0 else 0.0) for n in range(4))
    return BankQuestion(kind="multichoice", prompt=prompt, answers=options, extra=extra)


def _insert(model, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    ids = []
    for start in range(0, len(rows), 5_000):
        ids += list(
            db.session.scalars(
                sa.insert(model).returning(model.id, sort_by_parameter_order=True),
                rows[start : start + 5_000],
            )
        )
    return ids


def _users(seeded: Seeded, hashed: str) -> None:
    names = ["teacher", "bench", "bench-cards", "bench-save"]
    names += [f"student{n:04d}" for n in range(STUDENTS)]
    names += [f"submit-{n:03d}" for n in range(SUBMITTERS)]
    for batch in range(0, len(names), 500):
        chunk = names[batch : batch + 500]
        rows = [
            {"username": name, "password_hash": hashed, "role": "teacher" if i == 0 else "student"}
            for i, name in enumerate(chunk, start=batch)
        ]
        seeded.users.update(zip(chunk, _insert(User, rows), strict=True))


def _quizzes(seeded: Seeded) -> None:
    teacher = db.session.get(User, seeded.users["teacher"])
    for quiz_number in range(QUIZZES):
        questions = [
            Question.from_bank(_bank_question(quiz_number, n), author_id=teacher.id)
            for n in range(QUESTIONS_PER_QUIZ)
        ]
        quiz = Quiz(
            title=f"Seeded quiz {quiz_number + 1}",
            owner_id=teacher.id,
            is_published=True,
            is_public=True,
        )
        quiz.entries = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]
        db.session.add(quiz)
        db.session.flush()
        seeded.quiz_ids.append(quiz.id)
        seeded.questions[quiz.id] = [q.id for q in questions]


def _attempts(seeded: Seeded, plan: list[tuple[int, int]], start: datetime) -> list[int]:
    """Submitted attempts with their responses, cards and card reviews for (user, quiz) pairs."""
    rng = random.Random(7)
    marks = [[rng.choice((0.0, 1.0, 1.0)) for _ in range(QUESTIONS_PER_QUIZ)] for _ in plan]
    numbers = _numbers(seeded, plan)
    rows = [
        {
            "quiz_id": quiz_id,
            "user_id": user_id,
            "number": number,
            "started_at": start + timedelta(minutes=n),
            "submitted_at": start + timedelta(minutes=n, seconds=90),
            "score": sum(mark),
            "max_score": float(QUESTIONS_PER_QUIZ),
        }
        for n, ((user_id, quiz_id), mark, number) in enumerate(
            zip(plan, marks, numbers, strict=True)
        )
    ]
    ids = _insert(Attempt, rows)
    _slots(seeded, ids, [row["quiz_id"] for row in rows], "seeded")
    responses, cards = [], {}
    for attempt_id, row, mark in zip(ids, rows, marks, strict=True):
        for position, (question_id, fraction) in enumerate(
            zip(seeded.questions[row["quiz_id"]], mark, strict=True)
        ):
            responses.append(
                {
                    "attempt_id": attempt_id,
                    "question_id": question_id,
                    "position": position,
                    "answer": "seeded",
                    "fraction": fraction,
                    "feedback": "",
                    "created_at": row["submitted_at"],
                }
            )
            cards[(row["user_id"], question_id)] = (row["submitted_at"], fraction)
    for batch in range(0, len(responses), 10_000):
        db.session.execute(sa.insert(Response), responses[batch : batch + 10_000])
    card_rows = [
        {
            "user_id": user_id,
            "question_id": question_id,
            "state": 2,
            "step": None,
            "stability": 3.0,
            "difficulty": 5.0,
            "due_at": when + timedelta(days=rng.randint(-3, 10)),
            "last_review_at": when,
            "reps": 1,
            "lapses": 0,
            "created_at": when,
        }
        for (user_id, question_id), (when, _) in cards.items()
    ]
    card_ids = _insert(Card, card_rows)
    reviews = [
        {
            "card_id": card_id,
            "rating": 3 if fraction else 1,
            "source": "quiz",
            "reviewed_at": when,
            "duration_ms": None,
            "state_before": 1,
            "due_after": row["due_at"],
        }
        for card_id, row, (when, fraction) in zip(card_ids, card_rows, cards.values(), strict=True)
    ]
    for batch in range(0, len(reviews), 10_000):
        db.session.execute(sa.insert(CardReview), reviews[batch : batch + 10_000])
    return ids


def _numbers(seeded: Seeded, plan: list[tuple[int, int]]) -> list[int]:
    """The next attempt number of each (user, quiz) pair, in plan order."""
    numbers = []
    for pair in plan:
        seeded.attempts_used[pair] = seeded.attempts_used.get(pair, 0) + 1
        numbers.append(seeded.attempts_used[pair])
    return numbers


def _slots(seeded: Seeded, attempt_ids: list[int], quiz_ids: list[int], answer) -> None:
    """Pin each attempt to its quiz's questions, in quiz order, holding ``answer``."""
    rows = [
        {"attempt_id": attempt_id, "position": position, "question_id": question_id}
        | ({"answer": answer} if answer is not None else {})
        for attempt_id, quiz_id in zip(attempt_ids, quiz_ids, strict=True)
        for position, question_id in enumerate(seeded.questions[quiz_id])
    ]
    for batch in range(0, len(rows), 10_000):
        db.session.execute(sa.insert(AttemptSlot), rows[batch : batch + 10_000])


def _open_attempts(seeded: Seeded, plan: list[tuple[int, int]]) -> list[int]:
    """One open, pinned attempt per (user, quiz) pair."""
    rows = [
        {"quiz_id": quiz_id, "user_id": user_id, "number": number}
        for (user_id, quiz_id), number in zip(plan, _numbers(seeded, plan), strict=True)
    ]
    ids = _insert(Attempt, rows)
    _slots(seeded, ids, [quiz_id for _, quiz_id in plan], None)
    return ids


def seed() -> Seeded:
    """Fill an empty, migrated database; returns the ids the scenarios use."""
    from werkzeug.security import generate_password_hash

    seeded = Seeded()
    _users(seeded, generate_password_hash(PASSWORD))
    _quizzes(seeded)
    now = datetime.now(UTC)
    students = [seeded.users[f"student{n:04d}"] for n in range(STUDENTS)]
    plan = [
        (user_id, seeded.quiz_ids[(n + k) % QUIZZES])
        for n, user_id in enumerate(students)
        for k in range(ATTEMPTS_PER_STUDENT)
    ]
    bench = seeded.users["bench"]
    bench_plan = [(bench, seeded.quiz_ids[k % QUIZZES]) for k in range(20)]
    _attempts(seeded, plan[: len(plan) - 20], now - timedelta(days=60))
    bench_ids = _attempts(seeded, bench_plan, now - timedelta(days=20))
    seeded.submitted_attempt = bench_ids[-1]
    first_quiz = seeded.quiz_ids[0]
    seeded.open_attempt, seeded.save_attempt = _open_attempts(
        seeded, [(bench, first_quiz), (seeded.users["bench-save"], first_quiz)]
    )
    submitters = [f"submit-{n:03d}" for n in range(SUBMITTERS)]
    pairs = [(name, quiz_id) for name in submitters for quiz_id in seeded.quiz_ids]
    ids = _open_attempts(seeded, [(seeded.users[name], quiz_id) for name, quiz_id in pairs])
    seeded.submit_attempts = [(name, i) for (name, _), i in zip(pairs, ids, strict=True)]
    seeded.card_question = seeded.questions[first_quiz][0]
    db.session.commit()
    return seeded


def table_counts() -> dict[str, int]:
    """Rows per table, to print next to the figures."""
    return {
        model.__tablename__: db.session.execute(
            sa.select(sa.func.count()).select_from(model)
        ).scalar_one()
        for model in (User, Quiz, Question, Attempt, AttemptSlot, Response, Card, CardReview)
    }
