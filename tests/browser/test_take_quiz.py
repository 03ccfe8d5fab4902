"""A real Chromium, driven through Playwright: log in, take the quiz, see the score and history."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from quizapp.extensions import db
from quizapp.models import AttemptSlot
from quizapp.services.quizzes import quiz_questions
from tests.conftest import quiz_by_id
from tests.quizapp.answers import right_form_data

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _read_whole(app):
    """The app, its response bodies read (and their files closed) before the first byte goes
    out: when the browser drops a request half-sent (a favicon while it navigates away), the
    development server stops without closing the body, and an open static file would be left
    for the garbage collector to complain about."""

    def wsgi(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return wsgi


@pytest.fixture
def live_server(app):
    """Serve the app on a free local port in a background thread."""
    server = make_server("127.0.0.1", 0, _read_whole(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def page():
    """A page in Debian's Chromium; skipped with the reason when Chromium is absent."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Chromium not found at /usr/bin/chromium (install Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser.new_page()
        browser.close()


def fill_answers(page, app, quiz_id: int) -> int:
    """Answer every question right through the page's own controls; return how many."""
    with app.app_context():
        questions = [(q.id, q.bank) for q in quiz_questions(quiz_by_id(quiz_id))]
    for question_id, bank in questions:
        for name, values in right_form_data(question_id, bank).items():
            buttons = f'input[name="{name}"][type=radio], input[name="{name}"][type=checkbox]'
            if page.locator(buttons).count():
                for value in values:
                    page.check(f'input[name="{name}"][value="{value}"]')
            elif page.locator(f'select[name="{name}"]').count():
                page.select_option(f'select[name="{name}"]', label=values[0])
            else:
                page.fill(f'[name="{name}"]', values[0])
    return len(questions)


def test_student_logs_in_takes_quiz_and_sees_score(
    live_server, page, app, bundled_quiz, create_user
):
    create_user("sam", "a-good-password")
    page.goto(f"{live_server}/")
    page.click("text=Log in")
    page.fill("#username", "sam")
    page.fill("#password", "a-good-password")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server}/quizzes/")
    page.click("text=Take this quiz")
    page.wait_for_selector("#quiz-form")
    count = fill_answers(page, app, bundled_quiz)
    page.click("#submit-quiz")
    page.wait_for_selector("#score")
    score = page.inner_text("#score")
    assert f"You scored {count} out of {count} (100%)" in score
    assert page.locator(".result-right").count() == count
    page.click("text=My history")
    assert "100%" in page.inner_text("#history")
    with app.app_context():
        assert db.session.execute(db.text("select count(*) from attempt")).scalar_one() == 1


def test_blank_questions_are_flagged_before_submitting(
    live_server, page, app, bundled_quiz, create_user
):
    create_user("sam", "a-good-password")
    page.goto(f"{live_server}/auth/login")
    page.fill("#username", "sam")
    page.fill("#password", "a-good-password")
    page.click("input[type=submit]")
    page.click("text=Take this quiz")
    page.wait_for_selector("#quiz-form")
    messages = []

    def dismiss(dialog):
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.click("#submit-quiz")
    assert messages and "no answer. Submit anyway?" in messages[0]
    assert page.locator("#quiz-form").count() == 1  # still on the quiz, nothing sent
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#submit-quiz")
    page.wait_for_selector("#score")
    assert "(0%)" in page.inner_text("#score")


def test_one_question_per_page_navigator_saves_and_warns_by_quiz_number(
    live_server, page, app, make_quiz, create_user
):
    from question_bank.model import Answer, Question

    questions = [
        Question(kind="shortanswer", prompt=f"Question about city {n}?", answers=(Answer("Baku"),))
        for n in range(1, 4)
    ]
    quiz_id, ids = make_quiz(questions, is_one_per_page=True)
    create_user("sam", "a-good-password")
    page.goto(f"{live_server}/auth/login")
    page.fill("#username", "sam")
    page.fill("#password", "a-good-password")
    page.click("input[type=submit]")
    page.click(f"#quiz-{quiz_id} >> text=Take this quiz")
    page.wait_for_selector("#quiz-form")
    page.fill(f"#q{ids[0]}", "Baku")
    page.check(f'input[name="flag-{ids[0]}"]')
    page.click('#navigator [data-number="3"]')  # the navigator saves the page it leaves
    page.wait_for_selector(f"#q{ids[2]}")
    first = page.locator('#navigator [data-number="1"]')
    assert first.get_attribute("class").split() == ["nav-question", "answered", "flagged"]
    assert "current" in page.locator('#navigator [data-number="3"]').get_attribute("class")
    assert page.inner_text("#question-3 h2") == "Question 3 of 3"  # the flag is not in it
    messages = []

    def dismiss(dialog):
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.click("#submit-quiz")
    assert messages == ["Questions 2, 3 have no answer. Submit anyway?"]
    with app.app_context():
        saved = db.session.execute(
            db.select(AttemptSlot.answer).where(AttemptSlot.question_id == ids[0])
        ).scalar_one()
    assert saved == "Baku"


def test_focus_starts_at_the_refused_field_or_the_question_moved_to_and_buttons_say_which_quiz(
    live_server, page, make_quiz, create_user
):
    from question_bank.model import Answer, Question

    page.goto(f"{live_server}/auth/register")
    page.fill("#username", "newcomer")
    page.fill("#password", "short")
    page.fill("#confirm", "short")
    page.click("input[type=submit]")
    expect(page.locator("#password")).to_be_focused()  # not the username

    questions = [
        Question(kind="shortanswer", prompt=f"Question about city {n}?", answers=(Answer("Baku"),))
        for n in range(1, 3)
    ]
    quiz_id, _ = make_quiz(questions, is_one_per_page=True)
    create_user("sam", "a-good-password")
    page.goto(f"{live_server}/auth/login")
    page.fill("#username", "sam")
    page.fill("#password", "a-good-password")
    page.click("input[type=submit]")
    make_quiz(questions, title="Another quiz")
    page.reload()
    take = page.get_by_role("button", name="Take this quiz: Chosen quiz")  # one per quiz listed
    assert take.count() == 1
    take.click()
    page.wait_for_selector("#quiz-form")
    page.wait_for_load_state("load")
    assert page.evaluate("document.activeElement.tagName") == "BODY"  # a new page: the top
    page.click("#next-question")
    expect(page.locator("#question-2 .question-number")).to_be_focused()
