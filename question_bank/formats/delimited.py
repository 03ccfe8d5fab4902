"""CSV and TSV spreadsheets of questions, one question per row under a header row.

Columns (header names, any order, case-insensitive; only ``kind`` and ``prompt`` are required):

=================  ===========================================================================
``kind``           multichoice, truefalse, shortanswer, numerical, matching, ordering, cloze,
                   essay or description
``title``          the question's name
``category``       a ``/``-separated path, e.g. ``History/Rome``
``tags``           tags separated by ``;``
``prompt``         the question text (``{{1}}`` marks the gaps of a cloze question)
``prompt_format``  plain (default), html, markdown or moodle
``general_feedback`` shown after the question is answered
``single``         ``true`` (default) or ``false``: several right answers for multichoice
``shuffle``        ``true`` (default) or ``false``: shuffle the options
``default_mark``   the question's mark (default 1)
``answerN``        the N-th answer (N = 1, 2, ...): an option, an accepted text, a number, an
                   ordering step, a cloze gap's filling, or the right side of a matching pair
``fractionN``      share of the mark the N-th answer earns: 1 right, 0 wrong, 0.5 half, -0.5 a
                   penalty. When left empty: 1 for shortanswer, numerical, ordering and cloze;
                   0 otherwise
``feedbackN``      feedback shown for the N-th answer
``toleranceN``     accepted error of the N-th numerical answer
``matchN``         the left side (the item to match) of the N-th matching pair
``extra``          a JSON object of other fields to keep (written by the exporter)
=================  ===========================================================================

Line numbers in problems count the file's physical lines, so a cell with new lines is counted
as written.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import replace

from question_bank.formats.base import Format, reason_from
from question_bank.formats.errors import FormatError, Problem, ProblemLog
from question_bank.formats.text import decode_text, format_number, make_extra, parse_number
from question_bank.kinds import KIND_NAMES
from question_bank.kinds.cloze import cloze_gaps
from question_bank.model import Answer, Pair, Question

FIXED_COLUMNS = (
    "kind",
    "title",
    "category",
    "tags",
    "prompt",
    "prompt_format",
    "general_feedback",
    "single",
    "shuffle",
    "default_mark",
    "extra",
)
NUMBERED_COLUMNS = ("answer", "fraction", "feedback", "tolerance", "match")
_NUMBERED = re.compile(r"^(answer|fraction|feedback|tolerance|match)([1-9][0-9]*)$")
_RIGHT_BY_DEFAULT = frozenset({"shortanswer", "numerical", "ordering", "cloze"})
_FLAGS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False, "": None}


class RowError(ValueError):
    """One row of the spreadsheet cannot be a question."""


def _flag(row: dict[str, str], name: str) -> bool:
    value = row.get(name, "").strip().lower()
    if value not in _FLAGS:
        raise RowError(f"{name} must be true or false, not {value!r}")
    flag = _FLAGS[value]
    return True if flag is None else flag


def _number(text: str, name: str) -> float | None:
    if not text.strip():
        return None
    value = parse_number(text)
    if value is None:
        raise RowError(f"{name} must be a number, not {text!r}")
    return value


def _answers_and_pairs(row: dict[str, str], kind: str, count: int) -> tuple[tuple, tuple]:
    answers, pairs = [], []
    for n in range(1, count + 1):
        text, left = row.get(f"answer{n}", ""), row.get(f"match{n}", "")
        if kind == "matching":
            if text or left:
                pairs.append(Pair(left, text))
            continue
        if not text:
            continue
        fraction = _number(row.get(f"fraction{n}", ""), f"fraction{n}")
        if fraction is None:
            fraction = 1.0 if kind in _RIGHT_BY_DEFAULT else 0.0
        answers.append(
            Answer(
                text,
                fraction,
                row.get(f"feedback{n}", ""),
                _number(row.get(f"tolerance{n}", ""), f"tolerance{n}"),
            )
        )
    return tuple(answers), tuple(pairs)


def row_to_question(row: dict[str, str], count: int) -> Question:
    """Build one question from a row (header name -> cell); raise RowError when it is bad."""
    kind = row.get("kind", "").strip().lower()
    if kind not in KIND_NAMES:
        raise RowError(f"kind {kind!r} is not one of {', '.join(KIND_NAMES)}")
    if not row.get("prompt", "").strip():
        raise RowError("prompt is empty")
    answers, pairs = _answers_and_pairs(row, kind, count)
    try:
        extra = json.loads(row["extra"]) if row.get("extra", "").strip() else {}
    except json.JSONDecodeError as error:
        raise RowError(f"extra is not a JSON object: {error.msg}") from None
    mark = _number(row.get("default_mark", ""), "default_mark")
    return Question(
        kind=kind,
        prompt=row["prompt"],
        title=row.get("title", ""),
        prompt_format=row.get("prompt_format", "").strip() or "plain",
        category=row.get("category", ""),
        tags=tuple(tag.strip() for tag in row.get("tags", "").split(";") if tag.strip()),
        answers=answers,
        pairs=pairs,
        general_feedback=row.get("general_feedback", ""),
        single=_flag(row, "single"),
        shuffle=_flag(row, "shuffle"),
        default_mark=1.0 if mark is None else mark,
        extra=make_extra(extra),
    )


def _header(names: list[str], log: ProblemLog) -> tuple[list[str], int]:
    header = [name.strip().lower() for name in names]
    unknown = [n for n in header if n not in FIXED_COLUMNS and not _NUMBERED.match(n)]
    if unknown:
        log.add(1, f"unknown columns {', '.join(map(repr, unknown))}; see the documented columns")
    for required in ("kind", "prompt"):
        if required not in header:
            log.add(1, f"the header row has no {required!r} column")
    numbers = [int(m.group(2)) for n in header if (m := _NUMBERED.match(n))]
    return header, max(numbers, default=0)


def read_delimited(data: bytes, filename: str, delimiter: str) -> list[Question]:
    """Parse a CSV/TSV of questions; refuse the file if the header or any row is bad."""
    log = ProblemLog(filename)
    reader = csv.reader(io.StringIO(decode_text(data, filename), newline=""), delimiter=delimiter)
    try:
        rows = [(reader.line_num, cells) for cells in reader]
    except csv.Error as error:
        log.add(reader.line_num, f"unreadable row: {error}")
        log.raise_if_any()
    if not rows:
        log.add(1, "the file is empty; the first row must name the columns")
        log.raise_if_any()
    header, count = _header(rows[0][1], log)
    log.raise_if_any()
    questions, start = [], rows[0][0] + 1
    for end, cells in rows[1:]:
        if any(cell.strip() for cell in cells):
            try:
                questions.append(row_to_question(dict(zip(header, cells, strict=False)), count))
            except RowError as error:
                log.add(start, str(error))
        start = end + 1
    log.raise_if_any()
    return questions


def _row(question: Question, count: int) -> list[str]:
    cells = [
        question.kind,
        question.title,
        question.category,
        ";".join(question.tags),
        question.prompt,
        question.prompt_format,
        question.general_feedback,
        str(question.single).lower(),
        str(question.shuffle).lower(),
        format_number(question.default_mark),
        json.dumps(dict(question.extra), ensure_ascii=False) if question.extra else "",
    ]
    for n in range(count):
        answer = question.answers[n] if n < len(question.answers) else None
        pair = question.pairs[n] if n < len(question.pairs) else None
        cells += [
            answer.text if answer else (pair.right if pair else ""),
            format_number(answer.fraction) if answer else "",
            answer.feedback if answer else "",
            format_number(answer.tolerance) if answer and answer.tolerance is not None else "",
            pair.left if pair else "",
        ]
    return cells


def _simple_cloze(question: Question) -> Question:
    """A cloze question in the simple form (one answer per gap, or one gap's variants); a
    ValueError when its gaps carry more (options, weights, fractions, several answers)."""
    if not question.gaps:
        return question
    gaps = cloze_gaps(question)
    plain = all(
        gap.kind == "shortanswer" and gap.weight == 1 and not gap.case_sensitive for gap in gaps
    )
    if plain and len(gaps) == 1:
        return replace(question, gaps=(), answers=gaps[0].answers)
    if plain and all(len(g.answers) == 1 and g.answers[0].fraction == 1 for g in gaps):
        return replace(question, gaps=(), answers=tuple(g.answers[0] for g in gaps))
    raise ValueError(
        "its gaps have options, weights or several answers, which a spreadsheet cannot hold"
    )


def _check_row(question: Question) -> str:
    return reason_from(_simple_cloze)(question) if question.kind == "cloze" else ""


def write_delimited(questions: Sequence[Question], delimiter: str) -> bytes:
    """Return the questions as a spreadsheet with the documented header row (cloze questions
    only in the simple form)."""
    questions, problems = list(questions), []
    for index, question in enumerate(questions):
        if question.kind == "cloze":
            try:
                questions[index] = _simple_cloze(question)
            except ValueError as error:
                name = question.title or question.prompt[:40]
                problems.append(
                    Problem("spreadsheet export", index + 1, f"question {name!r}: {error}")
                )
    if problems:
        raise FormatError(problems)
    count = max((max(len(q.answers), len(q.pairs)) for q in questions), default=0)
    header = list(FIXED_COLUMNS)
    header += [f"{name}{n}" for n in range(1, count + 1) for name in NUMBERED_COLUMNS]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(_row(question, count) for question in questions)
    return buffer.getvalue().encode("utf-8")


def sniff_question_table(data: bytes) -> int:
    """Score how much ``data`` looks like our question spreadsheet (a kind/prompt header)."""
    first = data[:2000].lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].lower()
    return 70 if b"kind" in first and b"prompt" in first else 0


CSV = Format(
    name="csv",
    label="CSV spreadsheet",
    extensions=(".csv",),
    media_type="text/csv",
    reader=lambda data, filename: read_delimited(data, filename, ","),
    writer=lambda questions: write_delimited(questions, ","),
    check=_check_row,
    sniff=lambda data: sniff_question_table(data) if b"," in data[:2000] else 0,
)
TSV = Format(
    name="tsv",
    label="TSV spreadsheet",
    extensions=(".tsv", ".tab"),
    media_type="text/tab-separated-values",
    reader=lambda data, filename: read_delimited(data, filename, "\t"),
    writer=lambda questions: write_delimited(questions, "\t"),
    check=_check_row,
    sniff=lambda data: sniff_question_table(data) if b"\t" in data[:2000] else 0,
)
