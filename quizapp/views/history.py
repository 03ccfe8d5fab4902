"""A student's own score history."""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user, login_required

from quizapp.fragments import cached_student_page
from quizapp.services.attempts import attempt_history

bp = Blueprint("history", __name__, url_prefix="/history")


@bp.get("/")
@login_required
def index():
    """Submitted attempts, newest first (cached until the student's results change)."""
    return cached_student_page(
        "history/index.html", lambda: {"attempts": attempt_history(current_user)}
    )
