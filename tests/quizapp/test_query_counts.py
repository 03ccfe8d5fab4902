"""Student, flashcard and gradebook pages cost a constant number of queries, however big."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, insert, update

from quizapp.extensions import db
from quizapp.models import Card, Quiz, User
from tests.conftest import bulk_attempts, bulk_quiz, bulk_students, csrf_token, post_form
from tests.quizapp.test_gradebook import make_class

#: The most queries any of these pages may run (log-in lookup included).
QUERY_BUDGET = 20


@contextmanager
def counted_queries(app):
    """Count the SQL statements sent to the database inside the block."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def queries_for(client, app, url: str) -> int:
    with counted_queries(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


def seed_student_history(app, student_id: int, owner_id: int, attempts: int, quizzes: int):
    """``attempts`` submitted attempts spread over ``quizzes`` 3-question quizzes, with cards."""
    with app.app_context():
        made = [bulk_quiz(owner_id, 3, f"History quiz {n}") for n in range(quizzes)]
        db.session.execute(
            update(Quiz).where(Quiz.id.in_([q for q, _ in made])).values(is_public=True)
        )
        for index, (quiz_id, questions) in enumerate(made):
            share = attempts // quizzes + (1 if index < attempts % quizzes else 0)
            marks = [[1.0, 0.0, 0.5], [1.0, 1.0, 0.0]]
            bulk_attempts(quiz_id, questions, [(student_id, marks[n % 2]) for n in range(share)])
        now = datetime.now(UTC)
        cards = [
            {
                "user_id": student_id,
                "question_id": q,
                "state": 2,
                "reps": 1,
                "lapses": 0,
                "due_at": now,
                "created_at": now,
                "last_review_at": now,
                "stability": 5.0,
                "difficulty": 5.0,
            }
            for _, questions in made
            for q in questions
        ]
        db.session.execute(insert(Card), cards)
        db.session.commit()


@pytest.mark.parametrize("url", ["/progress/", "/cards/", "/cards/review", "/quizzes/"])
def test_student_pages_do_not_grow_with_10000_attempts(client, app, auth, create_user, url):
    teacher = create_user("tara", role="teacher")
    small, big = create_user("small"), create_user("big")
    seed_student_history(app, small.id, teacher.id, attempts=4, quizzes=2)
    seed_student_history(app, big.id, teacher.id, attempts=10_000, quizzes=50)
    auth.login("small")
    few = queries_for(client, app, url)
    auth.logout()
    auth.login("big")
    many = queries_for(client, app, url)
    assert many == few <= QUERY_BUDGET, (url, few, many)


def test_gradebook_of_200_students_over_50_quizzes(client, app, auth, create_user):
    teacher = create_user("tara", role="teacher")
    with app.app_context():
        students = bulk_students(200)
        quizzes = [bulk_quiz(teacher.id, 2, f"Quiz {n}") for n in range(50)]
        big_class = make_class(teacher.id, "Big", students)
        small_class = make_class(teacher.id, "Small", students[:2])
        for quiz_id, questions in quizzes:
            bulk_attempts(quiz_id, questions, [(s, []) for s in students])
        db.session.commit()
    auth.login("tara")
    for page in ("/gradebook/classes/{}", "/gradebook/classes/{}/gradebook.csv"):
        few = queries_for(client, app, page.format(small_class))
        many = queries_for(client, app, page.format(big_class))
        assert many == few <= QUERY_BUDGET, (page, few, many)
    with counted_queries(app) as statements:
        body = client.get(f"/gradebook/classes/{big_class}").get_data(as_text=True)
    assert body.count("1 attempt<") == 200 * 50 and len(statements) <= QUERY_BUDGET
    stats = queries_for(client, app, f"/gradebook/quizzes/{quizzes[0][0]}/statistics")
    assert stats <= QUERY_BUDGET


def attempt_journey_queries(client, app, auth, teacher_id, username, questions, earlier):
    """Queries of each step of taking a ``questions``-question quiz after ``earlier`` attempts."""
    with app.app_context():
        student = db.session.execute(db.select(User).filter_by(username=username)).scalar_one()
        quiz_id, question_ids = bulk_quiz(teacher_id, questions, f"Quiz of {questions}")
        db.session.execute(update(Quiz).where(Quiz.id == quiz_id).values(is_public=True))
        bulk_attempts(quiz_id, question_ids, [(student.id, [1.0] * questions)] * earlier)
        db.session.commit()
    auth.login(username)
    token = csrf_token(client)
    take = post_form(client, f"/quizzes/{quiz_id}/start").headers["Location"]
    first = question_ids[0]
    counts = {"take": queries_for(client, app, take)}
    save = {"csrf_token": token, "question": first, f"q{first}": "answer 1"}
    with counted_queries(app) as statements:
        assert client.post(f"{take}/save", data=save).get_json()["saved"] is True
    counts["save"] = len(statements)
    answers = {f"q{q}": f"answer {n + 1}" for n, q in enumerate(question_ids)}
    with counted_queries(app) as statements:
        review = client.post(take, data={"csrf_token": token, **answers}).headers["Location"]
    counts["submit"] = len(statements)
    counts["review"] = queries_for(client, app, review)
    counts["review again"] = queries_for(client, app, review)
    rating = {"csrf_token": token, "rating": "3", "deck": "all", "revealed": "1"}
    with counted_queries(app) as statements:
        assert client.post(f"/cards/{first}/rate", data=rating).status_code == 302
    counts["rating"] = len(statements)
    auth.logout()
    return counts


def test_attempt_pages_do_not_grow_with_questions_or_attempts(client, app, auth, create_user):
    teacher = create_user("tara", role="teacher")
    create_user("small")
    create_user("big")
    few = attempt_journey_queries(client, app, auth, teacher.id, "small", 3, earlier=1)
    many = attempt_journey_queries(client, app, auth, teacher.id, "big", 40, earlier=300)
    assert few == many, (few, many)
    pages = {step: n for step, n in few.items() if step != "submit"}
    assert max(pages.values()) <= QUERY_BUDGET, few
    # user; the attempt with its quiz; its questions if the quiz shows their answers; the
    # responses with their questions
    # user; the attempt with its quiz and the questions whose answers it shows; responses
    assert few["review"] <= 3, few
    assert few["review again"] <= 2, few  # the same but the responses: the page is cached
    assert few["take"] <= 2, few  # the session's user; the attempt, quiz, access and slots
    assert few["save"] <= 3, few  # user; attempt locked with its access and the slot; its update
    # user; attempt locked with the study settings; slots; their updates; the close with the
    # score; the stamp; responses; cards upserted; card updates; review log
    assert few["submit"] <= 10, few
    # user; the card locked with its studyability and the settings; its update; review log;
    # the stamp (PostgreSQL: the last three in one statement)
    with app.app_context():
        one_write = db.engine.dialect.name == "postgresql"
    assert few["rating"] <= (3 if one_write else 5), few


def test_quiz_list_reads_the_user_and_the_list(client, app, auth, create_user):
    teacher = create_user("tara", role="teacher")
    student = create_user("sam")
    seed_student_history(app, student.id, teacher.id, attempts=12, quizzes=6)
    auth.login("sam")
    with counted_queries(app) as statements:
        body = client.get("/quizzes/").get_data(as_text=True)
    assert body.count('class="card" id="quiz-') == 6
    # the session's user; the quizzes with their counts; the next assignment to open
    assert len(statements) == 3, statements
    with counted_queries(app) as statements:
        again = client.get("/quizzes/").get_data(as_text=True)
    assert again.count('class="card" id="quiz-') == 6
    assert len(statements) == 1, statements  # the session's user: the list is cached


def test_card_review_reads_the_user_and_the_deck_with_its_next_card(client, app, auth, create_user):
    teacher = create_user("tara", role="teacher")
    student = create_user("sam")
    create_user("newcomer")
    seed_student_history(app, student.id, teacher.id, attempts=2, quizzes=1)  # cards due now
    # the session's user; the deck's counts with the study settings and the next card or
    # question (and its article)
    for username, heading in (("sam", "Question"), ("newcomer", "New card")):
        auth.login(username)
        with counted_queries(app) as statements:
            body = client.get("/cards/review").get_data(as_text=True)
        assert f'<h2 id="card-front-title">{heading}</h2>' in body, username
        assert len(statements) == 2, (username, statements)
        auth.logout()


def test_card_review_brings_the_article_along(client, app, auth, bundled_quiz, create_user):
    create_user("sam")
    auth.login("sam")
    page = client.get("/cards/review?deck=all").get_data(as_text=True)
    question_id = int(page.split('action="/cards/')[1].split("/rate")[0])
    rating = {"csrf_token": csrf_token(client), "rating": "1", "deck": "all", "revealed": "1"}
    client.post(f"/cards/{question_id}/rate", data=rating)
    with app.app_context():  # the card rated falls due again at once
        db.session.execute(update(Card).values(due_at=datetime(2000, 1, 1, tzinfo=UTC)))
        db.session.commit()
    with counted_queries(app) as statements:
        shown = client.get(f"/cards/review?deck=all&show={question_id}").get_data(as_text=True)
    assert ">Question</h2>" in shown and f'action="/cards/{question_id}/rate"' in shown
    assert "/cards/articles/" in shown and len(statements) == 2, statements
