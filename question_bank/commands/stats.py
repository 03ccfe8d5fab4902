"""``python -m question_bank stats MARKS.csv [--max-marks 1,1,2,...]``: quiz statistics as JSON.

MARKS.csv has a header row naming the questions and one row per attempt holding each
question's mark. A first column named like ``attempt``, ``student``, ``user`` or ``id`` (also
``student_id``, ``attempt no`` ...), or left unnamed, identifies the attempt and is skipped.
An empty cell is an unanswered question (it counts as 0); blank lines are ignored. Without
``--max-marks`` each question's maximum is the largest mark seen in its column (0 when nobody
scored, which leaves that question's facility index undefined). With ``--max-marks`` a mark
above its question's maximum is refused.

The output is ``QuizStatistics.to_dict()``: ``{"quiz": {...}, "questions": [...]}``. Bad
input prints ``FILE:LINE: reason`` on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from question_bank.stats import quiz_statistics

#: A first-column header matching this names the attempt, not a question.
IDENTIFIER_HEADER = re.compile(r"(attempt|student|user|learner)?[\s_-]*(id|no|number|#)?")


class MarksFileError(ValueError):
    """A problem in the marks file, with the line it is on."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")


@dataclass(frozen=True)
class MarksTable:
    """The parsed marks file: question names, one row per attempt and the line of each row."""

    names: tuple[str, ...]
    rows: tuple[tuple[float | None, ...], ...]
    lines: tuple[int, ...]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``stats`` command."""
    parser = subparsers.add_parser(
        "stats",
        help="quiz and question statistics (Moodle's definitions) from a CSV of marks",
        description="Print Moodle-style quiz and question statistics for a CSV of marks.",
    )
    parser.add_argument("marks", help="CSV: header naming the questions, one row per attempt")
    parser.add_argument(
        "--max-marks",
        type=parse_max_marks,
        help="comma-separated maximum mark of each question (default: the largest mark seen)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the statistics of ``args.marks`` as JSON; return 2 for bad input."""
    try:
        table = read_marks(args.marks)
        max_marks = _maximum_marks(args.marks, table, args.max_marks)
    except (MarksFileError, OSError, UnicodeDecodeError) as error:
        print(_describe(args.marks, error), file=sys.stderr)
        return 2
    statistics = quiz_statistics(table.rows, max_marks, table.names)
    json.dump(statistics.to_dict(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def read_marks(path: str) -> MarksTable:
    """Read a marks CSV file; raise ``MarksFileError`` naming the line of any problem."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise MarksFileError(path, 1, "no header row naming the questions")
        skip = 1 if IDENTIFIER_HEADER.fullmatch(header[0].strip().lower()) else 0
        names = tuple(cell.strip() for cell in header[skip:])
        if not names:
            raise MarksFileError(path, 1, "the header names no question")
        rows, lines = [], []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            rows.append(_parse_row(path, reader.line_num, cells, skip, len(names) + skip))
            lines.append(reader.line_num)
    if not rows:
        raise MarksFileError(path, 2, "no attempts: the file has a header but no rows of marks")
    return MarksTable(names=names, rows=tuple(rows), lines=tuple(lines))


def _parse_row(
    path: str, line: int, cells: list[str], skip: int, width: int
) -> tuple[float | None, ...]:
    """Return one attempt's marks; an empty cell is ``None`` (not answered)."""
    if len(cells) != width:
        raise MarksFileError(path, line, f"expected {width} cells, found {len(cells)}")
    return tuple(_parse_mark(path, line, cell) for cell in cells[skip:])


def _parse_mark(path: str, line: int, cell: str) -> float | None:
    """Return a cell's mark, ``None`` for an empty cell."""
    text = cell.strip()
    if not text:
        return None
    try:
        mark = float(text)
    except ValueError:
        raise MarksFileError(path, line, f"{text!r} is not a number") from None
    if not math.isfinite(mark):
        raise MarksFileError(path, line, f"{text!r} is not a finite number")
    return mark


def parse_max_marks(option: str) -> list[float]:
    """Return the ``--max-marks`` values: comma-separated numbers of at least 0."""
    try:
        maxima = [float(part) for part in option.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{option!r} is not a list of numbers") from None
    if any(not math.isfinite(mark) or mark < 0 for mark in maxima):
        raise argparse.ArgumentTypeError("every maximum must be a number of at least 0")
    return maxima


def _maximum_marks(path: str, table: MarksTable, given: list[float] | None) -> list[float]:
    """Return each question's maximum: ``--max-marks`` if given, else the largest mark seen."""
    if given is None:
        columns = zip(*table.rows, strict=True)
        return [max(0.0, *(mark or 0.0 for mark in column)) for column in columns]
    if len(given) != len(table.names):
        reason = f"--max-marks gives {len(given)} values for {len(table.names)} questions"
        raise MarksFileError(path, 1, reason)
    for row, line in zip(table.rows, table.lines, strict=True):
        for name, mark, limit in zip(table.names, row, given, strict=True):
            if mark is not None and mark > limit:
                raise MarksFileError(path, line, f"mark {mark:g} on {name} is above {limit:g}")
    return given


def _describe(path: str, error: Exception) -> str:
    """Return a one-line message for an input error."""
    if isinstance(error, MarksFileError):
        return str(error)
    if isinstance(error, UnicodeDecodeError):
        return f"{path}:1: not UTF-8 text"
    return f"{path}: cannot read: {getattr(error, 'strerror', None) or error}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command on its own: ``python -m question_bank.commands.stats MARKS.csv``."""
    parser = argparse.ArgumentParser(prog="python -m question_bank")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["stats", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
