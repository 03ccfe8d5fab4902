"""Writing questions of every kind, previewing, editing with versions, deleting, categories."""

from __future__ import annotations

import re

import pytest

from question_bank.grading import grade
from quizapp.extensions import db
from quizapp.models import Attempt, Category, Question, Response
from tests.conftest import post_form

#: Valid form data per kind, and a response that earns full marks for it.
GOOD = {
    "multichoice": (
        {
            "prompt": "Which are capitals?",
            "several": "y",
            "answers-0-text": "Baku",
            "answers-0-fraction": "50",
            "answers-0-feedback": "Yes, of Azerbaijan.",
            "answers-1-text": "Minsk",
            "answers-1-fraction": "50",
            "answers-2-text": "Gomel",
            "answers-2-fraction": "-50",
            "answers-2-feedback": "A city, not a capital.",
        },
        [0, 1],
    ),
    "truefalse": (
        {"prompt": "Baku is in Azerbaijan.", "correct": "True", "feedback_false": "It is."},
        [0],
    ),
    "shortanswer": (
        {
            "prompt": "Capital of Belarus?",
            "answers-0-text": "Minsk",
            "answers-0-fraction": "100",
            "answers-1-text": "Mensk",
            "answers-1-fraction": "50",
        },
        "Minsk",
    ),
    "numerical": ({"prompt": "How many days in a week?", "answer": "7", "tolerance": "0.5"}, "7.4"),
    "matching": (
        {
            "prompt": "Match the capitals.",
            "pairs-0-left": "Azerbaijan",
            "pairs-0-right": "Baku",
            "pairs-1-left": "Belarus",
            "pairs-1-right": "Minsk",
        },
        ["Baku", "Minsk"],
    ),
    "ordering": (
        {"prompt": "Order by year.", "steps-0": "1991", "steps-1": "2004", "steps-2": "2021"},
        ["1991", "2004", "2021"],
    ),
    "cloze": (
        {"prompt": "{{1}} is the capital of {{2}}.", "gaps-0": "Baku", "gaps-1": "Azerbaijan"},
        ["Baku", "Azerbaijan"],
    ),
    "essay": ({"prompt": "Why do the talks matter?"}, "Because."),
    "description": ({"prompt": "The next questions are about the talks."}, None),
}

BAD = {
    "multichoice": (
        {"prompt": "Q?", "answers-0-text": "Only one", "answers-0-fraction": "100"},
        "Give at least two options.",
    ),
    "truefalse": ({"prompt": "Q?"}, "This field is required."),
    "shortanswer": (
        {"prompt": "Q?", "answers-0-text": "x", "answers-0-fraction": "50"},
        "a mark of 100%",
    ),
    "numerical": ({"prompt": "Q?", "answer": "seven"}, "Not a valid float value."),
    "matching": (
        {"prompt": "Q?", "pairs-0-left": "A", "pairs-1-left": "B", "pairs-1-right": "b"},
        "Give every item its partner",
    ),
    "ordering": ({"prompt": "Q?", "steps-0": "only"}, "at least two steps"),
    "cloze": ({"prompt": "No gaps here.", "gaps-0": "x"}, "Mark each gap"),
    "essay": ({"prompt": ""}, "This field is required."),
}


@pytest.fixture
def teacher(auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    return "tess"


@pytest.mark.parametrize("kind", list(GOOD))
def test_each_kind_saves_and_grades_as_written(client, app, teacher, kind):
    data, right = GOOD[kind]
    response = post_form(
        client,
        f"/teach/questions/new/{kind}",
        {"default_mark": "1", "tags": "Europe, capitals", **data},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    question_id = int(re.search(r"/teach/questions/(\d+)", response.headers["Location"]).group(1))
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.kind == kind and question.tags == ["capitals", "europe"]
        mark = grade(question.bank, right)
        assert mark.fraction is None if kind in ("essay", "description") else mark.fraction == 1.0
    preview = client.get(f"/teach/questions/{question_id}").get_data(as_text=True)
    assert f'data-kind="{kind}"' in preview


@pytest.mark.parametrize("kind", list(BAD))
def test_each_kind_shows_field_errors(client, app, teacher, kind):
    data, message = BAD[kind]
    page = post_form(
        client, f"/teach/questions/new/{kind}", {"default_mark": "1", **data}
    ).get_data(as_text=True)
    assert message in page and 'class="error"' in page
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar_one() == 0


def test_multichoice_keeps_per_option_feedback_and_penalty(client, app, teacher):
    response = post_form(
        client, "/teach/questions/new/multichoice", {"default_mark": "1", **GOOD["multichoice"][0]}
    )
    question_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        bank = db.session.get(Question, question_id).bank
    assert not bank.single
    assert [a.fraction for a in bank.answers] == [0.5, 0.5, -0.5]
    assert bank.answers[2].feedback == "A city, not a capital."
    assert grade(bank, [0, 2]).fraction == 0.0


def test_preview_escapes_question_text(client, app, teacher):
    response = post_form(
        client,
        "/teach/questions/new/essay",
        {"default_mark": "1", "prompt": "<img src=x onerror=alert(1)>"},
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def _answered_question(app, client, username="sam") -> int:
    response = post_form(
        client, "/teach/questions/new/shortanswer", {"default_mark": "1", **GOOD["shortanswer"][0]}
    )
    question_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        from quizapp.services.accounts import find_user
        from quizapp.services.quizzes import create_quiz

        question = db.session.get(Question, question_id)
        quiz = create_quiz("Q", [question], find_user("tess"), publish=True)
        attempt = Attempt(quiz_id=quiz.id, user_id=find_user(username).id)
        db.session.add(attempt)
        db.session.flush()
        db.session.add(
            Response(
                attempt_id=attempt.id,
                question_id=question_id,
                position=0,
                answer="Minsk",
                fraction=1.0,
            )
        )
        db.session.commit()
    return question_id


def test_editing_an_answered_question_makes_a_new_version(client, app, teacher, create_user):
    create_user("sam")
    question_id = _answered_question(app, client)
    data = {
        **GOOD["shortanswer"][0],
        "prompt": "What is the capital of Belarus?",
        "default_mark": "1",
    }
    response = post_form(
        client, f"/teach/questions/{question_id}/edit", data, follow_redirects=True
    )
    assert "saved as version 2" in response.get_data(as_text=True)
    with app.app_context():
        old = db.session.get(Question, question_id)
        new = db.session.execute(
            db.select(Question).where(Question.previous_id == question_id)
        ).scalar_one()
        assert old.is_deleted and old.prompt == "Capital of Belarus?"
        assert new.version == 2 and new.prompt == "What is the capital of Belarus?"
        response_row = db.session.execute(db.select(Response)).scalar_one()
        assert response_row.question_id == question_id  # the answer keeps the question it answered
        from quizapp.models import QuizQuestion

        assert db.session.execute(db.select(QuizQuestion.question_id)).scalar_one() == new.id


def test_editing_an_unanswered_question_changes_it_in_place(client, app, teacher):
    response = post_form(
        client, "/teach/questions/new/truefalse", {"default_mark": "1", **GOOD["truefalse"][0]}
    )
    question_id = int(response.headers["Location"].rsplit("/", 1)[1])
    form = client.get(f"/teach/questions/{question_id}/edit").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="True"', form)
    post_form(
        client,
        f"/teach/questions/{question_id}/edit",
        {"default_mark": "1", "prompt": "Minsk is in Belarus.", "correct": "True"},
    )
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar_one() == 1
        assert db.session.get(Question, question_id).prompt == "Minsk is in Belarus."


def test_delete_is_soft_for_answered_and_hard_otherwise(client, app, teacher, create_user):
    create_user("sam")
    answered = _answered_question(app, client)
    fresh = int(
        post_form(client, "/teach/questions/new/essay", {"default_mark": "1", "prompt": "Discuss."})
        .headers["Location"]
        .rsplit("/", 1)[1]
    )
    asked = client.get(f"/teach/questions/{fresh}/delete").get_data(as_text=True)
    assert "Delete this question?" in asked and f'action="/teach/questions/{fresh}/delete"' in asked
    with app.app_context():
        assert db.session.get(Question, fresh) is not None  # asking deletes nothing
    post_form(client, f"/teach/questions/{answered}/delete")
    post_form(client, f"/teach/questions/{fresh}/delete")
    with app.app_context():
        assert db.session.get(Question, answered).is_deleted
        assert db.session.get(Question, fresh) is None
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 1
    assert "Capital of Belarus?" not in client.get("/teach/questions/").get_data(as_text=True)
    assert client.get(f"/teach/questions/{answered}").status_code == 404


def test_category_tree_and_bank_filters(client, app, teacher):
    post_form(client, "/teach/questions/categories", {"name": "Geography"})
    with app.app_context():
        geo = db.session.execute(db.select(Category)).scalar_one().id
    post_form(client, "/teach/questions/categories", {"name": "Capitals", "parent": geo})
    page = post_form(
        client,
        "/teach/questions/categories",
        {"name": "Capitals", "parent": geo},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "There is already a category" in page
    with app.app_context():
        capitals = (
            db.session.execute(db.select(Category).where(Category.parent_id == geo)).scalar_one().id
        )
    post_form(
        client,
        "/teach/questions/new/essay",
        {"default_mark": "1", "prompt": "In capitals", "category": capitals, "tags": "cities"},
    )
    post_form(
        client,
        "/teach/questions/new/truefalse",
        {"default_mark": "1", "prompt": "Loose one", "correct": "False"},
    )
    by_parent = client.get(f"/teach/questions/?category={geo}").get_data(as_text=True)
    assert "In capitals" in by_parent and "Loose one" not in by_parent
    by_tag = client.get("/teach/questions/?tag=cities").get_data(as_text=True)
    assert "In capitals" in by_tag and "Loose one" not in by_tag
    by_kind = client.get("/teach/questions/?kind=truefalse").get_data(as_text=True)
    assert "Loose one" in by_kind and "In capitals" not in by_kind


def test_other_teachers_questions_are_out_of_reach(client, app, teacher, create_user):
    question_id = int(
        post_form(client, "/teach/questions/new/essay", {"default_mark": "1", "prompt": "Mine."})
        .headers["Location"]
        .rsplit("/", 1)[1]
    )
    create_user("other", role="teacher")
    post_form(client, "/auth/logout")
    post_form(client, "/auth/login", {"username": "other", "password": "password123"})
    assert client.get(f"/teach/questions/{question_id}").status_code == 403
    assert post_form(client, f"/teach/questions/{question_id}/delete").status_code == 403
    assert "Mine." not in client.get("/teach/questions/").get_data(as_text=True)
