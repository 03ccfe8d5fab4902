"""Quiz settings: building from the bank, order, shuffling, attempts, time limit, feedback."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Quiz
from quizapp.services.quizzes import quiz_questions
from tests.conftest import post_form, quiz_by_id
from tests.quizapp.test_quiz_flow import answer_sheet, start


def _settings(app, quiz_id: int, **values) -> None:
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        for name, value in values.items():
            setattr(quiz, name, value)
        db.session.commit()


def _question_ids(app, quiz_id: int) -> list[int]:
    with app.app_context():
        return [q.id for q in quiz_questions(quiz_by_id(quiz_id))]


def test_teacher_saves_settings_with_field_errors_first(client, app, auth, bundled_quiz):
    auth.login("tess")
    page = post_form(
        client,
        f"/teach/quizzes/{bundled_quiz}",
        {"title": "", "max_attempts": "0", "feedback_policy": "never"},
    ).get_data(as_text=True)
    assert "This field is required." in page and "Number must be between 1 and 100." in page
    post_form(
        client,
        f"/teach/quizzes/{bundled_quiz}",
        {
            "title": "Renamed",
            "max_attempts": "2",
            "time_limit_minutes": "15",
            "feedback_policy": "after_due",
            "is_shuffle_questions": "y",
            "is_public": "y",
        },
    )
    with app.app_context():
        quiz = db.session.get(Quiz, bundled_quiz)
        assert (quiz.title, quiz.max_attempts, quiz.time_limit_minutes, quiz.feedback_policy) == (
            "Renamed",
            2,
            15,
            "after_due",
        )
        assert quiz.is_shuffle_questions and not quiz.is_shuffle_options and quiz.is_public


def test_order_and_remove_questions(client, app, auth, bundled_quiz):
    auth.login("tess")
    ids = _question_ids(app, bundled_quiz)
    data = {f"pos-{qid}": str(len(ids) - i) for i, qid in enumerate(ids)}
    post_form(client, f"/teach/quizzes/{bundled_quiz}/questions", {**data, "remove": [ids[0]]})
    assert _question_ids(app, bundled_quiz) == list(reversed(ids[1:]))


def test_pick_questions_from_bank_into_new_and_existing_quiz(client, app, auth, bundled_quiz):
    auth.login("tess")
    ids = _question_ids(app, bundled_quiz)
    response = post_form(
        client, "/teach/quizzes/from-bank", {"question": ids[:2], "quiz": "0", "title": "Short one"}
    )
    new_id = int(re.search(r"/teach/quizzes/(\d+)", response.headers["Location"]).group(1))
    assert _question_ids(app, new_id) == ids[:2]
    post_form(
        client, "/teach/quizzes/from-bank", {"question": [ids[2], ids[0]], "quiz": str(new_id)}
    )
    assert _question_ids(app, new_id) == [*ids[:2], ids[2]]


def test_adding_from_the_bank_opened_from_a_quiz_preselects_that_quiz(
    client, app, auth, bundled_quiz, make_quiz, create_user
):
    auth.login("tess")
    quiz_page = client.get(f"/teach/quizzes/{bundled_quiz}").get_data(as_text=True)
    link = re.search(r'href="([^"]+)">Add questions from the bank', quiz_page).group(1)
    assert link == f"/teach/questions/?quiz={bundled_quiz}"
    bank = client.get(link).get_data(as_text=True)
    assert f'<option value="{bundled_quiz}" selected>' in bank
    assert bank.count(" selected>") == 1 and 'id="adding-to"' in bank
    assert f'<input type="hidden" name="quiz" value="{bundled_quiz}">' in bank  # kept by filters
    plain = client.get("/teach/questions/").get_data(as_text=True)
    assert '<option value="0">A new quiz…</option>' in plain and " selected>" not in plain
    ids = _question_ids(app, bundled_quiz)
    refused = post_form(client, "/teach/quizzes/from-bank", {"quiz": str(bundled_quiz)})
    assert refused.headers["Location"] == f"/teach/questions/?quiz={bundled_quiz}"
    create_user("other", role="teacher")
    others, _ = make_quiz([], owner="other", title="Other's quiz")
    foreign = client.get(f"/teach/questions/?quiz={others}").get_data(as_text=True)
    assert " selected>" not in foreign and "Other's quiz" not in foreign
    assert _question_ids(app, bundled_quiz) == ids


def test_attempt_limit_is_enforced_and_open_attempt_resumed(
    client, app, auth, bundled_quiz, create_user
):
    _settings(app, bundled_quiz, max_attempts=1)
    create_user("sam")
    auth.login("sam")
    first = start(client, bundled_quiz)
    assert start(client, bundled_quiz) == first  # resumed, not a second attempt
    post_form(client, f"/quizzes/attempts/{first}", answer_sheet(app, bundled_quiz))
    refused = post_form(client, f"/quizzes/{bundled_quiz}/start", follow_redirects=True)
    assert "You have used all 1 attempts at this quiz." in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 1


def test_shuffled_questions_are_stable_per_attempt(client, app, auth, bundled_quiz, create_user):
    _settings(app, bundled_quiz, is_shuffle_questions=True)
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, bundled_quiz)
    pages = [client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True) for _ in range(2)]
    order = [re.findall(r'name="q(\d+)', page) for page in pages]
    assert order[0] == order[1]
    shown = list(dict.fromkeys(int(i) for i in order[0]))
    assert sorted(shown) == sorted(_question_ids(app, bundled_quiz))


def _move_deadline(app, attempt_id: int, ago: timedelta) -> None:
    with app.app_context():
        db.session.get(Attempt, attempt_id).deadline_at = datetime.now(UTC) - ago
        db.session.commit()


def test_time_limit_counts_answers_saved_in_time_and_refuses_late_ones(
    client, app, auth, bundled_quiz, create_user
):
    _settings(app, bundled_quiz, time_limit_minutes=10)
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, bundled_quiz)
    page = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert 'id="time-left" data-deadline=' in page and "quiz-timer.js" in page
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.deadline_at - attempt.started_at == timedelta(minutes=10)
    right = answer_sheet(app, bundled_quiz)
    post_form(client, f"/quizzes/attempts/{attempt_id}", {**right, "action": "save"})
    _move_deadline(app, attempt_id, timedelta(minutes=2))
    late = post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        answer_sheet(app, bundled_quiz, right=False),
        follow_redirects=True,
    )
    assert "answers saved before the deadline were marked" in late.get_data(as_text=True)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.submitted_at is not None and attempt.score == attempt.max_score > 0


def test_answers_within_the_grace_period_count(client, app, auth, bundled_quiz, create_user):
    _settings(app, bundled_quiz, time_limit_minutes=10)
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, bundled_quiz)
    _move_deadline(app, attempt_id, timedelta(seconds=5))
    post_form(client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz))
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.score == attempt.max_score > 0


def test_feedback_policies(client, app, auth, bundled_quiz, create_user, make_class):
    create_user("sam")
    auth.login("sam")
    _settings(app, bundled_quiz, feedback_policy="never")
    attempt_id = start(client, bundled_quiz)
    post_form(
        client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz, right=False)
    )
    page = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    assert (
        "<dt>Right answer</dt>" not in page
        and "does not show right answers" in page
        and "(<strong>0%</strong>)" in page
    )
    _settings(app, bundled_quiz, feedback_policy="after_due", is_public=False)
    class_id, _ = make_class("tess", students=("sam",))
    with app.app_context():
        db.session.add(
            Assignment(
                classroom_id=class_id,
                quiz_id=bundled_quiz,
                due_at=datetime.now(UTC) + timedelta(days=1),
            )
        )
        db.session.commit()
    page = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "<dt>Right answer</dt>" not in page and "appear after the due date" in page
    with app.app_context():
        db.session.execute(
            db.update(Assignment).values(due_at=datetime.now(UTC) - timedelta(minutes=1))
        )
        db.session.commit()
    assert "<dt>Right answer</dt>" in client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(
        as_text=True
    )
    auth.logout()
    auth.login("tess")
    _settings(app, bundled_quiz, feedback_policy="never")
    assert "<dt>Right answer</dt>" in client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(
        as_text=True
    )


def test_delete_quiz_only_when_never_taken(client, app, auth, bundled_quiz, create_user):
    create_user("sam")
    auth.login("sam")
    start(client, bundled_quiz)
    auth.logout()
    auth.login("tess")
    page = post_form(
        client, f"/teach/quizzes/{bundled_quiz}/delete", follow_redirects=True
    ).get_data(as_text=True)
    assert "unpublish it instead" in page
    ids = _question_ids(app, bundled_quiz)
    response = post_form(client, "/teach/quizzes/from-bank", {"question": ids[:1], "quiz": "0"})
    new_id = int(re.search(r"/teach/quizzes/(\d+)", response.headers["Location"]).group(1))
    edit = client.get(f"/teach/quizzes/{new_id}").get_data(as_text=True)
    assert f'href="/teach/quizzes/{new_id}/delete"' in edit  # a link to a page that asks
    asked = client.get(f"/teach/quizzes/{new_id}/delete").get_data(as_text=True)
    assert "Delete the quiz" in asked and "stay in your question bank" in asked
    with app.app_context():
        assert db.session.get(Quiz, new_id) is not None  # asking deletes nothing
    post_form(client, f"/teach/quizzes/{new_id}/delete")
    with app.app_context():
        assert db.session.get(Quiz, new_id) is None
