"""Moving questions in and out of a teacher's bank through ``question_bank.formats``.

Imports are all or nothing: a malformed file raises ``FormatError`` (every problem listed) before
anything is added. A question the teacher's bank already holds (same kind, wording and answers)
is not added again, so importing a file twice doubles nothing. Categories in the file become the
teacher's category tree. Exports write what the chosen format can hold and list, in plain words,
the questions it cannot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flask import current_app
from sqlalchemy.orm import selectinload

from question_bank.formats import FORMATS, LeftOut, read_questions, write_what_fits
from question_bank.formats.archives import ArchiveLimits, archive_limits
from question_bank.model import Question as BankQuestion
from quizapp.extensions import db
from quizapp.models import Question, Quiz, User
from quizapp.services.authoring import add_question, lineage_id
from quizapp.services.categories import category_for_path
from quizapp.services.quizzes import quiz_questions


@dataclass(frozen=True)
class ExportFile:
    """An exported file, ready to download, with how many questions it holds and the questions
    its format could not hold (left out of it)."""

    data: bytes
    filename: str
    media_type: str
    count: int = 0
    left_out: tuple[LeftOut, ...] = ()


#: Prompts looked up per statement when an import checks what the bank holds.
HELD_CHUNK = 500


@dataclass(frozen=True)
class Imported:
    """What an import added, and how many of the file's questions the bank already held."""

    added: list[Question]
    already_held: int = 0


def import_file(data: bytes, filename: str, owner: User, fmt: str | None = None) -> Imported:
    """Add every question of one file that ``owner``'s bank does not already hold (format
    guessed when ``fmt`` is None).

    Raises ``question_bank.formats.FormatError`` and adds nothing when the file is malformed
    or is an archive beyond the ``ARCHIVE_MAX_*`` settings.
    """
    with archive_limits(configured_archive_limits()):
        bank_questions = read_questions(data, filename, fmt or None)
    held = _held(owner, [p for b in bank_questions for p in (b.prompt, " ".join(b.prompt.split()))])
    added, already_held = [], 0
    for bank in bank_questions:
        if sameness(bank) in held:
            already_held += 1
            continue
        category = category_for_path(owner, bank.category) if bank.category else None
        added.append(add_question(bank, owner, category.id if category else None))
    return Imported(added, already_held)


def import_message(imported: Imported, filename: str) -> str:
    """What a teacher is told after an import."""
    added = len(imported.added)
    message = f"Imported {added} question{'' if added == 1 else 's'} from {filename}."
    if imported.already_held:
        held = imported.already_held
        message += (
            f" {held} {'was' if held == 1 else 'were'} already in your question bank and "
            f"{'was' if held == 1 else 'were'} not added again."
        )
    return message


def sameness(bank: BankQuestion) -> tuple:
    """What makes two questions the same question to a teacher: kind, wording (spacing aside),
    answers with their marks, pairs and gaps; not the category, tags or feedback."""
    return (
        bank.kind,
        " ".join(bank.prompt.split()),
        tuple(sorted((" ".join(a.text.split()), round(a.fraction, 4)) for a in bank.answers)),
        tuple(sorted((p.left, p.right) for p in bank.pairs)),
        tuple(repr(gap) for gap in bank.gaps),
    )


def _held(owner: User, prompts: Sequence[str]) -> set[tuple]:
    """The ``sameness`` of the owner's current questions worded as one of ``prompts``."""
    wanted = sorted(set(prompts))
    held = set()
    for start in range(0, len(wanted), HELD_CHUNK):
        payloads = db.session.execute(
            db.select(Question.payload).where(
                Question.author_id == owner.id,
                Question.is_deleted.is_(False),
                Question.prompt.in_(wanted[start : start + HELD_CHUNK]),
            )
        ).scalars()
        held.update(sameness(BankQuestion.from_dict(payload)) for payload in payloads)
    return held


def configured_archive_limits() -> ArchiveLimits:
    """The archive limits of the app's ``ARCHIVE_MAX_*`` settings."""
    config = current_app.config
    return ArchiveLimits(
        max_entries=int(config["ARCHIVE_MAX_ENTRIES"]),
        max_entry_bytes=int(config["ARCHIVE_MAX_ENTRY_BYTES"]),
        max_total_bytes=int(config["ARCHIVE_MAX_BYTES"]),
    )


def _safe_name(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:60] or "questions"


def bank_payloads(questions: Sequence[Question]) -> list[BankQuestion]:
    """The interchange questions of bank rows, with their current category path and tags."""
    out = []
    for row in questions:
        bank = row.bank
        out.append(
            BankQuestion.from_dict(
                {
                    **row.payload,
                    "tags": row.tags or list(bank.tags),
                    "category": _category_path(row, bank),
                    "extra": dict(bank.extra) | {"quizapp.id": lineage_id(row)},
                }
            )
        )
    return out


def _category_path(row: Question, bank: BankQuestion) -> str:
    parts, category = [], row.category
    while category is not None and len(parts) < 50:
        parts.append(category.name)
        category = category.parent
    return "/".join(reversed(parts)) or bank.category


def export_questions(
    questions: Sequence[Question], fmt: str, title: str = "questions"
) -> ExportFile:
    """Write the ``questions`` format ``fmt`` can hold; ``left_out`` names the others."""
    target = FORMATS[fmt]
    written = write_what_fits(bank_payloads(questions), fmt)
    extension = target.extensions[0] if target.extensions else ".txt"
    shared = any(
        other is not target and other.can_write and other.extensions[:1] == (extension,)
        for other in FORMATS.values()
    )  # "title-quizlet.txt" beside "title-anki-text.txt", not two "title.txt"
    return ExportFile(
        written.data,
        f"{_safe_name(title)}{'-' + target.name if shared else ''}{extension}",
        target.media_type,
        written.count,
        written.left_out,
    )


def bank_for_export(owner: User) -> list[Question]:
    """Every current question of ``owner``'s bank, oldest first (the order they were added)."""
    return list(
        db.session.execute(
            db.select(Question)
            .where(Question.author_id == owner.id, Question.is_deleted.is_(False))
            .options(selectinload(Question.tag_rows), selectinload(Question.category))
            .order_by(Question.id)
        ).scalars()
    )


def export_quiz(quiz: Quiz, fmt: str) -> ExportFile:
    """Write one quiz's questions, in quiz order."""
    return export_questions(quiz_questions(quiz), fmt, quiz.title)
