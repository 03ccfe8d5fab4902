"""Regrading: marking chosen attempts again against the quiz's current question versions.

Rules: an attempt keeps the question versions it started with until the teacher regrades it.
Regrading moves each response to the current version of its question (the version in the quiz
now with the same first version) and marks the saved answer again; a teacher's mark of a
question marked by hand is kept. ``regrade_preview`` says what would change, ``apply_regrade``
does it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import selectinload

from question_bank.grading import grade
from question_bank.kinds import kind_of
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptSlot, Question, Quiz, Response
from quizapp.services.attempts.marking import update_score
from quizapp.services.authoring import lineage_id
from quizapp.services.quizzes import quiz_questions


@dataclass(frozen=True)
class RegradeChange:
    """What regrading does to one response."""

    response: Response
    question: Question  # the version it moves to
    fraction: float | None

    @property
    def moves(self) -> bool:
        """Whether the response moves to another version of its question."""
        return self.question.id != self.response.question_id


@dataclass
class RegradeRow:
    """One attempt: its score now, its score after regrading, and the responses that change."""

    attempt: Attempt
    score: float
    new_score: float = 0.0
    new_max: float = 0.0
    changes: list[RegradeChange] = field(default_factory=list)


def _changes(attempt: Attempt, versions: dict[str, Question]) -> list[RegradeChange]:
    changes = []
    for response in attempt.responses:
        current = versions.get(lineage_id(response.question))
        if current is None:
            continue
        bank = current.bank
        if kind_of(bank).is_auto_marked:
            fraction = grade(bank, response.answer).fraction
        else:
            fraction = response.fraction if current.kind == response.question.kind else None
        if current.id != response.question_id or fraction != response.fraction:
            changes.append(RegradeChange(response, current, fraction))
    return changes


def _new_score(attempt: Attempt, changes: list[RegradeChange]) -> tuple[float, float]:
    by_response = {change.response.id: change for change in changes}
    score = maximum = 0.0
    for response in attempt.responses:
        change = by_response.get(response.id)
        fraction = change.fraction if change else response.fraction
        mark = (change.question if change else response.question).bank.default_mark
        if fraction is not None:
            score, maximum = score + fraction * mark, maximum + mark
    return round(score, 6), round(maximum, 6)


def quiz_attempts(quiz: Quiz, ids: Sequence[int] | None = None) -> list[Attempt]:
    """The quiz's submitted attempts (or those among ``ids``), oldest first."""
    query = (
        db.select(Attempt)
        .where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
        .options(selectinload(Attempt.user))
    )
    if ids is not None:
        query = query.where(Attempt.id.in_(list(ids)))
    return list(db.session.execute(query.order_by(Attempt.submitted_at, Attempt.id)).scalars())


def regrade_preview(quiz: Quiz, attempt_ids: Sequence[int]) -> list[RegradeRow]:
    """What regrading the chosen attempts of ``quiz`` would change (nothing is stored)."""
    versions = {lineage_id(question): question for question in quiz_questions(quiz)}
    rows = []
    for attempt in quiz_attempts(quiz, attempt_ids):
        changes = _changes(attempt, versions)
        new_score, new_max = _new_score(attempt, changes)
        rows.append(RegradeRow(attempt, attempt.score, new_score, new_max, changes))
    return rows


def apply_regrade(quiz: Quiz, attempt_ids: Sequence[int]) -> int:
    """Regrade the chosen attempts; returns how many changed."""
    changed = 0
    for row in regrade_preview(quiz, attempt_ids):
        for change in row.changes:
            response = change.response
            if change.moves:
                db.session.execute(
                    db.update(AttemptSlot)
                    .where(
                        AttemptSlot.attempt_id == response.attempt_id,
                        AttemptSlot.question_id == response.question_id,
                    )
                    .values(question_id=change.question.id)
                )
                response.question_id = change.question.id
                response.question = change.question
            response.fraction = change.fraction
            if change.fraction is not None and kind_of(change.question.bank).is_auto_marked:
                response.feedback = grade(change.question.bank, response.answer).feedback
        if row.changes:
            db.session.flush()
            update_score(row.attempt)
            changed += 1
    db.session.flush()
    return changed
