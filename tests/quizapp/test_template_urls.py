"""The template helpers that build URLs once give what ``url_for`` gives, wherever the app is
mounted."""

from __future__ import annotations

import pytest
from flask import url_for

from quizapp.templating import IdUrl, MountedUrls
from tests.conftest import quiz_by_id

MOUNTS = ("", "/school", "/a/b")


@pytest.mark.parametrize(
    "endpoint,values",
    [
        ("main.index", {}),
        ("quiz.index", {}),
        ("auth.logout", {}),
        ("static", {"filename": "app.css"}),
    ],
)
def test_mounted_url_is_url_for_at_every_mount_point(app, endpoint, values):
    mounted = MountedUrls()
    for _ in range(2):  # the second round is served from what the first built
        for root in MOUNTS:
            with app.test_request_context("/", base_url=f"http://localhost{root}/"):
                assert mounted(endpoint, **values) == url_for(endpoint, **values)
                assert mounted(endpoint, **values).startswith(f"{root}/")


@pytest.mark.parametrize("root", MOUNTS)
def test_id_url_is_url_for_for_every_id(app, root):
    with app.test_request_context("/", base_url=f"http://localhost{root}/"):
        start = IdUrl("quiz.start", "quiz_id")
        review = IdUrl("cards.review", "deck", show=7)
        take = IdUrl("quiz.take", "attempt_id", page=2)
        for quiz_id in (1, 9, 10, 98765, 2**31 - 1):
            assert start(quiz_id) == url_for("quiz.start", quiz_id=quiz_id)
            assert take(quiz_id) == url_for("quiz.take", attempt_id=quiz_id, page=2)
        assert review(3) == url_for("cards.review", deck=3, show=7)


def test_id_url_writes_in_only_whole_numbers(app):
    with app.test_request_context("/"):
        start = IdUrl("quiz.start", "quiz_id")
        assert start("12") == "/quizzes/12/start"
        with pytest.raises(ValueError):
            start("1/../../admin")


def test_menu_links_follow_the_mount_point(app, client, create_user, auth, bundled_quiz):
    create_user("sam")
    auth.login("sam")
    page = client.get("/quizzes/", base_url="http://localhost/school/").text
    assert 'href="/school/cards/"' in page and 'href="/school/static/app.css"' in page
    assert 'href="/cards/"' not in page
    with app.app_context():
        article_id = quiz_by_id(bundled_quiz).article_id
    assert f'action="/school/quizzes/{bundled_quiz}/start"' in page
    assert f'href="/school/cards/articles/{article_id}"' in page
