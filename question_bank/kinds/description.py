"""Description: text shown between questions; nothing to answer, never marked, worth no marks.

Response: none (``None``).
"""

from __future__ import annotations

from typing import Any

from question_bank.kinds.base import Mark, QuestionKind
from question_bank.model import Question


class DescriptionKind(QuestionKind):
    """Text between questions."""

    name = "description"
    label = "Description (text between questions)"
    position = 90
    is_scored = False
    is_auto_marked = False
    is_card = False

    def clean_response(self, question: Question, value: Any) -> None:
        """There is nothing to answer."""
        return None

    def mark(self, question: Question, response: Any) -> Mark:
        """Never marked."""
        return Mark(None)

    def right_response(self, question: Question) -> None:
        """Nothing to answer."""
        return None

    def right_answer_text(self, question: Question) -> str:
        """Nothing to answer."""
        return ""

    def response_text(self, question: Question, response: Any) -> str:
        """Nothing to answer."""
        return ""

    def card_back(self, question: Question) -> str:
        """The general feedback."""
        return question.general_feedback

    def example(self) -> Question:
        """A note before the questions."""
        return Question(
            kind=self.name,
            prompt="The next questions are about the talks in Baku.",
            default_mark=0.0,
        )


KIND = DescriptionKind()
