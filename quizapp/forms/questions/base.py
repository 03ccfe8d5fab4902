"""What every question kind's authoring form shares: common fields and answer-row helpers."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import Form, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from quizapp.forms.fields import FiniteFloatField


class OptionForm(Form):
    """One answer: its text, the share of the mark it earns (percent) and its feedback."""

    text = StringField("Answer", validators=[Optional(), Length(max=500)])
    fraction = FiniteFloatField(
        "Mark %", validators=[Optional(), NumberRange(-100, 100)], default=0
    )
    feedback = StringField("Feedback", validators=[Optional(), Length(max=1000)])


class PairForm(Form):
    """One matching pair."""

    left = StringField("Item", validators=[Optional(), Length(max=300)])
    right = StringField("Match", validators=[Optional(), Length(max=300)])


class BaseQuestionForm(FlaskForm):
    """Fields every kind has."""

    title = StringField(
        "Title (optional)",
        description="Left empty, the question is named by its first words.",
        validators=[Optional(), Length(max=200)],
    )
    prompt = TextAreaField("Question text", validators=[DataRequired(), Length(max=5000)])
    category = SelectField("Category", coerce=int, default=0)
    tags = StringField("Tags (comma-separated)", validators=[Optional(), Length(max=500)])
    general_feedback = TextAreaField(
        "General feedback (optional)", validators=[Optional(), Length(max=5000)]
    )
    default_mark = FiniteFloatField(
        "Marks", default=1.0, validators=[InputRequired(), NumberRange(0.1, 100)]
    )
    submit = SubmitField("Save question")

    #: A line of help above the kind's fields, and one about marks below them.
    hint = ""
    marks_hint = ""

    def kind_fields(self) -> dict[str, Any]:
        """The kind-specific fields of the bank question this form describes."""
        return {}

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Form data for the kind-specific fields of ``question`` (for editing)."""
        return {}


def filled_rows(entries) -> list:
    """Answer rows whose text is filled in."""
    return [entry for entry in entries if (entry.form.text.data or "").strip()]


def answers_of(entries) -> tuple[Answer, ...]:
    """The bank answers of the filled rows (marks typed as percentages)."""
    return tuple(
        Answer(
            e.form.text.data.strip(),
            (e.form.fraction.data or 0) / 100,
            (e.form.feedback.data or "").strip(),
        )
        for e in filled_rows(entries)
    )


def option_rows(question: BankQuestion) -> list[dict]:
    """Form rows for the answers of ``question`` (marks as percentages)."""
    return [
        {"text": a.text, "fraction": round(a.fraction * 100, 4), "feedback": a.feedback}
        for a in question.answers
    ]
