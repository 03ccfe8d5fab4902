"""Mark a response to a bank question through its kind (``question_bank.kinds``).

``grade`` is the one entry point the web app and the ``mark`` command share: it cleans any
response into the kind's shape (``QuestionKind.clean_response``) and marks it. Typed answers are
compared by ``question_bank.typed``: exact on numbers, dates and codes, whatever their written
form, tolerant of a slip in words of four letters or more.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from question_bank.kinds import Mark, kind_of
from question_bank.kinds.cloze import GAP, cloze_gaps
from question_bank.model import Question
from question_bank.typed import read_number, typed_matches

__all__ = [
    "GAP",
    "Mark",
    "clean_response",
    "cloze_gap_count",
    "grade",
    "normalise_text",
    "parse_number",
    "response_lines",
    "response_text",
    "right_answer_lines",
    "right_answer_text",
    "text_matches",
]


def clean_response(question: Question, response: Any) -> Any:
    """``response`` in the shape the question's kind marks (never raises)."""
    return kind_of(question).clean_response(question, response)


def grade(question: Question, response: Any) -> Mark:
    """Mark one response to one question with its kind; ValueError for an unknown kind."""
    kind = kind_of(question)
    return kind.mark(question, kind.clean_response(question, response))


def right_answer_text(question: Question) -> str:
    """A readable statement of the right answer, for feedback pages."""
    return kind_of(question).right_answer_text(question)


def response_text(question: Question, response: Any) -> str:
    """A readable statement of what a student answered."""
    kind = kind_of(question)
    cleaned = kind.clean_response(question, response)
    if _is_blank(cleaned):
        return "(no answer)"
    return kind.response_text(question, cleaned)


def right_answer_lines(question: Question) -> list[str]:
    """The right answer as lines to list on feedback pages (a matching question: its pairs)."""
    return kind_of(question).right_answer_lines(question)


def response_lines(question: Question, response: Any) -> list[str]:
    """What a student answered, as lines to list (a matching answer: its pairs)."""
    kind = kind_of(question)
    cleaned = kind.clean_response(question, response)
    if _is_blank(cleaned):
        return ["(no answer)"]
    return kind.response_lines(question, cleaned)


def _is_blank(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return all(_is_blank(part) for part in value)
    return value is None or not str(value).strip()


def cloze_gap_count(question: Question) -> int:
    """Number of gaps of a cloze question."""
    return len(cloze_gaps(question))


def normalise_text(text: str) -> str:
    """Fold case, accents, punctuation and white space (for reading, not for marking)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]", " ", stripped.casefold())
    return " ".join(words.split())


def text_matches(given: str, expected: str) -> bool:
    """Whether a typed answer matches an expected one (``question_bank.typed`` rules)."""
    return typed_matches(given, expected)


def parse_number(text: str) -> float | None:
    """Read a number as typed (``1,234.5``, ``3,5``, ``2bn``); None if it is not one."""
    value = read_number(str(text))
    if value is None:
        return None
    number = float(value)
    return number if number not in (float("inf"), float("-inf")) else None
