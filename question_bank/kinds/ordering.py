"""Ordering: steps to put in their right order (the answers, listed in that order).

Response: the step texts in the order the student put them. Each step in its right place earns
an equal share of the mark.
"""

from __future__ import annotations

from typing import Any

from question_bank.kinds.base import ALL_FORMATS, Mark, QuestionKind, split_parts, text_parts
from question_bank.model import Answer, Item, Question


class OrderingKind(QuestionKind):
    """Steps put in order (see the module rules)."""

    name = "ordering"
    label = "Ordering"
    position = 60
    is_generated = True
    formats = ALL_FORMATS - {"gift"}

    def problems(self, question: Question) -> list[str]:
        """Two steps at least."""
        found = super().problems(question)
        if len(question.answers) < 2:
            found.append("an ordering question needs at least two steps")
        return found

    def clean_response(self, question: Question, value: Any) -> list[str]:
        """One step per position."""
        parts = [part.strip() for part in text_parts(value)]
        count = len(question.answers)
        return (parts + [""] * count)[:count]

    def response_from_text(self, question: Question, text: str) -> list[str]:
        """Steps in order, separated by ``|``."""
        return self.clean_response(question, split_parts(text))

    def mark(self, question: Question, response: Any) -> Mark:
        """The share of steps in their right place."""
        if not question.answers:
            return Mark(0.0)
        right = sum(
            1
            for answer, given in zip(question.answers, response, strict=False)
            if given == answer.text
        )
        return Mark(right / len(question.answers))

    def right_response(self, question: Question) -> list[str]:
        """The steps in order."""
        return [answer.text for answer in question.answers]

    def right_answer_text(self, question: Question) -> str:
        """Step → step → step."""
        return " → ".join(answer.text for answer in question.answers)

    def response_text(self, question: Question, response: Any) -> str:
        """The student's order."""
        return " → ".join(given or "?" for given in response)

    def card_front(self, question: Question) -> str:
        """The prompt and the steps, in alphabetical order."""
        steps = "\n".join(f"• {text}" for text in sorted(a.text for a in question.answers))
        return f"{question.prompt}\n{steps}"

    def card_back(self, question: Question) -> str:
        """The steps in order."""
        return self.right_answer_text(question)

    def from_item(self, item: Item) -> dict[str, Any]:
        """The item's sequence as steps."""
        return {"answers": tuple(Answer(text=step, fraction=1.0) for step in item.sequence)}

    def example(self) -> Question:
        """Put the visit's events in order."""
        return Question(
            kind=self.name,
            prompt="Put the events of the visit in order.",
            answers=(Answer("Arrival"), Answer("Talks"), Answer("Press conference")),
        )


KIND = OrderingKind()
