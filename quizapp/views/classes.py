"""Classes: teachers create them and assign work; students join them with a code."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from quizapp.access import teacher_required
from quizapp.extensions import db
from quizapp.forms.choices import options
from quizapp.forms.classes import AssignForm, ClassForm, JoinForm
from quizapp.forms.quiz import ActionForm
from quizapp.local_time import typed
from quizapp.models import Assignment
from quizapp.models.base import utcnow
from quizapp.ownership import owned_or_404
from quizapp.ratelimits import failures_limited
from quizapp.services.classes import (
    ClassError,
    assign,
    assignment_message,
    class_assignments,
    class_roster,
    create_classroom,
    join_classroom,
    owned_classroom_or_404,
    remove_student,
    student_classes,
    teacher_classes,
)
from quizapp.services.quizzes import owned_quiz_or_404, owned_quizzes

bp = Blueprint("classes", __name__)


@bp.route("/teach/classes/", methods=["GET", "POST"])
@teacher_required
def index():
    """The teacher's classes with their codes; create a new one."""
    form = ClassForm()
    if form.validate_on_submit():
        try:
            classroom = create_classroom(current_user, form.name.data)
            db.session.commit()
        except IntegrityError:  # a join code collision: vanishingly rare, try again
            db.session.rollback()
            form.name.errors.append("Could not create the class just now; please try again.")
        else:
            flash(
                f"Class created. Students join it with the code {classroom.join_code}.", "success"
            )
            return redirect(url_for("classes.detail", classroom_id=classroom.id))
    return render_template("classes/index.html", classes=teacher_classes(current_user), form=form)


def _assign_form() -> AssignForm:
    form = AssignForm()
    form.quiz.choices = options(
        (q.id, q.title + ("" if q.is_published else " (draft)"))
        for q in owned_quizzes(current_user)
    )
    return form


@bp.get("/teach/classes/<int:classroom_id>")
@teacher_required
def detail(classroom_id: int):
    """One class: its code, its students and what is assigned to it."""
    classroom = owned_classroom_or_404(classroom_id, current_user)
    return render_template(
        "classes/detail.html",
        classroom=classroom,
        roster=class_roster(classroom),
        assignments=class_assignments(classroom),
        assign_form=_assign_form(),
        form=ActionForm(),
    )


@bp.post("/teach/classes/<int:classroom_id>/assign")
@teacher_required
def assign_work(classroom_id: int):
    """Assign one of the teacher's quizzes (or its deck) to the class."""
    classroom = owned_classroom_or_404(classroom_id, current_user)
    form = _assign_form()
    if form.validate_on_submit():
        quiz = owned_quiz_or_404(form.quiz.data, current_user)
        assigned = assign(
            classroom,
            quiz,
            form.kind.data,
            typed(form.opens_at.data),
            typed(form.due_at.data),
        )
        message = assignment_message(assigned, utcnow())
        db.session.commit()
        flash(message, "success")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
    return redirect(url_for("classes.detail", classroom_id=classroom.id))


@bp.post("/teach/classes/<int:classroom_id>/assignments/<int:assignment_id>/remove")
@teacher_required
def unassign(classroom_id: int, assignment_id: int):
    """Take an assignment off the class (attempts already made stay)."""
    classroom = owned_classroom_or_404(classroom_id, current_user)
    assignment = owned_or_404(Assignment, assignment_id, current_user)
    if assignment.classroom_id != classroom.id:
        abort(404)
    if ActionForm().validate_on_submit():
        db.session.delete(assignment)
        db.session.commit()
        flash("Assignment removed.", "success")
    return redirect(url_for("classes.detail", classroom_id=classroom.id))


@bp.post("/teach/classes/<int:classroom_id>/members/<int:membership_id>/remove")
@teacher_required
def remove_member(classroom_id: int, membership_id: int):
    """Take a student out of the class."""
    classroom = owned_classroom_or_404(classroom_id, current_user)
    if ActionForm().validate_on_submit():
        remove_student(classroom, membership_id)
        db.session.commit()
        flash("Student removed from the class.", "success")
    return redirect(url_for("classes.detail", classroom_id=classroom.id))


def _join_account() -> str:
    """Rate-limit key of the logged-in account trying a join code."""
    return f"join-account:{getattr(current_user, 'id', None)}"


@bp.route("/classes/", methods=["GET", "POST"])
@login_required
@failures_limited("JOIN_RATE_LIMIT", "join-address")
@failures_limited("JOIN_RATE_LIMIT", "join-account", key_func=_join_account)
def join():
    """A student's classes; join another with its code."""
    if current_user.is_teacher:
        return redirect(url_for("classes.index"))
    form = JoinForm()
    if form.validate_on_submit():
        try:
            classroom = join_classroom(current_user, form.code.data)
            db.session.commit()
        except (ClassError, IntegrityError) as exc:
            db.session.rollback()
            form.code.errors.append(
                str(exc) if isinstance(exc, ClassError) else "Please try again."
            )
        else:
            flash(f"You joined {classroom.name}.", "success")
            return redirect(url_for("quiz.index"))
    return render_template("classes/join.html", classes=student_classes(current_user), form=form)
