"""Sessions end on the server at log-out; security headers and cookie settings."""

from __future__ import annotations

import re
from datetime import timedelta

from quizapp import create_app
from quizapp.headers import SECURITY_HEADERS
from tests.conftest import post_form


def _login(client, remember=False):
    data = {"username": "bo", "password": "password123"}
    if remember:
        data["remember"] = "y"
    return post_form(client, "/auth/login", data)


def _copy_cookies(source, target):
    for cookie in source._cookies.values():
        target.set_cookie(cookie.key, cookie.value, domain=cookie.domain, path=cookie.path)


def test_copied_session_cookie_stops_working_after_logout(app, client, create_user):
    create_user("bo")
    _login(client)
    thief = app.test_client()
    _copy_cookies(client, thief)
    assert thief.get("/history/").status_code == 200
    post_form(client, "/auth/logout")
    assert thief.get("/history/").status_code == 302


def test_copied_remember_cookie_stops_working_after_logout(app, client, create_user):
    create_user("bo")
    _login(client, remember=True)
    remember = client.get_cookie("remember_token")
    assert remember is not None
    thief = app.test_client()
    thief.set_cookie("remember_token", remember.value)
    assert thief.get("/history/").status_code == 200  # the remember cookie alone logs in
    post_form(client, "/auth/logout")
    fresh = app.test_client()
    fresh.set_cookie("remember_token", remember.value)
    assert fresh.get("/history/").status_code == 302


def test_log_out_everywhere_ends_other_devices(app, client, create_user):
    create_user("bo")
    phone = app.test_client()
    _login(phone, remember=True)
    _login(client)
    assert phone.get("/history/").status_code == 200
    page = post_form(client, "/auth/sessions", follow_redirects=True).get_data(as_text=True)
    assert "Logged out everywhere (2 sessions ended)" in page
    assert phone.get("/history/").status_code == 302
    assert client.get("/history/").status_code == 302
    bare = app.test_client()
    bare.set_cookie("remember_token", phone.get_cookie("remember_token").value)
    assert bare.get("/history/").status_code == 302


def test_forged_session_ids_are_refused(app, client, create_user):
    user = create_user("bo")
    for forged in (str(user.id), f"{user.id}:", f"{user.id}:guess", "x:y", "9" * 40 + ":a"):
        with client.session_transaction() as session:
            session["_user_id"] = forged
            session["_fresh"] = True
        assert client.get("/history/").status_code == 302, forged


def test_every_response_has_security_headers(client, create_user):
    create_user("bo")
    responses = [
        client.get("/"),
        client.get("/auth/login"),
        client.get("/static/app.css"),
        client.get("/no-such-page"),
        client.post("/auth/login", data={}),  # CSRF error page
    ]
    _login(client)
    responses += [client.get("/quizzes/"), client.get("/progress/"), client.get("/health")]
    for response in responses:
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (response.request.path, name)
        response.close()
    policy = SECURITY_HEADERS["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


INLINE = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=|javascript:", re.I)


def test_pages_have_no_inline_script_or_style(client, create_user, bundled_quiz):
    create_user("bo")
    _login(client)
    start = post_form(client, f"/quizzes/{bundled_quiz}/start")
    take = start.headers["Location"]
    for url in ("/", "/quizzes/", take, "/history/", "/progress/", "/cards/", "/cards/review"):
        page = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert not INLINE.search(page), url


def test_cookies_secure_outside_debug_and_remember_lasts_30_days(database_url):
    app = create_app({"SECRET_KEY": "s", "SQLALCHEMY_DATABASE_URI": database_url})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=30)
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "REMEMBER_DAYS": 7})
    assert not app.config["SESSION_COOKIE_SECURE"]
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=7)
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "SECURE_COOKIES": True}
    )
    assert app.config["SESSION_COOKIE_SECURE"]


def test_remember_cookie_is_secure_and_http_only_outside_testing(client, app, create_user):
    create_user("bo")
    app.config.update(REMEMBER_COOKIE_SECURE=True)
    response = _login(client, remember=True)
    header = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token")]
    assert header and "Secure" in header[0] and "HttpOnly" in header[0]
    assert "Max-Age=2592000" in header[0] or "Expires" in header[0]


def test_health_checks_the_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}
    assert response.headers["X-Request-ID"]
