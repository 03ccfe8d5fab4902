"""A request's transaction left open by its view: committed when it only read, else rolled back."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import User


@contextmanager
def transaction_ends(app):
    """The ways ("commit" or "rollback") the database transactions inside the block ended."""
    ends: list[str] = []
    with app.app_context():
        engine = db.engine

    def on_commit(conn):
        ends.append("commit")

    def on_rollback(conn):
        ends.append("rollback")

    event.listen(engine, "commit", on_commit)
    event.listen(engine, "rollback", on_rollback)
    try:
        yield ends
    finally:
        event.remove(engine, "commit", on_commit)
        event.remove(engine, "rollback", on_rollback)


@pytest.fixture
def views(app):
    """Views that leave their transaction open: one reads, the others write without committing."""

    def reads():
        return str(db.session.execute(db.select(db.func.count(User.id))).scalar_one())

    def flushes():
        db.session.add(User(username="ghost", password_hash="x"))
        db.session.flush()
        return "flushed"

    def updates():
        db.session.execute(sa.text("UPDATE \"user\" SET role = 'teacher'"))
        return "updated"

    def pending():
        db.session.get(User, 1).role = "teacher"
        return "pending"

    def fails():
        db.session.execute(db.select(User.id)).all()
        raise RuntimeError("the view failed")

    for view in (reads, flushes, updates, pending, fails):
        app.add_url_rule(f"/test-{view.__name__}", view.__name__, view)
    return app


def test_a_transaction_that_only_read_is_committed(views, client, create_user):
    create_user("sam")
    with transaction_ends(views) as ends:
        assert client.get("/test-reads").get_data(as_text=True) == "1"
    assert ends == ["commit"]


@pytest.mark.parametrize("path", ["/test-flushes", "/test-updates", "/test-pending"])
def test_a_transaction_that_wrote_is_rolled_back(views, client, create_user, path):
    create_user("sam")
    with transaction_ends(views) as ends:
        assert client.get(path).status_code == 200
    assert ends == ["rollback"]
    with views.app_context():
        users = db.session.execute(db.select(User.username, User.role)).all()
    assert users == [("sam", "student")]


def test_a_failed_request_is_rolled_back(views, create_user):
    create_user("sam")
    views.testing = False  # the error becomes a 500 page instead of reaching the test
    with transaction_ends(views) as ends:
        assert views.test_client().get("/test-fails").status_code == 500
    assert ends == ["rollback"]


def test_pages_that_only_read_keep_prepared_statements(app, client, auth, create_user):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("prepared statements are psycopg's")
    create_user("sam")
    auth.login("sam")
    for _ in range(8):  # every request reads the session's user (the list itself is cached)
        assert client.get("/quizzes/").status_code == 200
    with app.app_context():
        prepared = db.session.execute(
            sa.text(
                "SELECT count(*) FROM pg_prepared_statements "
                "WHERE statement LIKE '%login_session.token_digest%'"
            )
        ).scalar_one()
    assert prepared >= 1


def test_what_a_read_only_request_loaded_stays_readable_after_it(app, create_user):
    create_user("sam")
    with app.app_context():
        user = db.session.execute(db.select(User)).scalar_one()
    assert user.username == "sam"  # detached, as after a rollback, not expired by the commit
