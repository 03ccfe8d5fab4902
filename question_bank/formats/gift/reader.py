"""Read Moodle GIFT text into bank questions, following Moodle's own importer.

Questions are separated by blank lines; lines starting with ``//`` are comments (a comment's
``[id:...]`` and ``[tag:...]`` tokens give the question's id number and tags, as Moodle 3.6+
reads them). ``$CATEGORY: path`` switches the category of the questions that follow.
``::title::`` names a question. The first ``{...}`` holds the answers, and the kind comes from
them alone, as in Moodle: ``{#...}`` numerical; ``{T}``, ``{FALSE#...}`` true/false; a ``~``
multiple choice; ``=a -> b`` matching; ``=a =b`` short answer; ``{}`` essay; no braces a
description. When text follows the closing brace (Moodle's "missing word" form) the block is
replaced by ``_____`` in the prompt and the question keeps its kind; otherwise the block is
just removed. Differences from Moodle: a second answer block, or a closing brace before the
opening one, refuses the file (Moodle would import garbled text), and numerical answers must
really be numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from question_bank.formats.errors import ProblemLog
from question_bank.formats.gift.answers import ANSWER_PARSERS, AnswerBlockError, guess_kind
from question_bank.formats.gift.syntax import (
    hide_escapes,
    restore_escapes,
    split_format,
    text_in_format,
)
from question_bank.formats.text import decode_text, make_extra
from question_bank.model import Question

#: What marks the place of the answer block in a "missing word" question's text (as Moodle).
MISSING_WORD = "_____"
_ID_TOKEN = re.compile(r"\[id:((?:\\]|[^\]\x00-\x1f])+)\]")
_TAG_TOKEN = re.compile(r"\[tag:((?:\\]|[^\]\x00-\x1f])+)\]")


@dataclass
class Block:
    """The lines of one blank-line-separated block and the line number of the first one."""

    first_line: int
    lines: list[str] = field(default_factory=list)


@dataclass
class Cursor:
    """The text being parsed, with where it starts in the block, to report lines."""

    block: Block
    joined: str
    text: str
    offset: int

    def line_at(self, position: int) -> int:
        """Return the file line of ``position`` in ``text``."""
        return self.block.first_line + self.joined.count("\n", 0, self.offset + position)


def split_blocks(text: str) -> list[Block]:
    """Split GIFT text into blocks at blank lines."""
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            current = None
        elif current is None:
            current = Block(number, [line])
            blocks.append(current)
        else:
            current.lines.append(line)
    return blocks


def comment_metadata(block: Block) -> tuple[str, tuple[str, ...]]:
    """Return the ``[id:...]`` and ``[tag:...]`` values found in the block's comment lines."""
    comments = "\n".join(line for line in block.lines if line.strip().startswith("//"))
    id_match = _ID_TOKEN.search(comments)
    idnumber = id_match.group(1).strip().replace("\\]", "]") if id_match else ""
    tags = tuple(tag.strip().replace("\\]", "]") for tag in _TAG_TOKEN.findall(comments))
    return idnumber, tags


def read_gift(data: bytes, filename: str) -> list[Question]:
    """Parse a GIFT file; raise FormatError listing every problem if any question is bad."""
    log = ProblemLog(filename)
    category = ""
    questions: list[Question] = []
    for block in split_blocks(decode_text(data, filename)):
        cursor = _open_block(block)
        if cursor is None:
            continue
        if cursor.text.startswith("$CATEGORY:"):
            category = restore_escapes(cursor.text[len("$CATEGORY:") :].strip())
            continue
        question = _read_question(cursor, category, log)
        if question is not None:
            questions.append(question)
    log.raise_if_any()
    return questions


def _open_block(block: Block) -> Cursor | None:
    lines = [" " if line.strip().startswith("//") else line for line in block.lines]
    joined = hide_escapes("\n".join(lines))
    text = joined.strip()
    if not text:
        return None
    return Cursor(block, joined, text, joined.find(text))


def _take_title(cursor: Cursor) -> str:
    """Remove a leading ``::title::`` from the cursor's text and return the title."""
    if not cursor.text.startswith("::"):
        return ""
    end = cursor.text.find("::", 2)
    if end < 0:
        cursor.text, cursor.offset = cursor.text[2:], cursor.offset + 2
        return ""
    title = restore_escapes(cursor.text[2:end]).strip()
    rest = cursor.text[end + 2 :]
    cursor.offset += end + 2 + len(rest) - len(rest.lstrip())
    cursor.text = rest.strip()
    return title


def _read_question(cursor: Cursor, category: str, log: ProblemLog) -> Question | None:
    title = _take_title(cursor)
    text = cursor.text
    opening, closing = text.find("{"), text.find("}")
    if opening < 0 and closing < 0:
        return _build(cursor, title, category, "description", text, "", {})
    brace_line = cursor.line_at(opening if opening >= 0 else closing)
    if opening < 0 or closing < 0 or closing < opening:
        log.add(
            brace_line,
            "unmatched brace: every '{' needs a '}' (write \\{ or \\} for a literal brace)",
        )
        return None
    after = text[closing + 1 :]
    if "{" in after or "}" in after:
        log.add(
            cursor.line_at(closing + 1),
            "more than one answer block in a question; separate "
            "questions with a blank line or escape braces as \\{ \\}",
        )
        return None
    answer_text = text[opening + 1 : closing].strip()
    gap = MISSING_WORD if after.strip() else ""
    question_text = text[:opening] + gap + after
    answer_text, general_feedback = _split_general_feedback(answer_text)
    kind = guess_kind(answer_text) if answer_text else "essay"
    fields = {}
    if kind != "essay":
        try:
            fields = ANSWER_PARSERS[kind](answer_text, split_format(question_text)[0])
        except AnswerBlockError as error:
            log.add(brace_line, str(error))
            return None
    return _build(cursor, title, category, kind, question_text, general_feedback, fields)


def _split_general_feedback(answer_text: str) -> tuple[str, str]:
    marker = answer_text.rfind("####")
    if marker < 0:
        return answer_text, ""
    return answer_text[:marker].strip(), answer_text[marker + 4 :]


def _build(
    cursor: Cursor,
    title: str,
    category: str,
    kind: str,
    question_text: str,
    general_feedback: str,
    fields: dict,
) -> Question:
    prompt_format, prompt = split_format(question_text)
    idnumber, tags = comment_metadata(cursor.block)
    extra = {"gift.idnumber": idnumber} if idnumber else {}
    return Question(
        kind=kind,
        prompt=prompt,
        title=title,
        prompt_format=prompt_format,
        category=category,
        tags=tags,
        general_feedback=text_in_format(general_feedback, prompt_format),
        default_mark=0.0 if kind == "description" else 1.0,
        extra=make_extra(extra),
        **fields,
    )
