"""Small action forms for quizzes (CSRF-protected buttons)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SubmitField


class ActionForm(FlaskForm):
    """A form with only a CSRF token and a button."""

    submit = SubmitField("Go")
