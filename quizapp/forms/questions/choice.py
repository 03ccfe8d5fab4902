"""Authoring forms for kinds with listed or typed answers: choice, true/false, short, numerical."""

from __future__ import annotations

from typing import Any

from wtforms import BooleanField, FieldList, FloatField, FormField, RadioField, StringField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from quizapp.forms.choices import options
from quizapp.forms.questions.base import (
    BaseQuestionForm,
    OptionForm,
    answers_of,
    filled_rows,
    option_rows,
)


class MultichoiceForm(BaseQuestionForm):
    """Multiple choice with one or several right answers, per-option feedback and weights."""

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


class TrueFalseForm(BaseQuestionForm):
    """A statement that is true or false, with feedback for each answer."""

    correct = RadioField(
        "The statement is",
        choices=options([("True", "True"), ("False", "False")]),
        validators=[DataRequired()],
    )
    feedback_true = StringField("Feedback for “True”", validators=[Optional(), Length(max=1000)])
    feedback_false = StringField("Feedback for “False”", validators=[Optional(), Length(max=1000)])

    def kind_fields(self) -> dict[str, Any]:
        """The two fixed answers, in order True, False."""
        right = self.correct.data
        return {
            "answers": (
                Answer("True", 1.0 if right == "True" else 0.0, self.feedback_true.data or ""),
                Answer("False", 1.0 if right == "False" else 0.0, self.feedback_false.data or ""),
            ),
            "shuffle": False,
        }

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Which answer is right and each feedback."""
        by_text = {a.text: a for a in question.answers}
        right = next((a.text for a in question.answers if a.fraction > 0), "True")
        return {
            "correct": right,
            "feedback_true": by_text.get("True", Answer("True")).feedback,
            "feedback_false": by_text.get("False", Answer("False")).feedback,
        }


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


class NumericalForm(BaseQuestionForm):
    """A number, right within a tolerance."""

    answer = FloatField(
        "Right answer", validators=[InputRequired(message="Give the right number.")]
    )
    tolerance = FloatField(
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
        try:
            number = float(right.text.replace(",", ""))
        except ValueError:
            number = None
        return {"answer": number, "tolerance": right.tolerance or 0.0, "feedback": right.feedback}
