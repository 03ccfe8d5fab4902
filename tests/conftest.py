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
    """Id of a published quiz made from the bundled article, owned by teacher 'tess'."""
    from quizapp.services.articles import add_generated_article
    from quizapp.services.quizzes import create_quiz, pick_quiz_questions

    teacher = create_user("tess", role="teacher")
    text, generation = bundled_generation
    with app.app_context():
        owner = db.session.get(User, teacher.id)
        article, questions = add_generated_article(text, generation, owner)
        quiz = create_quiz("Bundled quiz", pick_quiz_questions(questions), owner, article, True)
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
