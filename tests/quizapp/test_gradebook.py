"""The teacher's gradebook, its CSV and the quiz statistics (checked against Moodle's figures)."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from quizapp.extensions import db
from quizapp.models import Classroom, Membership, Question, Response, User
from quizapp.services.quizzes import create_quiz
from tests.conftest import bulk_attempts, bulk_quiz, bulk_students

STATS_DATA = Path(__file__).resolve().parents[1] / "question_bank" / "data" / "stats"

#: Moodle's expected whole-quiz figures for results00.csv (stats_from_steps_walkthrough_test.php),
#: formatted as the statistics page shows them.
MOODLE_QUIZ00_PAGE = {
    "Mean": "4.62 / 7",
    "Median": "4.50",
    "Standard deviation": "0.81",
    "Skewness": "-0.0925",
    "Kurtosis": "-0.7074",
    "Coefficient of internal consistency (Cronbach's alpha)": "-87.22%",
    "Error ratio": "136.83%",
    "Standard error": "1.11",
}


def read_csv(name: str) -> list[list[str]]:
    with open(STATS_DATA / name, newline="") as handle:
        return list(csv.reader(handle))


def cell_text(page: str, label: str) -> str:
    """The value cell next to a row header in a figures table."""
    match = re.search(rf"<th scope=\"row\">{re.escape(label)}</th><td>([^<]*)</td>", page)
    assert match, label
    return match.group(1)


@pytest.fixture
def teacher(auth, create_user):
    user = create_user("tara", role="teacher")
    auth.login("tara")
    return user


def make_class(teacher_id: int, name: str, student_ids: list[int]) -> int:
    classroom = Classroom(name=name, teacher_id=teacher_id, join_code=f"J{teacher_id}{name}"[:16])
    db.session.add(classroom)
    db.session.flush()
    db.session.add_all(Membership(classroom_id=classroom.id, user_id=s) for s in student_ids)
    return classroom.id


def test_statistics_page_agrees_with_moodles_published_figures(client, app, teacher):
    rows = read_csv("moodle_quiz00_marks.csv")[1:]
    expected = read_csv("moodle_quiz00_question_figures.csv")[1:]
    with app.app_context():
        quiz_id, question_ids = bulk_quiz(teacher.id, 7, "Moodle quiz00")
        students = bulk_students(len(rows))
        bulk_attempts(
            quiz_id,
            question_ids,
            [(s, [float(m) for m in r[1:]]) for s, r in zip(students, rows, strict=True)],
        )
        db.session.commit()
    page = client.get(f"/gradebook/quizzes/{quiz_id}/statistics").get_data(as_text=True)
    assert cell_text(page, "Attempts analysed") == "25"
    for label, shown in MOODLE_QUIZ00_PAGE.items():
        assert cell_text(page, label).startswith(shown), label
    for slot, facility, sd, weight, discrimination, efficiency in expected:
        row = page[page.index(f'id="question-{slot}"') :]
        row = row[: row.index("</tr>")]
        for figure in (float(facility) * 100, float(sd) * 100, weight, discrimination, efficiency):
            assert f"{float(figure):.2f}%" in row, (slot, figure)
    too_easy = page[page.index('id="question-3"') :]
    assert "⚑ too easy" in too_easy[: too_easy.index("</tr>")]


def test_question_page_flags_and_distractor_table(client, app, teacher):
    options = (Answer("Paris", 1.0), Answer("Lyon", 0.0), Answer("Nice", 0.0))
    with app.app_context():
        question = Question.from_bank(
            BankQuestion(kind="multichoice", prompt="Capital of France?", answers=options)
        )
        quiz = create_quiz("Capitals", [question], owner=db.session.get(User, teacher.id))
        students = bulk_students(5)
        picks = [[1], [1], [0], [2], []]
        bulk_attempts(quiz.id, [question.id], [(s, [0.0]) for s in students])
        responses = db.session.execute(db.select(Response).order_by(Response.id)).scalars()
        for response, pick in zip(responses, picks, strict=True):
            response.answer = pick
            response.fraction = 1.0 if pick == [0] else 0.0
        db.session.commit()
        quiz_id, question_id = quiz.id, question.id
    page = client.get(f"/gradebook/quizzes/{quiz_id}/questions/{question_id}").get_data(
        as_text=True
    )
    assert cell_text(page, "Facility index") == "20.00%"
    table = page[page.index('id="distractors"') :]
    assert re.search(r"Lyon</th><td>distractor</td><td>2</td><td>40.0%", table)
    assert re.search(r"Paris</th><td>✔ right</td><td>1</td><td>20.0%", table)
    assert re.search(r"No answer</em></th><td></td><td>1</td>", table)


def test_gradebook_best_last_mean_attempts_and_csv(client, app, teacher, create_user):
    with app.app_context():
        quiz_id, questions = bulk_quiz(teacher.id, 4, "Week 1")
        ana, ben, outsider = bulk_students(3)
        classroom_id = make_class(teacher.id, "Class A", [ana, ben])
        bulk_attempts(
            quiz_id,
            questions,
            [(ana, [1, 1, 0, 0]), (ana, [1, 1, 1, 1]), (ana, [1, 0, 0, 0]), (outsider, [1] * 4)],
            start=datetime(2026, 2, 1, tzinfo=UTC),
        )
        db.session.commit()
    page = client.get(f"/gradebook/classes/{classroom_id}").get_data(as_text=True)
    assert "student0000" in page and "student0001" in page and "student0002" not in page
    assert "best 100%" in page and "last 25%" in page and "mean 58.33%" in page
    assert "3 attempts" in page and "not attempted" in page
    response = client.get(f"/gradebook/classes/{classroom_id}/gradebook.csv")
    assert (
        response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    )
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert table[0] == [
        "student",
        "Week 1 best %",
        "Week 1 last %",
        "Week 1 mean %",
        "Week 1 attempts",
    ]
    assert table[1] == ["student0000", "100.0", "25.0", "58.3", "3"]
    assert table[2] == ["student0001", "", "", "", "0"]
    assert len(table) == 3


def test_teacher_pages_refuse_students_anonymous_and_other_teachers(client, app, auth, create_user):
    owner = create_user("tara", role="teacher")
    create_user("tom", role="teacher")
    create_user("sam")
    with app.app_context():
        classroom_id = make_class(owner.id, "Mine", [])
        quiz_id, _ = bulk_quiz(owner.id, 2)
        db.session.commit()
    urls = [
        "/gradebook/",
        f"/gradebook/classes/{classroom_id}",
        f"/gradebook/classes/{classroom_id}/gradebook.csv",
        f"/gradebook/quizzes/{quiz_id}/statistics",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    auth.login("sam")
    assert {client.get(url).status_code for url in urls} == {403}
    auth.logout()
    auth.login("tom")
    assert client.get("/gradebook/").status_code == 200
    assert {client.get(url).status_code for url in urls[1:]} == {404}
    stats = client.get(f"/gradebook/quizzes/{quiz_id}/statistics?classroom={classroom_id}")
    assert stats.status_code == 404
    auth.logout()
    auth.login("tara")
    assert {client.get(url).status_code for url in urls} == {200}
