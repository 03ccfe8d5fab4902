"""Classes: join codes, assignments with dates, and what each student sees."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizapp.extensions import db
from quizapp.models import Assignment, Membership, Quiz
from tests.conftest import post_form


def _private(app, quiz_id: int) -> None:
    with app.app_context():
        db.session.get(Quiz, quiz_id).is_public = False
        db.session.commit()


def test_teacher_creates_class_and_student_joins_with_code(client, app, auth, create_user):
    create_user("tess", role="teacher")
    create_user("sam")
    auth.login("tess")
    response = post_form(client, "/teach/classes/", {"name": "Year 10 news"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    code = page.split('id="join-code">')[1].split("<")[0]
    assert "Year 10 news" in page and len(code) == 8
    auth.logout()
    auth.login("sam")
    joined = post_form(client, "/classes/", {"code": f" {code.lower()} "}, follow_redirects=True)
    assert "You joined Year 10 news." in joined.get_data(as_text=True)
    grouped = f"{code[:4].lower()}-{code[4:]}"  # as a student may copy it from the board
    again = post_form(client, "/classes/", {"code": grouped}).get_data(as_text=True)
    assert "You are already in Year 10 news." in again
    wrong = post_form(client, "/classes/", {"code": "NOPE1234"}).get_data(as_text=True)
    assert "No class has that code." in wrong
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Membership.id))).scalar_one() == 1


def test_student_sees_only_quizzes_assigned_to_their_classes(
    client, app, auth, bundled_quiz, create_user, make_class
):
    _private(app, bundled_quiz)
    create_user("sam")
    create_user("kim")
    class_id, _ = make_class("tess", students=("sam",))
    auth.login("kim")
    assert "Bundled quiz" not in client.get("/quizzes/").get_data(as_text=True)
    auth.logout()
    auth.login("tess")
    post_form(client, f"/teach/classes/{class_id}/assign", {"quiz": bundled_quiz, "kind": "quiz"})
    auth.logout()
    auth.login("sam")
    assert "Bundled quiz" in client.get("/quizzes/").get_data(as_text=True)
    assert post_form(client, f"/quizzes/{bundled_quiz}/start").status_code == 302
    auth.logout()
    auth.login("kim")
    assert "Bundled quiz" not in client.get("/quizzes/").get_data(as_text=True)
    assert post_form(client, f"/quizzes/{bundled_quiz}/start").status_code == 404


def test_assignment_not_yet_open_is_hidden_and_past_due_is_marked(
    client, app, auth, bundled_quiz, create_user, make_class
):
    _private(app, bundled_quiz)
    create_user("sam")
    class_id, _ = make_class("tess", students=("sam",))
    now = datetime.now(UTC)
    with app.app_context():
        db.session.add(
            Assignment(
                classroom_id=class_id, quiz_id=bundled_quiz, opens_at=now + timedelta(days=1)
            )
        )
        db.session.commit()
    auth.login("sam")
    assert "Bundled quiz" not in client.get("/quizzes/").get_data(as_text=True)
    with app.app_context():
        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assignment.opens_at, assignment.due_at = now - timedelta(days=3), now - timedelta(days=1)
        db.session.commit()
    page = client.get("/quizzes/").get_data(as_text=True)
    assert "Bundled quiz" in page and "Past due since" in page
    assert post_form(client, f"/quizzes/{bundled_quiz}/start").status_code == 302


def test_assign_form_checks_dates_and_ownership(
    client, app, auth, bundled_quiz, create_user, make_class
):
    create_user("other", role="teacher")
    class_id, _ = make_class("tess")
    other_class, _ = make_class("other", "Other class")
    auth.login("tess")
    page = post_form(
        client,
        f"/teach/classes/{class_id}/assign",
        {
            "quiz": bundled_quiz,
            "kind": "quiz",
            "opens_at": "2030-01-02T10:00",
            "due_at": "2030-01-01T10:00",
        },
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "The due date must be after the opening date." in page
    assert client.get(f"/teach/classes/{other_class}").status_code == 404
    assert (
        post_form(
            client, f"/teach/classes/{other_class}/assign", {"quiz": bundled_quiz}
        ).status_code
        == 404
    )
    post_form(
        client,
        f"/teach/classes/{class_id}/assign",
        {"quiz": bundled_quiz, "kind": "deck", "due_at": "2030-01-01T10:00"},
    )
    with app.app_context():
        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assert assignment.kind == "deck"
        assert assignment.due_at == datetime(2030, 1, 1, 10, 0, tzinfo=UTC)
    again = post_form(
        client,
        f"/teach/classes/{class_id}/assign",
        {"quiz": bundled_quiz, "kind": "deck"},
        follow_redirects=True,
    ).get_data(as_text=True)  # assigned again with no due date: the teacher is told it went
    assert "was already assigned to Class 1: dates changed (due 01 Jan 2030 10:00 UTC → none)" in (
        again
    )
    past = post_form(
        client,
        f"/teach/classes/{class_id}/assign",
        {"quiz": bundled_quiz, "kind": "deck", "due_at": "2020-01-01T10:00"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Its due date has already passed." in past


def test_teacher_sees_only_own_classes_and_students(client, app, auth, create_user, make_class):
    create_user("tess", role="teacher")
    create_user("other", role="teacher")
    create_user("sam")
    create_user("kim")
    make_class("tess", "Tess class", students=("sam",))
    make_class("other", "Other class", students=("kim",))
    auth.login("tess")
    page = client.get("/teach/classes/").get_data(as_text=True)
    assert "Tess class" in page and "Other class" not in page
    class_id = int(page.split("/teach/classes/")[2].split('"')[0])
    detail = client.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    assert "sam" in detail and "kim" not in detail


def test_teacher_removes_a_student(client, app, auth, create_user, make_class):
    create_user("tess", role="teacher")
    create_user("sam")
    class_id, _ = make_class("tess", students=("sam",))
    with app.app_context():
        membership_id = db.session.execute(db.select(Membership.id)).scalar_one()
    auth.login("tess")
    post_form(client, f"/teach/classes/{class_id}/members/{membership_id}/remove")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Membership.id))).scalar_one() == 0
