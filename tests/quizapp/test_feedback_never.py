"""Feedback "never" means never: no review, derived quiz or deck shows a student the answers."""

from __future__ import annotations

import pytest

from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.models import Quiz
from tests.conftest import attempt_id_of, post_form

SECRET = Question(
    kind="shortanswer", prompt="Which code opens the vault?", answers=(Answer("Zanzibar"),)
)
OPEN = Question(kind="shortanswer", prompt="Capital of Azerbaijan?", answers=(Answer("Baku"),))


@pytest.fixture
def never_quiz(make_quiz):
    quiz_id, (question_id,) = make_quiz([SECRET], title="Secret quiz", feedback_policy="never")
    return quiz_id, question_id


def test_review_of_a_never_quiz_shows_no_answer(client, auth, create_user, never_quiz):
    quiz_id, question_id = never_quiz
    create_user("sam")
    auth.login("sam")
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    post_form(client, f"/quizzes/attempts/{attempt_id}", {f"q{question_id}": "wrong"})
    page = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "Zanzibar" not in page and "does not show right answers" in page


def test_practise_my_mistakes_leaves_out_never_questions(
    client, app, auth, create_user, make_quiz, never_quiz
):
    never_id, secret_id = never_quiz
    open_id, (open_question,) = make_quiz([OPEN], title="Open quiz")
    create_user("sam")
    auth.login("sam")
    for quiz_id, question_id in ((never_id, secret_id), (open_id, open_question)):
        attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
        post_form(client, f"/quizzes/attempts/{attempt_id}", {f"q{question_id}": "wrong"})
    practice = post_form(client, "/progress/mistakes", follow_redirects=True)
    page = practice.get_data(as_text=True)
    assert "Capital of Azerbaijan?" in page and "Which code opens the vault?" not in page
    attempt_id = int(practice.request.path.rsplit("/", 1)[1])
    post_form(client, f"/quizzes/attempts/{attempt_id}", {f"q{open_question}": "wrong"})
    review = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "Baku" in review and "Zanzibar" not in review


def test_a_never_quiz_is_no_deck_and_its_cards_cannot_be_rated(
    client, app, auth, create_user, never_quiz
):
    quiz_id, question_id = never_quiz
    create_user("sam")
    auth.login("sam")
    decks = client.get("/cards/").get_data(as_text=True)
    assert "Secret quiz" not in decks
    for deck in ("all", f"quiz-{quiz_id}"):
        page = client.get(f"/cards/review?deck={deck}").get_data(as_text=True)
        assert "Zanzibar" not in page and "vault" not in page
    rated = post_form(
        client, f"/cards/{question_id}/rate", {"rating": "3", "deck": "all", "revealed": "1"}
    )
    assert rated.status_code == 404
    with app.app_context():
        db.session.get(Quiz, quiz_id).feedback_policy = "immediate"
        db.session.commit()
    assert "Zanzibar" in client.get(f"/cards/review?deck=quiz-{quiz_id}").get_data(as_text=True)
