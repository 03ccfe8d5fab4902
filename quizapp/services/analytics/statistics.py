"""Quiz statistics for a teacher: the marks gathered from the database, the figures computed by
``question_bank.stats`` (Moodle's definitions), and a distractor table per choice question.

Rules:

* Like Moodle's default, each student's first submitted attempt is analysed, once it is fully
  marked: an attempt with answers still waiting for the teacher is left out (and counted as
  "needs marking"), so an essay is never counted as 0. Percentages are the attempts' marked
  scores, the same figures the gradebook shows.
* The questions are the quiz's current ones that carry marks (descriptions do not); a response
  to an earlier version of a question counts for its current version.
* Scope: a teacher sees the statistics of a quiz they own, or of a quiz assigned to one of their
  classes; limited to one of their classes when asked (``classroom``), and for a quiz they do
  not own always limited to classes it is assigned to. Anything else is a PermissionError.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Select, func

from question_bank.kinds import CHOICE_KINDS, SCORED_KINDS
from question_bank.model import Question as BankQuestion
from question_bank.stats import DistractorTable, QuizStatistics, distractor_table, quiz_statistics
from quizapp.extensions import db
from quizapp.models import Assignment, AssignmentKind, Attempt, Classroom, Quiz, Response, User
from quizapp.models import Question as QuestionRow
from quizapp.services.analytics.gradebook import class_member_ids
from quizapp.services.authoring import lineage_id
from quizapp.services.quizzes import quiz_questions


@dataclass(frozen=True)
class QuizReport:
    """What the statistics page shows: figures (``None`` before any attempt) and distractors."""

    quiz: Quiz
    questions: list[QuestionRow]
    statistics: QuizStatistics | None
    distractors: dict[int, DistractorTable] = field(default_factory=dict)
    needs_marking: int = 0

    def figures(self, position: int):
        """The figures of the question at ``position`` (0-based), ``None`` without attempts."""
        return None if self.statistics is None else self.statistics.questions[position]


def _assigned_classes(teacher: User, quiz: Quiz) -> Select:
    """Select of the teacher's classes the quiz is assigned to (to take)."""
    return db.select(Assignment.classroom_id).where(
        Assignment.quiz_id == quiz.id,
        Assignment.kind == AssignmentKind.QUIZ.value,
        Assignment.classroom_id.in_(
            db.select(Classroom.id).where(Classroom.teacher_id == teacher.id)
        ),
    )


def statistics_scope(teacher: User, quiz: Quiz, classroom: Classroom | None) -> Select | None:
    """Which students' attempts the teacher may analyse (module rules); PermissionError if none.

    Returns a select of student ids, or ``None`` for every student (the teacher's own quiz).
    """
    if classroom is not None and classroom.teacher_id != teacher.id:
        raise PermissionError("not your class")
    owned = quiz.owner_id == teacher.id
    classes = list(db.session.execute(_assigned_classes(teacher, quiz)).scalars())
    if not owned and not classes:
        raise PermissionError("not your quiz")
    if classroom is not None:
        if not owned and classroom.id not in classes:
            raise PermissionError("the quiz is not assigned to that class")
        return class_member_ids([classroom.id])
    return None if owned else class_member_ids(classes)


def first_attempt_ids(quiz: Quiz, students: Select | None) -> Select:
    """Select of the ids of each student's first submitted attempt at ``quiz``."""
    ranked = db.select(
        Attempt.id.label("attempt_id"),
        func.row_number()
        .over(partition_by=Attempt.user_id, order_by=(Attempt.submitted_at, Attempt.id))
        .label("rank"),
    ).where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
    if students is not None:
        ranked = ranked.where(Attempt.user_id.in_(students))
    ranked = ranked.subquery()
    return db.select(ranked.c.attempt_id).where(ranked.c.rank == 1)


def _responses(quiz: Quiz, students: Select | None) -> tuple[dict[int, dict[str, tuple]], int]:
    """Fully marked first attempts: attempt id -> question lineage -> (fraction, answer), in
    order; and how many first attempts wait for marking."""
    first = first_attempt_ids(quiz, students)
    rows = db.session.execute(
        db.select(Response.attempt_id, QuestionRow, Response.fraction, Response.answer)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(QuestionRow, QuestionRow.id == Response.question_id)
        .where(Response.attempt_id.in_(first), Attempt.pending_marks == 0)
        .order_by(Attempt.submitted_at, Attempt.id)
    ).all()
    by_attempt: dict[int, dict[str, tuple]] = {}
    for attempt_id, question, fraction, answer in rows:
        by_attempt.setdefault(attempt_id, {})[lineage_id(question)] = (fraction, answer)
    waiting = db.session.execute(
        db.select(func.count(Attempt.id)).where(Attempt.id.in_(first), Attempt.pending_marks > 0)
    ).scalar_one()
    return by_attempt, waiting


def _choice(bank: BankQuestion, answer) -> str | list[str] | None:
    """The option text(s) a response picked (``None`` when unanswered)."""
    indices = [i for i in answer or () if isinstance(i, int)]
    picked = [bank.answers[i].text for i in indices if 0 <= i < len(bank.answers)]
    if not picked:
        return None
    return picked[0] if bank.single else picked


def _distractors(questions: list[QuestionRow], responses) -> dict[int, DistractorTable]:
    tables = {}
    for question in questions:
        bank = question.bank
        if bank.kind not in CHOICE_KINDS:
            continue
        key = lineage_id(question)
        choices = [_choice(bank, r.get(key, (None, None))[1]) for r in responses]
        options = [answer.text for answer in bank.answers]
        correct = [answer.text for answer in bank.answers if answer.fraction > 0]
        tables[question.id] = distractor_table(choices, options, correct)
    return tables


def quiz_report(quiz: Quiz, students: Select | None = None) -> QuizReport:
    """Statistics of ``quiz`` over the fully marked first attempts of ``students`` (all if None)."""
    questions = [q for q in quiz_questions(quiz) if q.kind in SCORED_KINDS]
    by_attempt, waiting = _responses(quiz, students)
    responses = list(by_attempt.values())
    if not responses or not questions:
        return QuizReport(quiz, questions, None, needs_marking=waiting)
    banks = {question.id: question.bank for question in questions}
    max_marks = [banks[q.id].default_mark for q in questions]
    marks = [
        [
            None
            if (f := r.get(lineage_id(q), (None, None))[0]) is None
            else f * banks[q.id].default_mark
            for q in questions
        ]
        for r in responses
    ]
    names = [f"Q{position}" for position in range(1, len(questions) + 1)]
    statistics = quiz_statistics(marks, max_marks, names)
    return QuizReport(
        quiz, questions, statistics, _distractors(questions, responses), needs_marking=waiting
    )
