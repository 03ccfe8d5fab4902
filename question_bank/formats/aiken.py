"""Aiken: Moodle's simplest multiple-choice text format.

A question is its text (one or more lines), then options ``A) text`` or ``A. text``, then
``ANSWER: X`` naming the right option. Blank lines between questions are optional; a blank
line ends a question's text. The file is refused, every broken question reported with its line,
when a question has fewer than two options, options come with no question text, an ``ANSWER:``
line has no question, a question has no ``ANSWER:`` line, or the answer names no option.
Only single-answer multiple choice questions can be written.
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

_OPTION = re.compile(r"^([A-Z])[.)][ \t]+(.*)$")
_ANSWER = re.compile(r"^ANSWER:\s*(\S*)\s*$", re.IGNORECASE)


@dataclass
class _Draft:
    line: int
    stem: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)

    @property
    def orphan(self) -> bool:
        """Options with no question text before them (already reported)."""
        return not self.stem


def _finish(draft: _Draft, letter: str, line: int, log: ProblemLog) -> Question | None:
    if len(draft.options) < 2:
        found = "only one option" if draft.options else "no options"
        log.add(draft.line, f"question has {found}; an Aiken question needs at least two")
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


def _unanswered(draft: _Draft, log: ProblemLog) -> None:
    if draft.orphan:
        return
    if draft.options:
        log.add(draft.line, "question has no 'ANSWER: X' line after its options")
    else:
        log.add(draft.line, "question has no options and no 'ANSWER: X' line")


class _AikenReader:
    """Reads line by line, reporting every broken question with the line it starts on."""

    def __init__(self, filename: str) -> None:
        self.log = ProblemLog(filename)
        self.questions: list[Question] = []
        self.draft: _Draft | None = None
        self.blank = False

    def answer(self, number: int, letter: str) -> None:
        """An ``ANSWER: X`` line ends the question under way."""
        draft, self.draft = self.draft, None
        if draft is None:
            self.log.add(number, "ANSWER line without a question before it")
        elif not draft.orphan and (question := _finish(draft, letter, number, self.log)):
            self.questions.append(question)

    def option(self, number: int, letter: str, text: str) -> None:
        """An ``A) text`` line adds an option, or starts options that have no question."""
        draft = self.draft
        if draft is None:
            self.log.add(number, f"option {letter}) has no question text before it")
            self.draft = draft = _Draft(number)
        if letter in draft.options and not draft.orphan:
            self.log.add(number, f"option {letter} is given twice")
        draft.options[letter] = text

    def text(self, number: int, line: str) -> None:
        """Any other line: a question's text, or the start of the next question."""
        draft = self.draft
        if draft is not None and not draft.orphan and not draft.options and not self.blank:
            draft.stem.append(line)
            return
        if draft is not None:
            _unanswered(draft, self.log)
        self.draft = _Draft(number, [line])

    def end(self) -> list[Question]:
        """Report a question left open at the end; raise FormatError if anything was wrong."""
        if self.draft is not None:
            _unanswered(self.draft, self.log)
        self.log.raise_if_any()
        return self.questions


def read_aiken(data: bytes, filename: str) -> list[Question]:
    """Parse an Aiken file; raise FormatError listing every broken question, with its line."""
    reader = _AikenReader(filename)
    for number, raw in enumerate(decode_text(data, filename).split("\n"), start=1):
        line = raw.strip()
        if not line:
            reader.blank = True
            continue
        answer, option = _ANSWER.match(line), _OPTION.match(line)
        if answer:
            reader.answer(number, answer.group(1).upper())
        elif option:
            reader.option(number, option.group(1), option.group(2).strip())
        else:
            reader.text(number, line)
        reader.blank = False
    return reader.end()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _aiken_problem(question: Question) -> str:
    if question.kind not in ("multichoice", "truefalse"):
        return "Aiken has only multiple choice questions"
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
    check=_aiken_problem,
)
