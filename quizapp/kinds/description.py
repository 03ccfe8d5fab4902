"""Description on the web: text shown between questions; no controls, no marks."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from question_bank.model import Question as BankQuestion
from quizapp.forms.questions.base import BaseQuestionForm
from quizapp.kinds.base import Fields, WebKind


class DescriptionForm(BaseQuestionForm):
    """Text shown between questions (worth no marks)."""

    def kind_fields(self) -> dict[str, Any]:
        """A description carries no marks."""
        return {"default_mark": 0.0}


class DescriptionWeb(WebKind):
    """Nothing to answer."""

    name = "description"
    form = DescriptionForm

    def read(self, form: MultiDict, name: str, question: BankQuestion) -> None:
        """Nothing is posted."""
        return None

    def form_fields(self, name: str, question: BankQuestion, response: Any) -> Fields:
        """Nothing to show."""
        return {}


WEB_KIND = DescriptionWeb()
