"""The shape every import/export format has, as listed in ``question_bank.formats.FORMATS``."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from question_bank.formats.errors import FormatError, Problem
from question_bank.kinds import KINDS
from question_bank.kinds.cloze import BLANK, GAP
from question_bank.model import Question

Reader = Callable[[bytes, str], list[Question]]
Writer = Callable[[Sequence[Question]], bytes]
Sniffer = Callable[[bytes], int]
#: Why a format's writer cannot hold one question, in plain words ("" when it can).
Checker = Callable[[Question], str]

_TAG = re.compile(r"<[^>]*>")
_NAME_LENGTH = 60


def _holds_all(question: Question) -> str:
    return ""


def question_name(question: Question) -> str:
    """How a teacher recognises a question in a message: its title, else the start of its text
    (markup removed, gaps shown as blanks)."""
    if question.title.strip():
        return question.title.strip()
    text = " ".join(html.unescape(_TAG.sub(" ", GAP.sub(BLANK, question.prompt))).split())
    if len(text) > _NAME_LENGTH:
        text = text[: _NAME_LENGTH - 1].rstrip() + "…"
    return text or "(a question with no text)"


def reason_from(write_one: Callable[[Question], object]) -> Checker:
    """A checker that tries one question's writer and returns its ValueError's message."""

    def check(question: Question) -> str:
        try:
            write_one(question)
        except ValueError as error:
            return str(error)
        return ""

    return check


def _no_match(data: bytes) -> int:
    return 0


@dataclass(frozen=True)
class Format:
    """One file format: its name, how to recognise it, and its reader and/or writer.

    ``sniff`` scores how much a file's bytes look like this format (0 means "not at all"); the
    registry uses it to guess the format of an upload.
    """

    name: str
    label: str
    extensions: tuple[str, ...]
    media_type: str
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Sniffer = _no_match
    binary: bool = False
    check: Checker = _holds_all

    @property
    def can_read(self) -> bool:
        """True when this format can be imported."""
        return self.reader is not None

    @property
    def can_write(self) -> bool:
        """True when this format can be exported."""
        return self.writer is not None

    def read(self, data: bytes, filename: str) -> list[Question]:
        """Parse ``data`` (the bytes of ``filename``) into questions, or raise FormatError."""
        if self.reader is None:
            raise FormatError([Problem(filename, 0, f"{self.label} files cannot be imported")])
        return self.reader(data, filename)

    def cannot_hold(self, question: Question) -> str:
        """Why this format cannot hold ``question``, in plain words ("" when it can).

        Its kind must be one the format holds (``QuestionKind.formats``), then the format's own
        ``check`` must pass.
        """
        if question.kind not in KINDS:
            return f"{self.label} has no {question.kind!r} questions"
        if self.name not in KINDS[question.kind].formats:
            kind = KINDS[question.kind].label.split(" (")[0].lower()
            return f"{self.label} has no {kind} questions"
        return self.check(question)

    def write(self, questions: Sequence[Question]) -> bytes:
        """Return ``questions`` as the bytes of one file in this format, or raise FormatError.

        Questions the format cannot hold (``cannot_hold``) are refused, each named, before the
        writer runs.
        """
        if self.writer is None:
            raise FormatError([Problem(self.name, 0, f"{self.label} files cannot be exported")])
        problems = [
            Problem(f"{self.name} export", index, f"{question_name(question)}: {reason}")
            for index, question in enumerate(questions, start=1)
            if (reason := self.cannot_hold(question))
        ]
        if problems:
            raise FormatError(problems)
        return self.writer(questions)
