"""Answers the teacher marks by hand (essays): the marking queue of a quiz, by question or student.

Rules: the queue holds the responses to questions of kinds not marked automatically, from the
quiz's submitted attempts, those still to mark first. Only the quiz's owner marks them
(``services.attempts.mark_response`` stores a mark and updates the attempt's score).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import selectinload

from question_bank.kinds import KINDS
from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, Response, User

#: Kinds whose responses the teacher marks.
HAND_MARKED = tuple(n for n, k in KINDS.items() if k.is_scored and not k.is_auto_marked)
#: How the queue is grouped.
GROUPINGS = ("question", "student")


@dataclass(frozen=True)
class MarkingGroup:
    """One question (or one student) and its responses to mark."""

    title: str
    responses: list[Response]

    @property
    def waiting(self) -> int:
        """How many of the group's responses have no mark yet."""
        return sum(1 for response in self.responses if response.fraction is None)


def marking_responses(quiz: Quiz) -> list[Response]:
    """The quiz's hand-marked responses, unmarked first, then by student and question."""
    return list(
        db.session.execute(
            db.select(Response)
            .join(Attempt, Attempt.id == Response.attempt_id)
            .join(Question, Question.id == Response.question_id)
            .join(User, User.id == Attempt.user_id)
            .where(
                Attempt.quiz_id == quiz.id,
                Attempt.submitted_at.is_not(None),
                Question.kind.in_(HAND_MARKED),
            )
            .options(
                selectinload(Response.question),
                selectinload(Response.attempt).selectinload(Attempt.user),
            )
            .order_by(Response.fraction.is_not(None), User.username, Attempt.id, Response.position)
        ).scalars()
    )


def marking_queue(quiz: Quiz, by: str = "question") -> list[MarkingGroup]:
    """The hand-marked responses grouped by question (its prompt) or by student."""
    groups: dict[str, list[Response]] = {}
    for response in marking_responses(quiz):
        if by == "student":
            key = response.attempt.user.username
        else:
            key = response.question.bank.title or response.question.prompt[:80]
        groups.setdefault(key, []).append(response)
    return [MarkingGroup(title, responses) for title, responses in groups.items()]


def waiting_count(quiz: Quiz) -> int:
    """How many of the quiz's responses wait for the teacher's mark."""
    return db.session.execute(
        db.select(db.func.coalesce(db.func.sum(Attempt.pending_marks), 0)).where(
            Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None)
        )
    ).scalar_one()
