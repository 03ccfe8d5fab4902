"""Ordering on the web: the steps in their right order; one drop-down of steps per position."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict
from wtforms import FieldList, StringField
from wtforms.validators import Length, Optional, ValidationError

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from quizapp.forms.questions.base import BaseQuestionForm
from quizapp.kinds.base import Fields, WebKind, field_text


class OrderingForm(BaseQuestionForm):
    """Steps to put in order, listed here in their right order."""

    steps = FieldList(
        StringField("Step", validators=[Optional(), Length(max=300)]), min_entries=6, max_entries=30
    )

    def validate_steps(self, field) -> None:
        """Two or more steps."""
        if len([s for s in field.data if (s or "").strip()]) < 2:
            raise ValidationError("Give at least two steps, in their right order.")

    def kind_fields(self) -> dict[str, Any]:
        """Steps as answers, in order."""
        return {
            "answers": tuple(Answer(s.strip(), 1.0) for s in self.steps.data if (s or "").strip())
        }

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Steps in order."""
        return {"steps": [a.text for a in question.answers]}


class OrderingWeb(WebKind):
    """One drop-down per position, listing the steps in an order of the attempt's own."""

    name = "ordering"
    form = OrderingForm
    always_shuffled = True

    def read(self, form: MultiDict, name: str, question: BankQuestion) -> list[str]:
        """The step chosen for each position."""
        return [field_text(form, f"{name}-{i}") for i in range(len(question.answers))]

    def form_fields(self, name: str, question: BankQuestion, response: Any) -> Fields:
        """One field per position."""
        return {f"{name}-{i}": [str(value)] for i, value in enumerate(response or ()) if value}

    def option_count(self, question: BankQuestion) -> int:
        """Every step."""
        return len(question.answers)


WEB_KIND = OrderingWeb()
