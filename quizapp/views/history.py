"""A student's own score history."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from quizapp.services.attempts import attempt_history

bp = Blueprint("history", __name__, url_prefix="/history")


@bp.get("/")
@login_required
def index():
    """Submitted attempts, newest first."""
    return render_template("history/index.html", attempts=attempt_history(current_user))
