"""Importing question files into the bank and exporting the bank or a quiz."""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from question_bank.formats import FORMATS, FormatError, readable_formats
from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.bank import ExportForm, ImportForm
from quizapp.services.bank_io import (
    ExportFile,
    bank_for_export,
    export_questions,
    export_quiz,
    import_file,
    import_message,
)
from quizapp.services.quizzes import owned_quiz_or_404, owned_quizzes

bp = Blueprint("bank", __name__, url_prefix="/teach/bank")


@bp.route("/import", methods=["GET", "POST"])
@teacher_required
def import_questions():
    """Upload a question file; all of it is imported, or nothing and every problem is listed."""
    form = ImportForm()
    problems: list[str] = []
    if form.validate_on_submit():
        upload = form.upload.data
        filename = upload.filename or "upload"
        try:
            imported = import_file(upload.read(), filename, current_user, form.fmt.data or None)
        except FormatError as exc:
            db.session.rollback()
            problems = [str(problem) for problem in exc.problems]
        else:
            db.session.commit()
            flash(import_message(imported, filename), "success")
            return redirect(url_for("questions.index"))
    return render_template(
        "bank/import_questions.html", form=form, problems=problems, formats=readable_formats()
    )


@bp.get("/export")
@teacher_required
def export():
    """Choose a format and download the whole bank or one quiz in it.

    When the format cannot hold some of the questions, the page lists them (title and reason)
    and offers the file without them (``leave_out``); nothing is downloaded until then.
    """
    quizzes = owned_quizzes(current_user)
    form = ExportForm(formdata=request.args or None, quizzes=quizzes)
    exported = None
    if "fmt" in request.args and form.validate():
        try:
            exported = _export(form)
        except FormatError as exc:
            for problem in exc.problems:
                flash(str(problem), "error")
        else:
            if not exported.left_out or (form.leave_out.data and exported.count):
                return Response(
                    exported.data,
                    mimetype=exported.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{exported.filename}"'},
                )
    return render_template(
        "bank/export.html",
        form=form,
        exported=exported,
        label=FORMATS[form.fmt.data].label if exported else "",
    )


def _export(form: ExportForm) -> ExportFile:
    if form.quiz.data:
        return export_quiz(owned_quiz_or_404(form.quiz.data, current_user), form.fmt.data)
    return export_questions(bank_for_export(current_user), form.fmt.data, "question-bank")
