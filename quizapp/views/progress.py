"""A student's progress: score history chart, mastery, streak, review forecast, mistakes."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user, login_required

from quizapp.extensions import db
from quizapp.forms.quiz import ActionForm
from quizapp.fragments import cached_student_page
from quizapp.local_time import today
from quizapp.models.base import utcnow
from quizapp.services.analytics import (
    build_mistakes_quiz,
    mastery_by_article,
    mastery_by_fact_type,
    missed_question_ids,
    quiz_summaries,
    recent_attempts,
    review_forecast,
    streak,
    study_days,
)
from quizapp.services.attempts import resume_or_start
from quizapp.services.charts import bar_chart, line_chart
from quizapp.services.flashcards import due_card_count

bp = Blueprint("progress", __name__, url_prefix="/progress")


def _percent_text(value: float | None) -> str:
    return "not marked" if value is None else f"{value:.0f}%"


def _mastery_chart(rows):
    return bar_chart(
        [(m.label, m.percent, f"{m.percent:.0f}% ({m.right}/{m.answered})") for m in rows], 100
    )


@bp.get("/")
@login_required
def index():
    """Charts and tables of the student's own results and study (cached until they change, and
    at most a minute, like the deck list, so the cards due now agree with it)."""
    minute = utcnow().strftime("%Y%m%d%H%M")
    return cached_student_page(
        "progress/index.html", _progress_context, depends_on=[minute], timeout=60
    )


def _progress_context() -> dict:
    """Everything the progress page shows, computed from the student's own rows."""
    user_id, now = current_user.id, utcnow()
    attempts = recent_attempts(user_id)
    points = [
        (
            a.quiz_title,
            a.percent,
            f"{a.quiz_title}: {_percent_text(a.percent)}, {a.submitted_at:%d %b %Y}",
        )
        for a in attempts
    ]
    by_type, by_article = mastery_by_fact_type(user_id), mastery_by_article(user_id)
    forecast = review_forecast(user_id, now)
    days = study_days(user_id)
    return dict(
        attempts=attempts,
        score_chart=line_chart(points),
        summaries=quiz_summaries(user_id),
        by_type=by_type,
        type_chart=_mastery_chart(by_type),
        by_article=by_article,
        article_chart=_mastery_chart(by_article),
        forecast=forecast,
        due_now=due_card_count(user_id, now),
        forecast_chart=bar_chart([(f"{d.day:%a %d %b}", d.due, str(d.due)) for d in forecast]),
        streak=streak(days, today(now)),
        studied_today=today(now) in days,
        mistakes=len(missed_question_ids(user_id)),
    )


@bp.post("/mistakes")
@login_required
def mistakes():
    """Start a quiz of the questions the student last got wrong."""
    if not ActionForm().validate_on_submit():
        abort(400)
    quiz = build_mistakes_quiz(current_user)
    if quiz is None:
        flash("No mistakes to practise: your latest answer to every question was right.", "info")
        return redirect(url_for("progress.index"))
    attempt = resume_or_start(quiz, current_user)
    db.session.commit()
    return redirect(url_for("quiz.take", attempt_id=attempt.id))
