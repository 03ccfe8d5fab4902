"""Quiz forms: CSRF-protected buttons and the teacher's quiz settings."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from quizapp.forms.choices import options
from quizapp.models import FeedbackPolicy


class ActionForm(FlaskForm):
    """A form with only a CSRF token and a button."""

    submit = SubmitField("Go")


class QuizSettingsForm(FlaskForm):
    """Title and the rules for taking the quiz."""

    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description (optional)", validators=[Optional(), Length(max=2000)])
    is_public = BooleanField("Public practice: every student may take it, in a class or not")
    is_shuffle_questions = BooleanField("Shuffle the questions for each attempt")
    is_shuffle_options = BooleanField("Shuffle the options of choice questions")
    is_one_per_page = BooleanField(
        "One question per page, with a progress bar, a question navigator and flags"
    )
    max_attempts = IntegerField(
        "Attempts allowed (empty: no limit)", validators=[Optional(), NumberRange(1, 100)]
    )
    time_limit_minutes = IntegerField(
        "Time limit in minutes (empty: none)", validators=[Optional(), NumberRange(1, 600)]
    )
    feedback_policy = SelectField(
        "Show right answers and feedback",
        choices=options(
            [
                (FeedbackPolicy.IMMEDIATE.value, "right after submitting"),
                (FeedbackPolicy.AFTER_DUE.value, "after the due date"),
                (FeedbackPolicy.NEVER.value, "never (score only)"),
            ]
        ),
    )
    submit = SubmitField("Save settings")
