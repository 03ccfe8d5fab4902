"""First-run content: the bundled article's quiz and demo accounts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from question_bank.bank import BUNDLED_ARTICLES
from quizapp.extensions import db
from quizapp.models import Article, Quiz, Role, User
from quizapp.services.accounts import create_user, find_user, random_password
from quizapp.services.articles import add_generated_article, generate_from_text
from quizapp.services.quizzes import create_quiz, pick_quiz_questions

DEMO_TEACHER, DEMO_STUDENT = "teacher", "student"


@dataclass(frozen=True)
class SeedReport:
    """What ``seed_first_run`` created: quizzes and the demo accounts' one-time passwords."""

    quizzes: tuple[Quiz, ...] = ()
    passwords: tuple[tuple[str, str, str], ...] = ()  # (username, role, password)


def database_is_empty() -> bool:
    """Whether no article and no user exist yet."""
    has_article = db.session.execute(db.select(Article.id).limit(1)).first() is not None
    has_user = db.session.execute(db.select(User.id).limit(1)).first() is not None
    return not (has_article or has_user)


def import_bundled_article(path: Path, owner: User | None) -> Quiz:
    """Generate and publish the quiz of one bundled article, as public practice material."""
    text = path.read_text(encoding="utf-8")
    generation = generate_from_text(text)
    article, questions = add_generated_article(text, generation, owner, source_name=path.name)
    return create_quiz(
        article.title,
        pick_quiz_questions(questions),
        owner=owner,
        article=article,
        publish=True,
        public=True,
    )


def create_demo_accounts() -> list[tuple[str, str, str]]:
    """Create the demo teacher and student (if missing) with fresh random passwords."""
    created = []
    for username, role in ((DEMO_TEACHER, Role.TEACHER), (DEMO_STUDENT, Role.STUDENT)):
        if find_user(username) is None:
            password = random_password()
            create_user(username, password, role)
            created.append((username, role.value, password))
    return created


def seed_first_run() -> SeedReport:
    """On an empty database, create the demo accounts and every bundled article's quiz."""
    if not database_is_empty():
        return SeedReport()
    passwords = create_demo_accounts()
    teacher = find_user(DEMO_TEACHER)
    quizzes = tuple(
        import_bundled_article(path, teacher) for path in sorted(BUNDLED_ARTICLES.glob("*.txt"))
    )
    return SeedReport(quizzes=quizzes, passwords=tuple(passwords))
