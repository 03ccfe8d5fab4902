"""Import and export formats, one module each, behind one registry.

``FORMATS`` maps a format's name to its ``Format`` (``name``, ``label``, ``extensions``,
``media_type``, ``can_read``, ``can_write``, ``read(data, filename)``, ``write(questions)``).
``read_questions`` and ``write_questions`` are what the web app and the command line call
(``write_what_fits`` leaves out, and names, the questions a format cannot hold); every
reader refuses a malformed file whole with ``FormatError`` (a ``ValueError`` whose ``problems``
list each ``file:line: reason``), and every imported question's HTML is sanitised here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from question_bank.formats import aiken, apkg, delimited, flashcards, gift, jsonfmt, moodlexml, qti
from question_bank.formats.base import Format, question_name
from question_bank.formats.errors import FormatError, Problem
from question_bank.model import Question
from question_bank.sanitize import sanitize_question

#: Format name -> format, in the order they are offered to users.
FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        gift.FORMAT,
        moodlexml.FORMAT,
        aiken.FORMAT,
        qti.QTI12,
        qti.QTI21,
        delimited.CSV,
        delimited.TSV,
        flashcards.ANKI_TEXT,
        flashcards.QUIZLET,
        apkg.FORMAT,
        jsonfmt.FORMAT,
    )
}


def readable_formats() -> list[Format]:
    """Formats that can be imported."""
    return [fmt for fmt in FORMATS.values() if fmt.can_read]


def writable_formats() -> list[Format]:
    """Formats that can be exported."""
    return [fmt for fmt in FORMATS.values() if fmt.can_write]


def get_format(name: str) -> Format:
    """Return the format called ``name``; raise FormatError naming the known ones otherwise."""
    if name not in FORMATS:
        known = ", ".join(FORMATS)
        raise FormatError([Problem(name, 0, f"unknown format {name!r}; known formats: {known}")])
    return FORMATS[name]


def guess_format(data: bytes, filename: str) -> Format:
    """Guess a readable format from the file's content, then its extension.

    Each format scores the bytes (its ``sniff``); a matching extension adds a little, so a
    ``.txt`` file goes to Aiken, GIFT or tab-separated cards by what it holds.
    """
    suffix = PurePath(filename).suffix.lower()

    def score(fmt: Format) -> int:
        return fmt.sniff(data) + (5 if suffix in fmt.extensions else 0)

    best = max(readable_formats(), key=score)
    if best.sniff(data) > 0:
        return best
    by_extension = [fmt for fmt in readable_formats() if suffix in fmt.extensions]
    if by_extension:
        return by_extension[0]
    names = ", ".join(f.name for f in readable_formats())
    export_only = [f for f in FORMATS.values() if suffix in f.extensions and not f.can_read]
    if export_only:
        reason = (
            f"{export_only[0].label} files can be exported but not imported; "
            f"import one of these formats instead: {names}"
        )
    else:
        reason = f"cannot tell the file's format; name it (one of {names})"
    raise FormatError([Problem(filename, 0, reason)])


def read_questions(data: bytes, filename: str, fmt: str | None = None) -> list[Question]:
    """Read every question of one file (format guessed when ``fmt`` is None), HTML sanitised.

    Raises FormatError, listing every problem, when the file is malformed; nothing is returned
    from a malformed file.
    """
    reader = get_format(fmt) if fmt else guess_format(data, filename)
    return [sanitize_question(question) for question in reader.read(data, filename)]


def write_questions(questions: Sequence[Question], fmt: str) -> bytes:
    """Return the questions as the bytes of one file in format ``fmt``; FormatError naming
    every question the format cannot hold."""
    return get_format(fmt).write(questions)


@dataclass(frozen=True)
class LeftOut:
    """A question an export left out: how a teacher knows it, and why, in plain words."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass(frozen=True)
class Written:
    """An export that left out what its format cannot hold: the file, how many questions it
    holds, and what was left out, in the order given."""

    data: bytes
    count: int
    left_out: tuple[LeftOut, ...] = ()


def write_what_fits(questions: Sequence[Question], fmt: str) -> Written:
    """Write every question format ``fmt`` can hold and list the others with the reason.

    When none fits, ``data`` is empty and ``count`` 0 (no file is worth offering).
    """
    target = get_format(fmt)
    fitting, left_out = [], []
    for question in questions:
        reason = target.cannot_hold(question)
        if reason:
            left_out.append(LeftOut(question_name(question), reason))
        else:
            fitting.append(question)
    data = target.write(fitting) if fitting or not questions else b""
    return Written(data, len(fitting), tuple(left_out))


__all__ = [
    "FORMATS",
    "Format",
    "FormatError",
    "LeftOut",
    "Problem",
    "Written",
    "get_format",
    "guess_format",
    "read_questions",
    "readable_formats",
    "writable_formats",
    "write_questions",
    "write_what_fits",
]
