"""A GIFT missing-word question with options keeps Moodle's kind: multiple choice, with a blank."""

from __future__ import annotations

import re

from question_bank.formats import read_questions
from quizapp.extensions import db
from quizapp.models import Attempt, Question, User
from quizapp.services.quizzes import create_quiz
from tests.conftest import post_form

GIFT = b"Ilham Aliyev met {~Vladimir Putin =Alexander Lukashenko ~Recep Erdogan} in Baku.\n"


def test_missing_word_choices_render_as_options_and_mark(app, client, auth, create_user):
    create_user("sam")
    with app.app_context():
        (bank,) = read_questions(GIFT, "talks.gift")
        assert bank.kind == "multichoice" and bank.prompt == "Ilham Aliyev met _____ in Baku."
        question = Question.from_bank(bank)
        db.session.add(question)
        db.session.flush()
        quiz = create_quiz("Talks", [question], publish=True)
        quiz.is_public = True
        db.session.commit()
        quiz_id, question_id = quiz.id, question.id
    auth.login("sam")
    start = post_form(client, f"/quizzes/{quiz_id}/start")
    attempt_id = int(re.search(r"/attempts/(\d+)", start.headers["Location"]).group(1))
    page = client.get(start.headers["Location"]).get_data(as_text=True)
    assert "Ilham Aliyev met _____ in Baku." in page
    assert f'type="radio" name="q{question_id}" value="1"' in page
    assert "Recep Erdogan</label>" in page
    post_form(client, f"/quizzes/attempts/{attempt_id}", {f"q{question_id}": "1"})
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.score == attempt.max_score == 1
        assert db.session.get(User, attempt.user_id).username == "sam"
