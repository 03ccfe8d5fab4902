"""The bank's own JSON listing: ``{"questions": [Question.to_dict(), ...]}``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from question_bank.formats.base import Format
from question_bank.formats.errors import FormatError, Problem, ProblemLog
from question_bank.formats.text import decode_text
from question_bank.kinds import KIND_NAMES
from question_bank.model import Question


def questions_to_json(questions: Sequence[Question]) -> str:
    """Return the JSON text listing the questions (the CLI's ``--to json`` output)."""
    listing = {"questions": [question.to_dict() for question in questions]}
    return json.dumps(listing, ensure_ascii=False, indent=2)


def write_json(questions: Sequence[Question]) -> bytes:
    """Return the questions as UTF-8 JSON bytes."""
    return (questions_to_json(questions) + "\n").encode("utf-8")


def _question(data: object, index: int, log: ProblemLog) -> Question | None:
    if not isinstance(data, dict) or data.get("kind") not in KIND_NAMES:
        log.add(0, f"question {index}: needs a 'kind', one of {', '.join(KIND_NAMES)}")
        return None
    try:
        return Question.from_dict(data)
    except (TypeError, ValueError, AttributeError) as error:
        log.add(0, f"question {index}: {error}")
        return None


def read_json(data: bytes, filename: str) -> list[Question]:
    """Parse the JSON listing; refuse the file if it or any question is malformed."""
    try:
        listing = json.loads(decode_text(data, filename))
    except json.JSONDecodeError as error:
        raise FormatError([Problem(filename, error.lineno, f"not JSON: {error.msg}")]) from None
    except RecursionError:
        raise FormatError([Problem(filename, 1, "not JSON: nested too deep")]) from None
    items = listing.get("questions") if isinstance(listing, dict) else listing
    if not isinstance(items, list):
        raise FormatError([Problem(filename, 1, 'expected {"questions": [...]}')])
    log = ProblemLog(filename)
    questions = [_question(item, index, log) for index, item in enumerate(items, start=1)]
    log.raise_if_any()
    return [question for question in questions if question is not None]


FORMAT = Format(
    name="json",
    label="JSON",
    extensions=(".json",),
    media_type="application/json",
    reader=read_json,
    writer=write_json,
    sniff=lambda data: 40 if data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith((b"{", b"[")) else 0,
)
