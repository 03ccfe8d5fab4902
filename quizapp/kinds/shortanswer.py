"""Short answer on the web: accepted variants with marks; one text field."""

from __future__ import annotations

from typing import Any

from wtforms import FieldList, FormField
from wtforms.validators import ValidationError

from question_bank.model import Question as BankQuestion
from quizapp.forms.questions.base import (
    BaseQuestionForm,
    OptionForm,
    answers_of,
    filled_rows,
    option_rows,
)
from quizapp.kinds.base import WebKind


class ShortAnswerForm(BaseQuestionForm):
    """A typed answer; every accepted variant is listed with its mark."""

    answers = FieldList(FormField(OptionForm), min_entries=4, max_entries=20)

    def validate_answers(self, field) -> None:
        """At least one variant earning 100%."""
        if not any((e.form.fraction.data or 0) == 100 for e in filled_rows(field.entries)):
            raise ValidationError("Give at least one accepted answer a mark of 100%.")

    def kind_fields(self) -> dict[str, Any]:
        """Accepted variants."""
        return {"answers": answers_of(self.answers.entries)}

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Variants as rows."""
        return {"answers": option_rows(question)}


class ShortAnswerWeb(WebKind):
    """One text field."""

    name = "shortanswer"
    form = ShortAnswerForm


WEB_KIND = ShortAnswerWeb()
