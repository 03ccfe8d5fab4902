"""Building quizzes: questions from the bank, their order, settings, publishing."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from question_bank.grading import parse_number
from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.quiz import ActionForm, QuizSettingsForm
from quizapp.ownership import form_id, form_ids, parse_id
from quizapp.services.quizzes import (
    SETTINGS_FIELDS,
    create_quiz,
    delete_quiz,
    owned_bank_questions,
    owned_quiz_or_404,
    quiz_assignments,
    quiz_questions,
    reorder_quiz,
    set_quiz_questions,
    update_quiz_settings,
)

bp = Blueprint("quizzes", __name__, url_prefix="/teach/quizzes")


@bp.route("/<int:quiz_id>", methods=["GET", "POST"])
@teacher_required
def edit(quiz_id: int):
    """The quiz's settings, its questions in order, and where it is assigned."""
    quiz = owned_quiz_or_404(quiz_id, current_user)
    form = QuizSettingsForm(obj=quiz)
    if form.validate_on_submit():
        update_quiz_settings(quiz, **{name: getattr(form, name).data for name in SETTINGS_FIELDS})
        db.session.commit()
        flash("Settings saved.", "success")
        return redirect(url_for("quizzes.edit", quiz_id=quiz.id))
    return render_template(
        "quizzes/edit.html",
        quiz=quiz,
        form=form,
        questions=quiz_questions(quiz),
        assignments=quiz_assignments(quiz),
        action_form=ActionForm(),
    )


@bp.post("/<int:quiz_id>/questions")
@teacher_required
def order(quiz_id: int):
    """Save the order typed next to each question and drop the ticked ones."""
    quiz = owned_quiz_or_404(quiz_id, current_user)
    if ActionForm().validate_on_submit():
        positions = {}
        for key, value in request.form.items():
            question_id = parse_id(key.removeprefix("pos-")) if key.startswith("pos-") else None
            position = parse_number(value)
            if question_id is not None and position is not None:
                positions[question_id] = position
        removed = set(form_ids("remove"))
        reorder_quiz(quiz, positions, removed)
        db.session.commit()
        flash("Questions updated.", "success")
    return redirect(url_for("quizzes.edit", quiz_id=quiz.id, _anchor="questions"))


@bp.post("/from-bank")
@teacher_required
def add_from_bank():
    """Add the questions ticked in the bank to a quiz, or to a new draft quiz."""
    if not ActionForm().validate_on_submit():
        return redirect(url_for("questions.index"))
    chosen = owned_bank_questions(current_user, form_ids("question"))
    target = form_id("quiz") or 0
    if not chosen:
        flash("Tick at least one question.", "error")
        return redirect(url_for("questions.index", quiz=target or None))
    if target:
        quiz = owned_quiz_or_404(target, current_user)
        set_quiz_questions(quiz, [*quiz_questions(quiz), *chosen])
    else:
        quiz = create_quiz(
            request.form.get("title", "").strip()[:200] or "New quiz", chosen, current_user
        )
    db.session.commit()
    flash(f"{quiz.title!r} now has {len(quiz.entries)} questions.", "success")
    return redirect(url_for("quizzes.edit", quiz_id=quiz.id))


@bp.route("/<int:quiz_id>/delete", methods=["GET", "POST"])
@teacher_required
def delete(quiz_id: int):
    """Ask, then delete a quiz nobody has attempted (otherwise unpublish it instead)."""
    quiz = owned_quiz_or_404(quiz_id, current_user)
    if request.method == "GET":
        return render_template(
            "confirm.html",
            heading=f"Delete the quiz “{quiz.title}”?",
            consequence="The quiz and its settings go for good; its questions stay in your "
            "question bank.",
            button="Delete the quiz",
            action=url_for("quizzes.delete", quiz_id=quiz.id),
            back=url_for("quizzes.edit", quiz_id=quiz.id),
            form=ActionForm(),
        )
    if ActionForm().validate_on_submit():
        if not delete_quiz(quiz):
            flash(
                "Students have taken this quiz; unpublish it instead so their results stay.",
                "error",
            )
            return redirect(url_for("quizzes.edit", quiz_id=quiz.id))
        db.session.commit()
        flash("Quiz deleted.", "success")
    return redirect(url_for("teach.dashboard"))
