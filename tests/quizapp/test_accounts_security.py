"""Password rules, look-alike usernames, equal log-in work, and per-account rate limits."""

from __future__ import annotations

import pytest
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from quizapp.services.credentials import password_problem, username_skeleton
from tests.conftest import csrf_token, post_form


def register(client, username, password):
    """Post the registration form; the page's text."""
    data = {"username": username, "password": password, "confirm": password}
    return post_form(client, "/auth/register", data).get_data(as_text=True)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("12345678", "Use at least 10 characters."),
        ("aaaaaaaaaa", "too easy to guess"),
        ("1234567890", "list of common passwords"),
        ("password123", "list of common passwords"),
        ("amira-2024", "too close to your username"),
        ("amiraamira1", "too close to your username"),
        ("x" * 1025, "Use at most 1,024 characters."),
    ],
)
def test_weak_passwords_refused_with_their_rule(client, password, message):
    page = register(client, "amira", password)
    assert message in page
    assert "Your account is ready." not in page


def test_password_equal_to_username_refused():
    assert password_problem("amira-the-student", "amira-the-student") == (
        "Your password cannot be your username."
    )


def test_long_passphrase_accepted(client):
    passphrase = "quiet lanterns drift over the harbour at dusk " * 3  # 141 characters
    assert len(passphrase) > 128
    page = post_form(
        client,
        "/auth/register",
        {"username": "amira", "password": passphrase, "confirm": passphrase},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Your account is ready." in page


@pytest.mark.parametrize("look_alike", ["ѕtudent", "ｓｔｕｄｅｎｔ", "STUDENT", "stuԁent"])
def test_look_alike_usernames_refused(client, create_user, look_alike):
    create_user("student")
    page = register(client, look_alike, "quiet lanterns drift")
    assert "already taken" in page or "looks too much like" in page
    assert "Your account is ready." not in page


def test_fullwidth_username_is_stored_normalised(app, client):
    register(client, "ａｍｉｒａ", "quiet lanterns drift")
    from quizapp.models import User

    with app.app_context():
        user = db.session.execute(db.select(User)).scalar_one()
        assert user.username == "amira"
        assert user.username_key == username_skeleton("amira")


def test_look_alike_refused_by_the_database_too(app, create_user):
    from sqlalchemy.exc import IntegrityError

    from quizapp.models import User

    create_user("student")
    with app.app_context():
        db.session.add(User(username="ѕtudent", password_hash="!"))
        with pytest.raises(IntegrityError):
            db.session.flush()


def test_unknown_and_known_users_cost_one_password_check(app, create_user, monkeypatch):
    from quizapp.services import accounts

    create_user("bo")
    checks = []
    real = accounts.check_password_hash
    monkeypatch.setattr(
        accounts, "check_password_hash", lambda *args: checks.append(1) or real(*args)
    )
    from quizapp.models import user as user_module

    monkeypatch.setattr(
        user_module, "check_password_hash", lambda *args: checks.append(1) or real(*args)
    )
    with app.app_context():
        assert accounts.authenticate("nobody-here", "wrong-password") is None
        unknown = len(checks)
        assert accounts.authenticate("bo", "wrong-password") is None
        known = len(checks) - unknown
    assert unknown == known == 1


@pytest.fixture
def limited_app(database_url):
    """An app with low per-account limits on log-in and join codes."""
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "LOGIN_RATE_LIMIT": "100 per minute",
            "LOGIN_ACCOUNT_RATE_LIMIT": "3 per minute",
            "JOIN_RATE_LIMIT": "3 per minute",
        }
    )
    with app.app_context():
        upgrade(revision="heads")
    yield app
    with app.app_context():
        db.engine.dispose()


def _login_from(app, address, username, password):
    client = app.test_client()
    token = csrf_token(client)
    return client.post(
        "/auth/login",
        data={"csrf_token": token, "username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_login_limited_per_account_across_addresses(limited_app):
    from quizapp.services.accounts import create_user

    with limited_app.app_context():
        create_user("bo", "right-password-1")
        db.session.commit()
    codes = [_login_from(limited_app, f"10.0.0.{n}", "bo", "wrong").status_code for n in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    # another account is not affected
    assert _login_from(limited_app, "10.0.0.9", "someone-else", "wrong").status_code == 200


def test_successful_logins_do_not_use_up_the_account_limit(limited_app):
    from quizapp.services.accounts import create_user

    with limited_app.app_context():
        create_user("bo", "right-password-1")
        db.session.commit()
    codes = [
        _login_from(limited_app, "10.0.0.1", "bo", "right-password-1").status_code for _ in range(5)
    ]
    assert codes == [302] * 5


def test_join_codes_limited_per_account(limited_app):
    from quizapp.services.accounts import create_user

    with limited_app.app_context():
        create_user("bo", "right-password-1")
        db.session.commit()
    client = limited_app.test_client()
    token = csrf_token(client)
    client.post(
        "/auth/login", data={"csrf_token": token, "username": "bo", "password": "right-password-1"}
    )
    codes = [
        client.post(
            "/classes/",
            data={"csrf_token": token, "code": f"WRONG{n}"},
            environ_base={"REMOTE_ADDR": f"10.0.1.{n}"},
        ).status_code
        for n in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]


def test_control_characters_in_log_in_and_registration_are_refused_not_500(client):
    login = post_form(client, "/auth/login", {"username": "bo\x00b", "password": "x\x00y"})
    assert login.status_code == 400
    assert "cannot be stored" in login.get_data(as_text=True)
    page = register(client, "amira\x00", "quiet lanterns\x00 drift")
    assert "Your account is ready." not in page and "cannot be stored" in page
    assert client.get("/quizzes/?x=%00").status_code in (302, 400)
