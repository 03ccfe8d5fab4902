"""Cached student pages follow the student's own changes at once, with per-session tokens."""

from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import User
from quizapp.services.flashcards import review_question
from quizapp.services.quizzes import quiz_questions
from tests.conftest import AuthActions, post_form, quiz_by_id
from tests.quizapp.test_quiz_flow import answer_sheet, start

TOKEN_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def _stamp(app, username: str):
    with app.app_context():
        return db.session.execute(
            db.select(User.activity_at).filter_by(username=username)
        ).scalar_one()


def test_cached_pages_follow_submits_reviews_and_joins(
    client, app, auth, create_user, bundled_quiz, make_class
):
    create_user("sam")
    auth.login("sam")
    assert _stamp(app, "sam") is None
    empty_history = client.get("/history/").get_data(as_text=True)
    assert "No attempts yet" in empty_history
    progress = client.get("/progress/").get_data(as_text=True)
    assert "No quiz results yet" in progress
    attempt_id = start(client, bundled_quiz)
    post_form(client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz))
    assert _stamp(app, "sam") is not None
    assert f"/quizzes/attempts/{attempt_id}/review" in client.get("/history/").get_data(
        as_text=True
    )
    assert "No quiz results yet" not in client.get("/progress/").get_data(as_text=True)
    before = _stamp(app, "sam")
    with app.app_context():
        question_id = quiz_questions(quiz_by_id(bundled_quiz))[0].id
        sam = db.session.execute(db.select(User.id).filter_by(username="sam")).scalar_one()
        review_question(sam, question_id, 1)
        db.session.commit()
    assert _stamp(app, "sam") > before
    before = _stamp(app, "sam")
    make_class("tess", students=("sam",))
    assert _stamp(app, "sam") > before


def test_cached_fragment_carries_each_sessions_own_csrf_token(app, create_user, bundled_quiz):
    create_user("sam")
    first, second = app.test_client(), app.test_client()
    AuthActions(first).login("sam")
    AuthActions(second).login("sam")
    attempt_id = start(first, bundled_quiz)
    post_form(first, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz, False))
    one = TOKEN_FIELD.findall(first.get("/progress/").get_data(as_text=True))
    two = TOKEN_FIELD.findall(second.get("/progress/").get_data(as_text=True))
    assert one and two and set(one).isdisjoint(two)  # the second page came from the cache
    response = second.post("/progress/mistakes", data={"csrf_token": two[-1]})
    assert response.status_code == 302 and "/quizzes/attempts/" in response.headers["Location"]


def _content_stamp(app):
    from quizapp.models import SiteState

    with app.app_context():
        return db.session.execute(db.select(SiteState.content_at)).scalar_one_or_none()


def test_cached_pages_show_a_teachers_edit_at_once(client, app, auth, create_user, bundled_quiz):
    """A student's history and progress pages are cached, yet a quiz the teacher renames shows
    its new title on the next request, served by any worker: the edit moves the content stamp
    in the database, which is part of every cached page's key."""
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, bundled_quiz)
    post_form(client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz))
    with app.app_context():
        old_title = quiz_by_id(bundled_quiz).title
    assert old_title in client.get("/history/").get_data(as_text=True)
    assert old_title in client.get("/progress/").get_data(as_text=True)
    before = _content_stamp(app)
    with app.app_context():
        quiz_by_id(bundled_quiz).title = "Azerbaijan and Belarus: the talks in Baku"
        db.session.commit()
    assert _content_stamp(app) is not None and (before is None or _content_stamp(app) > before)
    history = client.get("/history/").get_data(as_text=True)
    assert "Azerbaijan and Belarus: the talks in Baku" in history
    assert old_title not in history
    assert "the talks in Baku" in client.get("/progress/").get_data(as_text=True)


def test_a_students_own_writes_leave_the_content_stamp_alone(
    client, app, auth, create_user, bundled_quiz
):
    create_user("sam")
    auth.login("sam")
    before = _content_stamp(app)
    attempt_id = start(client, bundled_quiz)
    post_form(client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz))
    assert _content_stamp(app) == before


def _at(monkeypatch, moment) -> None:
    """Let the app's clock read ``moment``: the pages and the quiz rules ask it."""
    import quizapp.fragments
    import quizapp.services.availability
    import quizapp.views.quiz

    for module in (quizapp.fragments, quizapp.services.availability, quizapp.views.quiz):
        monkeypatch.setattr(module, "utcnow", lambda: moment)


def test_the_cached_quiz_list_follows_the_clock_and_new_assignments(
    client, app, auth, create_user, bundled_quiz, make_class, monkeypatch
):
    """The quiz list is cached, yet an assignment shows the moment it opens and is marked late
    the moment it falls due, with nothing written in between; a new assignment shows at once."""
    from datetime import UTC, datetime, timedelta

    from quizapp.models import Assignment, Quiz

    with app.app_context():
        db.session.get(Quiz, bundled_quiz).is_public = False
        db.session.commit()
    create_user("sam")
    class_id, _ = make_class("tess", students=("sam",))
    now = datetime.now(UTC)
    opens, due = now + timedelta(hours=2), now + timedelta(hours=5)
    with app.app_context():
        db.session.add(
            Assignment(classroom_id=class_id, quiz_id=bundled_quiz, opens_at=opens, due_at=due)
        )
        db.session.commit()
        title = quiz_by_id(bundled_quiz).title
    auth.login("sam")
    _at(monkeypatch, now)
    assert title not in client.get("/quizzes/").get_data(as_text=True)
    assert title not in client.get("/quizzes/").get_data(as_text=True)  # from the cache
    _at(monkeypatch, opens + timedelta(seconds=1))
    page = client.get("/quizzes/").get_data(as_text=True)
    assert title in page and "Past due since" not in page
    _at(monkeypatch, due + timedelta(seconds=1))
    assert "Past due since" in client.get("/quizzes/").get_data(as_text=True)
    with app.app_context():
        other = Quiz(title="Harbour census practice", owner_id=quiz_by_id(bundled_quiz).owner_id)
        db.session.add(other)
        db.session.flush()
        db.session.add(Assignment(classroom_id=class_id, quiz_id=other.id))
        other.is_published = True
        db.session.commit()
    assert "Harbour census practice" in client.get("/quizzes/").get_data(as_text=True)
