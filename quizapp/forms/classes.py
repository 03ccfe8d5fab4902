"""Forms for classes: creating one, joining one, assigning a quiz or deck to one."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from quizapp.forms.choices import options
from quizapp.local_time import zone_label
from quizapp.models import AssignmentKind


class ClassForm(FlaskForm):
    """A new class."""

    name = StringField("Class name", validators=[DataRequired(), Length(max=120)])
    submit = SubmitField("Create class")


class JoinForm(FlaskForm):
    """The code a teacher gave to the class."""

    code = StringField("Class code", validators=[DataRequired(), Length(min=4, max=24)])
    submit = SubmitField("Join class")


class AssignForm(FlaskForm):
    """Set a quiz (to take) or its deck (to study) for a class, with optional dates (typed on
    the school's clock, ``quizapp.local_time``)."""

    quiz = SelectField("Quiz", coerce=int, validators=[DataRequired(message="Choose a quiz.")])
    kind = SelectField(
        "As",
        choices=options(
            [
                (AssignmentKind.QUIZ.value, "a quiz to take"),
                (AssignmentKind.DECK.value, "a flashcard deck"),
            ]
        ),
        default=AssignmentKind.QUIZ.value,
    )
    opens_at = DateTimeLocalField("Opens (optional)", validators=[Optional()])
    due_at = DateTimeLocalField("Due (optional)", validators=[Optional()])
    submit = SubmitField("Assign")

    def validate_due_at(self, field) -> None:
        """The due date must come after the opening date."""
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError("The due date must be after the opening date.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        clock = zone_label()
        for field in (self.opens_at, self.due_at):
            field.label.text = field.label.text.replace("(", f"({clock}, ", 1)
