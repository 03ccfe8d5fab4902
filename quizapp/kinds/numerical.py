"""Numerical on the web: the right number, its tolerance and feedback; one text field."""

from __future__ import annotations

from typing import Any

from wtforms import StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from question_bank.typed import read_number
from quizapp.forms.fields import FiniteFloatField
from quizapp.forms.questions.base import BaseQuestionForm
from quizapp.kinds.base import WebKind


class NumericalForm(BaseQuestionForm):
    """A number, right within a tolerance."""

    answer = FiniteFloatField(
        "Right answer", validators=[InputRequired(message="Give the right number.")]
    )
    tolerance = FiniteFloatField(
        "Accepted error (±)", default=0.0, validators=[Optional(), NumberRange(min=0)]
    )
    feedback = StringField(
        "Feedback for the right answer", validators=[Optional(), Length(max=1000)]
    )

    def kind_fields(self) -> dict[str, Any]:
        """One answer with its tolerance."""
        return {
            "answers": (
                Answer(
                    f"{self.answer.data:g}",
                    1.0,
                    self.feedback.data or "",
                    self.tolerance.data or 0.0,
                ),
            )
        }

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """The first right answer."""
        right = (question.right_answers or question.answers or (Answer("0"),))[0]
        number = read_number(right.text)
        return {
            "answer": float(number) if number is not None else None,
            "tolerance": right.tolerance or 0.0,
            "feedback": right.feedback,
        }


class NumericalWeb(WebKind):
    """One text field for a number."""

    name = "numerical"
    form = NumericalForm


WEB_KIND = NumericalWeb()
