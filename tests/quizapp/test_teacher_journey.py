"""The whole teacher journey of the issue, as a new user would click through it."""

from __future__ import annotations

import io
import re

from quizapp.extensions import db
from quizapp.models import Attempt, Question
from quizapp.services.quizzes import quiz_questions
from tests.conftest import BUNDLED_ARTICLE, post_form, quiz_by_id
from tests.quizapp.answers import right_form_data
from tests.quizapp.test_bank_io import AIKEN, GIFT


def _upload(client, url: str, data: bytes, filename: str, **fields):
    return post_form(
        client,
        url,
        {"upload": (io.BytesIO(data), filename), **fields},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def test_class_article_review_quiz_imports_exports_and_a_student_takes_it(
    client, app, auth, create_user
):
    create_user("tess", role="teacher")
    create_user("sam")
    auth.login("tess")
    page = post_form(client, "/teach/classes/", {"name": "News club"}, follow_redirects=True)
    code = re.search(r'id="join-code">(\w+)<', page.get_data(as_text=True)).group(1)
    class_id = int(page.request.path.rsplit("/", 1)[1])

    review = _upload(client, "/teach/articles/new", BUNDLED_ARTICLE.read_bytes(), "talks.txt")
    article_id = int(
        re.search(r"/teach/articles/(\d+)/quiz", review.get_data(as_text=True)).group(1)
    )
    post_form(client, f"/teach/articles/{article_id}/review", {"action": "accept", "scope": "all"})
    made = post_form(client, f"/teach/articles/{article_id}/quiz")
    quiz_id = int(made.headers["Location"].rsplit("/", 1)[1])
    post_form(client, f"/teach/quizzes/{quiz_id}/publish")
    post_form(client, f"/teach/classes/{class_id}/assign", {"quiz": quiz_id, "kind": "quiz"})

    assert "Imported 4 questions" in _upload(
        client, "/teach/bank/import", GIFT.encode(), "c.gift"
    ).get_data(as_text=True)
    assert "Imported 2 questions" in _upload(
        client, "/teach/bank/import", AIKEN.encode(), "a.txt", fmt="aiken"
    ).get_data(as_text=True)
    xml = client.get("/teach/bank/export?fmt=moodlexml&quiz=0")
    anki = client.get("/teach/bank/export?fmt=apkg&quiz=0")
    assert xml.status_code == anki.status_code == 200
    with app.app_context():
        bank_size = db.session.execute(
            db.select(db.func.count(Question.id)).where(Question.is_deleted.is_(False))
        ).scalar_one()
    assert (
        xml.data.count(b"<question type=") - xml.data.count(b'<question type="category"')
        == bank_size
    )

    auth.logout()
    auth.login("sam")
    post_form(client, "/classes/", {"code": code})
    assert "Assigned" in client.get("/quizzes/").get_data(as_text=True)
    started = post_form(client, f"/quizzes/{quiz_id}/start")
    attempt_id = int(started.headers["Location"].rsplit("/", 1)[1])
    data: dict = {}
    with app.app_context():
        for question in quiz_questions(quiz_by_id(quiz_id)):
            data.update(right_form_data(question.id, question.bank))
    post_form(client, f"/quizzes/attempts/{attempt_id}", data)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.submitted_at is not None and attempt.score == attempt.max_score > 0
