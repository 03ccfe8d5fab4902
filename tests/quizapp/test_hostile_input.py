"""Inputs that used to answer 500, and the cross-teacher leak through ``classroom=``."""

from __future__ import annotations

import pytest

from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.models import Attempt, StudySettings
from tests.conftest import attempt_id_of, post_form, upload_questions

CHOICE = Question(
    kind="multichoice",
    prompt="Which city hosted the talks?",
    answers=(Answer("Baku", 1.0), Answer("Minsk", 0.0)),
)
HUGE = "9" * 30


@pytest.fixture
def student_attempt(client, auth, make_quiz, create_user):
    quiz_id, (question_id,) = make_quiz([CHOICE])
    create_user("sam")
    auth.login("sam")
    return quiz_id, question_id, attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))


def test_unicode_digit_in_an_answer_field(client, app, student_attempt):
    _, question_id, attempt_id = student_attempt
    response = post_form(client, f"/quizzes/attempts/{attempt_id}", {f"q{question_id}": "²"})
    assert response.status_code == 302
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.submitted_at is not None and attempt.score == 0


def test_unicode_digit_in_a_deck_token(client, student_attempt):
    assert client.get("/cards/review?deck=quiz-²").status_code == 404
    rated = post_form(
        client,
        f"/cards/{student_attempt[1]}/rate",
        {"rating": "3", "deck": "quiz-²", "revealed": "1"},
    )
    assert rated.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        f"/quizzes/attempts/{HUGE}",
        f"/quizzes/attempts/{HUGE}/review",
        f"/cards/articles/{HUGE}",
        f"/cards/review?deck=quiz-{HUGE}",
        f"/cards/review?deck=article-{2**63}",
    ],
)
def test_ids_beyond_64_bits_are_not_found(client, student_attempt, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        f"/teach/quizzes/{HUGE}",
        f"/teach/questions/{HUGE}",
        f"/gradebook/classes/{HUGE}",
        "/gradebook/quizzes/1/statistics?classroom=" + HUGE,
        "/teach/questions/?article=" + HUGE + "&category=" + HUGE,
        "/teach/bank/export?fmt=json&quiz=" + HUGE,
    ],
)
def test_ids_beyond_64_bits_for_teachers(client, auth, make_quiz, url):
    make_quiz([CHOICE])
    auth.login("tess")
    assert client.get(url).status_code in (200, 404)


def test_ids_beyond_64_bits_in_form_fields(client, app, auth, make_quiz):
    quiz_id, _ = make_quiz([CHOICE])
    auth.login("tess")
    for url, data in (
        ("/teach/quizzes/from-bank", {"question": [HUGE, "²"], "quiz": HUGE}),
        (f"/teach/quizzes/{quiz_id}/questions", {f"pos-{HUGE}": "1", "remove": [HUGE, "²"]}),
        ("/teach/questions/categories", {"name": "Top", "parent": HUGE}),
    ):
        assert post_form(client, url, data).status_code in (302, 404), url


def test_desired_retention_snan(client, app, student_attempt):
    page = post_form(
        client, "/cards/settings", {"desired_retention": "sNaN", "new_cards_per_day": "20"}
    )
    assert page.status_code == 200 and "Not a valid decimal value." in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(StudySettings)).first() is None


def _import(client, data: bytes, filename: str, fmt: str = ""):
    return upload_questions(client, data, filename, fmt)


def test_import_of_unrecognised_content_under_a_known_extension(client, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    page = _import(client, b"some words and no questions", "notes.xml")
    assert page.status_code == 200 and "not well-formed XML" in page.get_data(as_text=True)


def test_qti_item_500_divs_deep_is_refused(client, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    deep = "<div>" * 500 + "x" + "</div>" * 500
    item = (
        '<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="i" '
        f'title="t"><itemBody>{deep}</itemBody></assessmentItem>'
    )
    page = _import(client, item.encode(), "deep.xml", "qti21")
    assert page.status_code == 200 and "nested more than" in page.get_data(as_text=True)


def test_qti_export_after_importing_deep_html(client, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    deep = "<div>" * 3000 + "x" + "</div>" * 3000
    assert _import(client, f"::t::[html]{deep}{{}}".encode(), "deep.gift").status_code == 302
    exported = client.get("/teach/bank/export?fmt=qti21&quiz=0")
    assert exported.status_code == 200 and exported.data.startswith(b"PK")


@pytest.mark.parametrize("published", [True, False], ids=["published", "draft"])
def test_another_teachers_quiz_stays_closed_with_an_own_class_in_the_query(
    client, app, auth, make_quiz, create_user, make_class, published
):
    quiz_id, (question_id,) = make_quiz([CHOICE], is_published=published, is_public=published)
    create_user("other", role="teacher")
    own_class, _ = make_class("other", name="Other's class")
    auth.login("other")
    urls = [
        f"/gradebook/quizzes/{quiz_id}/statistics?classroom={own_class}",
        f"/gradebook/quizzes/{quiz_id}/questions/{question_id}?classroom={own_class}",
        f"/gradebook/quizzes/{quiz_id}/statistics",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Baku" not in response.get_data(as_text=True)
