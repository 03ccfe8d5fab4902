"""Essay: a written answer the teacher marks by hand (never marked here).

Response: the text written. Its mark stays ``None`` until the teacher gives one.
"""

from __future__ import annotations

from typing import Any

from question_bank.kinds.base import Mark, QuestionKind
from question_bank.model import Question

#: Feedback shown with an essay until it is marked.
WAITING = "This answer is marked by your teacher."
#: The back of an essay's flashcard when it has no model answer.
NO_MODEL_ANSWER = "No model answer: this one is marked by your teacher."


class EssayKind(QuestionKind):
    """A written answer marked by the teacher."""

    name = "essay"
    label = "Essay (marked by the teacher)"
    position = 80
    is_auto_marked = False
    is_card = False

    def mark(self, question: Question, response: Any) -> Mark:
        """Left for the teacher."""
        return Mark(None, WAITING)

    def right_response(self, question: Question) -> None:
        """Essays have no right response."""
        return None

    def right_answer_text(self, question: Question) -> str:
        """Nothing: the teacher judges the answer."""
        return ""

    def response_text(self, question: Question, response: Any) -> str:
        """What was written."""
        return str(response) or "(no answer)"

    def card_back(self, question: Question) -> str:
        """The model answer: the essay's answers when it has some, else its general feedback,
        else a note that the teacher marks it (essays are no flashcards in the app)."""
        model = "\n".join(answer.text for answer in question.answers if answer.text.strip())
        return model or question.general_feedback or NO_MODEL_ANSWER

    def example(self) -> Question:
        """Why did the talks matter?"""
        return Question(kind=self.name, prompt="Why did the talks matter to both countries?")


KIND = EssayKind()
