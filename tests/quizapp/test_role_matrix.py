"""Every registered route, tried by every role: anonymous, student, owning teacher, other teacher.

Routes are read from ``app.url_map``, so a new route is checked without editing this file: a
route under ``/teach/`` (or the gradebook) must refuse students with 403; every route that is
not listed as public must send anonymous users to log in. A route in neither group must be
added to ``PUBLIC`` or ``ANY_USER`` below, which makes the choice explicit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from question_bank.model import Generation
from quizapp.extensions import db
from quizapp.models import (
    Article,
    Assignment,
    Attempt,
    Category,
    GenerationJob,
    Membership,
    Quiz,
    ReviewItem,
)
from quizapp.services.accounts import find_user
from quizapp.services.quizzes import quiz_questions
from quizapp.services.review import queue_items
from tests.conftest import csrf_token, post_form, quiz_by_id
from tests.quizapp.test_quiz_flow import answer_sheet, start

#: Routes anyone may open.
PUBLIC = {"main.index", "auth.login", "auth.register", "static", "health.health"}
#: Routes for any logged-in user, student or teacher.
ANY_USER = {
    "auth.logout",
    "auth.sessions",
    "quiz.index",
    "quiz.start",
    "quiz.take",
    "quiz.review",
    "history.index",
    "classes.join",
    "cards.index",
    "cards.rate",
    "cards.article",
    "cards.review",
    "cards.settings",
    "cards.optimise",
    "progress.index",
    "progress.mistakes",
}
#: Teacher-only routes outside /teach/.
TEACHER_PREFIXES = ("/teach/", "/gradebook/")
#: Routes whose object is a student's own attempt: others get 404.
ATTEMPT_ROUTES = {"quiz.take", "quiz.review"}


@dataclass
class World:
    """Ids of one teacher's objects, keyed by URL parameter name."""

    params: dict[str, object]


@pytest.fixture
def world(app, client, auth, bundled_quiz, bundled_generation, create_user, make_class) -> World:
    """tess's quiz, article, review item, class (with sam), assignment, category; sam's attempt."""
    create_user("sam")
    create_user("other", role="teacher")
    class_id, _ = make_class("tess", students=("sam",))
    auth.login("sam")
    attempt_id = start(client, bundled_quiz)
    post_form(client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz))
    auth.logout()
    _, generation = bundled_generation
    with app.app_context():
        quiz = quiz_by_id(bundled_quiz)
        article = db.session.get(Article, quiz.article_id)
        item = queue_items(
            article, Generation(generation.article, (), generation.items[-1:]).items
        )[0]
        assignment = Assignment(classroom_id=class_id, quiz_id=quiz.id)
        category = Category(owner_id=find_user("tess").id, name="Top")
        job = GenerationJob(article_id=article.id, status="failed", error="stopped")
        db.session.add_all([assignment, category, job])
        db.session.commit()
        params = {
            "quiz_id": quiz.id,
            "question_id": quiz_questions(quiz)[0].id,
            "article_id": article.id,
            "item_id": item.id,
            "classroom_id": class_id,
            "membership_id": db.session.execute(db.select(Membership.id)).scalar_one(),
            "assignment_id": assignment.id,
            "attempt_id": attempt_id,
            "category_id": category.id,
            "job_id": job.id,
            "kind": "essay",
            "action": "accept",
            "filename": "app.css",
        }
    return World(params)


def _routes(app):
    """(endpoint, url, method) for every route and method, destructive ones last."""
    found = []
    for rule in app.url_map.iter_rules():
        missing = [name for name in rule.arguments if name not in WORLD_KEYS]
        assert not missing, f"{rule.endpoint}: add a value for {missing} to the role matrix world"
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule, method))
    return sorted(
        found, key=lambda rm: ("delete" in rm[0].rule or "remove" in rm[0].rule, rm[0].rule, rm[1])
    )


WORLD_KEYS = {
    "quiz_id",
    "question_id",
    "article_id",
    "item_id",
    "classroom_id",
    "membership_id",
    "assignment_id",
    "attempt_id",
    "category_id",
    "job_id",
    "kind",
    "action",
    "filename",
}


def _is_teacher_route(rule) -> bool:
    return rule.rule.startswith(TEACHER_PREFIXES)


def _classify(rule) -> str:
    if rule.endpoint in PUBLIC:
        return "public"
    if _is_teacher_route(rule):
        return "teacher"
    assert rule.endpoint in ANY_USER, f"classify {rule.endpoint} ({rule.rule}) in the role matrix"
    return "user"


@dataclass(frozen=True)
class Outcome:
    """What one request answered."""

    status_code: int
    location: str


def _request(client, rule, method, params, token: str | None) -> Outcome:
    url = rule.build({k: params[k] for k in rule.arguments}, append_unknown=False)[1]
    data = {"csrf_token": token} if token else {}
    response = client.get(url) if method == "GET" else client.post(url, data=data)
    outcome = Outcome(response.status_code, response.headers.get("Location", ""))
    response.close()
    return outcome


def test_anonymous_is_sent_to_log_in_everywhere_but_public_pages(app, client, world):
    for rule, method in _routes(app):
        response = _request(client, rule, method, world.params, csrf_token(client))
        where = f"{method} {rule.rule}"
        if _classify(rule) == "public":
            assert response.status_code in (200, 302), where
        else:
            assert response.status_code == 302, where
            assert "/auth/login" in response.location, where


def test_student_is_refused_every_teacher_route(app, client, auth, world):
    auth.login("sam")
    for rule, method in _routes(app):
        if rule.endpoint in ("auth.logout", "auth.sessions"):
            continue
        response = _request(client, rule, method, world.params, csrf_token(client))
        where = f"{method} {rule.rule}"
        if _classify(rule) == "teacher":
            assert response.status_code == 403, where
        else:
            assert response.status_code < 500, where
            if rule.endpoint in ATTEMPT_ROUTES:
                assert response.status_code in (200, 302), where


def test_other_teacher_gets_403_or_404_on_every_object_of_another(app, client, auth, world):
    auth.login("other")
    for rule, method in _routes(app):
        if rule.endpoint in ("auth.logout", "auth.sessions"):
            continue
        response = _request(client, rule, method, world.params, csrf_token(client))
        where = f"{method} {rule.rule}"
        owned_object = bool(set(rule.arguments) - {"kind", "action", "filename"})
        if _classify(rule) == "teacher" and owned_object:
            assert response.status_code in (403, 404), where
        elif rule.endpoint in ATTEMPT_ROUTES:
            assert response.status_code == 404, where
        else:
            assert response.status_code in (200, 302, 400), where
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(ReviewItem.id))).scalar_one() == 1
        assert db.session.execute(db.select(Quiz.is_published)).scalar_one()
        assert db.session.execute(db.select(db.func.count(Membership.id))).scalar_one() == 1


def test_owner_teacher_opens_every_page_and_tokenless_posts_are_refused(app, client, auth, world):
    auth.login("tess")
    for rule, method in _routes(app):
        if rule.endpoint in ("auth.logout", "auth.sessions"):
            continue
        where = f"{method} {rule.rule}"
        if method == "POST":
            assert _request(client, rule, method, world.params, None).status_code == 400, where
            continue
        response = _request(client, rule, method, world.params, None)
        if rule.endpoint == "quiz.take":  # only the student answers; the teacher sees the review
            assert response.status_code == 404, where
        else:
            assert response.status_code in (200, 302), where
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 1


def test_owner_teacher_posts_with_a_token_are_accepted(app, client, auth, world):
    auth.login("tess")
    for rule, method in _routes(app):
        if method != "POST" or not _is_teacher_route(rule):
            continue
        response = _request(client, rule, method, world.params, csrf_token(client))
        assert response.status_code in (200, 302), f"{method} {rule.rule}"
