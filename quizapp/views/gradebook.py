"""The teacher's gradebook, statistics, essay marking and regrading (own classes and quizzes)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from question_bank.grading import right_answer_text
from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.marking import MarkForm
from quizapp.forms.quiz import ActionForm
from quizapp.models import Classroom, Quiz
from quizapp.models import Response as ResponseRow
from quizapp.ownership import form_ids, owned_or_404, parse_id, query_id
from quizapp.services.analytics import (
    gradebook,
    gradebook_csv,
    quiz_report,
    statistics_scope,
    teacher_classrooms,
)
from quizapp.services.attempts import (
    MarkRefused,
    apply_regrade,
    close_expired,
    mark_response,
    quiz_attempts,
    regrade_preview,
)
from quizapp.services.essays import GROUPINGS, marking_queue, waiting_count
from quizapp.services.quizzes import owned_quiz_or_404, owned_quizzes
from quizapp.wording import counted

bp = Blueprint("gradebook", __name__, url_prefix="/gradebook")


def _report_or_404(quiz_id: int):
    """The statistics of a quiz the teacher may analyse, with the class it is limited to."""
    quiz = db.get_or_404(Quiz, quiz_id)
    classroom_id = query_id("classroom")
    classroom = owned_or_404(Classroom, classroom_id, current_user) if classroom_id else None
    if request.args.get("classroom") and classroom is None:
        abort(404)
    try:
        students = statistics_scope(current_user, quiz, classroom)
    except PermissionError:
        abort(404)
    if close_expired(quiz=quiz):
        db.session.commit()
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
    book = gradebook(owned_or_404(Classroom, classroom_id, current_user))
    return render_template("gradebook/show.html", book=book)


@bp.get("/classes/<int:classroom_id>/gradebook.csv")
@teacher_required
def download(classroom_id: int):
    """The gradebook as a CSV file."""
    classroom = owned_or_404(Classroom, classroom_id, current_user)
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
    owned = report.quiz.owner_id == current_user.id
    return render_template(
        "gradebook/statistics.html",
        report=report,
        classroom=classroom,
        attempts=quiz_attempts(report.quiz) if owned else [],
        waiting=waiting_count(report.quiz) if owned else 0,
    )


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


@bp.get("/quizzes/<int:quiz_id>/marking")
@teacher_required
def marking(quiz_id: int):
    """Answers to mark by hand (essays), by question or by student, each with a mark form."""
    quiz = owned_quiz_or_404(quiz_id, current_user)
    by = request.args.get("by", "question")
    by = by if by in GROUPINGS else "question"
    if close_expired(quiz=quiz):
        db.session.commit()
    return render_template(
        "gradebook/marking.html", quiz=quiz, by=by, groups=marking_queue(quiz, by), form=MarkForm()
    )


@bp.post("/responses/<int:response_id>/mark")
@teacher_required
def mark(response_id: int):
    """Store a mark and comment on one response; the attempt's score follows."""
    response = owned_or_404(ResponseRow, response_id, current_user)
    quiz_id = response.attempt.quiz_id
    form = MarkForm()
    by = form.by.data if form.by.data in GROUPINGS else "question"
    if form.validate_on_submit():
        try:
            mark_response(response, form.points.data, form.comment.data or "", current_user)
        except MarkRefused as refused:
            db.session.rollback()
            flash(f"Give {refused}.", "error")
        else:
            db.session.commit()
            flash(f"Mark saved for {response.attempt.user.username}.", "success")
    else:
        flash("Give a mark from 0 up to the question's marks.", "error")
    return redirect(
        url_for("gradebook.marking", quiz_id=quiz_id, by=by, _anchor=f"response-{response_id}")
    )


@bp.route("/quizzes/<int:quiz_id>/regrade", methods=["GET", "POST"])
@teacher_required
def regrade(quiz_id: int):
    """Show what regrading the chosen attempts would change; on confirmation, do it."""
    quiz = owned_quiz_or_404(quiz_id, current_user)
    if request.method == "POST":
        chosen = form_ids("attempt")
        if ActionForm().validate_on_submit() and chosen:
            changed = apply_regrade(quiz, chosen)
            db.session.commit()
            flash(f"Regraded: {counted(changed, 'attempt')} changed.", "success")
        return redirect(url_for("gradebook.statistics", quiz_id=quiz.id))
    chosen = [i for i in (parse_id(v) for v in request.args.getlist("attempt")) if i]
    rows = regrade_preview(quiz, chosen) if chosen else []
    return render_template("gradebook/regrade.html", quiz=quiz, rows=rows, form=ActionForm())
