"""Taking quizzes: list, start, answer (saved as you go), submit once, review.

A quiz page posts its answers with an ``action``: ``save`` (the no-script "Save" button and the
question navigator's moves), ``submit``, or ``page-N`` (save, then show page N in the
one-question-per-page mode). Without an action the answers are saved and submitted. Scripts
also save each question as it changes through ``quiz.save``.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from functools import lru_cache

import nh3
from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from quizapp.extensions import db
from quizapp.fragments import cached_student_page
from quizapp.kinds import field_name, read_answer, saved_fields, web_kind
from quizapp.models import Attempt, AttemptSlot, Quiz
from quizapp.models.base import utcnow
from quizapp.ownership import parse_id
from quizapp.services.attempts import (
    AttemptLimitReached,
    StudentAttempt,
    attempt_deadline,
    attempt_responses,
    attempt_slots,
    close_expired,
    is_past_deadline,
    resume_or_start,
    save_answers,
    student_attempt,
    student_attempt_slot,
    submit_attempt,
)
from quizapp.services.availability import available_quizzes, can_take, quiz_list_changes_at
from quizapp.services.visibility import feedback_question_ids, reviewed_attempt_or_404

bp = Blueprint("quiz", __name__, url_prefix="/quizzes")


#: Prompt formats that may carry markup, shown to students as plain text.
MARKUP_FORMATS = frozenset({"html", "moodle", "markdown"})


@bp.app_template_filter("prompt_text")
def prompt_text(prompt: str, prompt_format: str = "plain") -> str:
    """The prompt as plain text: markup of imported questions is dropped, never rendered raw."""
    if prompt_format not in MARKUP_FORMATS:
        return prompt
    return html.unescape(nh3.clean(prompt, tags=set())).strip()


@lru_cache(maxsize=16_384)
def _shuffled_order(attempt_id: int, question_id: int, count: int) -> tuple[int, ...]:
    """The shuffled option order of one question in one attempt, worked out once per process
    (it depends on nothing else, and every visit and save of the page shows it)."""
    order = list(range(count))
    random.Random(f"{attempt_id}:{question_id}").shuffle(order)
    return tuple(order)


def display_order(attempt: Attempt, question_id: int, count: int, shuffle: bool) -> list[int]:
    """Option order for one question in one attempt: shuffled, but stable across reloads."""
    if not shuffle:
        return list(range(count))
    return list(_shuffled_order(attempt.id, question_id, count))


@dataclass(frozen=True)
class SlotView:
    """One question of the page: its slot, bank question, number and what to draw it with."""

    slot: AttemptSlot
    number: int | None
    order: list[int]
    values: dict[str, list[str]]
    is_answered: bool

    @property
    def question(self):
        """The bank question."""
        return self.slot.question.bank


def slot_views(attempt: Attempt, slots: list[AttemptSlot]) -> list[SlotView]:
    """Every slot with its number (descriptions have none), option order and saved fields."""
    views, number = [], 0
    for slot in slots:
        bank = slot.question.bank
        web = web_kind(bank)
        shuffle = web.shuffles_options and bank.shuffle and attempt.quiz.is_shuffle_options
        shuffle = shuffle or web.always_shuffled
        is_question = web.kind.is_scored
        number += is_question
        views.append(
            SlotView(
                slot,
                number if is_question else None,
                display_order(attempt, slot.question_id, web.option_count(bank), shuffle),
                saved_fields(slot.question_id, bank, slot.answer),
                is_question and web.is_answered(slot.answer),
            )
        )
    return views


def page_of(views: list[SlotView], one_per_page: bool) -> list[list[SlotView]]:
    """The pages of an attempt: all on one, or one question per page (a description goes on the
    page of the question after it)."""
    if not one_per_page:
        return [views]
    pages: list[list[SlotView]] = [[]]
    for view in views:
        pages[-1].append(view)
        if view.number is not None:
            pages.append([])
    return [page for page in pages if page] or [[]]


def _student_attempt(attempt_id: int, **read) -> StudentAttempt:
    """The current student's own attempt (``student_attempt``), else 404."""
    found = student_attempt(attempt_id, current_user, **read)
    if found is None:
        abort(404)
    return found


def _page_number(value, pages: int) -> int:
    number = parse_id(value) or 1
    return min(max(number, 1), pages)


@bp.get("/")
@login_required
def index():
    """The quizzes this user may take: assigned to their classes, public practice, or their own
    (cached until their results, their classes or teachers' content change, or an assignment
    opens or falls due)."""

    def context() -> dict:
        now = utcnow()
        available = available_quizzes(current_user, now)
        return {
            "available": available,
            "changes_at": quiz_list_changes_at(current_user, available, now),
        }

    return cached_student_page(
        "quiz/index.html",
        context,
        depends_on=[current_user.is_teacher],
        changes_at=lambda data: data["changes_at"],
    )


@bp.post("/<int:quiz_id>/start")
@login_required
def start(quiz_id: int):
    """Resume the open attempt, or open a new one if the attempt limit allows."""
    quiz = db.get_or_404(Quiz, quiz_id)
    if not can_take(current_user, quiz):
        abort(404)
    close_expired(quiz=quiz, user=current_user)
    try:
        attempt = resume_or_start(quiz, current_user)
    except AttemptLimitReached:
        db.session.rollback()
        flash(f"You have used all {quiz.max_attempts} attempts at this quiz.", "error")
        return redirect(url_for("quiz.index"))
    db.session.commit()
    return redirect(url_for("quiz.take", attempt_id=attempt.id))


def _close_late(attempt: Attempt):
    close_expired([attempt])
    db.session.commit()
    flash("Time ran out: the answers saved before the deadline were marked.", "info")
    return redirect(url_for("quiz.review", attempt_id=attempt.id))


def _submitted(attempt: Attempt, slots: list[AttemptSlot]):
    attempt_id = attempt.id
    if submit_attempt(attempt, slots=slots):
        message = "Your answers are submitted."  # the page shows the score
        if attempt.pending_marks:
            message += " Your teacher still has to mark some answers."
        db.session.commit()
        flash(message, "success")
        return redirect(url_for("quiz.review", attempt_id=attempt_id))
    db.session.rollback()
    flash("This attempt cannot be submitted now.", "error")
    return redirect(url_for("quiz.take", attempt_id=attempt_id))


def _save_page(
    attempt: Attempt, slots: list[AttemptSlot], page: list[SlotView], pages: int, number: int
):
    answers = {
        v.slot.question_id: read_answer(request.form, v.slot.question_id, v.question)
        for v in page
        if v.number is not None
    }
    flags = {
        v.slot.question_id: bool(request.form.get(f"flag-{v.slot.question_id}"))
        for v in page
        if v.number is not None
    }
    save_answers(attempt, answers, flags, slots=slots)
    action = request.form.get("action", "submit")
    if action == "submit":
        return _submitted(attempt, slots)
    attempt_id = attempt.id
    db.session.commit()
    target = number
    if action.startswith("page-"):
        target = _page_number(action.removeprefix("page-"), pages)
    if action == "save":
        flash("Your answers are saved.", "success")
    return redirect(url_for("quiz.take", attempt_id=attempt_id, page=target))


@bp.route("/attempts/<int:attempt_id>", methods=["GET", "POST"])
@login_required
def take(attempt_id: int):
    """The quiz form (one page, or one question per page); a POST saves and may submit."""
    posted = request.method == "POST"
    # A POST locks the attempt first and reads its slots after, so they hold every save.
    found = _student_attempt(attempt_id, with_slots=not posted, lock=posted)
    attempt = found.attempt
    if attempt.submitted_at is not None:
        if posted:
            flash("This attempt was already submitted; your first answers count.", "info")
        return redirect(url_for("quiz.review", attempt_id=attempt.id))
    if is_past_deadline(attempt):
        return _close_late(attempt)
    slots = attempt_slots(attempt) if posted else found.slots
    views = slot_views(attempt, slots)
    pages = page_of(views, attempt.quiz.is_one_per_page)
    number = _page_number(request.values.get("page"), len(pages))
    if posted:
        if not found.is_writable:
            flash("This attempt is closed for now: the quiz is not open to you.", "error")
            return redirect(url_for("quiz.take", attempt_id=attempt.id))
        return _save_page(attempt, slots, pages[number - 1], len(pages), number)
    page = render_template(
        "quiz/take.html",
        attempt=attempt,
        deadline=attempt_deadline(attempt),
        views=pages[number - 1],
        all_views=views,
        pages=pages,
        page=number,
        total=sum(1 for v in views if v.number is not None),
        answered=sum(1 for v in views if v.is_answered),
        field_name=field_name,
        writable=found.is_writable,
    )
    # Coming back (even with the browser's Back button) shows what is saved now, not a copy.
    return page, 200, {"Cache-Control": "no-store"}


@bp.post("/attempts/<int:attempt_id>/save")
@login_required
def save(attempt_id: int):
    """Save one question's answer as it changes (scripts); JSON says whether it was saved."""
    question_id = parse_id(request.form.get("question"))
    found = student_attempt_slot(attempt_id, current_user, question_id) if question_id else None
    if found is None:  # not the student's attempt, or not a question of it
        abort(404)
    attempt, slot = found.attempt, found.slots[0]
    if not found.is_writable:
        return jsonify(saved=False, reason="closed"), 409
    bank = slot.question.bank
    flags = {slot.question_id: bool(request.form.get(f"flag-{slot.question_id}"))}
    answer = read_answer(request.form, slot.question_id, bank)
    saved = save_answers(attempt, {slot.question_id: answer}, flags, slots=[slot])
    saved_at = slot.saved_at.isoformat() if slot.saved_at else None  # read before the commit
    db.session.commit()
    if not saved:
        return jsonify(saved=False, reason="time"), 409
    return jsonify(saved=True, saved_at=saved_at)


@bp.get("/attempts/<int:attempt_id>/review")
@login_required
def review(attempt_id: int):
    """Score and, when the quiz's feedback setting allows, the right answers and evidence."""
    attempt, shown_by_quiz = reviewed_attempt_or_404(attempt_id, current_user)
    if attempt.submitted_at is None and is_past_deadline(attempt):
        close_expired([attempt])
        db.session.commit()
    if attempt.submitted_at is None:
        if attempt.user_id != current_user.id:
            abort(404)
        return redirect(url_for("quiz.take", attempt_id=attempt.id))
    shown = feedback_question_ids(current_user, attempt, shown_by_quiz)

    def context() -> dict:
        return dict(
            attempt=attempt,
            responses=attempt_responses(attempt),
            shown=shown,
        )

    if attempt.user_id != current_user.id:  # a teacher's view is not the student's to cache
        return render_template("quiz/review.html", **context())
    return cached_student_page("quiz/review.html", context, depends_on=[attempt.id, *sorted(shown)])
