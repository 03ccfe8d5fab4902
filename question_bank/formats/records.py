"""Delimited records (RFC 4180 quoting through the ``csv`` module) with the line each starts on.

A field may be quoted with ``"``: inside it the separator and new lines are text and ``""`` is
one quote, so one record can run over several lines. Blank lines between records are skipped,
and so are lines starting with ``#`` when ``comments`` is set (a ``#`` inside a quoted field is
text). A record's line is the file line it starts on, for problem reports.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass


class RecordError(ValueError):
    """The text cannot be split into records (an unclosed quote, a field far too long)."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line


@dataclass
class _Position:
    line: int = 0
    start: int = 0
    between_records: bool = True


def _lines(text: str, position: _Position, comments: bool) -> Iterator[str]:
    for raw in io.StringIO(text, newline=""):
        position.line += 1
        if position.between_records:
            if not raw.strip() or (comments and raw.startswith("#")):
                continue
            position.start, position.between_records = position.line, False
        yield raw


def _quoting_reason(message: str) -> str:
    if "end of data" in message:
        return 'a field opened with a quote (") is never closed'
    if "field limit" in message:
        return "a field is far too long (is a quote left open?)"
    return 'a quote (") inside a field must be doubled, or the whole field quoted'


def read_records(
    text: str, delimiter: str, comments: bool = False
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line, fields)`` for every record of ``text``; raise RecordError when the
    quoting is broken."""
    position = _Position()
    reader = csv.reader(
        _lines(text, position, comments), delimiter=delimiter, quotechar='"', strict=True
    )
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise RecordError(position.start, _quoting_reason(str(error))) from None
        position.between_records = True
        yield position.start, fields


def write_records(rows: list[list[str]], delimiter: str) -> str:
    """Return ``rows`` as delimited text, quoting only the fields that need it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()
