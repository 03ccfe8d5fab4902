"""The front page and the site's icon."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    """Send each role to its home; show the welcome page to visitors."""
    if current_user.is_authenticated:
        return redirect(url_for("teach.dashboard" if current_user.is_teacher else "quiz.index"))
    return render_template("main/index.html")


@bp.get("/favicon.ico")
def favicon():
    """The icon browsers ask for at the site's root: the app's SVG icon."""
    return redirect(url_for("static", filename="favicon.svg"))
