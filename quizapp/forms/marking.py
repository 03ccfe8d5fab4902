"""The teacher's mark and comment on one response, and the regrade confirmation."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from quizapp.forms.fields import FiniteFloatField


class MarkForm(FlaskForm):
    """A mark (0 to the question's marks) and an optional comment for the student."""

    points = FiniteFloatField("Mark", validators=[InputRequired(), NumberRange(min=0)])
    comment = TextAreaField("Comment for the student", validators=[Optional(), Length(max=5000)])
    by = HiddenField()
    submit = SubmitField("Save mark")
