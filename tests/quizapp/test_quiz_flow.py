"""A student takes the bundled article's quiz and finds it in their history."""

from __future__ import annotations

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Response
from quizapp.services.quizzes import quiz_questions
from tests.conftest import csrf_token, post_form, quiz_by_id
from tests.quizapp.answers import right_form_data, wrong_form_data


def start(client, quiz_id: int) -> int:
    """Start an attempt and return its id."""
    response = post_form(client, f"/quizzes/{quiz_id}/start")
    assert response.status_code == 302
    return int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))


def answer_sheet(app, quiz_id: int, right: bool = True) -> dict:
    """Form data answering every question of the quiz right (or wrong)."""
    build = right_form_data if right else wrong_form_data
    data: dict = {}
    with app.app_context():
        for question in quiz_questions(quiz_by_id(quiz_id)):
            data.update(build(question.id, question.bank))
    return data


@pytest.fixture
def student(auth, create_user):
    create_user("sam")
    auth.login("sam")
    return "sam"


def test_student_sees_published_quiz_and_every_question_as_form_controls(
    client, app, bundled_quiz, student
):
    listing = client.get("/quizzes/").get_data(as_text=True)
    assert "Bundled quiz" in listing
    attempt_id = start(client, bundled_quiz)
    page = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    with app.app_context():
        questions = quiz_questions(quiz_by_id(bundled_quiz))
        kinds = {q.kind for q in questions}
        for question in questions:
            assert f'name="q{question.id}' in page
    assert {"multichoice", "truefalse", "cloze"} <= kinds
    assert 'type="radio"' in page and 'class="gap"' in page


def test_full_marks_review_and_history(client, app, bundled_quiz, student):
    attempt_id = start(client, bundled_quiz)
    data = answer_sheet(app, bundled_quiz)
    token = csrf_token(client)
    response = client.post(
        f"/quizzes/attempts/{attempt_id}", data={**data, "csrf_token": token}, follow_redirects=True
    )
    page = response.get_data(as_text=True)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        questions = quiz_questions(attempt.quiz)
        assert attempt.submitted_at is not None
        assert attempt.score == attempt.max_score == len(questions)
        stored = (
            db.session.execute(db.select(Response).where(Response.attempt_id == attempt_id))
            .scalars()
            .all()
        )
        assert len(stored) == len(questions)
        evidence = questions[0].evidence
    assert "(<strong>100%</strong>)" in page
    assert page.count("✔ Right") == len(questions)
    assert evidence and evidence[:40] in page.replace("&#34;", '"').replace("&#39;", "'")

    history = client.get("/history/").get_data(as_text=True)
    assert "Bundled quiz" in history and "100%" in history
    assert f"/quizzes/attempts/{attempt_id}/review" in history


def test_wrong_answers_score_zero_and_show_right_answer(client, app, bundled_quiz, student):
    attempt_id = start(client, bundled_quiz)
    token = csrf_token(client)
    page = client.post(
        f"/quizzes/attempts/{attempt_id}",
        data={**answer_sheet(app, bundled_quiz, right=False), "csrf_token": token},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "(<strong>0%</strong>)" in page
    assert "✘ Wrong" in page and "Right answer" in page


def test_history_is_newest_first(client, app, bundled_quiz, student):
    for right in (False, True):
        attempt_id = start(client, bundled_quiz)
        post_form(client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz, right))
    history = client.get("/history/").get_data(as_text=True)
    assert history.index("100%") < history.index("0%")


def test_double_submit_counts_once(client, app, bundled_quiz, student):
    attempt_id = start(client, bundled_quiz)
    right, wrong = answer_sheet(app, bundled_quiz), answer_sheet(app, bundled_quiz, right=False)
    post_form(client, f"/quizzes/attempts/{attempt_id}", right)
    again = post_form(client, f"/quizzes/attempts/{attempt_id}", wrong, follow_redirects=True)
    assert "already submitted" in again.get_data(as_text=True)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.score == attempt.max_score
        count = db.session.execute(
            db.select(db.func.count(Response.id)).where(Response.attempt_id == attempt_id)
        ).scalar_one()
        assert count == len(quiz_questions(attempt.quiz))


def test_response_unique_per_attempt_and_question(app, bundled_quiz, create_user):
    from sqlalchemy.exc import IntegrityError

    user = create_user("sam")
    with app.app_context():
        quiz = quiz_by_id(bundled_quiz)
        question = quiz_questions(quiz)[0]
        attempt = Attempt(quiz_id=quiz.id, user_id=user.id)
        db.session.add(attempt)
        db.session.flush()
        for _ in range(2):
            db.session.add(
                Response(attempt_id=attempt.id, question_id=question.id, position=0, answer="x")
            )
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()


def test_student_cannot_see_another_students_attempt(client, app, auth, bundled_quiz, create_user):
    create_user("sam")
    create_user("kim")
    auth.login("sam")
    attempt_id = start(client, bundled_quiz)
    post_form(client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz))
    auth.logout()
    auth.login("kim")
    assert client.get(f"/quizzes/attempts/{attempt_id}/review").status_code == 404
    assert client.get(f"/quizzes/attempts/{attempt_id}").status_code == 404
    assert post_form(client, f"/quizzes/attempts/{attempt_id}", {}).status_code == 404
    assert "Bundled quiz" not in client.get("/history/").get_data(as_text=True)


def test_unpublished_quiz_is_hidden_from_students(client, app, bundled_quiz, student):
    with app.app_context():
        quiz_by_id(bundled_quiz).is_published = False
        db.session.commit()
    assert "Bundled quiz" not in client.get("/quizzes/").get_data(as_text=True)
    assert post_form(client, f"/quizzes/{bundled_quiz}/start").status_code == 404


def test_student_refused_on_teacher_pages_and_anonymous_sent_to_login(
    client, auth, bundled_quiz, create_user
):
    for url in ("/teach/", "/teach/articles/new"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    create_user("sam")
    auth.login("sam")
    assert client.get("/teach/").status_code == 403
    assert client.get("/teach/articles/new").status_code == 403
    assert post_form(client, f"/teach/quizzes/{bundled_quiz}/publish").status_code == 403


def test_student_can_read_the_quiz_article(client, app, bundled_quiz, student):
    listing = client.get("/quizzes/").get_data(as_text=True)
    link = re.search(r'href="(/cards/articles/\d+)">Read the article first', listing).group(1)
    article = client.get(link).get_data(as_text=True)
    assert "Ilham Aliyev welcomed Alexander Lukashenko" in article


def test_the_take_page_shows_what_is_saved_and_an_edited_question_each_time(
    client, app, bundled_quiz, student
):
    """Cards drawn for one view of the page are never shown for another: a saved answer and
    a question edited in place both show on the next view."""
    from markupsafe import escape

    attempt_id = start(client, bundled_quiz)
    url = f"/quizzes/attempts/{attempt_id}"
    before = client.get(url).get_data(as_text=True)
    with app.app_context():
        questions = quiz_questions(quiz_by_id(bundled_quiz))
        typed = next(q for q in questions if q.kind == "shortanswer")
        answer = right_form_data(typed.id, typed.bank)
        edited = next(q for q in questions if q.id != typed.id)
        payload = dict(edited.payload)
        payload["prompt"] = "A wording written after the page was first shown?"
        edited.payload = payload
        db.session.commit()
    wording = "A wording written after the page was first shown?"
    assert wording not in before
    assert wording in client.get(url).get_data(as_text=True)
    value = next(iter(answer.values()))
    value = value[0] if isinstance(value, list) else value
    assert f'value="{escape(value)}"' not in before
    saved = client.post(url, data={**answer, "action": "save", "csrf_token": csrf_token(client)})
    assert saved.status_code == 302
    assert f'value="{escape(value)}"' in client.get(url).get_data(as_text=True)
