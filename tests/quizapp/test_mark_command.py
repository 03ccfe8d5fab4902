"""``python -m question_bank mark`` marks the bundled quiz's questions as the web app does."""

from __future__ import annotations

import csv
import io
import json

import pytest

from question_bank.__main__ import main
from question_bank.formats import write_questions
from question_bank.kinds import kind_of
from question_bank.model import Question
from quizapp.extensions import db
from quizapp.kinds import saved_fields
from quizapp.models import Response
from quizapp.services.bank_io import bank_payloads
from quizapp.services.quizzes import quiz_questions
from tests.conftest import attempt_id_of, post_form, quiz_by_id


def _slip(text: str) -> str:
    """The text with two letters of its longest word swapped (a typing slip)."""
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) >= 5 and word[1:3].isalpha():
        words[longest] = word[0] + word[2] + word[1] + word[3:]
    return " ".join(words)


def _variant(question: Question, response):
    """Another way of giving (or nearly giving) the right answer, or a wrong one."""
    if kind_of(question).is_choice:
        wrong = [i for i, a in enumerate(question.answers) if a.fraction <= 0]
        return wrong[:1]
    if isinstance(response, list):
        return [_slip(part).upper() if isinstance(part, str) else part for part in response]
    return _slip(str(response or "")).lower()


def _as_text(question: Question, response) -> str:
    """The CSV cell a teacher would type for ``response``."""
    if kind_of(question).is_choice:
        return "|".join(question.answers[i].text for i in response)
    if isinstance(response, list):
        return json.dumps(response)
    return "" if response is None else str(response)


@pytest.mark.parametrize("how", ["right", "variant"])
def test_command_and_web_app_give_the_same_marks(
    client, app, auth, bundled_quiz, create_user, tmp_path, capsys, how
):
    with app.app_context():
        rows = quiz_questions(quiz_by_id(bundled_quiz))
        questions = bank_payloads(rows)
        ids = [row.id for row in rows]
    (tmp_path / "quiz.json").write_bytes(write_questions(questions, "json"))
    responses = []
    for question in questions:
        right = kind_of(question).right_response(question)
        responses.append(right if how == "right" else _variant(question, right))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["question", "response"])
    writer.writerows(
        (question_id, _as_text(q, r))
        for question_id, q, r in zip(ids, questions, responses, strict=True)
    )
    (tmp_path / "responses.csv").write_text(buffer.getvalue(), encoding="utf-8")

    status = main(["mark", str(tmp_path / "quiz.json"), str(tmp_path / "responses.csv")])
    command = [row["fraction"] for row in json.loads(capsys.readouterr().out)]
    assert status == 0

    create_user("sam")
    auth.login("sam")
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{bundled_quiz}/start"))
    form: dict = {}
    for question_id, question, response in zip(ids, questions, responses, strict=True):
        form.update(saved_fields(question_id, question, response))
    post_form(client, f"/quizzes/attempts/{attempt_id}", form)
    with app.app_context():
        web = dict(
            db.session.execute(
                db.select(Response.question_id, Response.fraction).where(
                    Response.attempt_id == attempt_id
                )
            ).all()
        )
    assert command == [web[question_id] for question_id in ids]
    if how == "right":
        assert all(fraction == 1.0 for fraction in command)
    else:
        assert any(fraction == 0.0 for fraction in command)
