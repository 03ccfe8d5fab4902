"""Essays are marked by the teacher: a marking page, the score updated, the student told, and
statistics and gradebook counting only marked answers and agreeing with each other."""

from __future__ import annotations

import re

import pytest

from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Response
from tests.conftest import attempt_id_of, post_form

QUESTIONS = [
    Question(kind="shortanswer", prompt="Capital of Azerbaijan?", answers=(Answer("Baku"),)),
    Question(kind="shortanswer", prompt="Capital of Belarus?", answers=(Answer("Minsk"),)),
    Question(kind="numerical", prompt="How many villages?", answers=(Answer("4034"),)),
    Question(kind="essay", prompt="Why did the talks matter?", default_mark=2.0),
]


@pytest.fixture
def essay_attempt(client, app, auth, make_quiz, create_user, make_class):
    """sam answered two of three right and wrote an essay; tess's class holds sam."""
    quiz_id, ids = make_quiz(QUESTIONS)
    create_user("sam")
    class_id, _ = make_class("tess", students=("sam",))
    with app.app_context():
        db.session.add(Assignment(classroom_id=class_id, quiz_id=quiz_id))
        db.session.commit()
    auth.login("sam")
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    answers = ["Baku", "Gomel", "4034", "Because both countries gained trade."]
    post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {f"q{i}": text for i, text in zip(ids, answers, strict=True)},
    )
    auth.logout()
    return quiz_id, ids, class_id, attempt_id


def _percent(text: str, label: str) -> str:
    return re.search(rf"{label} ([0-9.]+%)", text).group(1)


def test_statistics_and_gradebook_wait_for_marking_then_agree(
    client, app, auth, create_user, essay_attempt
):
    quiz_id, ids, class_id, attempt_id = essay_attempt
    auth.login("tess")
    stats = client.get(f"/gradebook/quizzes/{quiz_id}/statistics").get_data(as_text=True)
    assert "1 attempt needs marking" in stats and "too hard" not in stats
    book = client.get(f"/gradebook/classes/{class_id}").get_data(as_text=True)
    assert "needs marking (1)" in book
    page = client.get(f"/gradebook/quizzes/{quiz_id}/marking").get_data(as_text=True)
    assert "Because both countries gained trade." in page and "Needs marking" in page
    with app.app_context():
        response_id = db.session.execute(
            db.select(Response.id).where(Response.question_id == ids[3])
        ).scalar_one()
    marked = post_form(
        client, f"/gradebook/responses/{response_id}/mark", {"points": "1.5", "comment": "Good."}
    )
    assert marked.status_code == 302
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.score, attempt.max_score, attempt.pending_marks) == (3.5, 5.0, 0)
    stats = client.get(f"/gradebook/quizzes/{quiz_id}/statistics").get_data(as_text=True)
    book = client.get(f"/gradebook/classes/{class_id}").get_data(as_text=True)
    assert "needs marking" not in book
    assert _percent(book, "best") == "70%"
    assert re.search(r"Mean</th><td>[0-9.]+ / 5 \(70\.00%\)", stats)


def test_marking_by_student_and_refused_marks(client, app, auth, essay_attempt):
    quiz_id, ids, _, _ = essay_attempt
    auth.login("tess")
    page = client.get(f"/gradebook/quizzes/{quiz_id}/marking?by=student").get_data(as_text=True)
    assert "<h2" in page and "sam" in page and "Why did the talks matter?" in page
    with app.app_context():
        response_id = db.session.execute(
            db.select(Response.id).where(Response.question_id == ids[3])
        ).scalar_one()
    for points in ("3", "-1", "nan", "²", "99999999999999999999999"):
        post_form(client, f"/gradebook/responses/{response_id}/mark", {"points": points})
    with app.app_context():
        assert db.session.get(Response, response_id).fraction is None


def test_student_is_told_on_history_and_review(client, app, auth, essay_attempt):
    quiz_id, ids, _, attempt_id = essay_attempt
    auth.login("sam")
    history = client.get("/history/").get_data(as_text=True)
    assert "Needs marking (1)" in history
    auth.logout()
    auth.login("tess")
    with app.app_context():
        response_id = db.session.execute(
            db.select(Response.id).where(Response.question_id == ids[3])
        ).scalar_one()
    post_form(
        client, f"/gradebook/responses/{response_id}/mark", {"points": "2", "comment": "Fine"}
    )
    auth.logout()
    auth.login("sam")
    history = client.get("/history/").get_data(as_text=True)
    assert "Needs marking" not in history and "Marked" in history and "4 / 5" in history
    review = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "Fine" in review and "marked by your teacher: 2 of 2" in review
