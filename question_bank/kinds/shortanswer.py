"""Short answer: a typed answer compared with every accepted one (``question_bank.typed``).

Response: the typed text. The best-earning accepted answer that matches gives the mark and its
feedback. Moodle's ``*`` stands for any text (alone: any answer at all). Answers are compared
case-sensitively when the question says so (Moodle's ``usecase``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from question_bank.kinds.base import Mark, QuestionKind, clip
from question_bank.model import Answer, Item, Question
from question_bank.typed import typed_matches
from question_bank.typed.compare import fold_text


def _wildcard_matches(given: str, pattern: str, case_sensitive: bool) -> bool:
    if pattern.strip() == "*":
        return bool(given.strip())
    parts = [re.escape(" ".join(part.split())) for part in pattern.split("*")]
    flags = 0 if case_sensitive else re.IGNORECASE
    folded = " ".join(fold_text(given, case_sensitive).split())
    return re.fullmatch(".*".join(parts), folded, flags) is not None


def answer_matches(given: str, answer: Answer, case_sensitive: bool = False) -> bool:
    """Whether a typed response matches one accepted answer (Moodle's ``*`` wildcard read)."""
    if "*" in answer.text:
        return _wildcard_matches(given, answer.text, case_sensitive)
    return typed_matches(given, answer.text, case_sensitive)


def best_typed_mark(answers: Sequence[Answer], given: str, case_sensitive: bool = False) -> Mark:
    """The mark and feedback of the best-earning answer ``given`` matches (0 if none)."""
    if not given.strip():
        return Mark(0.0)
    matched = [a for a in answers if answer_matches(given, a, case_sensitive)]
    if not matched:
        return Mark(0.0)
    best = max(matched, key=lambda a: a.fraction)
    return Mark(clip(best.fraction), best.feedback)


def is_case_sensitive(question: Question) -> bool:
    """Whether the question's answers must match in case (Moodle's ``usecase`` setting)."""
    return dict(question.extra).get("moodle.usecase", "0").strip() == "1"


class ShortAnswerKind(QuestionKind):
    """A typed answer (see the module rules)."""

    name = "shortanswer"
    label = "Short answer"
    position = 30
    is_generated = True

    def problems(self, question: Question) -> list[str]:
        """At least one accepted answer earning marks."""
        found = super().problems(question)
        if not any(a.fraction > 0 and a.text.strip() for a in question.answers):
            found.append("no accepted answer earns a mark")
        return found

    def mark(self, question: Question, response: Any) -> Mark:
        """The best-earning accepted answer the response matches."""
        return best_typed_mark(question.answers, response, is_case_sensitive(question))

    def right_response(self, question: Question) -> str:
        """The best accepted answer."""
        return max(question.answers, key=lambda a: a.fraction).text

    def response_text(self, question: Question, response: Any) -> str:
        """What was typed."""
        return str(response) or "(no answer)"

    def card_back(self, question: Question) -> str:
        """Every accepted answer."""
        return "; ".join(a.text for a in question.right_answers)

    def from_item(self, item: Item) -> dict[str, Any]:
        """The item's answer and its accepted variants, all right."""
        variants = [item.answer, *(a for a in item.accepted if a != item.answer)]
        return {"answers": tuple(Answer(text=v, fraction=1.0) for v in variants)}

    def example(self) -> Question:
        """Who welcomed the visitor?"""
        return Question(
            kind=self.name,
            prompt="Who welcomed the visiting president?",
            answers=(Answer("Ilham Aliyev", 1.0), Answer("Aliyev", 0.5, "Give the full name.")),
        )


KIND = ShortAnswerKind()
