"""The role matrix over query parameters and form fields: every id a request names outside its
URL (``classroom=``, ``deck=``, ``quiz=``, question, item, attempt and category ids) is checked
against its owner. Another teacher (or a student) sends tess's ids while working on their own
objects, and must get 403/404 or find that nothing of tess's was shown or changed.

``test_every_id_parameter_of_the_views_is_covered`` reads the views' source, so a new id
parameter fails here until a cross-owner case is added for it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.models import (
    Article,
    Assignment,
    Attempt,
    Category,
    Quiz,
    QuizQuestion,
    Response,
    ReviewItem,
)
from quizapp.models import Question as QuestionRow
from quizapp.services.accounts import find_user
from quizapp.services.authoring import add_question
from quizapp.services.quizzes import create_quiz, quiz_questions
from tests.conftest import csrf_token, post_form, quiz_by_id

VIEWS = Path(__file__).resolve().parents[2] / "quizapp" / "views"
#: Id parameters a view reads, as ``query_id("x")``, ``form_id("x")``, ``form_ids("x")``,
#: ``request.args.get("x")`` or through a form class field.
ID_READ = re.compile(r'(?:query_id|form_ids?|request\.args\.get(?:list)?)\("([a-z_]+)"')
#: Parameters read through form classes (WTForms choices limit them to the user's objects).
FORM_CLASS_IDS = {"quiz", "category"}
#: Parameters that are not ids.
NOT_IDS = {
    "next",
    "tag",
    "q",
    "kind",
    "fmt",
    "by",
    "action",
    "scope",
    "name",
    "title",
    "page",
    "fact_type",
    "min_score",
    "shown",
    "fragment",
    "show",  # compared with the card the server chose; it loads nothing
}


@pytest.fixture
def others(app, world):
    """The other teacher's own quiz, question, class and article; tess's draft quiz."""
    from quizapp.services.classes import create_classroom

    with app.app_context():
        other, tess = find_user("other"), find_user("tess")
        question = add_question(
            Question(kind="shortanswer", prompt="Other's question?", answers=(Answer("x"),)), other
        )
        quiz = create_quiz("Other's quiz", [question], other, publish=True)
        classroom = create_classroom(other, "Other's class")
        article = Article(title="Other's article", body="Text.", owner_id=other.id)
        secret = add_question(
            Question(kind="shortanswer", prompt="Draft only?", answers=(Answer("Zanzibar"),)), tess
        )
        draft = create_quiz("Tess's draft", [secret], tess, publish=False)
        db.session.add(article)
        db.session.commit()
        return {
            "quiz": quiz.id,
            "question": question.id,
            "classroom": classroom.id,
            "article": article.id,
            "draft": draft.id,
        }


def _tess_quiz_state(app, quiz_id: int):
    with app.app_context():
        entries = db.session.execute(
            db.select(QuizQuestion.question_id, QuizQuestion.position)
            .where(QuizQuestion.quiz_id == quiz_id)
            .order_by(QuizQuestion.position)
        ).all()
        return [tuple(row) for row in entries]


def test_statistics_with_an_own_class_does_not_open_another_teachers_quiz(
    client,
    auth,
    world,
    others,
):
    tess = world.params
    auth.login("other")
    for url in (
        f"/gradebook/quizzes/{tess['quiz_id']}/statistics?classroom={others['classroom']}",
        f"/gradebook/quizzes/{tess['quiz_id']}/questions/{tess['question_id']}"
        f"?classroom={others['classroom']}",
        f"/gradebook/quizzes/{others['quiz']}/statistics?classroom={tess['classroom_id']}",
    ):
        assert client.get(url).status_code == 404, url


def test_bank_filters_with_another_teachers_article_and_category(
    client,
    app,
    auth,
    world,
    others,
):
    tess = world.params
    with app.app_context():
        prompt = db.session.get(QuestionRow, tess["question_id"]).prompt
    auth.login("other")
    page = client.get(
        f"/teach/questions/?article={tess['article_id']}&category={tess['category_id']}"
    ).get_data(as_text=True)
    assert prompt[:30] not in page and "Other's question?" not in page


def test_export_of_another_teachers_quiz_is_no_download(client, auth, world, others):
    auth.login("other")
    response = client.get(f"/teach/bank/export?fmt=json&quiz={world.params['quiz_id']}")
    assert response.status_code == 200 and "attachment" not in response.headers.get(
        "Content-Disposition", ""
    )


def test_quiz_building_with_another_teachers_ids(client, app, auth, world, others):
    tess = world.params
    before = _tess_quiz_state(app, tess["quiz_id"])
    auth.login("other")
    post_form(
        client,
        "/teach/quizzes/from-bank",
        {"question": [tess["question_id"]], "quiz": others["quiz"]},
    )
    with app.app_context():
        own = [q.id for q in quiz_questions(db.session.get(Quiz, others["quiz"]))]
    assert own == [others["question"]]
    refused = post_form(
        client,
        "/teach/quizzes/from-bank",
        {"question": [others["question"]], "quiz": tess["quiz_id"]},
    )
    assert refused.status_code == 403
    post_form(
        client,
        f"/teach/quizzes/{others['quiz']}/questions",
        {"remove": [tess["question_id"]], f"pos-{tess['question_id']}": "9"},
    )
    assert _tess_quiz_state(app, tess["quiz_id"]) == before


def test_category_parent_of_another_teacher(client, app, auth, world, others):
    auth.login("other")
    response = post_form(
        client,
        "/teach/questions/categories",
        {"name": "Mine", "parent": world.params["category_id"]},
    )
    assert response.status_code == 403
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Category.id))).scalar_one() == 1


def test_review_items_of_another_teacher_in_a_bulk_action(
    client,
    app,
    auth,
    world,
    others,
):
    auth.login("other")
    post_form(
        client,
        f"/teach/articles/{others['article']}/review",
        {"action": "accept", "item": [world.params["item_id"]]},
    )
    with app.app_context():
        assert db.session.get(ReviewItem, world.params["item_id"]).status == "pending"


def test_assigning_another_teachers_quiz(client, app, auth, world, others):
    auth.login("other")
    post_form(
        client,
        f"/teach/classes/{others['classroom']}/assign",
        {"quiz": world.params["quiz_id"], "kind": "quiz"},
    )
    with app.app_context():
        assigned = db.session.execute(
            db.select(Assignment.id).where(Assignment.classroom_id == others["classroom"])
        ).first()
    assert assigned is None


def test_regrading_another_teachers_attempts(client, app, auth, world, others):
    attempt_id = world.params["attempt_id"]
    with app.app_context():
        before = db.session.get(Attempt, attempt_id).score
    auth.login("other")
    preview = client.get(f"/gradebook/quizzes/{others['quiz']}/regrade?attempt={attempt_id}")
    assert preview.status_code == 200 and "sam" not in preview.get_data(as_text=True)
    post_form(client, f"/gradebook/quizzes/{others['quiz']}/regrade", {"attempt": [attempt_id]})
    assert client.get(f"/gradebook/quizzes/{world.params['quiz_id']}/regrade").status_code == 403
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == before


def test_marking_another_teachers_response(client, app, auth, world, others):
    response_id = world.params["response_id"]
    with app.app_context():
        before = db.session.get(Response, response_id).fraction
    auth.login("other")
    marked = post_form(client, f"/gradebook/responses/{response_id}/mark", {"points": "0"})
    assert marked.status_code == 404
    with app.app_context():
        assert db.session.get(Response, response_id).fraction == before


def test_student_deck_of_a_quiz_not_theirs_shows_nothing(
    client,
    app,
    auth,
    world,
    others,
):
    auth.login("sam")
    for deck in (f"quiz-{others['draft']}", f"quiz-{others['quiz']}"):
        page = client.get(f"/cards/review?deck={deck}").get_data(as_text=True)
        assert (
            "Zanzibar" not in page and "Draft only?" not in page and "Other's question" not in page
        )


def test_saving_a_question_that_is_not_in_the_attempt(client, app, auth, world, others):
    auth.login("sam")
    with app.app_context():
        quiz = quiz_by_id(world.params["quiz_id"])
        open_id = db.session.execute(
            db.select(Attempt.id).where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_(None))
        ).scalar_one_or_none()
    response = client.post(
        f"/quizzes/{world.params['quiz_id']}/start", data={"csrf_token": csrf_token(client)}
    )
    attempt_id = open_id or int(
        re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1)
    )
    saved = post_form(
        client,
        f"/quizzes/attempts/{attempt_id}/save",
        {"question": others["question"], f"q{others['question']}": "x"},
    )
    assert saved.status_code == 404


COVERED = {
    "classroom": test_statistics_with_an_own_class_does_not_open_another_teachers_quiz,
    "article": test_bank_filters_with_another_teachers_article_and_category,
    "category": test_bank_filters_with_another_teachers_article_and_category,
    "quiz": test_quiz_building_with_another_teachers_ids,
    "question": test_quiz_building_with_another_teachers_ids,
    "remove": test_quiz_building_with_another_teachers_ids,
    "parent": test_category_parent_of_another_teacher,
    "item": test_review_items_of_another_teacher_in_a_bulk_action,
    "attempt": test_regrading_another_teachers_attempts,
    "deck": test_student_deck_of_a_quiz_not_theirs_shows_nothing,
}


def test_every_id_parameter_of_the_views_is_covered():
    read = set()
    for path in VIEWS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "type=int" not in source, f"{path.name}: read ids with quizapp.ownership"
        read |= set(ID_READ.findall(source))
    ids = read - NOT_IDS
    assert ids <= set(COVERED), f"add a cross-owner case for {sorted(ids - set(COVERED))}"
    assert {"classroom", "deck", "quiz", "question"} <= set(COVERED) | FORM_CLASS_IDS
