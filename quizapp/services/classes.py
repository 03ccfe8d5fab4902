"""Classes: creating them, joining with a code, assigning quizzes and decks, and who sees what."""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from flask import abort
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.local_time import shown
from quizapp.models import Assignment, AssignmentKind, Classroom, Membership, Quiz, User
from quizapp.ownership import owned_or_404

#: Join codes avoid letters and digits that are easy to confuse (0/O, 1/I/L).
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


class ClassError(ValueError):
    """A class action cannot be done as asked (unknown code, already a member ...)."""


@dataclass(frozen=True)
class ClassSummary:
    """A class with how many students it has, for the teacher's list."""

    classroom: Classroom
    students: int


def new_join_code() -> str:
    """A random code students type to join a class."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def create_classroom(teacher: User, name: str) -> Classroom:
    """Add a class for ``teacher`` with a fresh join code."""
    classroom = Classroom(name=name.strip(), teacher_id=teacher.id, join_code=new_join_code())
    db.session.add(classroom)
    db.session.flush()
    return classroom


def teacher_classes(teacher: User) -> list[ClassSummary]:
    """The teacher's classes, newest first, each with its number of students (one query)."""
    students = (
        db.select(db.func.count(Membership.id))
        .where(Membership.classroom_id == Classroom.id)
        .correlate(Classroom)
        .scalar_subquery()
    )
    rows = db.session.execute(
        db.select(Classroom, students)
        .where(Classroom.teacher_id == teacher.id)
        .order_by(Classroom.created_at.desc(), Classroom.id.desc())
    ).all()
    return [ClassSummary(classroom, count) for classroom, count in rows]


def owned_classroom_or_404(classroom_id: int, teacher: User) -> Classroom:
    """The class with this id if ``teacher`` runs it; 404 otherwise (others' stay hidden)."""
    return owned_or_404(Classroom, classroom_id, teacher)


def class_roster(classroom: Classroom) -> list[Membership]:
    """The class's memberships, by username, with each student loaded."""
    return list(
        db.session.execute(
            db.select(Membership)
            .join(User, User.id == Membership.user_id)
            .where(Membership.classroom_id == classroom.id)
            .options(selectinload(Membership.user))
            .order_by(User.username)
        ).scalars()
    )


def class_assignments(classroom: Classroom) -> list[Assignment]:
    """What is set for the class, soonest due first, with each quiz loaded."""
    return list(
        db.session.execute(
            db.select(Assignment)
            .where(Assignment.classroom_id == classroom.id)
            .options(selectinload(Assignment.quiz))
            .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id)
        ).scalars()
    )


def join_classroom(student: User, code: str) -> Classroom:
    """Add ``student`` to the class whose join code is ``code`` (case, spaces, hyphens and
    other marks between its letters ignored: "tk7q-wh36" is "TK7QWH36")."""
    cleaned = "".join(ch for ch in unicodedata.normalize("NFKC", code) if ch.isalnum()).upper()
    classroom = db.session.execute(
        db.select(Classroom).where(Classroom.join_code == cleaned)
    ).scalar_one_or_none()
    if classroom is None:
        raise ClassError("No class has that code. Check it with your teacher.")
    exists = db.session.execute(
        db.select(Membership.id).where(
            Membership.classroom_id == classroom.id, Membership.user_id == student.id
        )
    ).first()
    if exists:
        raise ClassError(f"You are already in {classroom.name}.")
    db.session.add(Membership(classroom_id=classroom.id, user_id=student.id))
    db.session.flush()
    return classroom


def student_classes(student: User) -> list[Classroom]:
    """The classes ``student`` belongs to, by name, with their teachers loaded."""
    return list(
        db.session.execute(
            db.select(Classroom)
            .join(Membership, Membership.classroom_id == Classroom.id)
            .where(Membership.user_id == student.id)
            .options(selectinload(Classroom.teacher))
            .order_by(Classroom.name)
        ).scalars()
    )


@dataclass(frozen=True)
class Assigned:
    """An assignment just set, and its (opens, due) dates before when it was there already."""

    assignment: Assignment
    before: tuple[datetime | None, datetime | None] | None = None


def assign(
    classroom: Classroom,
    quiz: Quiz,
    kind: str = AssignmentKind.QUIZ.value,
    opens_at: datetime | None = None,
    due_at: datetime | None = None,
) -> Assignment:
    """Set ``quiz`` (to take, or as a flashcard deck) for the class: a new assignment, or the
    dates of the one already there (``assignment_message`` says which, and what changed)."""
    assignment = db.session.execute(
        db.select(Assignment).where(
            Assignment.classroom_id == classroom.id,
            Assignment.quiz_id == quiz.id,
            Assignment.kind == AssignmentKind(kind).value,
        )
    ).scalar_one_or_none()
    before = None
    if assignment is None:
        assignment = Assignment(classroom_id=classroom.id, quiz_id=quiz.id, kind=kind)
        db.session.add(assignment)
    else:
        before = (assignment.opens_at, assignment.due_at)
    assignment.opens_at, assignment.due_at = opens_at, due_at
    db.session.flush()
    return Assigned(assignment, before)


def _when(moment: datetime | None) -> str:
    return shown(moment, empty="none")


def assignment_message(assigned: Assigned, now: datetime) -> str:
    """What a teacher is told after assigning: a new assignment or which dates changed, and a
    due date already past."""
    assignment = assigned.assignment
    title, name = assignment.quiz.title, assignment.classroom.name
    if assigned.before is None:
        message = f"Assigned {title!r} to {name}."
    else:
        changes = [
            f"{label} {_when(old)} → {_when(new)}"
            for label, old, new in (
                ("opens", assigned.before[0], assignment.opens_at),
                ("due", assigned.before[1], assignment.due_at),
            )
            if old != new
        ]
        message = f"{title!r} was already assigned to {name}: " + (
            f"dates changed ({'; '.join(changes)})." if changes else "nothing changed."
        )
    if assignment.due_at is not None and assignment.due_at <= now:
        message += " Its due date has already passed."
    if not assignment.quiz.is_published:
        message += " It is still a draft: publish it so students see it."
    return message


def remove_student(classroom: Classroom, membership_id: int) -> None:
    """Take one student out of the class (their past attempts stay)."""
    membership = owned_or_404(Membership, membership_id, classroom.teacher)
    if membership.classroom_id != classroom.id:
        abort(404)
    db.session.delete(membership)
    db.session.flush()
