"""Aiken: Moodle's simplest multiple-choice text format.

A question is its text (one or more lines), then options ``A) text`` or ``A. text``, then
``ANSWER: X`` naming the right option. Blank lines between questions are optional. A question
without its ``ANSWER:`` line, an answer letter that names no option, or text after the options
refuses the file. Only single-answer multiple choice questions can be written.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field

from question_bank.formats.base import Format
from question_bank.formats.errors import FormatError, Problem, ProblemLog
from question_bank.formats.text import decode_text
from question_bank.model import Answer, Question

_OPTION = re.compile(r"^([A-Z])[.)]\s*(.*)$")
_ANSWER = re.compile(r"^ANSWER:\s*(\S*)\s*$", re.IGNORECASE)


@dataclass
class _Draft:
    line: int
    stem: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)


def _finish(draft: _Draft, letter: str, line: int, log: ProblemLog) -> Question | None:
    if not draft.stem or len(draft.options) < 2:
        log.add(draft.line, "an Aiken question needs its text and at least two options")
        return None
    if letter not in draft.options:
        log.add(
            line,
            f"ANSWER: {letter or '(empty)'} names none of the options {', '.join(draft.options)}",
        )
        return None
    answers = tuple(
        Answer(text, 1.0 if key == letter else 0.0) for key, text in draft.options.items()
    )
    return Question(kind="multichoice", prompt="\n".join(draft.stem), answers=answers)


def read_aiken(data: bytes, filename: str) -> list[Question]:
    """Parse an Aiken file; raise FormatError listing every problem if any question is bad."""
    log = ProblemLog(filename)
    questions: list[Question] = []
    draft: _Draft | None = None
    for number, raw in enumerate(decode_text(data, filename).split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        answer, option = _ANSWER.match(line), _OPTION.match(line)
        if answer:
            if draft is None:
                log.add(number, "ANSWER line without a question")
            elif (question := _finish(draft, answer.group(1).upper(), number, log)) is not None:
                questions.append(question)
            draft = None
        elif option and draft is not None and draft.stem:
            draft.options[option.group(1)] = option.group(2).strip()
        elif draft is not None and draft.options:
            log.add(draft.line, "question has no 'ANSWER: X' line after its options")
            draft = _Draft(number, [line])
        elif draft is None:
            draft = _Draft(number, [line])
        else:
            draft.stem.append(line)
    if draft is not None:
        log.add(draft.line, "question has no 'ANSWER: X' line after its options")
    log.raise_if_any()
    return questions


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _aiken_problem(question: Question) -> str:
    if question.kind not in ("multichoice", "truefalse"):
        return f"kind {question.kind!r} cannot be written as Aiken"
    if len(question.right_answers) != 1 or len(question.answers) > 26:
        return "Aiken needs exactly one right answer among at most 26 options"
    return ""


def write_aiken(questions: Sequence[Question]) -> bytes:
    """Return single-answer multiple choice and true/false questions as an Aiken file."""
    problems = [
        Problem("aiken export", index, f"question {q.title or q.prompt[:40]!r}: {reason}")
        for index, q in enumerate(questions, start=1)
        if (reason := _aiken_problem(q))
    ]
    if problems:
        raise FormatError(problems)
    blocks = []
    for question in questions:
        letters = string.ascii_uppercase
        lines = [_one_line(question.prompt)]
        lines += [f"{letters[i]}) {_one_line(a.text)}" for i, a in enumerate(question.answers)]
        best = max(range(len(question.answers)), key=lambda i: question.answers[i].fraction)
        lines.append(f"ANSWER: {letters[best]}")
        blocks.append("\n".join(lines))
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def sniff_aiken(data: bytes) -> int:
    """Score how much ``data`` looks like Aiken (``ANSWER: X`` lines after lettered options)."""
    head = data[:20000]
    has_answer = re.search(rb"(?m)^ANSWER:\s*[A-Z]\s*$", head)
    has_option = re.search(rb"(?m)^[A-Z][.)] ", head)
    return 50 if has_answer and has_option else 0


FORMAT = Format(
    name="aiken",
    label="Aiken",
    extensions=(".txt",),
    media_type="text/plain; charset=utf-8",
    reader=read_aiken,
    writer=write_aiken,
    sniff=sniff_aiken,
)
