"""Command-line commands: create-user and the first-run seed."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Question, Quiz, User


def test_create_user_prints_generated_password(app, runner):
    result = runner.invoke(args=["create-user", "tess", "--role", "teacher"])
    assert result.exit_code == 0, result.output
    password = result.output.split("Password: ")[1].strip()
    with app.app_context():
        user = db.session.execute(db.select(User).filter_by(username="tess")).scalar_one()
        assert user.is_teacher and user.check_password(password)


def test_create_user_refuses_duplicate(runner):
    runner.invoke(args=["create-user", "tess", "--password", "a-good-long-pass"])
    result = runner.invoke(args=["create-user", "TESS", "--password", "a-good-long-pass"])
    assert result.exit_code != 0
    assert "already taken" in result.output


def test_seed_loads_bundled_quiz_once_and_keeps_data(app, runner):
    first = runner.invoke(args=["seed"])
    assert first.exit_code == 0, first.output
    assert "Demo teacher: username 'teacher'" in first.output
    assert "Demo student: username 'student'" in first.output
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert quiz.is_published and quiz.entries
        assert quiz.title.startswith("Relations between Azerbaijan and Belarus")
        questions = db.session.execute(db.select(db.func.count(Question.id))).scalar_one()
    second = runner.invoke(args=["seed"])
    assert "nothing loaded" in second.output
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Quiz.id))).scalar_one() == 1
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar_one() == questions
        assert db.session.execute(db.select(db.func.count(User.id))).scalar_one() == 2
