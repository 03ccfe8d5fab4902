"""Answers are saved as they are typed: leaving for the flashcards and coming back keeps them."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.models import AttemptSlot
from tests.browser.test_take_quiz import live_server, page  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def test_typed_answer_survives_leaving_the_page(live_server, page, app, make_quiz, create_user):  # noqa: F811
    capital = Question(
        kind="shortanswer", prompt="Capital of Azerbaijan?", answers=(Answer("Baku"),)
    )
    make_quiz([capital, capital], title="Another quiz")  # questions and slots numbered apart
    quiz_id, (question_id,) = make_quiz([capital])
    create_user("sam", "a-good-password")
    page.goto(f"{live_server}/auth/login")
    page.fill("#username", "sam")
    page.fill("#password", "a-good-password")
    page.click("input[type=submit]")
    page.click(f"#quiz-{quiz_id} >> text=Take this quiz")
    page.wait_for_selector("#quiz-form")
    page.fill(f"#q{question_id}", "Baku")
    expect(page.locator("#save-status")).to_have_text("Saved.")  # no eval: the CSP forbids it
    with app.app_context():
        saved = db.session.execute(db.select(AttemptSlot.answer)).scalar_one()
    assert saved == "Baku"
    page.click("text=Flashcards")
    page.wait_for_url("**/cards/")  # left the page before going back to it
    page.go_back()
    page.wait_for_selector("#quiz-form")
    assert page.input_value(f"#q{question_id}") == "Baku"


def test_answer_typed_before_leaving_is_sent(live_server, page, app, make_quiz, create_user):  # noqa: F811
    quiz_id, (question_id,) = make_quiz(
        [Question(kind="shortanswer", prompt="Capital of Azerbaijan?", answers=(Answer("Baku"),))]
    )
    create_user("sam", "a-good-password")
    page.goto(f"{live_server}/auth/login")
    page.fill("#username", "sam")
    page.fill("#password", "a-good-password")
    page.click("input[type=submit]")
    page.click(f"#quiz-{quiz_id} >> text=Take this quiz")
    page.wait_for_selector("#quiz-form")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.fill(f"#q{question_id}", "Baku")
    page.click("text=Flashcards")  # before the pause that would have saved it
    page.wait_for_url("**/cards/")
    assert asked == []
    with app.app_context():
        for _ in range(50):
            saved = db.session.execute(db.select(AttemptSlot.answer)).scalar_one()
            if saved:
                break
            db.session.rollback()
            page.wait_for_timeout(100)
    assert saved == "Baku"
