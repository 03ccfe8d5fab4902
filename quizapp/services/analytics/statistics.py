"""Quiz statistics for a teacher: the marks gathered from the database, the figures computed by
``question_bank.stats`` (Moodle's definitions), and a distractor table per choice question.

Rules: like Moodle's default, each student's first submitted attempt is analysed. A teacher
sees the statistics of a quiz they own (every student's attempts, or one of their classes'),
or of a quiz assigned to one of their classes (their classes' students only).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Select, func

from question_bank.model import Question as BankQuestion
from question_bank.stats import DistractorTable, QuizStatistics, distractor_table, quiz_statistics
from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Classroom, Quiz, Response, User
from quizapp.models import Question as QuestionRow
from quizapp.services.analytics.gradebook import class_member_ids
from quizapp.services.quizzes import quiz_questions

#: Question kinds whose responses are option indices, so a distractor table applies.
CHOICE_KINDS = ("multichoice", "truefalse")


@dataclass(frozen=True)
class QuizReport:
    """What the statistics page shows: figures (``None`` before any attempt) and distractors."""

    quiz: Quiz
    questions: list[QuestionRow]
    statistics: QuizStatistics | None
    distractors: dict[int, DistractorTable] = field(default_factory=dict)

    def figures(self, position: int):
        """The figures of the question at ``position`` (0-based), ``None`` without attempts."""
        return None if self.statistics is None else self.statistics.questions[position]


def statistics_scope(teacher: User, quiz: Quiz, classroom: Classroom | None) -> Select | None:
    """Which students' attempts the teacher may analyse; raises ``PermissionError`` if none.

    Returns a select of student ids, or ``None`` for every student (the teacher's own quiz).
    """
    if classroom is not None:
        if classroom.teacher_id != teacher.id:
            raise PermissionError("not your class")
        return class_member_ids([classroom.id])
    if quiz.owner_id == teacher.id:
        return None
    classes = db.select(Classroom.id).where(Classroom.teacher_id == teacher.id)
    assigned = db.session.execute(
        db.select(Assignment.id)
        .where(Assignment.quiz_id == quiz.id, Assignment.classroom_id.in_(classes))
        .limit(1)
    ).first()
    if assigned is None:
        raise PermissionError("not your quiz")
    return class_member_ids(classes)


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


def _responses(quiz: Quiz, students: Select | None) -> dict[int, dict[int, tuple]]:
    """Attempt id -> question id -> (fraction, answer), for the analysed attempts, in order."""
    rows = db.session.execute(
        db.select(Response.attempt_id, Response.question_id, Response.fraction, Response.answer)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Response.attempt_id.in_(first_attempt_ids(quiz, students)))
        .order_by(Attempt.submitted_at, Attempt.id)
    ).all()
    by_attempt: dict[int, dict[int, tuple]] = {}
    for attempt_id, question_id, fraction, answer in rows:
        by_attempt.setdefault(attempt_id, {})[question_id] = (fraction, answer)
    return by_attempt


def _choice(bank: BankQuestion, answer) -> str | list[str] | None:
    """The option text(s) a response picked (``None`` when unanswered)."""
    picked = [bank.answers[i].text for i in answer or () if 0 <= i < len(bank.answers)]
    if not picked:
        return None
    return picked[0] if bank.single else picked


def _distractors(banks: dict[int, BankQuestion], responses) -> dict[int, DistractorTable]:
    tables = {}
    for question_id, bank in banks.items():
        if bank.kind not in CHOICE_KINDS:
            continue
        choices = [_choice(bank, r.get(question_id, (None, None))[1]) for r in responses]
        options = [answer.text for answer in bank.answers]
        correct = [answer.text for answer in bank.answers if answer.fraction > 0]
        tables[question_id] = distractor_table(choices, options, correct)
    return tables


def quiz_report(quiz: Quiz, students: Select | None = None) -> QuizReport:
    """Statistics of ``quiz`` over the first attempts of ``students`` (every student if None)."""
    questions = quiz_questions(quiz)
    banks = {question.id: question.bank for question in questions}
    responses = list(_responses(quiz, students).values())
    if not responses or not questions:
        return QuizReport(quiz, questions, None)
    max_marks = [banks[q.id].default_mark for q in questions]
    marks = [
        [
            None if (f := r.get(q.id, (None, None))[0]) is None else f * banks[q.id].default_mark
            for q in questions
        ]
        for r in responses
    ]
    names = [f"Q{position}" for position in range(1, len(questions) + 1)]
    statistics = quiz_statistics(marks, max_marks, names)
    return QuizReport(quiz, questions, statistics, _distractors(banks, responses))
