"""True or false on the web: which answer is right and the feedback for each; two radio buttons."""

from __future__ import annotations

from typing import Any

from wtforms import RadioField, StringField
from wtforms.validators import DataRequired, Length, Optional

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from quizapp.forms.choices import options
from quizapp.forms.questions.base import BaseQuestionForm
from quizapp.kinds.multichoice import MultichoiceWeb


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


class TrueFalseWeb(MultichoiceWeb):
    """True and False as radio buttons, never shuffled."""

    name = "truefalse"
    form = TrueFalseForm
    shuffles_options = False


WEB_KIND = TrueFalseWeb()
