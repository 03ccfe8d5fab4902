"""Answering: saving answers as the student goes, the deadline, and who may still answer.

Rules:

* Answers are saved to the attempt's slots as they change; the submit marks what is saved.
* The deadline is the server's: answers that reach it by the deadline (plus ``GRACE``, for a
  request under way) are saved; later ones are refused, and the attempt is then closed and
  marked on what was saved in time. An open attempt past its deadline is closed the next time
  anyone looks at it (``close_expired``).
* An open attempt is read-only while its student may not take the quiz: the quiz was
  unpublished, its assignment removed, or the student left the class. Nothing can be saved or
  submitted then; it becomes writable again if the quiz comes back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import contains_eager, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from question_bank.grading import clean_response
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptSlot, Question, Quiz, StudySettings, User
from quizapp.models.base import update_by_id, utcnow
from quizapp.services.availability import can_take, takeable_quiz_ids
from quizapp.services.flashcards.scheduling import remember_study_plan

#: Time after the deadline during which a save or submit still counts (a request under way).
GRACE = timedelta(seconds=10)


def attempt_deadline(attempt: Attempt) -> datetime | None:
    """When the attempt's time runs out (server time), or None without a time limit."""
    if attempt.deadline_at is not None:
        return attempt.deadline_at
    minutes = attempt.quiz.time_limit_minutes
    return attempt.started_at + timedelta(minutes=minutes) if minutes else None


def is_past_deadline(attempt: Attempt, now: datetime | None = None) -> bool:
    """Whether the attempt's time (and the grace period) has run out."""
    deadline = attempt_deadline(attempt)
    return deadline is not None and (now or utcnow()) > deadline + GRACE


def may_continue(user: User, attempt: Attempt) -> bool:
    """Whether ``user`` may still answer the attempt: theirs, open, and the quiz theirs to take."""
    return (
        attempt.user_id == user.id and attempt.submitted_at is None and can_take(user, attempt.quiz)
    )


@dataclass
class StudentAttempt:
    """A student's own attempt with its quiz, whether they may still answer it
    (``may_continue``), and its slots when they were read along."""

    attempt: Attempt
    is_writable: bool
    slots: list[AttemptSlot] = field(default_factory=list)


#: The quiz's columns the take page shows or works with (title, description, layout, option
#: shuffling, time limit), and those saving one answer needs (its time limit, for the deadline).
_TAKEN_QUIZ = (
    Quiz.id,
    Quiz.title,
    Quiz.description,
    Quiz.is_one_per_page,
    Quiz.is_shuffle_options,
    Quiz.time_limit_minutes,
)
_SAVED_QUIZ = (Quiz.id, Quiz.time_limit_minutes)


@cache
def _student_attempt_statement(with_slots: bool, lock: bool, one_slot: bool = False) -> Select:
    """The attempt by ``attempt_id`` if ``user_id`` is its student, with its quiz and whether
    the quiz is theirs to take at ``now`` (and, with ``one_slot``, only if ``question_id`` is
    one of its questions, with that slot and question); built once per shape. The page
    (``with_slots``) and one answer's save (``one_slot``) read only the quiz's columns they
    use; the submit reads it whole."""
    user_id, now = db.bindparam("user_id"), db.bindparam("now")
    takeable = Attempt.quiz_id.in_(takeable_quiz_ids(user_id, now).correlate(None))
    quiz = contains_eager(Attempt.quiz)
    if with_slots or one_slot:
        quiz = quiz.load_only(*(_SAVED_QUIZ if one_slot else _TAKEN_QUIZ))
    query = (
        db.select(Attempt, takeable)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.id == db.bindparam("attempt_id"), Attempt.user_id == user_id)
        .options(quiz)
    )
    if with_slots or one_slot:
        slot_of = AttemptSlot.attempt_id == Attempt.id
        if one_slot:
            slot_of = slot_of & (AttemptSlot.question_id == db.bindparam("question_id"))
        query = (
            query.add_columns(AttemptSlot)
            .join(AttemptSlot, slot_of, isouter=with_slots)
            .join(Question, Question.id == AttemptSlot.question_id, isouter=with_slots)
            .options(contains_eager(AttemptSlot.question).load_only(Question.payload))
            .order_by(AttemptSlot.position)
        )
    if lock and not one_slot:  # a submit counts the answers as card reviews: their settings
        query = query.add_columns(StudySettings).outerjoin(
            StudySettings, StudySettings.user_id == Attempt.user_id
        )
    if lock:  # the attempt's row only; saves and the submit take turns on it
        query = query.with_for_update(of=Attempt).execution_options(populate_existing=True)
    return query


def student_attempt(
    attempt_id: int, user: User, with_slots: bool = False, lock: bool = False
) -> StudentAttempt | None:
    """The student's own attempt with its quiz and whether they may still answer it, in one
    query (None when it is not theirs); ``with_slots`` reads its slots and their questions in
    the same query, ``lock`` locks the attempt's row until the transaction ends and reads the
    student's study settings along (``study_plan``: a submit schedules their cards).

    Slots are never read in the query that waits for the lock: read them afterwards
    (``attempt_slots``), so they hold every save that went before.
    """
    if with_slots and lock:
        raise ValueError("read the slots after taking the lock")
    params = {"attempt_id": attempt_id, "user_id": user.id, "now": utcnow()}
    rows = db.session.execute(_student_attempt_statement(with_slots, lock), params).all()
    if not rows:
        return None
    attempt, takeable = rows[0][0], bool(rows[0][1])
    slots = [row[2] for row in rows if row[2] is not None] if with_slots else []
    if lock:
        remember_study_plan(user.id, rows[0][2])
    return StudentAttempt(attempt, takeable and attempt.submitted_at is None, slots)


def student_attempt_slot(attempt_id: int, user: User, question_id: int) -> StudentAttempt | None:
    """The student's own attempt, locked, with its quiz, whether they may still answer it and
    the slot of one of its questions with that question, in one query (None when the attempt
    is not theirs or the question not in it): what saving one answer needs.

    The slot is read by the query that waits for the lock, so its answer and flag may be
    older than a save that went before: ``save_answers`` writes them whole, never by
    comparing with what was read.
    """
    params = {"attempt_id": attempt_id, "user_id": user.id, "now": utcnow()}
    statement = _student_attempt_statement(False, True, one_slot=True)
    row = db.session.execute(statement, {**params, "question_id": question_id}).first()
    if row is None:
        return None
    attempt, takeable, slot = row
    return StudentAttempt(attempt, bool(takeable) and attempt.submitted_at is None, [slot])


def attempt_slots(attempt: Attempt, question_ids: Iterable[int] | None = None) -> list[AttemptSlot]:
    """The attempt's slots in order (only those of ``question_ids`` when given), each with its
    (pinned) question loaded, in one query."""
    query = (
        db.select(AttemptSlot)
        .where(AttemptSlot.attempt_id == attempt.id)
        .options(joinedload(AttemptSlot.question))
        .order_by(AttemptSlot.position)
    )
    if question_ids is not None:
        query = query.where(AttemptSlot.question_id.in_(list(question_ids)))
    return list(db.session.execute(query).scalars())


def lock_attempt(attempt: Attempt) -> Attempt:
    """Lock the attempt's row until the transaction ends (saves and the submit take turns),
    reading it afresh in the same query."""
    db.session.execute(
        db.select(Attempt)
        .where(Attempt.id == attempt.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return attempt


def save_answers(
    attempt: Attempt,
    answers: Mapping[int, Any],
    flags: Mapping[int, bool] | None = None,
    now: datetime | None = None,
    slots: list[AttemptSlot] | None = None,
) -> int:
    """Save the answers (question id -> response) and flags of the attempt's questions.

    Returns how many slots were saved: 0 when the attempt is closed or past its deadline.
    Questions not in the attempt are ignored. ``slots``: the attempt's slots (or those of the
    questions saved) read with or after the lock on its row (``student_attempt(...,
    lock=True)``, ``student_attempt_slot``); without them the attempt is locked and its slots
    read here. Each answer, time and flag saved is written whatever the slot held when read.
    """
    now = now or utcnow()
    if slots is None:
        lock_attempt(attempt)
    if attempt.submitted_at is not None or is_past_deadline(attempt, now):
        return 0
    if slots is None:
        slots = attempt_slots(attempt, {*answers, *(flags or {})})
    writes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for slot in slots:
        question_id = slot.question_id
        values: dict[str, Any] = {}
        if question_id in answers:
            values["answer"] = clean_response(slot.question.bank, answers[question_id])
            values["saved_at"] = now
        if flags is not None and question_id in flags:
            values["is_flagged"] = bool(flags[question_id])
        if values:
            writes.setdefault(tuple(values), []).append({"slot_id": slot.id, **values})
            for name, value in values.items():  # what the row now holds; nothing left to flush
                set_committed_value(slot, name, value)
    for fields, rows in writes.items():
        db.session.execute(update_by_id(AttemptSlot, "slot_id", fields), rows)
    return sum(len(rows) for rows in writes.values())


@cache
def _expired_statement(by_quiz: bool, by_user: bool) -> Select:
    """Open attempts whose deadline is before ``cutoff`` (of the quiz ``quiz_id`` and of the
    student ``user_id`` when asked), built once per shape: the history page asks on every visit."""
    query = db.select(Attempt).where(
        Attempt.submitted_at.is_(None), Attempt.deadline_at < db.bindparam("cutoff")
    )
    if by_quiz:
        query = query.where(Attempt.quiz_id == db.bindparam("quiz_id"))
    if by_user:
        query = query.where(Attempt.user_id == db.bindparam("user_id"))
    return query


def expired_attempts(quiz: Quiz | None = None, user: User | None = None) -> list[Attempt]:
    """Open attempts (of one quiz or one student) whose deadline and grace period have passed."""
    now = utcnow()
    params: dict[str, Any] = {"cutoff": now - GRACE}
    if quiz is not None:
        params["quiz_id"] = quiz.id
    if user is not None:
        params["user_id"] = user.id
    statement = _expired_statement(quiz is not None, user is not None)
    return [a for a in db.session.execute(statement, params).scalars() if is_past_deadline(a, now)]
