"""A student's own score history."""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user, login_required

from quizapp.extensions import db
from quizapp.fragments import cached_student_page
from quizapp.services.attempts import attempt_history, close_expired

bp = Blueprint("history", __name__, url_prefix="/history")


@bp.get("/")
@login_required
def index():
    """Submitted attempts, newest first (attempts whose time ran out are closed first; the
    page is cached until the student's results change)."""
    if close_expired(user=current_user):
        db.session.commit()
    return cached_student_page(
        "history/index.html", lambda: {"attempts": attempt_history(current_user)}
    )
