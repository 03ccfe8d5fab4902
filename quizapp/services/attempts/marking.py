"""Marking: closing an attempt once and marking its saved answers, the teacher's marks for
essays, and the attempt's score.

Rules: an attempt is closed by one conditional UPDATE that also checks its student may still
take the quiz, so a repeated, concurrent or read-only submit changes nothing. Each pinned
question is marked by ``question_bank.grading.grade`` (descriptions carry no marks and get no
response). The score and maximum cover marked responses only; ``pending_marks`` counts those
waiting for the teacher, whose mark (0 to the question's marks) and comment update the score.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from question_bank.grading import grade
from question_bank.kinds import SCORED_KINDS
from quizapp.extensions import db
from quizapp.models import Attempt, Response, User
from quizapp.models.base import utcnow
from quizapp.services.attempts.answering import (
    attempt_slots,
    expired_attempts,
    is_past_deadline,
    save_answers,
)
from quizapp.services.availability import takeable_quiz_ids
from quizapp.services.flashcards import record_quiz_reviews


class MarkRefused(ValueError):
    """A teacher's mark cannot be stored as given."""


def claim_submission(attempt: Attempt, now: datetime | None = None) -> bool:
    """Close the attempt; False if it was closed already or its student may not take the quiz.

    The checks and the update are one conditional UPDATE, so two submits racing each other
    cannot both win, and a quiz withdrawn meanwhile keeps its open attempts read-only.
    """
    result = db.session.execute(
        db.update(Attempt)
        .where(
            Attempt.id == attempt.id,
            Attempt.submitted_at.is_(None),
            Attempt.quiz_id.in_(takeable_quiz_ids(attempt.user_id)),
        )
        .values(submitted_at=now or utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(attempt)
    return result.rowcount == 1


def update_score(attempt: Attempt) -> None:
    """Set the attempt's score, maximum and pending count from its responses."""
    score = maximum = 0.0
    pending = 0
    for response in attempt.responses:
        mark = response.question.bank.default_mark
        if response.fraction is None:
            pending += 1
            continue
        score += response.fraction * mark
        maximum += mark
    attempt.score, attempt.max_score = round(score, 6), round(maximum, 6)
    attempt.pending_marks = pending


def submit_attempt(
    attempt: Attempt, answers: Mapping[int, Any] | None = None, now: datetime | None = None
) -> bool:
    """Save ``answers`` (if any and in time), close the attempt and mark what is saved.

    Returns False, changing nothing, when the attempt was closed already or is read-only.
    """
    now = now or utcnow()
    if answers:
        save_answers(attempt, answers, now=now)
    if not claim_submission(attempt, now):
        return False
    marks, responses = [], []
    for slot in attempt_slots(attempt):
        bank = slot.question.bank
        if bank.kind not in SCORED_KINDS:
            continue
        mark = grade(bank, slot.answer)
        marks.append((slot.question, mark.fraction))
        responses.append(
            {
                "attempt_id": attempt.id,
                "question_id": slot.question_id,
                "position": slot.position,
                "answer": slot.answer,
                "fraction": mark.fraction,
                "feedback": mark.feedback,
                "created_at": now,
            }
        )
    if responses:
        db.session.execute(sa.insert(Response), responses)  # one statement, however many
    db.session.flush()
    db.session.refresh(attempt)
    update_score(attempt)
    record_quiz_reviews(attempt.user_id, marks, attempt.submitted_at)  # quiz answers are reviews
    db.session.flush()
    return True


def close_expired(attempts: list[Attempt] | None = None, **scope) -> int:
    """Close and mark open attempts past their deadline (those given, or of ``quiz``/``user``)."""
    closed = 0
    now = utcnow()
    for attempt in attempts if attempts is not None else expired_attempts(**scope):
        if attempt.submitted_at is None and is_past_deadline(attempt, now):
            closed += submit_attempt(attempt, now=now)
    return closed


def mark_response(response: Response, points: float, comment: str, teacher: User) -> None:
    """Store a teacher's mark (0 to the question's marks) and comment; update the score."""
    maximum = response.question.bank.default_mark
    if points is None or not 0 <= points <= maximum:
        raise MarkRefused(f"a mark between 0 and {round(maximum, 2):g}")
    response.fraction = points / maximum if maximum else 0.0
    response.comment = comment.strip()[:5000]
    response.marked_at, response.marked_by_id = utcnow(), teacher.id
    db.session.flush()
    update_score(response.attempt)
    db.session.flush()
