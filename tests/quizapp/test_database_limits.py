"""Limits the database itself holds, whatever the code in front of it reads or races.

Each test writes past a limit directly, the way a request that lost a race (or a bug that skipped
a check) would, and expects the database to refuse the row.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response, User
from quizapp.models.base import utcnow
from quizapp.services.attempts import starting
from quizapp.services.quizzes import quiz_questions

CAPITAL = Question(kind="shortanswer", prompt="Capital of Azerbaijan?", answers=(Answer("Baku"),))


@pytest.fixture
def one_try(app, create_user, make_quiz):
    """A quiz allowing one attempt, a student, and that student's first attempt (open)."""
    quiz_id, _ = make_quiz([CAPITAL], max_attempts=1)
    create_user("sam")
    with app.app_context():
        user = db.session.execute(db.select(User).filter_by(username="sam")).scalar_one()
        attempt = starting.start_attempt(db.session.get(Quiz, quiz_id), user)
        db.session.commit()
        return quiz_id, user.id, attempt.id


def _refused(row) -> bool:
    db.session.add(row)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return True
    db.session.rollback()
    return False


def test_a_second_attempt_with_the_same_number_is_refused(app, one_try):
    quiz_id, user_id, first = one_try
    with app.app_context():
        db.session.get(Attempt, first).submitted_at = utcnow()
        db.session.commit()
        assert _refused(Attempt(quiz_id=quiz_id, user_id=user_id, number=1))
        assert not _refused(Attempt(quiz_id=quiz_id, user_id=user_id, number=2))


def test_a_second_open_attempt_is_refused(app, one_try):
    quiz_id, user_id, _ = one_try
    with app.app_context():
        assert _refused(Attempt(quiz_id=quiz_id, user_id=user_id, number=2))


def test_a_start_that_read_a_stale_count_is_refused_by_the_database(app, one_try, monkeypatch):
    """Two starts that both counted no attempt yet: the second one's row is refused, so the
    attempt limit of one holds even though the count check passed."""
    quiz_id, user_id, _ = one_try
    monkeypatch.setattr(starting, "attempts_used", lambda user, quiz: 0)
    with app.app_context():
        quiz, user = db.session.get(Quiz, quiz_id), db.session.get(User, user_id)
        with pytest.raises(IntegrityError):
            starting.start_attempt(quiz, user)
        db.session.rollback()
        count = db.session.execute(
            db.select(db.func.count()).select_from(Attempt).where(Attempt.quiz_id == quiz_id)
        ).scalar_one()
    assert count == 1


def test_one_response_per_question_per_attempt(app, one_try):
    _, _, attempt_id = one_try
    with app.app_context():
        question = quiz_questions(db.session.get(Attempt, attempt_id).quiz)[0]
        db.session.add(
            Response(attempt_id=attempt_id, question_id=question.id, position=0, answer="Baku")
        )
        db.session.commit()
        assert _refused(
            Response(attempt_id=attempt_id, question_id=question.id, position=0, answer="Baku")
        )


def test_a_question_of_an_unknown_kind_is_refused(app, make_quiz):
    _, (question_id,) = make_quiz([CAPITAL])
    with app.app_context():
        with pytest.raises(IntegrityError):
            db.session.execute(
                text("UPDATE question SET kind = 'riddle' WHERE id = :id"), {"id": question_id}
            )
            db.session.flush()
        db.session.rollback()
