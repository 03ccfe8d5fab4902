"""Registering, logging in and out (of this device or every device)."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db, limiter
from quizapp.forms.auth import LoginForm, RegisterForm
from quizapp.forms.quiz import ActionForm
from quizapp.ratelimits import failures_limited
from quizapp.services.accounts import (
    AccountError,
    authenticate,
    close_all_sessions,
    close_session,
    create_user,
    open_session,
)
from quizapp.services.credentials import normalise_username
from quizapp.wording import counted

bp = Blueprint("auth", __name__, url_prefix="/auth")


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a path on this site, else None (refuses off-site redirects)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target


def account_key() -> str:
    """Rate-limit key of the account a log-in form names, whatever address it comes from."""
    return "account:" + normalise_username(request.form.get("username", "")).lower()[:64]


def _session_lifetime(remember: bool) -> timedelta:
    config = current_app.config
    if remember:
        return config["REMEMBER_COOKIE_DURATION"]
    return timedelta(hours=config["LOGIN_SESSION_HOURS"])


def start_session(user, remember: bool = False) -> None:
    """Log ``user`` in on this device with a new server-side session."""
    open_session(user, _session_lifetime(remember))
    db.session.commit()
    login_user(user, remember=remember)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
@failures_limited("LOGIN_ACCOUNT_RATE_LIMIT", "login-account", key_func=account_key)
def login():
    """Log a user in and send them where they were going (on this site only)."""
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            form.password.errors.append("Unknown username or wrong password.")
        else:
            start_session(user, remember=form.remember.data)
            flash(f"Welcome, {user.username}.", "success")
            return redirect(safe_next(request.args.get("next")) or url_for("main.index"))
    return render_template("auth/login.html", form=form)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
def register():
    """Create a student account and log it in."""
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = create_user(form.username.data, form.password.data)
            db.session.commit()
        except (AccountError, IntegrityError):
            db.session.rollback()
            form.username.errors.append("That username was just taken; please choose another.")
        else:
            start_session(user)
            flash("Your account is ready.", "success")
            return redirect(url_for("main.index"))
    return render_template("auth/register.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    """Log out of this device: its session and remember cookie stop working on the server too."""
    close_session(current_user)
    db.session.commit()
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("main.index"))


@bp.route("/sessions", methods=["GET", "POST"])
@login_required
def sessions():
    """Log out everywhere: end every session of this account, on every device."""
    form = ActionForm()
    if form.validate_on_submit():
        closed = close_all_sessions(current_user)
        db.session.commit()
        logout_user()
        flash(f"Logged out everywhere ({counted(closed, 'session')} ended).", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/sessions.html", form=form)
