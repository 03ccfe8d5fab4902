"""A student's progress page: score chart and table, mastery, streak, forecast, mistakes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from quizapp.extensions import db
from quizapp.models import Attempt, Card, Response
from quizapp.services.analytics import review_forecast, streak, study_days
from quizapp.services.quizzes import quiz_questions
from tests.conftest import csrf_token, post_form, quiz_by_id
from tests.quizapp.answers import right_form_data, wrong_form_data


def take_quiz(client, app, quiz_id: int, right: bool) -> int:
    """Start and submit an attempt through the pages; return its id."""
    started = post_form(client, f"/quizzes/{quiz_id}/start")
    attempt_id = int(re.search(r"/attempts/(\d+)", started.headers["Location"]).group(1))
    build = right_form_data if right else wrong_form_data
    data = {"csrf_token": csrf_token(client)}
    with app.app_context():
        for question in quiz_questions(quiz_by_id(quiz_id)):
            data.update(build(question.id, question.bank))
    client.post(f"/quizzes/attempts/{attempt_id}", data=data)
    return attempt_id


@pytest.fixture
def student(auth, create_user):
    user = create_user("sam")
    auth.login("sam")
    return user


def test_progress_page_shows_history_chart_table_mastery_streak_and_forecast(
    client, app, bundled_quiz, student
):
    take_quiz(client, app, bundled_quiz, right=False)
    take_quiz(client, app, bundled_quiz, right=True)
    page = client.get("/progress/").get_data(as_text=True)
    chart = page[
        page.index('id="score-chart"') : page.index("</figure>", page.index('id="score-chart"'))
    ]
    assert chart.count('class="marker marker-circle"') == 2
    assert "Bundled quiz: 0%" in chart and "Bundled quiz: 100%" in chart
    assert '<svg viewBox="0 0 360 200" role="img"' in chart and "<title" in chart  # a phone's width
    table = page[page.index('id="attempts-table"') :]
    assert table.index("100%") < table.index("0%")  # newest first in the table
    assert 'id="fact-types-table"' in page and 'id="articles-table"' in page
    assert re.search(r'id="streak"><strong>1</strong> day ', page)
    assert "studied today" in page
    with app.app_context():
        count = len(quiz_questions(quiz_by_id(bundled_quiz)))
        forecast = review_forecast(student.id, datetime.now(UTC))
    assert sum(day.due for day in forecast) == count  # every quiz answer made a card
    assert 'id="forecast-table"' in page and "(today)" in page


def test_mastery_names_the_kinds_of_facts_missed(client, app, bundled_quiz, student):
    take_quiz(client, app, bundled_quiz, right=False)
    page = client.get("/progress/").get_data(as_text=True)
    with app.app_context():
        kinds = {q.fact_type or "other" for q in quiz_questions(quiz_by_id(bundled_quiz))}
    table = page[
        page.index('id="fact-types-table"') : page.index(
            "</table>", page.index('id="fact-types-table"')
        )
    ]
    for kind in kinds:
        assert f'<th scope="row">{kind}</th>' in table
    assert "0%" in table


def test_practise_my_mistakes_builds_a_quiz_of_wrong_answers(client, app, bundled_quiz, student):
    take_quiz(client, app, bundled_quiz, right=True)
    nothing = post_form(client, "/progress/mistakes", follow_redirects=True)
    assert "No mistakes to practise" in nothing.get_data(as_text=True)
    take_quiz(client, app, bundled_quiz, right=False)
    response = post_form(client, "/progress/mistakes")
    assert response.status_code == 302 and "/quizzes/attempts/" in response.headers["Location"]
    attempt_id = int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        practice = {q.id for q in quiz_questions(attempt.quiz)}
        original = {q.id for q in quiz_questions(quiz_by_id(bundled_quiz))}
        assert attempt.quiz.owner_id == student.id and not attempt.quiz.is_published
        assert practice and practice <= original
    assert client.get(f"/quizzes/attempts/{attempt_id}").status_code == 200


def test_progress_shows_only_the_students_own_data(client, app, auth, bundled_quiz, create_user):
    create_user("other")
    auth.login("other")
    take_quiz(client, app, bundled_quiz, right=True)
    auth.logout()
    create_user("sam")
    auth.login("sam")
    page = client.get("/progress/").get_data(as_text=True)
    assert "No quiz results yet" in page and "Bundled quiz: 100%" not in page


def test_streak_counts_consecutive_days_ending_today_or_yesterday():
    today = date(2026, 3, 10)
    days = {today - timedelta(days=n) for n in (0, 1, 2, 4)}
    assert streak(days, today) == 3
    assert streak(days - {today}, today) == 2  # yesterday still counts
    assert streak({today - timedelta(days=2)}, today) == 0


@pytest.mark.parametrize(
    ("zone", "due", "studied"),
    [
        ("UTC", [2, 2, 1, 0, 0, 0, 0], {date(2026, 3, 9), date(2026, 3, 11)}),
        # seven hours behind (summer time began on 8 March): 22:00 UTC is 15:00 there
        ("America/Los_Angeles", [3, 2, 0, 0, 0, 0, 0], {date(2026, 3, 9), date(2026, 3, 10)}),
    ],
)
def test_forecast_and_study_days_group_by_the_schools_days(
    app, bundled_quiz, create_user, zone, due, studied
):
    app.config["TIME_ZONE"] = zone
    user = create_user("sam")
    now = datetime(2026, 3, 10, 22, 0, tzinfo=UTC)
    offsets = [-3, 0.05, 0.2, 1, 1.1, 6.9, 7.5]  # days from now: overdue, today (late), ...
    with app.app_context():
        questions = quiz_questions(quiz_by_id(bundled_quiz))
        db.session.execute(
            insert(Card),
            [
                {
                    "user_id": user.id,
                    "question_id": q.id,
                    "state": 2,
                    "reps": 1,
                    "lapses": 0,
                    "due_at": now + timedelta(days=offset),
                    "created_at": now,
                }
                for q, offset in zip(questions, offsets, strict=False)
            ],
        )
        attempt = Attempt(
            quiz_id=bundled_quiz, user_id=user.id, submitted_at=now - timedelta(days=1)
        )
        evening = Attempt(  # the evening of the 10th in Los Angeles, the 11th in UTC
            quiz_id=bundled_quiz,
            user_id=user.id,
            number=2,
            submitted_at=datetime(2026, 3, 11, 3, 0, tzinfo=UTC),
        )
        db.session.add_all([attempt, evening])
        db.session.commit()
        forecast = review_forecast(user.id, now)
        days = study_days(user.id)
    assert [d.day.isoformat() for d in forecast][:2] == ["2026-03-10", "2026-03-11"]
    # in UTC, 22:00 + 0.05 d is still 10 March and + 0.2 d is 11 March
    assert [d.due for d in forecast] == due
    assert days == studied


def test_responses_of_ungraded_answers_are_left_out_of_mastery(app, bundled_quiz, create_user):
    user = create_user("sam")
    with app.app_context():
        question = quiz_questions(quiz_by_id(bundled_quiz))[0]
        attempt = Attempt(quiz_id=bundled_quiz, user_id=user.id, submitted_at=datetime.now(UTC))
        db.session.add(attempt)
        db.session.flush()
        db.session.add(
            Response(
                attempt_id=attempt.id,
                question_id=question.id,
                position=0,
                answer=None,
                fraction=None,
            )
        )
        db.session.commit()
        from quizapp.services.analytics import mastery_by_fact_type

        assert mastery_by_fact_type(user.id) == []
