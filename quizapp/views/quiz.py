"""Taking quizzes: list, start, answer, submit once, review (within each quiz's settings)."""

from __future__ import annotations

import html
import random
from functools import cache

import nh3
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload

from question_bank.grading import right_answer_text
from quizapp.extensions import db
from quizapp.forms.answers import field_name, read_answers
from quizapp.forms.quiz import ActionForm
from quizapp.fragments import cached_student_page
from quizapp.models import Attempt, Quiz
from quizapp.services.attempts import (
    attempt_responses,
    can_view_attempt,
    start_attempt,
    submit_attempt,
)
from quizapp.services.availability import (
    attempt_deadline,
    available_quizzes,
    can_take,
    feedback_visible,
    is_too_late,
    may_start_another,
    open_attempt,
)
from quizapp.services.quizzes import quiz_questions

bp = Blueprint("quiz", __name__, url_prefix="/quizzes")


#: Prompt formats that may carry markup, shown to students as plain text.
MARKUP_FORMATS = frozenset({"html", "moodle", "markdown"})


@bp.app_template_filter("prompt_text")
def prompt_text(prompt: str, prompt_format: str = "plain") -> str:
    """The prompt as plain text: markup of imported questions is dropped, never rendered raw."""
    if prompt_format not in MARKUP_FORMATS:
        return prompt
    return html.unescape(nh3.clean(prompt, tags=set())).strip()


@cache
def _attempt_statement():
    return (
        db.select(Attempt).options(joinedload(Attempt.quiz)).where(Attempt.id == db.bindparam("id"))
    )


def _own_attempt(attempt_id: int) -> Attempt:
    attempt = db.session.execute(_attempt_statement(), {"id": attempt_id}).scalar_one_or_none()
    if attempt is None:
        abort(404)
    if not can_view_attempt(current_user, attempt):
        abort(404)
    return attempt


def display_order(attempt: Attempt, question_id: int, count: int, shuffle: bool) -> list[int]:
    """Option order for one question in one attempt: shuffled, but stable across reloads."""
    order = list(range(count))
    if shuffle:
        random.Random(f"{attempt.id}:{question_id}").shuffle(order)
    return order


def attempt_questions(attempt: Attempt) -> list:
    """The quiz's questions in the order this attempt shows them (shuffled per attempt if set)."""
    questions = quiz_questions(attempt.quiz)
    if attempt.quiz.is_shuffle_questions:
        random.Random(f"attempt:{attempt.id}").shuffle(questions)
    return questions


@bp.get("/")
@login_required
def index():
    """The quizzes this user may take: assigned to their classes, public practice, or their own."""
    return render_template(
        "quiz/index.html", available=available_quizzes(current_user), form=ActionForm()
    )


@bp.post("/<int:quiz_id>/start")
@login_required
def start(quiz_id: int):
    """Resume the open attempt, or open a new one if the attempt limit allows."""
    quiz = db.get_or_404(Quiz, quiz_id)
    if not can_take(current_user, quiz):
        abort(404)
    attempt = open_attempt(current_user, quiz)
    if attempt is None:
        if not may_start_another(current_user, quiz):
            flash(f"You have used all {quiz.max_attempts} attempts at this quiz.", "error")
            return redirect(url_for("quiz.index"))
        attempt = start_attempt(quiz, current_user)
        db.session.commit()
    return redirect(url_for("quiz.take", attempt_id=attempt.id))


def _submit(attempt: Attempt, questions: list):
    """Mark the posted answers once (refusing them past the time limit) and go to the review."""
    late = is_too_late(attempt)
    answers = {} if late else read_answers(request.form, [(q.id, q.bank) for q in questions])
    if submit_attempt(attempt, answers):
        db.session.commit()
        if late:
            flash("Time ran out before these answers arrived, so they were not counted.", "error")
        else:
            flash(
                f"Submitted: you scored {attempt.score:g} out of {attempt.max_score:g}.", "success"
            )
    else:
        db.session.rollback()
        flash("This attempt was already submitted; your first answers count.", "info")
    return redirect(url_for("quiz.review", attempt_id=attempt.id))


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
    questions = attempt_questions(attempt)
    if request.method == "POST":
        return _submit(attempt, questions)
    return render_template(
        "quiz/take.html",
        attempt=attempt,
        deadline=attempt_deadline(attempt),
        questions=[(q, q.bank) for q in questions],
        field_name=field_name,
        display_order=display_order,
        form=ActionForm(),
    )


@bp.get("/attempts/<int:attempt_id>/review")
@login_required
def review(attempt_id: int):
    """Score and, when the quiz's feedback setting allows, the right answers and evidence."""
    attempt = _own_attempt(attempt_id)
    if attempt.submitted_at is None:
        return redirect(url_for("quiz.take", attempt_id=attempt.id))
    show_feedback = feedback_visible(current_user, attempt)

    def context() -> dict:
        return dict(
            attempt=attempt,
            responses=attempt_responses(attempt),
            show_feedback=show_feedback,
            right_answer_text=right_answer_text,
        )

    if attempt.user_id != current_user.id:  # a teacher's view is not the student's to cache
        return render_template("quiz/review.html", **context())
    return cached_student_page("quiz/review.html", context, depends_on=[attempt.id, show_feedback])
