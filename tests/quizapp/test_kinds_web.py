"""Every kind's web side is complete, and every kind is asked, saved and marked on a quiz page."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from werkzeug.datastructures import MultiDict

from question_bank.grading import grade
from question_bank.kinds import KINDS
from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.forms.questions.base import BaseQuestionForm
from quizapp.kinds import WEB_KINDS, read_answer, saved_fields
from quizapp.models import Attempt, Response
from quizapp.models import Question as QuestionRow
from tests.conftest import attempt_id_of, post_form, upload_questions
from tests.quizapp.answers import right_form_data

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize("name", list(KINDS))
def test_every_kind_has_a_web_side(app, name):
    web = WEB_KINDS[name]
    assert issubclass(web.form, BaseQuestionForm) and web.label == KINDS[name].label
    source = (TEMPLATES / web.template).read_text(encoding="utf-8")
    assert "{% macro controls(" in source
    with app.test_request_context():
        module = app.jinja_env.get_template(web.template).module
        assert callable(module.controls)
    for example in KINDS[name].examples():
        right = KINDS[name].right_response(example)
        fields = MultiDict(
            [(k, v) for k, values in saved_fields(7, example, right).items() for v in values]
        )
        assert grade(example, read_answer(fields, 7, example)) == grade(example, right)


def test_database_holds_every_kind(app, create_user):
    create_user("tess", role="teacher")
    with app.app_context():
        for kind in KINDS.values():
            db.session.add(QuestionRow.from_bank(kind.example()))
        db.session.commit()
        stored = db.session.execute(db.select(QuestionRow.kind)).scalars().all()
    assert sorted(stored) == sorted(KINDS)


def test_a_quiz_of_every_kind_is_asked_and_marked(client, app, auth, make_quiz, create_user):
    examples = [kind.example() for kind in KINDS.values()]
    quiz_id, ids = make_quiz(examples)
    create_user("sam")
    auth.login("sam")
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    page = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    scored = [q for q in examples if KINDS[q.kind].is_scored]
    assert f"of {len(scored)}</span>" in page and "The next questions are about" in page
    data: dict = {}
    for question_id, question in zip(ids, examples, strict=True):
        data.update(right_form_data(question_id, question))
    response = post_form(client, f"/quizzes/attempts/{attempt_id}", data, follow_redirects=True)
    assert response.status_code == 200
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        auto = [q for q in scored if KINDS[q.kind].is_auto_marked]
        assert attempt.score == attempt.max_score == len(auto)
        assert attempt.pending_marks == 1  # the essay
        kinds = db.session.execute(
            db.select(QuestionRow.kind).join(Response).where(Response.attempt_id == attempt_id)
        ).scalars()
        assert "description" not in set(kinds)


def test_gift_description_is_shown_and_never_marked(client, app, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    gift = b"::Intro:: The next questions are about the talks.\n\n::Q:: Capital? {=Baku ~Minsk}\n"
    upload_questions(client, gift, "quiz.gift")
    with app.app_context():
        ids = db.session.execute(db.select(QuestionRow.id).order_by(QuestionRow.id)).scalars()
        ids = list(ids)
        kinds = [db.session.get(QuestionRow, i).kind for i in ids]
    assert kinds == ["description", "multichoice"]
    made = post_form(client, "/teach/quizzes/from-bank", {"question": ids, "title": "With intro"})
    quiz_id = int(made.headers["Location"].rsplit("/", 1)[1])
    post_form(client, f"/teach/quizzes/{quiz_id}/publish")
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    page = client.get(f"/quizzes/attempts/{attempt_id}")
    assert page.status_code == 200 and "The next questions are about the talks." in page.text
    done = post_form(client, f"/quizzes/attempts/{attempt_id}", {f"q{ids[1]}": "0"})
    assert done.status_code == 302
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.score, attempt.max_score) == (1.0, 1.0)


def test_cloze_gaps_one_and_three_are_both_read_from_the_page(
    client, app, auth, make_quiz, create_user
):
    cloze = Question(
        kind="cloze",
        prompt="{{1}} welcomed {{3}} in Baku.",
        answers=(Answer("Aliyev"), Answer("Lukashenko")),
    )
    quiz_id, (question_id,) = make_quiz([cloze])
    create_user("sam")
    auth.login("sam")
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    page = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert f'name="q{question_id}-0"' in page and f'name="q{question_id}-1"' in page
    assert f'name="q{question_id}-2"' not in page
    post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {f"q{question_id}-0": "Aliyev", f"q{question_id}-1": "Lukashenko"},
    )
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == 1.0


def test_moodle_cloze_import_asks_gaps_and_marks_them(client, app, auth, create_user):
    xml = b"""<?xml version="1.0" encoding="UTF-8"?><quiz><question type="cloze">
      <name><text>Capital</text></name>
      <questiontext format="html"><text><![CDATA[<p>The capital of France is
        {1:SHORTANSWER:=Paris}, on the {1:MC:=Seine~Loire}.</p>]]></text></questiontext>
      <defaultgrade>2</defaultgrade></question></quiz>"""
    create_user("tess", role="teacher")
    auth.login("tess")
    upload_questions(client, xml, "cloze.xml")
    with app.app_context():
        question_id = db.session.execute(db.select(QuestionRow.id)).scalar_one()
    made = post_form(client, "/teach/quizzes/from-bank", {"question": [question_id]})
    quiz_id = int(made.headers["Location"].rsplit("/", 1)[1])
    post_form(client, f"/teach/quizzes/{quiz_id}/publish")
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    page = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert "Paris" not in page and "SHORTANSWER" not in page
    assert f'<select class="gap" id="q{question_id}-1"' in page
    post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {f"q{question_id}-0": "paris", f"q{question_id}-1": "Seine"},
    )
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.score, attempt.max_score) == (2.0, 2.0)


def test_kind_templates_only_use_known_helpers(app):
    with app.test_request_context():
        for web in WEB_KINDS.values():
            try:
                app.jinja_env.get_template(web.template)
            except jinja2.TemplateError as error:  # pragma: no cover - a broken template
                pytest.fail(f"{web.template}: {error}")
