"""Marks are shown rounded to two decimals at most."""

from __future__ import annotations

import pytest

from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.templating import marks, percent
from tests.conftest import attempt_id_of, post_form


@pytest.mark.parametrize(
    ("value", "shown"), [(7.333333, "7.33"), (8.0, "8"), (0.005, "0.01"), (None, "—"), (2.5, "2.5")]
)
def test_marks_filter(value, shown):
    assert marks(value) == shown


def test_percent_filter():
    assert percent(73.958333) == "73.96%" and percent(80.0) == "80%"


def test_a_third_of_a_mark_is_shown_as_0_33(client, app, auth, make_quiz, create_user):
    ordering = Question(
        kind="ordering", prompt="Order them.", answers=(Answer("a"), Answer("b"), Answer("c"))
    )
    quiz_id, (question_id,) = make_quiz([ordering])
    create_user("sam")
    auth.login("sam")
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    page = post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {f"q{question_id}-0": "a", f"q{question_id}-1": "c", f"q{question_id}-2": "b"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "scored <strong>0.33</strong> out of 1" in page and "0.3333" not in page
    history = client.get("/history/").get_data(as_text=True)
    assert "0.33 / 1" in history and "0.3333" not in history
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == pytest.approx(1 / 3)
