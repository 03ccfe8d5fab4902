"""A student's own score history."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from quizapp.extensions import db
from quizapp.services.attempts import attempt_history, close_expired

bp = Blueprint("history", __name__, url_prefix="/history")


@bp.get("/")
@login_required
def index():
    """Submitted attempts, newest first (attempts whose time ran out are closed first)."""
    if close_expired(user=current_user):
        db.session.commit()
    return render_template("history/index.html", attempts=attempt_history(current_user))
