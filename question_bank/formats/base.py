"""The shape every import/export format has, as listed in ``question_bank.formats.FORMATS``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from question_bank.formats.errors import FormatError, Problem
from question_bank.kinds import KINDS
from question_bank.model import Question

Reader = Callable[[bytes, str], list[Question]]
Writer = Callable[[Sequence[Question]], bytes]
Sniffer = Callable[[bytes], int]


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

    def write(self, questions: Sequence[Question]) -> bytes:
        """Return ``questions`` as the bytes of one file in this format, or raise FormatError.

        Questions whose kind cannot be held by the format (``QuestionKind.formats``) are refused
        before the writer runs.
        """
        if self.writer is None:
            raise FormatError([Problem(self.name, 0, f"{self.label} files cannot be exported")])
        refuse_unwritable(questions, self.name)
        return self.writer(questions)


def refuse_unwritable(questions: Sequence[Question], fmt: str) -> None:
    """Raise FormatError naming every question whose kind ``fmt`` cannot hold."""
    problems = [
        Problem(
            f"{fmt} export",
            index,
            f"question {question.title or question.prompt[:40]!r}: "
            f"kind {question.kind!r} cannot be written as {fmt}",
        )
        for index, question in enumerate(questions, start=1)
        if question.kind not in KINDS or fmt not in KINDS[question.kind].formats
    ]
    if problems:
        raise FormatError(problems)
