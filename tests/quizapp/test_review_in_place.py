"""The review queue keeps the teacher's place: without a script an action returns to the same
view of the queue at the next item; the page's script gets the item back as JSON; nobody acts
on another teacher's items."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from quizapp.extensions import db
from quizapp.models import ReviewItem
from tests.conftest import post_form

JSON = {"Accept": "application/json"}


def _shown_ids(client, article_id: int, query: str = "") -> list[int]:
    page = client.get(f"/teach/articles/{article_id}/review{query}").get_data(as_text=True)
    return [int(i) for i in re.findall(r'<li class="card item[^"]*" id="item-(\d+)"', page)]


def _status(app, item_id: int) -> str:
    with app.app_context():
        return db.session.get(ReviewItem, item_id).status


@pytest.mark.parametrize("action", ["accept", "reject"])
def test_without_script_the_action_returns_to_the_next_item_with_the_filters(
    client, app, auth, long_queue, action
):
    auth.login("tess")
    query = "?shown=all&kind=multichoice&min_score=0.5"
    shown = _shown_ids(client, long_queue, query)
    assert len(shown) == 50 and all(_status(app, i) == "pending" for i in shown[:3])
    middle, after = shown[20], shown[21]
    response = post_form(client, f"/teach/review/{middle}/{action}{query}")
    assert response.status_code == 302
    target = urlsplit(response.headers["Location"])
    assert target.path == f"/teach/articles/{long_queue}/review"
    assert parse_qs(target.query) == {
        "shown": ["all"],
        "kind": ["multichoice"],
        "min_score": ["0.5"],
    }
    assert target.fragment == f"item-{after}"
    assert _status(app, middle) == ("accepted" if action == "accept" else "rejected")
    back = client.get(f"{target.path}?{target.query}").get_data(as_text=True)
    assert f'id="item-{after}"' in back and f'id="item-{middle}"' in back


def test_the_next_item_of_the_last_on_a_page_is_found_on_its_page(client, app, auth, long_queue):
    auth.login("tess")
    first_page = _shown_ids(client, long_queue)
    second_page = _shown_ids(client, long_queue, "?page=2")
    last, after = first_page[-1], second_page[0]
    response = post_form(client, f"/teach/review/{last}/accept?page=1")
    target = urlsplit(response.headers["Location"])
    assert target.fragment == f"item-{after}"
    page = parse_qs(target.query).get("page", ["1"])[0]
    assert after in _shown_ids(client, long_queue, f"?page={page}")


def test_acting_on_the_last_item_returns_to_that_item(client, app, auth, long_queue):
    auth.login("tess")
    last = _shown_ids(client, long_queue, "?page=3")[-1]
    response = post_form(client, f"/teach/review/{last}/reject")
    target = urlsplit(response.headers["Location"])
    assert target.fragment == f"item-{last}"
    assert last in _shown_ids(client, long_queue, f"?{target.query}")


def test_the_script_gets_the_item_and_the_counts_as_json(client, app, auth, long_queue):
    auth.login("tess")
    item = _shown_ids(client, long_queue)[10]
    response = post_form(client, f"/teach/review/{item}/accept", headers=JSON)
    assert response.status_code == 200 and response.is_json
    body = response.get_json()
    assert body["item_id"] == item and body["status"] == "accepted"
    assert body["html"].startswith(f'<li class="card item item-accepted" id="item-{item}"')
    assert "✔ Accepted" in body["html"] and "<html" not in body["html"]
    assert body["counts"] == "119 to review · 1 accepted · 0 rejected"
    assert body["accepted"] == 1 and body["make_quiz"] == "Make a quiz from the 1 accepted"
    assert body["message"] == "Accepted into the bank."
    rejected = post_form(client, f"/teach/review/{item + 1}/reject", headers=JSON).get_json()
    assert rejected["status"] == "rejected" and "✘ Rejected" in rejected["html"]
    assert _status(app, item) == "accepted" and _status(app, item + 1) == "rejected"


def test_the_item_forms_carry_the_filters_and_the_keys(client, auth, long_queue):
    auth.login("tess")
    page = client.get(f"/teach/articles/{long_queue}/review?shown=all&fact_type=date")
    html = page.get_data(as_text=True)
    item = _shown_ids(client, long_queue, "?shown=all&fact_type=date")[0]
    assert f'action="/teach/review/{item}/accept?' in html
    accept = re.search(rf'action="/teach/review/{item}/accept\?([^"]+)"', html).group(1)
    assert parse_qs(accept.replace("&amp;", "&")) == {"fact_type": ["date"], "shown": ["all"]}
    assert 'aria-keyshortcuts="A"' in html and 'aria-keyshortcuts="R"' in html
    assert 'aria-keyshortcuts="E"' in html and 'aria-keyshortcuts="J K"' in html
    assert 'id="review-keys"' in html and "review-queue.js" in html
    assert "<script>" not in html and "style=" not in html


def test_edit_form_comes_alone_for_the_script_and_saving_answers_json(
    client, app, auth, long_queue
):
    auth.login("tess")
    item = _shown_ids(client, long_queue, "?kind=shortanswer")[2]
    form = client.get(f"/teach/review/{item}/edit?kind=shortanswer&fragment=1")
    html = form.get_data(as_text=True)
    assert form.status_code == 200 and "<html" not in html and "<form" in html
    assert f'action="/teach/review/{item}/edit?kind=shortanswer' in html
    refused = post_form(
        client, f"/teach/review/{item}/edit", {"prompt": "", "default_mark": "1"}, headers=JSON
    )
    assert refused.status_code == 422 and "<form" in refused.get_json()["html"]
    assert _status(app, item) == "pending"
    data = {
        "prompt": "How many bridges, edited?",
        "default_mark": "1",
        "answers-0-text": "7",
        "answers-0-fraction": "100",
    }
    saved = post_form(client, f"/teach/review/{item}/edit", data, headers=JSON).get_json()
    assert saved["status"] == "accepted" and "How many bridges, edited?" in saved["html"]


def test_edit_without_script_returns_to_the_next_item(client, app, auth, long_queue):
    auth.login("tess")
    shown = _shown_ids(client, long_queue, "?kind=shortanswer")
    data = {
        "prompt": "Edited?",
        "default_mark": "1",
        "answers-0-text": "7",
        "answers-0-fraction": "100",
    }
    response = post_form(client, f"/teach/review/{shown[4]}/edit?kind=shortanswer", data)
    target = urlsplit(response.headers["Location"])
    assert parse_qs(target.query) == {"kind": ["shortanswer"]}
    assert target.fragment == f"item-{shown[5]}"
    assert _status(app, shown[4]) == "accepted"


@pytest.mark.parametrize("headers", [{}, JSON])
def test_another_teachers_item_is_never_acted_on(
    client, app, auth, long_queue, create_user, headers
):
    create_user("other", role="teacher")
    auth.login("other")
    with app.app_context():
        item = db.session.execute(db.select(ReviewItem.id)).scalars().first()
    for url in (f"/teach/review/{item}/accept", f"/teach/review/{item}/reject"):
        assert post_form(client, url, headers=headers).status_code == 403
    assert client.get(f"/teach/review/{item}/edit?fragment=1").status_code == 403
    edit = post_form(client, f"/teach/review/{item}/edit", {"prompt": "Mine now"}, headers=headers)
    assert edit.status_code == 403
    assert post_form(client, "/teach/review/999999/accept", headers=headers).status_code == 404
    with app.app_context():
        row = db.session.get(ReviewItem, item)
        assert row.status == "pending" and row.payload["prompt"] != "Mine now"


def test_an_action_without_its_token_changes_nothing(client, app, auth, long_queue):
    auth.login("tess")
    item = _shown_ids(client, long_queue)[0]
    response = client.post(f"/teach/review/{item}/accept", headers=JSON)
    assert response.status_code == 400
    assert _status(app, item) == "pending"


@pytest.mark.parametrize(
    "query",
    [
        "?kind=<script>&fact_type=%3Cb%3E&min_score=sNaN&shown=x&page=²",
        "?min_score=1e999&page=" + "9" * 30,
        "?min_score=-1&kind=" + "x" * 5000,
    ],
)
def test_nonsense_filters_on_an_action_are_dropped(client, app, auth, long_queue, query):
    auth.login("tess")
    item = _shown_ids(client, long_queue)[0]
    response = post_form(client, f"/teach/review/{item}/accept{query}")
    assert response.status_code == 302
    target = urlsplit(response.headers["Location"])
    assert parse_qs(target.query) == {}
    assert target.fragment == f"item-{item + 1}"
