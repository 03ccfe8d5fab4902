"""Registering, logging in and out, CSRF and redirects."""

from __future__ import annotations

from tests.conftest import csrf_token, post_form


def test_register_logs_in_and_lands_on_quizzes(client):
    response = post_form(
        client,
        "/auth/register",
        {"username": "amira", "password": "secret-pass-1", "confirm": "secret-pass-1"},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "Your account is ready." in response.get_data(as_text=True)
    assert "Log out amira" in response.get_data(as_text=True)


def test_register_reports_field_errors(client, create_user):
    create_user("amira")
    form = client.get("/auth/register").get_data(as_text=True)
    assert "At least 10 characters" in form  # said before it is refused
    page = post_form(
        client, "/auth/register", {"username": "AMIRA", "password": "short", "confirm": "other"}
    ).get_data(as_text=True)
    assert "already taken" in page
    assert "Use at least 10 characters." in page
    assert "The passwords differ." in page


def test_login_wrong_password_is_refused(client, auth, create_user):
    create_user("bo", "right-password")
    page = auth.login("bo", "wrong-password").get_data(as_text=True)
    assert "Unknown username or wrong password." in page
    assert client.get("/history/").status_code == 302


def test_login_follows_local_next_only(client, auth, create_user):
    create_user("bo")
    token = csrf_token(client)
    local = client.post(
        "/auth/login?next=/history/",
        data={"csrf_token": token, "username": "bo", "password": "password123"},
    )
    assert local.headers["Location"] == "/history/"
    auth.logout()
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        token = csrf_token(client)
        response = client.post(
            f"/auth/login?next={target}",
            data={"csrf_token": token, "username": "bo", "password": "password123"},
        )
        assert response.status_code == 302
        assert response.headers["Location"] == "/", target
        auth.logout()


def test_post_without_csrf_token_is_refused(client, create_user):
    create_user("bo")
    response = client.post("/auth/login", data={"username": "bo", "password": "password123"})
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
    assert client.get("/history/").status_code == 302  # still anonymous


def test_logout_requires_post_and_logs_out(client, auth, create_user):
    create_user("bo")
    auth.login("bo")
    assert client.get("/auth/logout").status_code == 405
    assert client.get("/history/").status_code == 200
    auth.logout()
    assert client.get("/history/").status_code == 302


def test_passwords_are_hashed(app, create_user):
    from quizapp.extensions import db
    from quizapp.models import User

    user = create_user("bo", "plain-text-pw")
    with app.app_context():
        stored = db.session.get(User, user.id).password_hash
    assert "plain-text-pw" not in stored
    assert stored.startswith(("scrypt:", "pbkdf2:"))
