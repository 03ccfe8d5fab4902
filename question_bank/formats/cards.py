"""Front and back of a flashcard made from any bank question (Anki, Quizlet and text exports)."""

from __future__ import annotations

from collections.abc import Callable

from question_bank.formats.text import format_number
from question_bank.model import Question

CardSide = Callable[[Question], str]


def _right_texts(question: Question) -> str:
    return "; ".join(answer.text for answer in question.right_answers)


def _numerical_back(question: Question) -> str:
    parts = []
    for answer in question.right_answers:
        tolerance = f" ± {format_number(answer.tolerance)}" if answer.tolerance else ""
        parts.append(answer.text + tolerance)
    return "; ".join(parts)


def _matching_back(question: Question) -> str:
    return "\n".join(f"{pair.left} → {pair.right}" for pair in question.pairs if pair.left)


def _ordering_back(question: Question) -> str:
    return " → ".join(answer.text for answer in question.answers)


def _cloze_back(question: Question) -> str:
    return "; ".join(answer.text for answer in question.answers if answer.fraction > 0)


def _feedback_back(question: Question) -> str:
    return question.general_feedback


#: Question kind -> the text on the back of its card.
CARD_BACKS: dict[str, CardSide] = {
    "multichoice": _right_texts,
    "truefalse": _right_texts,
    "shortanswer": _right_texts,
    "numerical": _numerical_back,
    "matching": _matching_back,
    "ordering": _ordering_back,
    "cloze": _cloze_back,
    "essay": _feedback_back,
    "description": _feedback_back,
}


def card_front(question: Question) -> str:
    """Return the question side of the card: the prompt, and the options of a choice question."""
    if question.kind == "multichoice":
        options = "\n".join(f"• {answer.text}" for answer in question.answers)
        return f"{question.prompt}\n{options}"
    return question.prompt


def card_back(question: Question) -> str:
    """Return the answer side of the card for any question kind."""
    return CARD_BACKS.get(question.kind, _feedback_back)(question)
