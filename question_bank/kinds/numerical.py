"""Numerical: a number, right within each answer's tolerance.

Response: the typed text, read by ``question_bank.typed.read_number`` (grouping, decimal comma,
scale words: ``2 billion`` = ``2bn`` = 2000000000). The best-earning answer whose value is within
its tolerance gives the mark; an answer ``*`` stands for any other number (Moodle's form).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from question_bank.kinds.base import Mark, QuestionKind, clip
from question_bank.model import Answer, Item, Question
from question_bank.typed.numbers import format_number, read_number


def _tolerance(answer: Answer) -> Decimal:
    try:
        value = Decimal(str(answer.tolerance or 0))
    except InvalidOperation:
        return Decimal(0)
    return abs(value) if value.is_finite() else Decimal(0)


def number_mark(answers: tuple[Answer, ...], given: Any) -> Mark:
    """The mark of a typed number against numerical answers (module rules)."""
    value = read_number(str(given or ""))
    if value is None:
        return Mark(0.0, "Please give a number." if str(given or "").strip() else "")
    best: Answer | None = None
    for answer in answers:
        target = read_number(answer.text)
        if answer.text.strip() == "*" or (
            target is not None and abs(value - target) <= _tolerance(answer)
        ):
            if best is None or answer.fraction > best.fraction:
                best = answer
    return Mark(clip(best.fraction), best.feedback) if best else Mark(0.0)


class NumericalKind(QuestionKind):
    """A number within a tolerance (see the module rules)."""

    name = "numerical"
    label = "Numerical"
    position = 40
    is_generated = True

    def problems(self, question: Question) -> list[str]:
        """Every answer a number (or ``*``), one earning marks."""
        found = super().problems(question)
        for answer in question.answers:
            if answer.text.strip() != "*" and read_number(answer.text) is None:
                found.append(f"answer {answer.text!r} is not a number")
        if not any(a.fraction > 0 for a in question.answers):
            found.append("no answer earns a mark")
        return found

    def mark(self, question: Question, response: Any) -> Mark:
        """The best-earning answer within tolerance."""
        return number_mark(question.answers, response)

    def right_response(self, question: Question) -> str:
        """The best answer's number."""
        return max(
            (a for a in question.answers if a.text.strip() != "*"), key=lambda a: a.fraction
        ).text

    def response_text(self, question: Question, response: Any) -> str:
        """What was typed."""
        return str(response) or "(no answer)"

    def right_answer_text(self, question: Question) -> str:
        """The best answer, with its tolerance."""
        return self.card_back(question).split("; ")[0]

    def card_back(self, question: Question) -> str:
        """Every right answer with its tolerance."""
        parts = []
        for answer in question.right_answers:
            if answer.text.strip() == "*":
                continue
            tolerance = f" ± {format_number(answer.tolerance)}" if answer.tolerance else ""
            parts.append(answer.text + tolerance)
        return "; ".join(parts)

    def from_item(self, item: Item) -> dict[str, Any]:
        """The item's number with its tolerance."""
        return {
            "answers": (Answer(text=item.answer, fraction=1.0, tolerance=item.tolerance or 0.0),)
        }

    def example(self) -> Question:
        """How many villages?"""
        return Question(
            kind=self.name,
            prompt="How many villages were rebuilt?",
            answers=(Answer("4034", 1.0, "", 0.0), Answer("4000", 0.5, "Close.", 100.0)),
        )


KIND = NumericalKind()
