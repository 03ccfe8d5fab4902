"""Front and back of a flashcard made from any bank question (Anki, Quizlet and text exports).

Each kind says what its card shows (``QuestionKind.card_front`` and ``card_back``).
"""

from __future__ import annotations

from question_bank.kinds import kind_of
from question_bank.model import Question


def card_front(question: Question) -> str:
    """Return the question side of the card."""
    return kind_of(question).card_front(question)


def card_back(question: Question) -> str:
    """Return the answer side of the card."""
    return kind_of(question).card_back(question)
