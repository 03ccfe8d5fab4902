"""Marking: closing an attempt once and marking its saved answers, the teacher's marks for
essays, and the attempt's score.

Rules: an attempt is closed by one conditional UPDATE that also checks its student may still
take the quiz, so a repeated, concurrent or read-only submit changes nothing. Each pinned
question is marked by ``question_bank.grading.grade`` (descriptions carry no marks and get no
response). The score and maximum cover marked responses only; ``pending_marks`` counts those
waiting for the teacher, whose mark (0 to the question's marks) and comment update the score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm.attributes import set_committed_value

from question_bank.grading import grade
from question_bank.kinds import SCORED_KINDS
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptSlot, Response, User
from quizapp.models.activity import stamp_activity
from quizapp.models.base import utcnow
from quizapp.services.attempts.answering import (
    attempt_slots,
    expired_attempts,
    is_past_deadline,
    lock_attempt,
    save_answers,
)
from quizapp.services.availability import takeable_quiz_ids
from quizapp.services.flashcards import record_quiz_reviews


class MarkRefused(ValueError):
    """A teacher's mark cannot be stored as given."""


def claim_submission(
    attempt: Attempt, now: datetime | None = None, scores: Mapping[str, Any] | None = None
) -> bool:
    """Close the attempt (storing ``scores``, its columns' new values, with it); False if it
    was closed already or its student may not take the quiz.

    The checks and the update are one conditional UPDATE, so two submits racing each other
    cannot both win, and a quiz withdrawn meanwhile keeps its open attempts read-only.
    """
    values = {"submitted_at": now or utcnow(), **(scores or {})}
    result = db.session.execute(
        db.update(Attempt)
        .where(
            Attempt.id == attempt.id,
            Attempt.submitted_at.is_(None),
            Attempt.quiz_id.in_(takeable_quiz_ids(attempt.user_id)),
        )
        .values(values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.refresh(attempt)
        return False
    for name, value in values.items():  # what the row now holds, without reading it back
        set_committed_value(attempt, name, value)
    stamp_activity(db.session, [attempt.user_id])
    return True


def score_of(marks: Iterable[tuple[float, float | None]]) -> dict[str, Any]:
    """An attempt's score, maximum and pending count from its responses' (marks, fraction):
    the score and maximum cover marked responses only."""
    score = maximum = 0.0
    pending = 0
    for mark, fraction in marks:
        if fraction is None:
            pending += 1
            continue
        score += fraction * mark
        maximum += mark
    return {"score": round(score, 6), "max_score": round(maximum, 6), "pending_marks": pending}


def update_score(attempt: Attempt) -> None:
    """Set the attempt's score, maximum and pending count from its responses."""
    scores = score_of(
        (response.question.bank.default_mark, response.fraction) for response in attempt.responses
    )
    for name, value in scores.items():
        setattr(attempt, name, value)


def submit_attempt(
    attempt: Attempt,
    answers: Mapping[int, Any] | None = None,
    now: datetime | None = None,
    slots: list[AttemptSlot] | None = None,
) -> bool:
    """Save ``answers`` (if any and in time), close the attempt and mark what is saved.

    Returns False, changing nothing, when the attempt was closed already or is read-only.
    ``slots``: all the attempt's slots, read after its row was locked; without them the
    attempt is locked and its slots read here. The marks are worked out before the attempt
    is closed, so closing it stores its score in the same statement.
    """
    now = now or utcnow()
    if slots is None:
        lock_attempt(attempt)
        slots = attempt_slots(attempt)
    if answers:
        save_answers(attempt, answers, now=now, slots=slots)
    marks, responses = [], []
    for slot in slots:
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
    db.session.flush()  # saved answers first: the claim below does not flush
    scores = score_of((q.bank.default_mark, fraction) for q, fraction in marks)
    if not claim_submission(attempt, now, scores):
        return False
    if responses:
        db.session.execute(sa.insert(Response), responses)  # one statement, however many
    record_quiz_reviews(attempt.user_id, marks, now)  # quiz answers are reviews
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
