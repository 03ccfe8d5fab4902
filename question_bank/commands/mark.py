"""``python -m question_bank mark QUESTIONS RESPONSES.csv [--from FMT]``: check a key by marking.

QUESTIONS is a question file in any format the package reads (guessed unless ``--from`` names
it). RESPONSES.csv has the columns ``question`` and ``response`` (any order, any case; other
columns are ignored). ``question`` names a question by its title, else by an id it carries (the
bank's, a GIFT or Moodle id number, a QTI identifier), else by its number in the file (1 for the
first). ``response`` is what a student typed or chose, as the kind reads it
(``QuestionKind.response_from_text``): an option by its text; several parts (gaps, pairs, steps,
options) separated by ``|``, or a JSON list.

Prints a JSON list, one object per CSV row in order: ``row`` (its line), ``question``,
``response``, ``title``, ``kind``, ``fraction`` (null while ungraded), ``feedback`` and
``right_answer``; a row naming no question has ``fraction`` null and an ``error``. Marks come
from ``question_bank.grading.grade``, the function the web app marks with. Exit status: 0 when
every row was marked, 1 when some named no question, 2 for a file that cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from question_bank.formats import FORMATS, FormatError, Problem, read_questions
from question_bank.formats.text import decode_text
from question_bank.grading import grade, right_answer_text
from question_bank.kinds import kind_of
from question_bank.model import Question

EXIT_UNMATCHED, EXIT_BAD_INPUT = 1, 2
#: ``extra`` keys whose value names a question.
ID_KEYS = ("quizapp.id", "gift.idnumber", "moodle.idnumber", "qti.identifier", "qti.ident")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``mark`` command."""
    readable = [name for name, fmt in FORMATS.items() if fmt.can_read]
    parser = subparsers.add_parser(
        "mark",
        help="mark a CSV of responses against a question file",
        description="Mark responses (CSV: question, response) against a question file.",
    )
    parser.add_argument("questions", type=Path, help="a question file in any readable format")
    parser.add_argument("responses", type=Path, help="CSV with question and response columns")
    parser.add_argument("--from", dest="source", choices=readable, help="format of QUESTIONS")
    parser.set_defaults(func=run_mark)


Index = list[dict[str, list[Question]]]


def question_index(questions: list[Question]) -> Index:
    """The names questions answer to, in the order they are tried: titles, then ids, then
    numbers in the file (a name found in an earlier one is not looked for further)."""
    titles: dict[str, list[Question]] = {}
    ids: dict[str, list[Question]] = {}
    numbers: dict[str, list[Question]] = {}
    for number, question in enumerate(questions, start=1):
        extra = dict(question.extra)
        if question.title.strip():
            titles.setdefault(question.title.strip(), []).append(question)
        for value in {extra[key].strip() for key in ID_KEYS if extra.get(key, "").strip()}:
            ids.setdefault(value, []).append(question)
        numbers[str(number)] = [question]
    return [titles, ids, numbers]


def find_questions(index: Index, name: str) -> list[Question]:
    """The questions ``name`` names in the first place it names any."""
    return next((found for names in index if (found := names.get(name.strip()))), [])


def mark_row(index: Index, name: str, response: str) -> dict:
    """The output object of one CSV row."""
    found = find_questions(index, name)
    result: dict = {"question": name, "response": response}
    if len(found) != 1:
        reason = (
            "several questions have that title; name it by its id or number"
            if found
            else "no question has that title, id or number"
        )
        return result | {"fraction": None, "error": reason}
    question = found[0]
    mark = grade(question, kind_of(question).response_from_text(question, response))
    return result | {
        "title": question.title,
        "kind": question.kind,
        "fraction": mark.fraction,
        "feedback": mark.feedback,
        "right_answer": right_answer_text(question),
    }


def read_responses(data: bytes, filename: str) -> list[tuple[int, str, str]]:
    """(line, question, response) of every row; FormatError when the columns are missing."""
    reader = csv.reader(io.StringIO(decode_text(data, filename), newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [name for name in ("question", "response") if name not in header]
    if missing:
        raise FormatError([Problem(filename, 1, f"no {name!r} column") for name in missing])
    q_at, r_at = header.index("question"), header.index("response")
    rows = []
    for cells in reader:
        if any(cell.strip() for cell in cells):
            cells = cells + [""] * (max(q_at, r_at) + 1 - len(cells))
            rows.append((reader.line_num, cells[q_at], cells[r_at]))
    return rows


def run_mark(args: argparse.Namespace) -> int:
    """Mark every row; print the JSON list; return the exit status."""
    try:
        questions = read_questions(args.questions.read_bytes(), str(args.questions), args.source)
        rows = read_responses(args.responses.read_bytes(), str(args.responses))
    except OSError as error:
        print(f"{error.filename}:0: cannot read the file: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (FormatError, csv.Error) as error:
        problems = getattr(error, "problems", None) or [f"{args.responses}:0: {error}"]
        for problem in problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    index = question_index(questions)
    results = [{"row": line} | mark_row(index, name, text) for line, name, text in rows]
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_UNMATCHED if any("error" in r for r in results) else 0
