"""A real Chromium on a phone-sized screen: a teacher turns an article into a published quiz."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.browser.test_take_quiz import live_server, page  # noqa: F401  (fixtures)
from tests.conftest import BUNDLED_ARTICLE

pytestmark = pytest.mark.browser


def test_teacher_reviews_generated_items_and_publishes_on_a_phone(
    live_server,  # noqa: F811
    page,  # noqa: F811
    app,
    create_user,
):
    create_user("tess", "a-good-password", role="teacher")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server}/auth/login")
    page.fill("#username", "tess")
    page.fill("#password", "a-good-password")
    page.click("input[type=submit]")
    page.goto(f"{live_server}/teach/articles/new")
    page.fill("#text", BUNDLED_ARTICLE.read_text(encoding="utf-8"))
    page.click("input[type=submit]")
    page.wait_for_selector(".review-queue")
    assert page.locator("mark").count() > 0
    page.locator(".item-pending input[type=checkbox]").nth(0).check()
    page.locator(".item-pending input[type=checkbox]").nth(1).check()
    page.click("#bulk button[value=accept]")
    page.wait_for_selector("#counts")
    assert "2 accepted" in page.inner_text("#counts")
    page.click("#make-quiz")
    page.wait_for_selector("#settings")
    page.click("#publish")
    page.wait_for_load_state()
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow, "the teacher pages fit a phone screen"
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert quiz.is_published and len(quiz.entries) == 2
