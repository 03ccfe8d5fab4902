"""Flashcard text layouts: Anki's "front<TAB>back" text and Quizlet's term/definition lists.

Each record is one card and becomes a ``shortanswer`` question: the front (term) is the
prompt and the back (definition) its one accepted answer. Both read fields as RFC 4180 does
(``question_bank.formats.records``): a field in double quotes may hold the separator and new
lines, and ``""`` inside it is one quote.

* ``anki-text`` reads what Anki's "Import File" takes: fields separated by a tab (or, when no
  line has a tab, ``;`` then ``,``), lines starting with ``#`` are comments, and Anki's header
  lines ``#separator:`` (Tab, Comma, Semicolon, Space, Pipe, Colon or one character) and
  ``#html:true|false`` are honoured; other ``#key:value`` headers (``#deck:``, ``#tags:``,
  ``#columns:`` ...) are skipped. Fields are HTML unless ``#html:false``. A third and later
  field are kept in ``extra`` as ``anki.field3`` ... Every card must have as many fields as
  the first, and no front or back may be empty.
* ``quizlet`` reads and writes Quizlet's import/export text: term and definition separated by
  a tab (or a comma when there is no tab), one card per line, or per ``;`` when the whole export
  is one line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from question_bank.formats.base import Format
from question_bank.formats.cards import card_back, card_front
from question_bank.formats.errors import ProblemLog
from question_bank.formats.records import RecordError, read_records, write_records
from question_bank.formats.text import decode_text, make_extra
from question_bank.model import Answer, Question

_SEPARATOR_NAMES = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_HEADER = re.compile(r"^#([A-Za-z][A-Za-z ]*):(.*)$")


def _card(front: str, back: str, prompt_format: str, rest: Sequence[str] = ()) -> Question:
    extra = {f"anki.field{index}": value for index, value in enumerate(rest, start=3)}
    return Question(
        kind="shortanswer",
        prompt=front,
        prompt_format=prompt_format,
        answers=(Answer(back, 1.0),),
        extra=make_extra(extra),
    )


def _anki_settings(lines: list[str]) -> tuple[str | None, str]:
    """The separator (None: guess it) and field format the file's leading headers set."""
    separator, prompt_format = None, "html"
    for line in lines:
        if not line.startswith("#"):
            break
        header = _HEADER.match(line.strip())
        name = header.group(1).strip().lower() if header else ""
        value = header.group(2).strip() if header else ""
        if name == "separator":
            separator = _SEPARATOR_NAMES.get(value.lower(), value[:1] or None)
        elif name == "html":
            prompt_format = "plain" if value.lower() == "false" else "html"
    return separator, prompt_format


def _guess_separator(lines: list[str]) -> str:
    data = [line for line in lines if line.strip() and not line.startswith("#")]
    for separator in ("\t", ";", ","):
        if any(separator in line for line in data):
            return separator
    return "\t"


def _check_fields(fields: list[str], expected: int, number: int, log: ProblemLog) -> bool:
    if len(fields) != expected:
        log.add(number, f"card has {len(fields)} fields, expected {expected}")
        return False
    if not fields[0]:
        log.add(number, "card has an empty front")
        return False
    if not fields[1]:
        log.add(number, "card has an empty back")
        return False
    return True


def read_anki_text(data: bytes, filename: str) -> list[Question]:
    """Parse Anki text-import records into cards; refuse the file if any card is malformed."""
    text = decode_text(data, filename)
    lines = text.split("\n")
    separator, prompt_format = _anki_settings(lines)
    separator = separator or _guess_separator(lines)
    log, questions, expected = ProblemLog(filename), [], 0
    try:
        for number, record in read_records(text, separator, comments=True):
            fields = [field.strip() for field in record]
            expected = expected or max(len(fields), 2)
            if _check_fields(fields, expected, number, log):
                questions.append(_card(fields[0], fields[1], prompt_format, fields[2:]))
    except RecordError as error:
        log.add(error.line, str(error))
    log.raise_if_any()
    return questions


def _quizlet_rows(text: str, separator: str) -> list[tuple[int, list[str]]]:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) == 1 and ";" in lines[0]:
        cards = next(read_records(lines[0], ";"), (1, []))[1]
        return [(1, next(read_records(card, separator), (1, [card]))[1]) for card in cards]
    return list(read_records(text, separator))


def read_quizlet(data: bytes, filename: str) -> list[Question]:
    """Parse Quizlet term/definition text; refuse the file if any row lacks either side."""
    text = decode_text(data, filename)
    separator = "\t" if "\t" in text else ","
    log, questions = ProblemLog(filename), []
    try:
        rows = _quizlet_rows(text, separator)
    except RecordError as error:
        log.add(error.line, str(error))
        rows = []
    for number, fields in rows:
        term, definition = fields[0].strip(), separator.join(fields[1:]).strip()
        if len(fields) < 2 or not term or not definition:
            log.add(number, f"row needs a term and a definition separated by {separator!r}")
            continue
        questions.append(_card(term, definition, "plain"))
    log.raise_if_any()
    return questions


def _one_line(text: str, separator: str) -> str:
    return " ".join(text.replace(separator, " ").split())


def write_quizlet(questions: Sequence[Question]) -> bytes:
    """Return the questions as Quizlet import text: ``term<TAB>definition`` per line."""
    rows = [[_one_line(card_front(q), "\t"), _one_line(card_back(q), "\t")] for q in questions]
    return write_records(rows, "\t").encode("utf-8")


def write_anki_text(questions: Sequence[Question]) -> bytes:
    """Return the questions as Anki import text with ``#separator:tab`` and HTML fields."""

    def field(text: str) -> str:
        return text.replace("\t", " ").replace("\n", "<br>")

    rows = [[field(card_front(q)), field(card_back(q))] for q in questions]
    return ("#separator:tab\n#html:true\n" + write_records(rows, "\t")).encode("utf-8")


def sniff_tab_cards(data: bytes) -> int:
    """Score how much ``data`` looks like tab-separated cards (most lines hold a tab)."""
    lines = [
        line for line in data[:20000].splitlines() if line.strip() and not line.startswith(b"#")
    ]
    with_tab = sum(1 for line in lines if b"\t" in line)
    return 20 if lines and with_tab * 2 >= len(lines) else 0


ANKI_TEXT = Format(
    name="anki-text",
    label="Anki text (front/back)",
    extensions=(".txt", ".tsv"),
    media_type="text/plain; charset=utf-8",
    reader=read_anki_text,
    writer=write_anki_text,
    sniff=sniff_tab_cards,
)
QUIZLET = Format(
    name="quizlet",
    label="Quizlet (term/definition)",
    extensions=(".txt",),
    media_type="text/plain; charset=utf-8",
    reader=read_quizlet,
    writer=write_quizlet,
)
