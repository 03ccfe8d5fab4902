"""Taking quizzes: list, start, answer, submit once, review."""

from __future__ import annotations

import random

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from question_bank.grading import right_answer_text
from quizapp.extensions import db
from quizapp.forms.answers import field_name, read_answers
from quizapp.forms.quiz import ActionForm
from quizapp.models import Attempt, Quiz
from quizapp.services.attempts import (
    attempt_responses,
    can_view_attempt,
    start_attempt,
    submit_attempt,
)
from quizapp.services.quizzes import published_quizzes, quiz_questions

bp = Blueprint("quiz", __name__, url_prefix="/quizzes")


def _own_attempt(attempt_id: int) -> Attempt:
    attempt = db.get_or_404(Attempt, attempt_id)
    if not can_view_attempt(current_user, attempt):
        abort(404)
    return attempt


def display_order(attempt: Attempt, question_id: int, count: int, shuffle: bool) -> list[int]:
    """Option order for one question in one attempt: shuffled, but stable across reloads."""
    order = list(range(count))
    if shuffle:
        random.Random(f"{attempt.id}:{question_id}").shuffle(order)
    return order


@bp.get("/")
@login_required
def index():
    """Published quizzes."""
    return render_template("quiz/index.html", quizzes=published_quizzes(), form=ActionForm())


@bp.post("/<int:quiz_id>/start")
@login_required
def start(quiz_id: int):
    """Open a new attempt and show its first page."""
    quiz = db.get_or_404(Quiz, quiz_id)
    if not quiz.is_published and quiz.owner_id != current_user.id:
        abort(404)
    attempt = start_attempt(quiz, current_user)
    db.session.commit()
    return redirect(url_for("quiz.take", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>", methods=["GET", "POST"])
@login_required
def take(attempt_id: int):
    """Show the quiz form; on submit, mark it once and show the review."""
    attempt = _own_attempt(attempt_id)
    if attempt.user_id != current_user.id:
        abort(404)
    if attempt.submitted_at is not None:
        if request.method == "POST":
            flash("This attempt was already submitted; your first answers count.", "info")
        return redirect(url_for("quiz.review", attempt_id=attempt.id))
    questions = quiz_questions(attempt.quiz)
    if request.method == "POST":
        answers = read_answers(request.form, [(q.id, q.bank) for q in questions])
        if submit_attempt(attempt, answers):
            db.session.commit()
            flash(f"Submitted: you scored {attempt.score:g} out of {attempt.max_score:g}.", "success")
        else:
            db.session.rollback()
            flash("This attempt was already submitted; your first answers count.", "info")
        return redirect(url_for("quiz.review", attempt_id=attempt.id))
    return render_template(
        "quiz/take.html",
        attempt=attempt,
        questions=[(q, q.bank) for q in questions],
        field_name=field_name,
        display_order=display_order,
        form=ActionForm(),
    )


@bp.get("/attempts/<int:attempt_id>/review")
@login_required
def review(attempt_id: int):
    """Score and, per question, the answer given, the right answer and its evidence."""
    attempt = _own_attempt(attempt_id)
    if attempt.submitted_at is None:
        return redirect(url_for("quiz.take", attempt_id=attempt.id))
    return render_template(
        "quiz/review.html",
        attempt=attempt,
        responses=attempt_responses(attempt),
        right_answer_text=right_answer_text,
    )
