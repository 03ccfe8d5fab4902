"""Fixtures shared by the web-app and browser tests.

Each test gets a fresh, migrated database: SQLite in the test's tmp_path, or, when
``QUIZAPP_TEST_DATABASE_URL`` names a PostgreSQL database, a schema of its own in it that is
dropped afterwards.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade

import question_bank
from question_bank.bank import BUNDLED_ARTICLES
from question_bank.model import Generation
from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Quiz, User

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BUNDLED_ARTICLE = next(iter(sorted(BUNDLED_ARTICLES.glob("*.txt"))))


def _postgres_url() -> str | None:
    url = os.environ.get("QUIZAPP_TEST_DATABASE_URL", "")
    return url if url.startswith("postgres") else None


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database for one test."""
    base = _postgres_url()
    if base is None:
        yield f"sqlite:///{tmp_path / 'test.sqlite'}"
        return
    base = base.replace("postgresql://", "postgresql+psycopg://", 1)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """A migrated app on an empty database."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "RATELIMIT_ENABLED": False,
            "JOB_RUNNER": "inline",  # generation jobs run in the request; test_jobs tests the rest
        }
    )
    with app.app_context():
        upgrade(revision="heads")
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    """A CLI runner."""
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def bundled_generation() -> tuple[str, Generation]:
    """The bundled article's text and generated questions, computed once per run."""
    text = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    return text, question_bank.generate(text)


@pytest.fixture
def create_user(app: Flask) -> Callable[..., User]:
    """Factory: create_user(username, password='password123', role='student') -> User."""
    from quizapp.services.accounts import create_user as create

    def make(username: str, password: str = "password123", role: str = "student") -> User:
        with app.app_context():
            user = create(username, password, role)
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return make


@pytest.fixture
def bundled_quiz(app: Flask, create_user, bundled_generation) -> int:
    """Id of a published, public quiz made from the bundled article, owned by teacher 'tess'."""
    from quizapp.services.articles import add_generated_article
    from quizapp.services.quizzes import create_quiz, pick_quiz_questions

    teacher = create_user("tess", role="teacher")
    text, generation = bundled_generation
    with app.app_context():
        owner = db.session.get(User, teacher.id)
        article, questions = add_generated_article(text, generation, owner)
        quiz = create_quiz(
            "Bundled quiz", pick_quiz_questions(questions), owner, article, True, public=True
        )
        db.session.commit()
        return quiz.id


CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def csrf_token(client: FlaskClient) -> str:
    """The CSRF token of the client's session, read from a page as a browser would."""
    page = client.get("/auth/login").get_data(as_text=True)
    match = CSRF_META.search(page)
    assert match, "every page carries a csrf-token meta tag"
    return match.group(1)


def post_form(client: FlaskClient, url: str, data: dict | None = None, **kwargs):
    """POST a form the way a browser does, CSRF token included."""
    payload = {"csrf_token": csrf_token(client), **(data or {})}
    return client.post(url, data=payload, **kwargs)


def upload_questions(client: FlaskClient, data: bytes, filename: str, fmt: str = "", **kwargs):
    """POST a question file to the bank's import page (format recognised unless ``fmt``)."""
    import io

    return post_form(
        client,
        "/teach/bank/import",
        {"upload": (io.BytesIO(data), filename), "fmt": fmt},
        content_type="multipart/form-data",
        **kwargs,
    )


class AuthActions:
    """Log in and out through the real forms."""

    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(self, username: str, password: str = "password123"):
        """Post the login form."""
        return post_form(self._client, "/auth/login", {"username": username, "password": password})

    def logout(self):
        """Post the logout form."""
        return post_form(self._client, "/auth/logout")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    """Log-in helper for the test client."""
    return AuthActions(client)


def quiz_by_id(quiz_id: int) -> Quiz:
    """Load a quiz inside an app context."""
    return db.get_or_404(Quiz, quiz_id)


# --- Flashcards and progress ---


@pytest.fixture
def no_fuzz(app: Flask) -> Flask:
    """The app with FSRS interval fuzzing off, so intervals are exact."""
    app.config["FLASHCARDS_FUZZING"] = False
    return app


def bulk_students(count: int, prefix: str = "student") -> list[int]:
    """Insert ``count`` students in one statement (no usable password); return their ids."""
    rows = [
        {"username": f"{prefix}{n:04d}", "password_hash": "!", "role": "student"}
        for n in range(count)
    ]
    return list(
        db.session.scalars(sa.insert(User).returning(User.id, sort_by_parameter_order=True), rows)
    )


def bulk_quiz(
    owner_id: int | None, questions: int, title: str = "Seeded quiz"
) -> tuple[int, list[int]]:
    """A published quiz of short-answer questions worth 1 mark each; (quiz id, question ids)."""
    from question_bank.model import Answer
    from question_bank.model import Question as BankQuestion
    from quizapp.models import Question
    from quizapp.services.quizzes import create_quiz

    kinds = ("date", "person", "number")
    rows = [
        Question.from_bank(
            BankQuestion(
                kind="shortanswer",
                prompt=f"{title} question {n + 1}",
                answers=(Answer(f"answer {n + 1}"),),
                extra=(("fact_type", kinds[n % len(kinds)]),),
            )
        )
        for n in range(questions)
    ]
    quiz = create_quiz(
        title, rows, owner=db.session.get(User, owner_id) if owner_id else None, publish=True
    )
    return quiz.id, [row.id for row in rows]


def bulk_attempts(quiz_id: int, question_ids: list[int], rows, start=None) -> None:
    """Insert submitted attempts, one per ``(user id, marks)`` row, and their responses.

    ``marks`` holds each question's fraction (``None``: ungraded); an empty list adds no
    responses and scores the attempt 0 out of the quiz's length.
    """
    from datetime import UTC, datetime, timedelta

    from quizapp.models import Attempt, Response

    start = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    attempts, numbers = [], {}
    for n, (user_id, marks) in enumerate(rows):
        when = start + timedelta(minutes=n)
        score = sum(mark or 0 for mark in marks)
        numbers[user_id] = numbers.get(user_id, 0) + 1
        attempts.append(
            {
                "quiz_id": quiz_id,
                "user_id": user_id,
                "number": numbers[user_id],
                "started_at": when,
                "submitted_at": when,
                "score": score,
                "max_score": len(question_ids),
            }
        )
    ids = list(
        db.session.scalars(
            sa.insert(Attempt).returning(Attempt.id, sort_by_parameter_order=True), attempts
        )
    )
    responses = [
        {
            "attempt_id": attempt_id,
            "question_id": qid,
            "position": position,
            "answer": None,
            "fraction": mark,
            "feedback": "",
            "created_at": start,
        }
        for attempt_id, (_, marks) in zip(ids, rows, strict=True)
        for position, (qid, mark) in enumerate(zip(question_ids, marks, strict=False))
    ]
    if responses:
        db.session.execute(sa.insert(Response), responses)


# --- Teacher workspace: queued articles and classes ---------------------------------------


@pytest.fixture
def queued_article(app: Flask, create_user, bundled_generation) -> int:
    """Id of the bundled article, its generated items pending review, owned by teacher 'tess'."""
    from quizapp.services.articles import add_article
    from quizapp.services.review import queue_generation

    teacher = create_user("tess", role="teacher")
    text, generation = bundled_generation
    with app.app_context():
        article = add_article(text, generation, db.session.get(User, teacher.id))
        queue_generation(article, generation)
        db.session.commit()
        return article.id


@pytest.fixture
def long_queue(app: Flask, create_user) -> int:
    """Id of an article of tess's with 120 pending items (three pages of the queue): kinds and
    fact types alternate, scores fall from the first to the last, all suggested."""
    from question_bank.model import Answer
    from question_bank.model import Question as BankQuestion
    from quizapp.models import Article, ReviewItem

    teacher = create_user("tess", role="teacher")
    sentences = [f"Town {n} counted {n * 7} bridges in {1900 + n}." for n in range(120)]
    with app.app_context():
        article = Article(title="Bridges", body=" ".join(sentences), owner_id=teacher.id)
        db.session.add(article)
        db.session.flush()
        for n, sentence in enumerate(sentences):
            choice = n % 2 == 0
            question = BankQuestion(
                kind="multichoice" if choice else "shortanswer",
                prompt=f"How many bridges did town {n} count?",
                answers=(Answer(str(n * 7), 1.0), Answer(str(n * 7 + 1), 0.0))
                if choice
                else (Answer(str(n * 7)),),
            )
            db.session.add(
                ReviewItem(
                    article_id=article.id,
                    kind=question.kind,
                    payload=question.to_dict(),
                    score=round(0.99 - n / 200, 3),
                    fact_type="number" if choice else "date",
                    evidence=sentence,
                )
            )
        db.session.commit()
        return article.id


@pytest.fixture
def make_class(app: Flask) -> Callable[..., tuple[int, str]]:
    """Factory: make_class(teacher, name='Class 1', students=()) -> (class id, join code)."""
    from quizapp.models import Membership
    from quizapp.services.accounts import find_user
    from quizapp.services.classes import create_classroom

    def make(teacher: str, name: str = "Class 1", students: tuple = ()) -> tuple[int, str]:
        with app.app_context():
            classroom = create_classroom(find_user(teacher), name)
            for username in students:
                student = find_user(username)
                db.session.add(Membership(classroom_id=classroom.id, user_id=student.id))
            db.session.commit()
            return classroom.id, classroom.join_code

    return make


# --- Quizzes of chosen questions ------------------------------------------------------------


@pytest.fixture
def make_quiz(app: Flask, create_user) -> Callable[..., tuple[int, list[int]]]:
    """Factory: make_quiz(questions, owner='tess', **settings) -> (quiz id, question ids).

    ``questions`` are ``question_bank.model.Question``; the quiz is published and public unless
    the settings say otherwise. The owner (a teacher) is created when missing.
    """
    from quizapp.services.accounts import find_user
    from quizapp.services.authoring import add_question
    from quizapp.services.quizzes import create_quiz

    def make(questions, owner: str = "tess", title: str = "Chosen quiz", **settings):
        with app.app_context():
            teacher = find_user(owner)
        if teacher is None:
            create_user(owner, role="teacher")
        with app.app_context():
            teacher = find_user(owner)
            rows = [add_question(question, teacher) for question in questions]
            quiz = create_quiz(title, rows, teacher, publish=True, public=True)
            for name, value in settings.items():
                setattr(quiz, name, value)
            db.session.commit()
            return quiz.id, [row.id for row in rows]

    return make


def attempt_id_of(response) -> int:
    """The attempt id a start request redirected to."""
    return int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))
