"""Import and export formats, one module each, behind one registry.

``FORMATS`` maps a format's name to its ``Format`` (``name``, ``label``, ``extensions``,
``media_type``, ``can_read``, ``can_write``, ``read(data, filename)``, ``write(questions)``).
``read_questions`` and ``write_questions`` are what the web app and the command line call; every
reader refuses a malformed file whole with ``FormatError`` (a ``ValueError`` whose ``problems``
list each ``file:line: reason``), and every imported question's HTML is sanitised here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from question_bank.formats import aiken, apkg, delimited, flashcards, gift, jsonfmt, moodlexml, qti
from question_bank.formats.base import Format
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
    """Return the questions as the bytes of one file in format ``fmt``."""
    return get_format(fmt).write(questions)


__all__ = [
    "FORMATS",
    "Format",
    "FormatError",
    "Problem",
    "get_format",
    "guess_format",
    "read_questions",
    "readable_formats",
    "writable_formats",
    "write_questions",
]
