"""A new student reviews the bundled article's cards with the keyboard alone, on a phone-sized
screen, takes its quiz and sees both in their progress page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import CardReview
from tests.browser.test_take_quiz import fill_answers, live_server, page  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def log_in(browser_page, base_url: str, username: str) -> None:
    browser_page.goto(f"{base_url}/auth/login")
    browser_page.fill("#username", username)
    browser_page.fill("#password", "a-good-password")
    browser_page.click("input[type=submit]")
    browser_page.wait_for_url(f"{base_url}/quizzes/")


def open_menu(browser_page) -> None:
    """Unfold the navigation, folded behind "Menu" on a phone."""
    if browser_page.get_attribute("details.menu", "open") is None:
        browser_page.click("details.menu > summary")


def card_shown(browser_page) -> str:
    return browser_page.get_attribute("#rating-form", "action")


def test_keyboard_review_then_quiz_then_progress(live_server, page, app, bundled_quiz, create_user):  # noqa: F811
    create_user("newbie", "a-good-password")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "newbie")
    open_menu(page)
    page.click("nav >> text=Flashcards")
    page.click("#decks >> text=Study >> nth=0")
    page.wait_for_selector("#show-answer")
    page.wait_for_load_state("load")  # the keys are wired by a script loaded with the page
    assert "Space" in page.inner_text("#keyboard-hint")
    answer = page.locator("#card-answer")
    expect(answer).to_be_hidden()
    expect(page.locator("#rating-form")).to_be_hidden()
    page.keyboard.press("3")  # no rating before the answer is shown
    page.keyboard.press("Space")
    expect(answer).to_be_visible()
    expect(page.locator("#rating-form button[name=rating]:enabled")).to_have_count(4)
    page.keyboard.press("Space")
    expect(answer).to_be_hidden()
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the review page fits a phone screen"
    seen = []
    for key in ("Space", "3", "Space", "1", "Space", "4"):
        if key == "Space":
            seen.append(card_shown(page))
            page.keyboard.press(key)
            continue
        with page.expect_navigation():
            page.keyboard.press(key)
        page.wait_for_load_state("load")
        assert page.evaluate("document.activeElement.id") == "main"  # the next card is read
    assert len(set(seen)) == 3
    with app.app_context():
        ratings = db.session.execute(db.select(CardReview.rating).order_by(CardReview.id))
        assert list(ratings.scalars()) == [3, 1, 4]
        durations = db.session.execute(db.select(CardReview.duration_ms)).scalars().all()
        assert all(d is not None and d >= 0 for d in durations)

    open_menu(page)
    page.click("nav >> text=Quizzes")
    page.click("text=Take this quiz")
    page.wait_for_selector("#quiz-form")
    count = fill_answers(page, app, bundled_quiz)
    page.click("#submit-quiz")
    page.wait_for_selector("#score")
    open_menu(page)
    page.click("nav >> text=My progress")
    chart = page.locator("#score-chart > svg")
    assert chart.get_attribute("role") == "img"
    assert page.locator("#score-chart .marker").count() == 1
    assert "100%" in page.inner_text("#attempts-table")
    forecast = page.inner_text("#forecast-table")
    due = [int(n) for n in re.findall(r"\t(\d+)", forecast)]
    assert len(due) == 7 and 0 < sum(due) <= count  # quiz answers and cards share one model
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
