"""Every registered route, tried by every role: anonymous, student, owning teacher, other teacher.

Routes are read from ``app.url_map``, so a new route is checked without editing this file: a
route under ``/teach/`` (or the gradebook) must refuse students with 403; every route that is
not listed as public must send anonymous users to log in. A route in neither group must be
added to ``PUBLIC`` or ``ANY_USER`` below, which makes the choice explicit.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    Membership,
    Quiz,
    ReviewItem,
)
from tests.conftest import csrf_token

#: Routes anyone may open.
PUBLIC = {
    "main.index",
    "main.favicon",
    "auth.login",
    "auth.register",
    "static",
    "health.health",
}
#: Routes for any logged-in user, student or teacher.
ANY_USER = {
    "auth.logout",
    "auth.sessions",
    "quiz.index",
    "quiz.start",
    "quiz.take",
    "quiz.save",
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
#: Routes that answer a script with JSON (a POST without the question's fields is refused).
SCRIPT_ROUTES = {"quiz.save"}


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
    "response_id",
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
        elif rule.endpoint in ATTEMPT_ROUTES | SCRIPT_ROUTES:
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
