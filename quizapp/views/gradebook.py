"""The teacher's gradebook and quiz statistics (only their own classes and quizzes)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request
from flask_login import current_user

from question_bank.grading import right_answer_text
from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.models import Classroom, Quiz
from quizapp.services.analytics import (
    gradebook,
    gradebook_csv,
    owned_classroom,
    quiz_report,
    statistics_scope,
    teacher_classrooms,
)
from quizapp.services.quizzes import owned_quizzes

bp = Blueprint("gradebook", __name__, url_prefix="/gradebook")


def _classroom_or_404(classroom_id: int) -> Classroom:
    classroom = owned_classroom(current_user.id, classroom_id)
    if classroom is None:
        abort(404)
    return classroom


def _report_or_404(quiz_id: int):
    """The statistics of a quiz the teacher may analyse, with the class it is limited to."""
    quiz = db.get_or_404(Quiz, quiz_id)
    classroom_id = request.args.get("classroom", type=int)
    classroom = _classroom_or_404(classroom_id) if classroom_id else None
    try:
        students = statistics_scope(current_user, quiz, classroom)
    except PermissionError:
        abort(404)
    return quiz_report(quiz, students), classroom


@bp.get("/")
@teacher_required
def index():
    """The teacher's classes (to open a gradebook) and quizzes (to see their statistics)."""
    return render_template(
        "gradebook/index.html",
        classrooms=teacher_classrooms(current_user.id),
        quizzes=owned_quizzes(current_user),
    )


@bp.get("/classes/<int:classroom_id>")
@teacher_required
def show(classroom_id: int):
    """Students x quizzes: best, last and mean percent and the number of attempts."""
    book = gradebook(_classroom_or_404(classroom_id))
    return render_template("gradebook/show.html", book=book)


@bp.get("/classes/<int:classroom_id>/gradebook.csv")
@teacher_required
def download(classroom_id: int):
    """The gradebook as a CSV file."""
    classroom = _classroom_or_404(classroom_id)
    return Response(
        gradebook_csv(gradebook(classroom)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="gradebook-{classroom.id}.csv"'},
    )


@bp.get("/quizzes/<int:quiz_id>/statistics")
@teacher_required
def statistics(quiz_id: int):
    """Moodle's quiz and question statistics, with flags for questions to look at."""
    report, classroom = _report_or_404(quiz_id)
    return render_template("gradebook/statistics.html", report=report, classroom=classroom)


@bp.get("/quizzes/<int:quiz_id>/questions/<int:question_id>")
@teacher_required
def question(quiz_id: int, question_id: int):
    """One question's figures, its flags and how often each option was picked."""
    report, classroom = _report_or_404(quiz_id)
    positions = {q.id: index for index, q in enumerate(report.questions)}
    if question_id not in positions:
        abort(404)
    position = positions[question_id]
    row = report.questions[position]
    return render_template(
        "gradebook/question.html",
        report=report,
        classroom=classroom,
        question=row,
        number=position + 1,
        figures=report.figures(position),
        distractors=report.distractors.get(question_id),
        right_answer=right_answer_text(row.bank),
    )
