"""Parsers for the text between GIFT's braces, one per question kind (Moodle's rules).

Each parser takes the answer text (escapes still hidden, general feedback already removed) and
the question's text format, and returns the keyword arguments it adds to the ``Question``.
A malformed answer block raises ``AnswerBlockError`` with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from question_bank.formats.gift.syntax import restore_escapes, take_weight, text_in_format
from question_bank.formats.text import format_number, parse_number
from question_bank.model import Answer, Pair

AnswerParser = Callable[[str, str], dict[str, Any]]
_TRUE_WORDS = ("T", "TRUE")
_TRUEFALSE_WORDS = ("T", "TRUE", "F", "FALSE")


class AnswerBlockError(ValueError):
    """The text between the braces does not make a valid question."""


def guess_kind(answer_text: str) -> str:
    """Return the question kind Moodle infers from a non-empty answer block."""
    if answer_text.startswith("#"):
        return "numerical"
    if "~" in answer_text:
        return "multichoice"
    if "=" in answer_text and "->" in answer_text:
        return "matching"
    head = answer_text.split("#", 1)[0].strip() if answer_text.find("#") > 0 else answer_text
    return "truefalse" if head in _TRUEFALSE_WORDS else "shortanswer"


def _split_items(answer_text: str, marker: str) -> list[str]:
    """Split on ``marker`` and drop an empty first item, as Moodle does."""
    items = answer_text.split(marker)
    if items and not items[0].strip():
        items.pop(0)
    return items


def _answer_with_feedback(text: str, fraction: float, text_format: str) -> Answer:
    body, _, feedback = text.partition("#")
    return Answer(
        text=text_in_format(body, text_format),
        fraction=fraction,
        feedback=text_in_format(feedback, text_format),
    )


def parse_multichoice(answer_text: str, text_format: str) -> dict[str, Any]:
    """``~wrong =right ~%50%half #feedback``; several right answers when no ``=`` is present."""
    single = "=" in answer_text
    items = _split_items(answer_text.replace("=", "~="), "~")
    if len(items) < 2:
        raise AnswerBlockError("a multiple choice question needs at least two choices")
    answers = []
    for item in items:
        item = item.strip()
        if item.startswith("="):
            fraction, item = 1.0, item[1:]
        else:
            weight, item = take_weight(item)
            fraction = 0.0 if weight is None else weight
        answers.append(_answer_with_feedback(item, fraction, text_format))
    return {"answers": tuple(answers), "single": single}


def parse_matching(answer_text: str, text_format: str) -> dict[str, Any]:
    """``=left -> right`` pairs; at least two."""
    items = _split_items(answer_text, "=")
    if len(items) < 2:
        raise AnswerBlockError("a matching question needs at least two pairs")
    pairs = []
    for item in items:
        if "->" not in item:
            raise AnswerBlockError(f"matching pair without '->': {restore_escapes(item.strip())!r}")
        left, _, right = item.partition("->")
        pairs.append(Pair(text_in_format(left, text_format), restore_escapes(right.strip())))
    return {"pairs": tuple(pairs)}


def parse_truefalse(answer_text: str, text_format: str) -> dict[str, Any]:
    """``T``/``TRUE``/``F``/``FALSE``, then ``#feedback if wrong#feedback if right``."""
    word, wrong, right = (answer_text.split("#", 2) + ["", ""])[:3]
    is_true = word.strip() in _TRUE_WORDS
    wrong_feedback = text_in_format(wrong, text_format)
    right_feedback = text_in_format(right, text_format)
    true_answer = Answer(
        "True", 1.0 if is_true else 0.0, right_feedback if is_true else wrong_feedback
    )
    false_answer = Answer(
        "False", 0.0 if is_true else 1.0, wrong_feedback if is_true else right_feedback
    )
    return {"answers": (true_answer, false_answer)}


def parse_shortanswer(answer_text: str, text_format: str) -> dict[str, Any]:
    """``=answer =%50%other#feedback``: every answer is right unless weighted."""
    items = _split_items(answer_text, "=")
    if not items:
        raise AnswerBlockError("a short answer question needs at least one answer")
    answers = []
    for item in items:
        weight, item = take_weight(item.strip())
        answers.append(_answer_with_feedback(item, 1.0 if weight is None else weight, text_format))
    return {"answers": tuple(answers)}


def _numeric_value(text: str) -> tuple[str, float]:
    """Read ``answer``, ``answer:tolerance`` or ``min..max`` into (answer text, tolerance)."""
    if text.find("..") > 0:
        low, high = (parse_number(part) for part in text.split("..", 1))
        if low is None or high is None:
            raise AnswerBlockError(f"numerical range is not two numbers: {text!r}")
        middle = round((low + high) / 2, 12)
        return format_number(middle), round(high - middle, 12)
    value, _, tolerance = text.partition(":") if text.find(":") > 0 else (text, "", "0")
    value = value.strip()
    tolerance_number = parse_number(tolerance)
    if (value != "*" and parse_number(value) is None) or tolerance_number is None:
        raise AnswerBlockError(
            f"numerical answer must be a number, 'number:tolerance' or 'min..max', not {text!r}"
        )
    return value, tolerance_number


def parse_numerical(answer_text: str, text_format: str) -> dict[str, Any]:
    """``#value:tolerance``, ``#min..max`` or ``#=value:tol#fb =%50%value:tol ~#wrong feedback``."""
    body, tilde, wrong = answer_text[1:].partition("~")
    items = _split_items(body, "=")
    if not items:
        raise AnswerBlockError("a numerical question needs at least one answer")
    answers = []
    for item in items:
        weight, item = take_weight(item.strip())
        parsed = _answer_with_feedback(item, 1.0 if weight is None else weight, text_format)
        value, tolerance = _numeric_value(parsed.text)
        answers.append(Answer(value, parsed.fraction, parsed.feedback, tolerance))
    if tilde:
        feedback = text_in_format(wrong.partition("#")[2], text_format)
        answers.append(Answer("*", 0.0, feedback, None))
    return {"answers": tuple(answers)}


#: Question kind -> parser of its answer block.
ANSWER_PARSERS: dict[str, AnswerParser] = {
    "multichoice": parse_multichoice,
    "matching": parse_matching,
    "truefalse": parse_truefalse,
    "shortanswer": parse_shortanswer,
    "numerical": parse_numerical,
}
