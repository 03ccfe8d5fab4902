"""A class gradebook: the class's students against its quizzes (best, last, mean, attempts).

Rules: a teacher sees only the classes they run. A class's quizzes are those assigned to it (to
take) and the teacher's own published quizzes. Percentages are each attempt's marked score over
its marked maximum (answers waiting for the teacher are not counted, and the cell says how many
attempts need marking), the same figures the quiz statistics use; "last" is the most recently
submitted attempt. One aggregated query fills the grid.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from sqlalchemy import case, func, or_

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Classroom, Membership, Quiz, User
from quizapp.services.analytics.sql import attempt_percent


@dataclass(frozen=True)
class GradeCell:
    """One student's record on one quiz."""

    attempts: int
    best: float | None
    last: float | None
    mean: float | None
    needs_marking: int = 0


@dataclass(frozen=True)
class Gradebook:
    """Students (rows) x quizzes (columns); ``cells[(student id, quiz id)]`` when attempted."""

    classroom: Classroom
    students: list[User]
    quizzes: list[Quiz]
    cells: dict[tuple[int, int], GradeCell] = field(default_factory=dict)

    def cell(self, student_id: int, quiz_id: int) -> GradeCell | None:
        """The student's record on the quiz, ``None`` if never attempted."""
        return self.cells.get((student_id, quiz_id))


def teacher_classrooms(teacher_id: int) -> list[tuple[Classroom, int]]:
    """The teacher's classes with their number of students, by name."""
    members = (
        db.select(func.count(Membership.id))
        .where(Membership.classroom_id == Classroom.id)
        .scalar_subquery()
    )
    rows = db.session.execute(
        db.select(Classroom, members)
        .where(Classroom.teacher_id == teacher_id)
        .order_by(Classroom.name, Classroom.id)
    ).all()
    return [(classroom, count) for classroom, count in rows]


def class_member_ids(classroom_ids):
    """Select of the user ids of the students in the given classes."""
    return db.select(Membership.user_id).where(Membership.classroom_id.in_(classroom_ids))


def class_quizzes(classroom: Classroom) -> list[Quiz]:
    """The class's gradebook columns: assigned quizzes and the teacher's published ones."""
    assigned = db.select(Assignment.quiz_id).where(
        Assignment.classroom_id == classroom.id, Assignment.kind == "quiz"
    )
    own = (Quiz.owner_id == classroom.teacher_id) & Quiz.is_published.is_(True)
    return list(
        db.session.execute(
            db.select(Quiz)
            .where(or_(Quiz.id.in_(assigned), own))
            .order_by(Quiz.created_at, Quiz.id)
        ).scalars()
    )


def class_students(classroom: Classroom) -> list[User]:
    """The class's students by username."""
    return list(
        db.session.execute(
            db.select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.classroom_id == classroom.id)
            .order_by(User.username)
        ).scalars()
    )


def _grade_cells(classroom: Classroom, quiz_ids: list[int]) -> dict[tuple[int, int], GradeCell]:
    """Best, last, mean and count per (student, quiz), in one query with a window function."""
    ranked = (
        db.select(
            Attempt.user_id,
            Attempt.quiz_id,
            attempt_percent().label("percent"),
            case((Attempt.pending_marks > 0, 1), else_=0).label("pending"),
            func.row_number()
            .over(
                partition_by=(Attempt.user_id, Attempt.quiz_id),
                order_by=(Attempt.submitted_at.desc(), Attempt.id.desc()),
            )
            .label("recency"),
        )
        .where(
            Attempt.submitted_at.is_not(None),
            Attempt.quiz_id.in_(quiz_ids),
            Attempt.user_id.in_(class_member_ids([classroom.id])),
        )
        .subquery()
    )
    rows = db.session.execute(
        db.select(
            ranked.c.user_id,
            ranked.c.quiz_id,
            func.count(),
            func.max(ranked.c.percent),
            func.max(case((ranked.c.recency == 1, ranked.c.percent))),
            func.avg(ranked.c.percent),
            func.sum(ranked.c.pending),
        ).group_by(ranked.c.user_id, ranked.c.quiz_id)
    ).all()
    return {(user, quiz): GradeCell(*figures) for user, quiz, *figures in rows}


def gradebook(classroom: Classroom) -> Gradebook:
    """The class's gradebook (three queries whatever its size)."""
    quizzes = class_quizzes(classroom)
    students = class_students(classroom)
    cells = _grade_cells(classroom, [quiz.id for quiz in quizzes]) if quizzes else {}
    return Gradebook(classroom, students, quizzes, cells)


def _csv_safe(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def gradebook_csv(book: Gradebook) -> str:
    """The gradebook as CSV: one row per student; best, last, mean (%) and attempts per quiz."""
    out = io.StringIO()
    writer = csv.writer(out)
    header = ["student"]
    for quiz in book.quizzes:
        title = _csv_safe(quiz.title)
        header += [f"{title} best %", f"{title} last %", f"{title} mean %", f"{title} attempts"]
    writer.writerow(header)
    for student in book.students:
        row = [_csv_safe(student.username)]
        for quiz in book.quizzes:
            cell = book.cell(student.id, quiz.id) or GradeCell(0, None, None, None)
            row += [_figure(cell.best), _figure(cell.last), _figure(cell.mean), cell.attempts]
        writer.writerow(row)
    return out.getvalue()
