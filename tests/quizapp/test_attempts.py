"""Attempts are pinned at their start, limited by the database, saved as the student goes, timed
on the server's clock, and read-only once the quiz is no longer the student's to take."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from question_bank.model import Answer, Question
from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, AttemptSlot, Membership, Quiz, Response
from quizapp.models import Question as QuestionRow
from quizapp.services.authoring import update_question
from quizapp.services.quizzes import quiz_questions, set_quiz_questions
from tests.conftest import attempt_id_of, csrf_token, post_form

CAPITAL = Question(kind="shortanswer", prompt="Capital of Azerbaijan?", answers=(Answer("Baku"),))
COUNT = Question(kind="numerical", prompt="How many villages?", answers=(Answer("4034"),))


@pytest.fixture
def student(auth, create_user):
    create_user("sam")
    auth.login("sam")
    return "sam"


def start(client, quiz_id: int) -> int:
    return attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))


def test_edit_during_an_attempt_keeps_the_version_it_started_with(
    client, app, auth, make_quiz, create_user
):
    quiz_id, (capital_id, count_id) = make_quiz([CAPITAL, COUNT])
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    with app.app_context():
        question = db.session.get(QuestionRow, capital_id)
        edited = replace(question.bank, answers=(Answer("Minsk"),))
        newer = update_question(question, edited, None)
        added = QuestionRow.from_bank(
            Question(kind="shortanswer", prompt="Added later?", answers=(Answer("x"),))
        )
        db.session.add(added)
        quiz = db.session.get(Quiz, quiz_id)
        set_quiz_questions(quiz, [*quiz_questions(quiz), added])
        db.session.commit()
        assert newer.id != capital_id  # the pinned version is kept, not changed in place
    page = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert "Added later?" not in page and f'name="q{capital_id}"' in page
    post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {f"q{capital_id}": "Baku", f"q{count_id}": "4034"},
    )
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.score, attempt.max_score) == (2.0, 2.0)
    second = start(client, quiz_id)
    page = client.get(f"/quizzes/attempts/{second}").get_data(as_text=True)
    assert "Added later?" in page and f'name="q{newer.id}"' in page


def test_regrade_shows_the_change_then_applies_it(client, app, auth, make_quiz, create_user):
    quiz_id, (capital_id, count_id) = make_quiz([CAPITAL, COUNT])
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {f"q{capital_id}": "Absheron", f"q{count_id}": "4034"},
    )
    auth.logout()
    auth.login("tess")
    with app.app_context():
        question = db.session.get(QuestionRow, capital_id)
        update_question(
            question, replace(question.bank, answers=(Answer("Baku"), Answer("Absheron"))), None
        )
        db.session.commit()
    stats = client.get(f"/gradebook/quizzes/{quiz_id}/statistics").get_data(as_text=True)
    assert f'name="attempt" value="{attempt_id}"' in stats
    preview = client.get(f"/gradebook/quizzes/{quiz_id}/regrade?attempt={attempt_id}").get_data(
        as_text=True
    )
    assert "1 / 2" in preview and "2 / 2" in preview and "→ version 2" in preview
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == 1.0  # nothing changed yet
    post_form(client, f"/gradebook/quizzes/{quiz_id}/regrade", {"attempt": [attempt_id]})
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == 2.0


def _parallel_starts(app, quiz_id: int, count: int) -> list[int]:
    """``count`` threads, each logged in as sam, press Start at the same moment."""
    clients = [app.test_client() for _ in range(count)]
    tokens = []
    for client in clients:
        token = csrf_token(client)
        client.post(
            "/auth/login", data={"csrf_token": token, "username": "sam", "password": "password123"}
        )
        tokens.append(csrf_token(client))
    barrier, statuses = threading.Barrier(count), []

    def press(client, token):
        barrier.wait()
        statuses.append(
            client.post(f"/quizzes/{quiz_id}/start", data={"csrf_token": token}).status_code
        )

    threads = [
        threading.Thread(target=press, args=pair) for pair in zip(clients, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.parametrize("limit", [1, 2])
def test_parallel_starts_cannot_beat_the_attempt_limit(app, make_quiz, create_user, limit):
    quiz_id, _ = make_quiz([CAPITAL], max_attempts=limit)
    create_user("sam")
    for _ in range(3):
        statuses = _parallel_starts(app, quiz_id, 20)
        assert set(statuses) == {302}
        with app.app_context():
            attempts = (
                db.session.execute(db.select(Attempt).where(Attempt.quiz_id == quiz_id))
                .scalars()
                .all()
            )
            assert len(attempts) <= limit
            assert sum(a.submitted_at is None for a in attempts) == 1 or len(attempts) == limit
            for attempt in attempts:  # close them so the next round may start another
                attempt.submitted_at = datetime.now(UTC)
            db.session.commit()
    with app.app_context():
        total = db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one()
    assert total == limit


def test_answers_are_saved_as_you_go_and_kept_across_devices(
    client, app, auth, make_quiz, create_user
):
    quiz_id, (capital_id, count_id) = make_quiz([CAPITAL, COUNT])
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    saved = post_form(
        client,
        f"/quizzes/attempts/{attempt_id}/save",
        {"question": capital_id, f"q{capital_id}": "Baku"},
    )
    assert saved.status_code == 200 and saved.json["saved"] is True
    client.get("/cards/")  # off to the flashcards and back
    assert 'value="Baku"' in client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    other_device = app.test_client()
    post_form(other_device, "/auth/login", {"username": "sam", "password": "password123"})
    page = other_device.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert 'value="Baku"' in page and "quiz-autosave.js" in page
    post_form(
        other_device,
        f"/quizzes/attempts/{attempt_id}",
        {f"q{capital_id}": "Baku", f"q{count_id}": "4,034", "action": "save"},
    )
    assert 'value="4,034"' in client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {f"q{capital_id}": "Baku", f"q{count_id}": "4,034", "action": "submit"},
    )
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == 2.0


def test_the_page_tells_its_script_which_question_each_answer_is_for(
    client, app, auth, make_quiz, create_user
):
    """The autosave script sends each card's ``data-question`` with its fields: it must be the
    question's id, which the save looks up, not the attempt slot's (a quiz whose slots and
    questions are numbered alike would hide the difference)."""
    make_quiz([CAPITAL, COUNT])  # the next quiz's questions are numbered 3 and 4, its slots 1, 2
    quiz_id, (capital_id, count_id) = make_quiz([CAPITAL, COUNT])
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    page = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    cards = re.findall(r'<section class="card question"[^>]*data-question="(\d+)"', page)
    assert sorted(map(int, cards)) == sorted([capital_id, count_id])
    with app.app_context():
        slot_ids = db.session.execute(
            db.select(AttemptSlot.id).where(AttemptSlot.attempt_id == attempt_id)
        ).scalars()
        assert not set(slot_ids) & {capital_id, count_id}  # the case the page must get right
    saved = post_form(
        client,
        f"/quizzes/attempts/{attempt_id}/save",
        {"question": cards[-1], f"q{cards[-1]}": "4034" if int(cards[-1]) == count_id else "Baku"},
    )
    assert saved.status_code == 200 and saved.json["saved"] is True
    with app.app_context():
        answers = dict(
            db.session.execute(
                db.select(AttemptSlot.question_id, AttemptSlot.answer).where(
                    AttemptSlot.attempt_id == attempt_id
                )
            ).all()
        )
    assert answers[int(cards[-1])] in ("4034", "Baku")
    assert answers[int(cards[0])] is None


def test_deadline_is_the_servers_and_saved_answers_count(client, app, auth, make_quiz, create_user):
    quiz_id, (capital_id, count_id) = make_quiz([CAPITAL, COUNT], time_limit_minutes=5)
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    post_form(
        client,
        f"/quizzes/attempts/{attempt_id}/save",
        {"question": capital_id, f"q{capital_id}": "Baku"},
    )
    with app.app_context():
        db.session.get(Attempt, attempt_id).deadline_at = datetime.now(UTC) - timedelta(minutes=1)
        db.session.commit()
    late = post_form(
        client,
        f"/quizzes/attempts/{attempt_id}/save",
        {"question": count_id, f"q{count_id}": "4034"},
    )
    assert late.status_code == 409 and late.json["reason"] == "time"
    client.get("/history/")  # an expired attempt is closed when next looked at
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.submitted_at is not None and (attempt.score, attempt.max_score) == (1.0, 2.0)


def test_history_closes_only_the_students_attempts_past_the_grace_period(
    client, app, auth, make_quiz, create_user
):
    late_quiz, _ = make_quiz([CAPITAL], time_limit_minutes=5)
    graced_quiz, _ = make_quiz([COUNT], time_limit_minutes=5)
    create_user("sam")
    create_user("ann")
    auth.login("ann")
    others = start(client, late_quiz)
    auth.logout()
    auth.login("sam")
    late, graced = start(client, late_quiz), start(client, graced_quiz)
    with app.app_context():
        now = datetime.now(UTC)
        for attempt_id, ago in ((late, 60), (graced, 5), (others, 60)):
            db.session.get(Attempt, attempt_id).deadline_at = now - timedelta(seconds=ago)
        db.session.commit()
    client.get("/history/")
    with app.app_context():
        attempts = db.session.execute(db.select(Attempt)).scalars()
        closed = {a.id: a.submitted_at is not None for a in attempts}
    assert closed == {late: True, graced: False, others: False}


@pytest.mark.parametrize("withdraw", ["unpublish", "leave class"])
def test_open_attempt_is_read_only_once_the_quiz_is_not_the_students(
    client, app, auth, make_quiz, create_user, make_class, withdraw
):
    quiz_id, (capital_id, _) = make_quiz([CAPITAL, COUNT], is_public=False)
    create_user("sam")
    class_id, _ = make_class("tess", students=("sam",))
    with app.app_context():
        db.session.add(Assignment(classroom_id=class_id, quiz_id=quiz_id))
        db.session.commit()
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    with app.app_context():
        if withdraw == "unpublish":
            db.session.get(Quiz, quiz_id).is_published = False
        else:
            db.session.execute(db.delete(Membership))
        db.session.commit()
    page = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert 'id="read-only"' in page and "disabled" in page and 'id="submit-quiz"' not in page
    post_form(client, f"/quizzes/attempts/{attempt_id}", {f"q{capital_id}": "Baku"})
    saved = post_form(
        client,
        f"/quizzes/attempts/{attempt_id}/save",
        {"question": capital_id, f"q{capital_id}": "Baku"},
    )
    assert saved.status_code == 409
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.submitted_at is None and attempt.score == 0
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 0


def test_saving_one_answer_refuses_what_the_student_may_not_change(
    client, app, auth, make_quiz, create_user
):
    quiz_id, (capital_id, count_id) = make_quiz([CAPITAL, COUNT])
    other_quiz, (elsewhere_id, _) = make_quiz([CAPITAL, COUNT], title="Another quiz")
    create_user("sam")
    create_user("ann")
    auth.login("ann")
    theirs = start(client, quiz_id)
    auth.logout()
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    save_url = f"/quizzes/attempts/{attempt_id}/save"

    def save(url: str, question, value: str = "Baku"):
        return post_form(client, url, {"question": question, f"q{question}": value})

    assert save(f"/quizzes/attempts/{theirs}/save", capital_id).status_code == 404
    assert save(save_url, elsewhere_id).status_code == 404  # not a question of the attempt
    for question in ("", "\u0661", "9" * 40, str(2**31)):
        assert save(save_url, question).status_code == 404, question
    assert save(save_url, capital_id).json["saved"] is True
    post_form(client, f"/quizzes/attempts/{attempt_id}", {f"q{capital_id}": "Baku"})
    late = save(save_url, count_id, "4034")
    assert late.status_code == 409 and late.json["reason"] == "closed"
    with app.app_context():
        slots = {s.question_id: s.answer for s in db.session.get(Attempt, attempt_id).slots}
        assert slots[count_id] in (None, "") and slots[capital_id] == "Baku"
        assert all(s.answer is None for s in db.session.get(Attempt, theirs).slots)


def test_a_save_writes_its_answer_whatever_the_slot_held_when_read(app, make_quiz, create_user):
    from quizapp.models import AttemptSlot, User
    from quizapp.services.attempts import save_answers, start_attempt, student_attempt_slot

    quiz_id, (capital_id, _) = make_quiz([CAPITAL, COUNT])
    sam_id = create_user("sam").id
    with app.app_context():
        sam = db.session.get(User, sam_id)
        attempt = start_attempt(db.session.get(Quiz, quiz_id), sam)
        save_answers(attempt, {capital_id: "Baku"}, {capital_id: False})
        db.session.commit()
        found = student_attempt_slot(attempt.id, sam, capital_id)
        slot = found.slots[0]
        assert (slot.answer, slot.is_flagged) == ("Baku", False)
        # another save lands meanwhile: the row changes behind the copy read
        db.session.execute(
            db.update(AttemptSlot)
            .where(AttemptSlot.id == slot.id)
            .values(answer="Minsk", is_flagged=True)
            .execution_options(synchronize_session=False)
        )
        assert save_answers(found.attempt, {capital_id: "Baku"}, {capital_id: False}, slots=[slot])
        db.session.commit()
        row = db.session.execute(
            db.select(AttemptSlot.answer, AttemptSlot.is_flagged).where(AttemptSlot.id == slot.id)
        ).one()
        assert tuple(row) == ("Baku", False)


def test_a_save_waiting_on_a_submit_is_refused_once_it_lands(app, make_quiz, create_user):
    """The save's one query waits for the submit's lock, then sees the attempt closed."""
    from quizapp.models import User
    from quizapp.services.attempts import (
        save_answers,
        start_attempt,
        student_attempt,
        student_attempt_slot,
        submit_attempt,
    )

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("row locks: PostgreSQL only")
    quiz_id, (capital_id, _) = make_quiz([CAPITAL, COUNT])
    sam_id = create_user("sam").id
    with app.app_context():
        attempt_id = start_attempt(db.session.get(Quiz, quiz_id), db.session.get(User, sam_id)).id
        db.session.commit()
    locked, outcome = threading.Event(), {}

    def submit() -> None:
        with app.app_context():
            found = student_attempt(attempt_id, db.session.get(User, sam_id), lock=True)
            locked.set()
            threading.Event().wait(0.5)  # the save is waiting for the lock by now
            outcome["submitted"] = submit_attempt(found.attempt)
            db.session.commit()

    def save() -> None:
        locked.wait(10)
        with app.app_context():
            found = student_attempt_slot(attempt_id, db.session.get(User, sam_id), capital_id)
            outcome["writable"] = found.is_writable
            if found.is_writable:
                outcome["saved"] = save_answers(
                    found.attempt, {capital_id: "Baku"}, slots=found.slots
                )
            db.session.commit()

    threads = [threading.Thread(target=submit), threading.Thread(target=save)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcome == {"submitted": True, "writable": False}
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == 0.0
        answer = db.session.execute(
            db.select(Response.answer).where(Response.question_id == capital_id)
        ).scalar_one()
        assert answer in (None, "")


def test_the_locked_attempt_brings_its_students_study_settings(app, make_quiz, create_user):
    """A submit schedules the student's cards by their own settings, read with the attempt."""
    from quizapp.models import User
    from quizapp.services.attempts import start_attempt, student_attempt
    from quizapp.services.flashcards import save_study_settings, study_plan
    from tests.quizapp.test_query_counts import counted_queries

    quiz_id, _ = make_quiz([CAPITAL, COUNT])
    sam_id, ann_id = create_user("sam").id, create_user("ann").id
    attempts = {}
    with app.app_context():
        save_study_settings(sam_id, 0.8, 7)
        for user_id in (sam_id, ann_id):
            user = db.session.get(User, user_id)
            attempts[user_id] = start_attempt(db.session.get(Quiz, quiz_id), user).id
        db.session.commit()
    defaults = (app.config["FLASHCARDS_DESIRED_RETENTION"], app.config["FLASHCARDS_NEW_PER_DAY"])
    for user_id, expected in ((sam_id, (0.8, 7)), (ann_id, defaults)):
        with app.app_context():
            user = db.session.get(User, user_id)
            assert student_attempt(attempts[user_id], user, lock=True) is not None
            with counted_queries(app) as statements:
                plan = study_plan(user_id)
            assert (plan.desired_retention, plan.new_cards_per_day) == expected
            assert statements == []


def test_one_question_per_page_with_progress_navigator_and_flags(
    client, app, auth, make_quiz, create_user
):
    quiz_id, (capital_id, count_id) = make_quiz([CAPITAL, COUNT], is_one_per_page=True)
    create_user("sam")
    auth.login("sam")
    attempt_id = start(client, quiz_id)
    first = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert "Capital of Azerbaijan?" in first and "How many villages?" not in first
    assert '<progress id="quiz-progress" max="2" value="0">' in first and 'id="navigator"' in first
    moved = post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {"page": "1", f"q{capital_id}": "Baku", f"flag-{capital_id}": "1", "action": "page-2"},
    )
    assert moved.headers["Location"].endswith("page=2")
    second = client.get(moved.headers["Location"]).get_data(as_text=True)
    assert "How many villages?" in second and "Capital of Azerbaijan?" not in second
    assert 'value="1">' in second and "answered flagged" in second
    post_form(
        client,
        f"/quizzes/attempts/{attempt_id}",
        {"page": "2", f"q{count_id}": "4034", "action": "submit"},
    )
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == 2.0
