"""Multiple choice on the web: options with marks and feedback; radio buttons or check boxes."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, FieldList, FormField
from wtforms.validators import ValidationError

from question_bank.model import Question as BankQuestion
from quizapp.forms.questions.base import (
    BaseQuestionForm,
    OptionForm,
    answers_of,
    filled_rows,
    option_rows,
)
from quizapp.kinds.base import Fields, WebKind, field_indices


class MultichoiceForm(BaseQuestionForm):
    """Multiple choice with one or several right answers, per-option feedback and weights."""

    marks_hint = (
        "Marks are percentages: 100 for the right option (or shares adding up to 100 when "
        "several are right), 0 or a negative penalty for wrong ones."
    )
    several = BooleanField("Several answers are right (students tick every right one)")
    answers = FieldList(FormField(OptionForm), min_entries=6, max_entries=20)

    def validate_answers(self, field) -> None:
        """Two options or more; one at 100% (single) or positive marks summing to 100% (several)."""
        filled = filled_rows(field.entries)
        if len(filled) < 2:
            raise ValidationError("Give at least two options.")
        marks = [e.form.fraction.data or 0 for e in filled]
        if not self.several.data and max(marks) != 100:
            raise ValidationError("Give the right option a mark of 100%.")
        if self.several.data and abs(sum(m for m in marks if m > 0) - 100) > 0.5:
            raise ValidationError("The marks of the right options must add up to 100%.")

    def kind_fields(self) -> dict[str, Any]:
        """Options and whether one or several are right."""
        return {"answers": answers_of(self.answers.entries), "single": not self.several.data}

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Options as rows."""
        return {"answers": option_rows(question), "several": not question.single}


class MultichoiceWeb(WebKind):
    """Options as radio buttons (one right) or check boxes (several)."""

    name = "multichoice"
    form = MultichoiceForm
    shuffles_options = True

    def read(self, form: MultiDict, name: str, question: BankQuestion) -> list[int]:
        """The ticked options' indices."""
        return field_indices(form, name)

    def form_fields(self, name: str, question: BankQuestion, response: Any) -> Fields:
        """One value per ticked option."""
        return {name: [str(i) for i in response or ()]}

    def option_count(self, question: BankQuestion) -> int:
        """Every option."""
        return len(question.answers)


WEB_KIND = MultichoiceWeb()
