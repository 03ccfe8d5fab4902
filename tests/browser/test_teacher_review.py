"""A real Chromium: a teacher turns an article into a published quiz on a phone, and works
through a long review queue in place, with the mouse and with the keys."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Quiz, ReviewItem
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
    first_tick = page.locator(".item-pending input[type=checkbox]").nth(0)
    prompt = page.locator(".item-pending .prompt").nth(0).inner_text()
    expect(first_tick).to_have_accessible_name(f"Tick item 1 {prompt}")  # which item it ticks
    first_tick.check()
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


def _log_in(browser_page, server: str) -> None:
    browser_page.goto(f"{server}/auth/login")
    browser_page.fill("#username", "tess")
    browser_page.fill("#password", "password123")
    browser_page.click("input[type=submit]")
    browser_page.wait_for_load_state()


def _status(app, item_id: int) -> str:
    with app.app_context():
        return db.session.get(ReviewItem, item_id).status


def _focused_item(browser_page) -> str:
    return browser_page.evaluate(
        "(document.activeElement.closest('.review-queue > li') || {id: ''}).id"
    )


def test_accepting_in_the_middle_of_a_long_list_keeps_the_page_still(
    live_server,  # noqa: F811
    page,  # noqa: F811
    app,
    long_queue,
):
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, live_server)
    page.goto(f"{live_server}/teach/articles/{long_queue}/review")
    page.wait_for_function("!document.getElementById('review-keys').hidden")  # script ready
    items = page.locator(".review-queue > li")
    assert items.count() == 50
    middle = items.nth(25)
    item_id = int(middle.get_attribute("id").removeprefix("item-"))
    middle.locator("button", has_text="Accept").scroll_into_view_if_needed()
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(200)
    before = page.evaluate("window.scrollY")
    assert before > 2000, "the item is far down the page"
    middle.locator("button", has_text="Accept").click()
    page.wait_for_selector(f"#item-{item_id}.item-accepted")
    assert abs(page.evaluate("window.scrollY") - before) <= 40
    assert "✔ Accepted" in page.inner_text(f"#item-{item_id}")
    assert page.inner_text("#counts").startswith("119 to review · 1 accepted")
    assert page.inner_text("#review-said") == "Accepted into the bank."
    assert _status(app, item_id) == "accepted"
    assert page.evaluate("location.pathname + location.search + location.hash").endswith(
        "/review"
    ), "no reload, no jump to an anchor"


def test_keys_move_between_items_and_accept_or_reject_the_focused_one(
    live_server,  # noqa: F811
    page,  # noqa: F811
    app,
    long_queue,
):
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, live_server)
    page.goto(f"{live_server}/teach/articles/{long_queue}/review")
    page.wait_for_function("!document.getElementById('review-keys').hidden")
    assert page.is_visible("#review-keys")
    ids = [
        int(i.removeprefix("item-"))
        for i in page.eval_on_selector_all(
            ".review-queue > li", "items => items.map(item => item.id)"
        )
    ]
    page.keyboard.press("j")
    assert _focused_item(page) == f"item-{ids[0]}"
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert _focused_item(page) == f"item-{ids[1]}"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focused item shows its focus"
    page.keyboard.press("a")
    page.wait_for_selector(f"#item-{ids[1]}.item-accepted")
    assert _status(app, ids[1]) == "accepted"
    assert _focused_item(page) == f"item-{ids[2]}"  # on to the next item
    box = page.locator(f"#item-{ids[2]}").bounding_box()
    assert box["y"] < 844 and box["y"] + box["height"] > 0, "the focused item is in view"
    page.keyboard.press("r")
    page.wait_for_selector(f"#item-{ids[2]}.item-rejected")
    assert _status(app, ids[2]) == "rejected"
    assert _status(app, ids[3]) == "pending"
    page.keyboard.press("e")  # edit the focused item in place
    page.wait_for_selector(f"#item-{ids[3]} .item-editor-slot form")
    prompt = page.locator(
        f"#item-{ids[3]} textarea[name=prompt], #item-{ids[3]} input[name=prompt]"
    )
    page.keyboard.press("Escape")  # nothing changed yet: closed at once, focus on the item
    page.wait_for_selector(f"#item-{ids[3]} .item-editor-slot", state="detached")
    assert _focused_item(page) == f"item-{ids[3]}"
    page.keyboard.press("e")
    page.wait_for_selector(f"#item-{ids[3]} .item-editor-slot form")
    prompt.fill("Edited in place?")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    prompt.press("Escape")  # a change would be lost: asked first, and kept when refused
    assert asked == ["Discard your changes to this item?"]
    assert prompt.input_value() == "Edited in place?"
    page.keyboard.press("a")  # typing: no key acts
    assert _status(app, ids[3]) == "pending"
    assert prompt.input_value().endswith("a")
    prompt.fill("Edited in place?")
    page.locator(f"#item-{ids[3]} .item-editor-slot [type=submit]").click()
    page.wait_for_selector(f"#item-{ids[3]}.item-accepted")
    assert "Edited in place?" in page.inner_text(f"#item-{ids[3]}")
    assert _status(app, ids[3]) == "accepted"
