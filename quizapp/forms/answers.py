"""Reading a submitted quiz page into one response value per question, by question kind.

Field names: ``q<ID>`` for single-value kinds and choices; ``q<ID>-<N>`` for the N-th gap, pair or
position (counted from 0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from werkzeug.datastructures import MultiDict

from question_bank.grading import cloze_gap_count
from question_bank.model import Question as BankQuestion


def _choices(form: MultiDict, name: str, question: BankQuestion) -> list[int]:
    return [int(v) for v in form.getlist(name) if v.isdigit()]


def _text(form: MultiDict, name: str, question: BankQuestion) -> str:
    return form.get(name, "").strip()


def _gaps(form: MultiDict, name: str, question: BankQuestion) -> list[str]:
    return [form.get(f"{name}-{i}", "").strip() for i in range(cloze_gap_count(question))]


def _pairs(form: MultiDict, name: str, question: BankQuestion) -> list[str]:
    return [form.get(f"{name}-{i}", "") for i in range(len(question.pairs))]


def _positions(form: MultiDict, name: str, question: BankQuestion) -> list[str]:
    return [form.get(f"{name}-{i}", "") for i in range(len(question.answers))]


#: Question kind -> reader(form, field name, question) -> response value.
READERS: dict[str, Callable[[MultiDict, str, BankQuestion], Any]] = {
    "multichoice": _choices,
    "truefalse": _choices,
    "shortanswer": _text,
    "numerical": _text,
    "essay": _text,
    "cloze": _gaps,
    "matching": _pairs,
    "ordering": _positions,
}


def field_name(question_id: int) -> str:
    """The form field name (or prefix) of a question on a quiz page."""
    return f"q{question_id}"


def read_answers(form: MultiDict, questions: Iterable[tuple[int, BankQuestion]]) -> dict[int, Any]:
    """Map each question id to the response the form holds for it."""
    return {
        qid: READERS[question.kind](form, field_name(qid), question)
        for qid, question in questions
        if question.kind in READERS
    }
