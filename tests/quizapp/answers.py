"""Build the form data a student who knows every answer (or none) would submit."""

from __future__ import annotations

from question_bank.kinds import kind_of
from question_bank.model import Question
from quizapp.kinds import saved_fields


def right_form_data(question_id: int, question: Question) -> dict[str, list[str]]:
    """Form fields answering ``question`` fully right (field names as quiz pages use them)."""
    return saved_fields(question_id, question, kind_of(question).right_response(question)) or {}


def wrong_form_data(question_id: int, question: Question) -> dict[str, str | list[str]]:
    """Form fields answering ``question`` wrongly (an unchosen option, or a wrong text)."""
    name = f"q{question_id}"
    if kind_of(question).is_choice:
        return {name: [str(i) for i, a in enumerate(question.answers) if a.fraction <= 0][:1]}
    if question.kind == "numerical":
        return {name: "-987654321"}
    return {name: "zzzz wrong zzzz", f"{name}-0": "zzzz wrong zzzz"}
